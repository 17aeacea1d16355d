"""Cores of the read-only commands: the CI gate, health, and history."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.capture import Progress
from envsync.config import Config
from envsync.diff.engine import DiffResult

__all__ = ["HealthReport", "History", "HistoryRow", "check_health", "run_gate",
           "snapshot_history"]


def _noop(_: str) -> None:
    pass


def run_gate(*, config: Config, env_name: str, baseline: Path, ignore: tuple[str, ...] = (),
             strict: bool = False, progress: Progress = _noop) -> DiffResult:
    """The approved baseline against ``env_name`` captured now. Stores nothing, changes
    nothing: the live snapshot is never written."""
    from envsync.diff import compare
    from envsync.diff.ignorefile import ignore_rules
    from envsync.sides import load_side
    from envsync.store import load_snapshot

    rules = ignore_rules(config, ignore, strict=strict)
    approved = load_snapshot(baseline)
    live = load_side(env_name, config, progress=progress)
    result = compare(approved, live.snapshot, a_label=f"baseline {baseline.name}",
                     b_label=f"{env_name} now", ignore=rules,
                     expect_different=config.expect_different)
    for err in live.snapshot["meta"].get("errors") or []:
        result.notes.append(f"{env_name}: {err['part']} not captured: {err['reason']}")
    return result


@dataclass
class HealthReport:
    """The checks and memory limits of one environment at one moment."""

    env: str
    time: float
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    memory: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(c.get("status") == "ok" for c in self.checks.values()) and not any(
            m.get("over") for m in self.memory.values())

    def to_json(self) -> dict[str, Any]:
        return {"schema": "envsync.health/v1", "environment": self.env, "time": self.time,
                "healthy": self.healthy, "checks": self.checks, "memory": self.memory,
                "errors": self.errors}


def check_health(*, config: Config, env_name: str) -> HealthReport:
    """Run ``env_name``'s health checks and read memory use against its limits: the same
    capture and memory reading as ``envsync watch`` (envsync/watch/observe.py)."""
    from envsync.secrets import Redactor
    from envsync.watch.observe import capture, memory_rows, project_of

    env = config.environment(env_name)
    result = capture(env, project_of(config, env_name), Redactor())
    report = HealthReport(env=env_name, time=time.time(), checks=result.health,
                          errors=result.errors)
    for key, row in memory_rows(env, result).items():
        report.memory[key] = {"used_mb": row["used_mb"], "limit_mb": row["limit_mb"],
                              "over": row["over"]}
    return report


@dataclass
class HistoryRow:
    """One stored snapshot: when, which commit, how much drift, how much memory."""

    path: Path
    time: str
    head: str | None
    findings: dict[str, int]
    memory_mb: float | None
    errors: int

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "time": self.time, "head": self.head,
                "drift": self.findings, "memory_mb": self.memory_mb, "errors": self.errors}


@dataclass
class History:
    """The stored snapshots that could be read, and one line for each that could not."""

    rows: list[HistoryRow] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def snapshot_history(*, config: Config, env_name: str, limit: int = 50) -> History:
    """The newest ``limit`` stored snapshots of ``env_name``, oldest first, each with its
    drift counts (computed from the snapshot alone) and total memory in use. A file that
    cannot be read (broken by hand, of another schema) does not stop the others: it is
    listed in ``unreadable`` with the reason."""
    from envsync.diff.drift import drift
    from envsync.diff.ignorefile import ignore_rules
    from envsync.errors import SnapshotError
    from envsync.store import list_snapshots, load_snapshot

    config.environment(env_name)
    rules = ignore_rules(config)
    history = History()
    for path in list_snapshots(config.snapshots_dir, env_name)[-limit:]:
        try:
            snap = load_snapshot(path)
        except SnapshotError as exc:
            history.unreadable.append(str(exc))
            continue
        result = drift(snap, ignore=rules, expect_different=config.expect_different)
        stats = snap.get("stats") or {}
        used = [s.get("memory_used_mb") for s in stats.values() if s.get("memory_used_mb")]
        row = HistoryRow(path=path, time=snap["meta"].get("time", "?"),
                         head=(snap.get("git") or {}).get("head"),
                         findings={k: v for k, v in result.summary.items() if v},
                         memory_mb=round(sum(used), 1) if used else None,
                         errors=len(snap["meta"].get("errors") or []))
        history.rows.append(row)
    return history
