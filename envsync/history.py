"""The core of ``envsync history``: the stored snapshots of an environment, with drift
counts and memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.config import Config

__all__ = ["HISTORY_SCHEMA", "History", "HistoryRow", "snapshot_history"]

HISTORY_SCHEMA = "envsync.history/v1"
"""``envsync history --format json``: its snapshots and deploys (envsync/schemas/history.json)."""


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

