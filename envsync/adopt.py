"""Cores of ``envsync approve`` and ``envsync baseline``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from envsync.config import Config

__all__ = ["Approved", "approve_snapshot", "approved_path", "baseline_findings"]


def approved_path(config: Config, env_name: str) -> Path:
    """Where ``env_name``'s approved baseline lives (the gate's default ``--baseline``)."""
    config.environment(env_name)  # an unknown name fails here, not as a missing file
    return config.snapshots_dir / env_name / "approved.json"


@dataclass
class Approved:
    """What ``approve`` stored: enough for a person to check it is the state they meant."""

    env: str
    path: Path
    time: str
    head: str | None
    dirty: bool
    services: list[str] = field(default_factory=list)
    containers: int = 0
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        commit = (self.head or "no commit")[:12] + (" + uncommitted edits" if self.dirty else "")
        services = ", ".join(self.services) or "none"
        return (f"approved {self.env} as of {self.time}: commit {commit}; services: {services}; "
                f"{self.containers} container(s) running\n→ {self.path}\n"
                f"`envsync gate {self.env}` now compares with it; commit the file.")


def approve_snapshot(*, config: Config, env_name: str, snapshot_ref: str | None = None) -> Approved:
    """Capture ``env_name`` now (or read ``snapshot_ref``) and store it, atomically, as the
    approved baseline. The snapshot is the one `snapshot` stores: secrets fingerprinted."""
    from envsync.compare import load_side
    from envsync.errors import StorageError
    from envsync.store import escaping_link_problem, write_snapshot

    path = approved_path(config, env_name)
    side = load_side(snapshot_ref or env_name, config, progress=lambda _: None)
    snap = side.snapshot
    if snap["meta"].get("environment") not in (None, env_name):
        from envsync.errors import SnapshotError

        raise SnapshotError(f"{snapshot_ref}: a snapshot of {snap['meta']['environment']!r}, "
                            f"not of {env_name!r}")
    problem = escaping_link_problem(path, config.snapshots_dir)
    if problem is not None:
        raise StorageError(problem)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_snapshot(config.snapshots_dir, snap, out=path)
    git = snap.get("git") or {}
    declared = ((snap.get("compose") or {}).get("declared") or {}).get("services") or {}
    return Approved(env=env_name, path=path, time=str(snap["meta"].get("time", "?")),
                    head=git.get("head"), dirty=bool(git.get("dirty")),
                    services=sorted(declared), containers=len(snap.get("containers") or {}),
                    errors=[f"{e['part']} not captured: {e['reason']}"
                            for e in snap["meta"].get("errors") or []])


def baseline_findings(*, config: Config, env_name: str,
                      snapshot_ref: str | None = None) -> tuple[list[str], Path]:
    """Append ``env_name``'s drift findings of now to ``.envsyncignore``; the rules written
    and the file. Only findings not already ignored are there to write."""
    from envsync.compare import run_drift
    from envsync.diff.ignorefile import IGNORE_FILE, append_baseline
    from envsync.errors import StorageError
    from envsync.store import escaping_link_problem

    path = config.root / IGNORE_FILE
    problem = escaping_link_problem(path, config.root)
    if problem is not None:
        raise StorageError(problem)
    _, result = run_drift(env_name=env_name, config=config, snapshot_ref=snapshot_ref)
    written = append_baseline(path, result.findings, f"envsync baseline {env_name}")
    return written, path
