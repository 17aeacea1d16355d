"""The data of ``envsync report``: every environment side by side, for people.

Per environment: a snapshot (captured now, or the newest stored), its drift, its memory
use over the stored snapshots against its limits, its health checks, and its restore
points and rollbacks. Across environments: the drift matrix, one row per service setting
whose value is not the same everywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from envsync.config import Config
from envsync.diff.engine import DiffResult
from envsync.model import Kind, Severity, Snapshot

__all__ = ["EnvView", "MatrixRow", "Overview", "build_overview", "drift_matrix",
           "memory_series"]

MISSING = object()


@dataclass
class MemoryPoint:
    time: str
    used_mb: dict[str, float] = field(default_factory=dict)


@dataclass
class EnvView:
    """One environment as the report shows it."""

    name: str
    snapshot: Snapshot
    source: str
    drift: DiffResult
    memory: list[MemoryPoint] = field(default_factory=list)
    limits_mb: dict[str, float] = field(default_factory=dict)
    timeline: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class MatrixRow:
    """A service setting and its value in each environment (MISSING: not set there)."""

    service: str
    setting: str
    values: dict[str, Any]
    severity: Severity


@dataclass
class Overview:
    envs: list[EnvView]
    matrix: list[MatrixRow]


def _flatten(value: Any, prefix: tuple[str, ...], out: dict[tuple[str, ...], Any]) -> None:
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            _flatten(sub, (*prefix, str(key)), out)
    else:
        out[prefix] = value


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def drift_matrix(snapshots: dict[str, Snapshot]) -> list[MatrixRow]:
    """The declared service settings that differ between any two environments."""
    from envsync.diff.normalise import normalise
    from envsync.diff.rules import match_rule

    flat: dict[str, dict[tuple[str, ...], Any]] = {}
    for env, snap in snapshots.items():
        leaves: dict[tuple[str, ...], Any] = {}
        for service, body in (normalise(snap).get("services") or {}).items():
            _flatten(body, (service,), leaves)
        flat[env] = leaves
    paths = sorted({p for leaves in flat.values() for p in leaves})
    rows = []
    for path in paths:
        values = {env: leaves.get(path, MISSING) for env, leaves in flat.items()}
        if len({_key(v) if v is not MISSING else "\0missing" for v in values.values()}) < 2:
            continue
        kind = Kind.ADDED if any(v is MISSING for v in values.values()) else Kind.CHANGED
        rule = match_rule(("services", *path), kind)
        rows.append(MatrixRow(service=path[0], setting=".".join(path[1:]) or "(service)",
                              values=values, severity=rule.severity))
    return rows


def memory_series(snapshots: list[Snapshot]) -> list[MemoryPoint]:
    """Memory in use per service at each snapshot (replicas added up)."""
    points = []
    for snap in snapshots:
        point = MemoryPoint(time=str(snap["meta"].get("time", "?")))
        containers = snap.get("containers") or {}
        for key, stats in (snap.get("stats") or {}).items():
            used = (stats or {}).get("memory_used_mb")
            if used is None:
                continue
            service = str((containers.get(key) or {}).get("service") or key)
            point.used_mb[service] = round(point.used_mb.get(service, 0.0) + float(used), 2)
        points.append(point)
    return points


def _limits(snap: Snapshot) -> dict[str, float]:
    limits = {k: float(v) for k, v in ((snap.get("limits") or {}).get("memory_mb") or {}).items()}
    for record in (snap.get("containers") or {}).values():
        service, limit = record.get("service"), record.get("memory_limit_mb")
        if service and limit and service not in limits:
            limits[str(service)] = float(limit)
    return limits


def _timeline(config: Config, env: str, problems: list[str]) -> list[dict[str, str]]:
    from envsync.rollback.backup import list_restore_points
    from envsync.rollback.outcome import LOG_NAME

    events = [{"time": p.time, "what": f"{p.kind} {p.tag}",
               "detail": f"commit {p.commit[:12]}" + (" + uncommitted edits" if p.dirty else "")}
              for p in list_restore_points(config=config, env_name=env, warn=problems.append)]
    log = config.snapshots_dir / env / LOG_NAME
    if log.exists() or log.is_symlink():
        from envsync.errors import EnvsyncError
        from envsync.files import LOG_LIMIT, read_json_lines
        from envsync.schemas import validate

        try:
            entries, bad_lines = read_json_lines(log, LOG_LIMIT, "rollback log")
        except EnvsyncError as exc:  # too large, a device, unreadable: the rest still shows
            entries, bad_lines = [], [str(exc)]
        problems += [f"{line}; skipped" for line in bad_lines]
        for number, entry in entries:
            try:
                validate(entry, "rollback-log", f"{log}:{number}")
            except EnvsyncError as exc:
                problems.append(f"{exc}; skipped")
                continue
            events.append({"time": str(entry["started"]),
                           "what": f"rollback level {entry['level']} → {entry['point']}",
                           "detail": f"{entry['result']} in {entry['seconds']:.0f} s"})
    from envsync.deploylog import load_deploys

    deploys, skipped = load_deploys(config, env)
    problems += skipped
    for d in deploys:
        detail = f"{d.result} in {d.seconds:.0f} s" + (f": {d.failure}" if d.failure else "")
        if d.rollback:
            detail += f"; rolled back ({d.rolled_back})"
        events.append({"time": d.started, "what": f"deploy {d.ref} ({d.commit[:12]})",
                       "detail": detail})
    return sorted(events, key=lambda e: e["time"])


def build_overview(config: Config, env_names: list[str], *, stored: bool = False,
                   history: int = 50) -> Overview:
    """Each environment captured now (``stored``: its newest stored snapshot), its drift,
    memory over its last ``history`` stored snapshots, and its timeline."""
    from envsync.compare import run_drift
    from envsync.errors import SnapshotError
    from envsync.store import list_snapshots, load_snapshot

    views = []
    for name in env_names or sorted(config.environments):
        config.environment(name)
        snap, result = run_drift(env_name=name, config=config,
                                 snapshot_ref=f"{name}@latest" if stored else None)
        view = EnvView(name=name, snapshot=snap, drift=result,
                       source="newest stored snapshot" if stored else "captured now")
        past: list[Snapshot] = []
        for path in list_snapshots(config.snapshots_dir, name)[-history:]:
            try:
                past.append(load_snapshot(path))
            except SnapshotError as exc:
                view.problems.append(f"{exc}; skipped")
        if not stored:
            past.append(snap)
        view.memory = memory_series(past)
        view.limits_mb = _limits(snap)
        view.timeline = _timeline(config, name, view.problems)
        view.problems += [f"{e['part']} not captured: {e['reason']}"
                          for e in snap["meta"].get("errors") or []]
        views.append(view)
    return Overview(envs=views, matrix=drift_matrix({v.name: v.snapshot for v in views}))
