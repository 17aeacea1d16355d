"""Preparing a rollback: what runs now, the restore point to return to, the plan.

:func:`prepare_rollback` changes nothing: a dry run is this plus printing the script, and
:mod:`envsync.rollback.execute` runs what it prepared.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from envsync.capture import Progress, no_progress
from envsync.config import Config, Environment
from envsync.errors import RollbackError
from envsync.model import Snapshot
from envsync.rollback.plan import RollbackPlan
from envsync.rollback.points import RestorePoint, backup_dir
from envsync.rollback.safety import AtRisk, describe_at_risk

__all__ = ["Prepared", "at_risk", "busy", "choose_checked_point", "prepare_rollback",
           "running_since"]



@dataclass
class Prepared:
    """Everything a rollback needs, gathered without changing anything."""

    config: Config
    env: Environment
    root: Path
    current: Snapshot
    point_snapshot: Snapshot
    rollback: RollbackPlan
    script: str
    captured_at: float = field(default_factory=time.monotonic)
    compose_error: str | None = None
    """Why the working tree's compose files could not be resolved (the plan was then made
    from the point's snapshot and git objects, and ``current`` has no compose part)."""
    project_hint: str | None = None
    at_risk: list[AtRisk] = field(default_factory=list)
    """Files the steps would overwrite or delete that git cannot give back (ignored,
    untracked, uncommitted edits); :func:`check_preconditions` refreshes it."""


def running_since(snapshot: Snapshot) -> dt.datetime | None:
    from envsync.rollback.points import parse_time

    starts = [parse_time(c["started_at"]) for c in (snapshot.get("containers") or {}).values()
              if c.get("state") == "running" and c.get("started_at")]
    return max(starts) if starts else None


def _file_names(env: Environment, snapshots: tuple[Snapshot, ...]) -> list[str]:
    """The compose and env files of ``env`` and of the snapshots, each once."""
    assert env.compose is not None
    names = list(env.compose.files) + ([env.compose.env_file] if env.compose.env_file else [])
    for snap in snapshots:
        names += list(snap.get("env_files") or {})
    return list(dict.fromkeys(names))


def prepare_rollback(*, config: Config, env_name: str, level: int, to: str | None = None,
                     progress: Progress = no_progress, warn: Progress = no_progress) -> Prepared:
    """Capture ``env_name`` now, choose the restore point, plan the level. Changes nothing.
    A bad manifest is skipped and passed to ``warn``: it never blocks another point."""
    from envsync.capture.compose import compose_command
    from envsync.capture.git import paths_in_commit, tracked_paths
    from envsync.plan import render_script
    from envsync.rollback.current import capture_current
    from envsync.rollback.plan import Tools, plan_rollback
    from envsync.rollback.points import list_points

    env = config.environment(env_name)
    env.one_engine("rollback")
    if env.swarm is not None and level in (1, 2, 3):  # a stack: rolled back through Swarm
        from envsync.rollback.swarm import prepare_swarm_rollback

        prepared: Prepared = prepare_swarm_rollback(config=config, env=env, level=level,
                                                    to=to, progress=progress, warn=warn)
        return prepared
    if env.compose is None or not env.git.is_worktree:
        raise RollbackError(f"{env_name}: a rollback needs a working tree (git: PATH) and "
                            "compose files")
    if level not in (1, 2, 3):
        raise RollbackError(f"--level {level}: choose 1 (configuration), 2 (containers) "
                            "or 3 (full)")
    points = list_points(backup_dir(config, env_name), snapshots_dir=config.snapshots_dir,
                         warn=warn)
    if not points:
        raise RollbackError(f"{env_name}: no restore points in {backup_dir(config, env_name)}: "
                            f"take one with `envsync backup {env_name}`")
    progress("capture what runs now")
    hint = _project_hint(points)
    current, compose_error = capture_current(config, env, project_hint=hint,
                                             progress=progress)
    captured_at = time.monotonic()
    if compose_error and level == 2:
        raise RollbackError(f"{compose_error} (level 2 runs compose with the files as they "
                            "are; levels 1 and 3 restore them from the restore point)")
    point, point_snapshot, root = choose_checked_point(points, to, current)
    names = _file_names(env, (point_snapshot, current))
    point_files = paths_in_commit(root, point.commit, names)
    tracked = tracked_paths(root, names)
    current_files = tuple(n for n in names if n in tracked)
    tools = Tools(compose=compose_command(), docker=(shutil.which("docker") or "docker",),
                  git=shutil.which("git") or "git")
    rollback = plan_rollback(env=env, level=level, point=point, point_snapshot=point_snapshot,
                             current=current, root=root, tools=tools,
                             point_files=point_files, current_files=current_files)
    if compose_error:
        first = compose_error.strip().splitlines()[0] if compose_error.strip() else "?"
        rollback.plan.notes.append(f"the compose files do not parse now ({first}): planned "
                                   f"from {point.tag}'s snapshot and git objects")
    busy_now = busy(root) if level == 3 else None
    if busy_now:
        rollback.plan.notes.append(f"{busy_now}; --execute refuses")
    risky = at_risk(root, rollback)
    if risky:
        rollback.plan.notes.append(
            f"overwrites what git cannot give back: {describe_at_risk(risky)}; --execute "
            "refuses without --force, and with it keeps a copy of each first")
    return Prepared(config=config, env=env, root=root, current=current,
                    point_snapshot=point_snapshot, rollback=rollback,
                    script=render_script(rollback.plan), captured_at=captured_at,
                    at_risk=risky, compose_error=compose_error, project_hint=hint)


def choose_checked_point(points: list[RestorePoint], to: str | None, current: Snapshot
                         ) -> tuple[RestorePoint, Snapshot, Path]:
    """The point to return to (``to``, else the newest before what runs now started), its
    snapshot and the repository; RollbackError when its git tag is gone or moved."""
    from envsync.capture.git import tag_commit
    from envsync.rollback.points import choose_point
    from envsync.store import load_snapshot

    point = choose_point(points, to, running_since(current))
    point_snapshot = load_snapshot(Path(point.snapshot))
    root = Path(current["git"]["path"])
    if tag_commit(root, point.tag) != point.commit:
        raise RollbackError(f"git tag {point.tag} is missing or no longer at "
                            f"{point.commit[:12]} in {root}: the restore point is broken")
    return point, point_snapshot, root


def _project_hint(points: list[RestorePoint]) -> str | None:
    """The compose project the newest point recorded (when envsync.yaml names none and
    the compose files no longer parse, it is how what runs is found)."""
    from envsync.errors import EnvsyncError
    from envsync.store import load_snapshot

    for point in reversed(points):
        try:
            project = (load_snapshot(Path(point.snapshot)).get("compose") or {}).get("project")
        except EnvsyncError:
            continue
        if project:
            return str(project)
    return None


def busy(root: Path) -> str | None:
    """Why a level-3 rollback must not run now: a rebase, merge, cherry-pick, revert or
    bisect left half-done (`git reset --hard` under it loses commits on `--continue`)."""
    from envsync.rollback.safety import operation_in_progress

    operation = operation_in_progress(root)
    return (f"{operation}: a level-3 rollback would reset the branch under it" if operation
            else None)


def at_risk(root: Path, rb: RollbackPlan) -> list[AtRisk]:
    """What the plan's git step would overwrite that git cannot give back (level 1: the
    files it restores; level 3: the whole tree and every tracked file; level 2: nothing)."""
    from envsync.rollback.safety import files_at_risk

    if rb.level == 2:
        return []
    if rb.level == 1:
        if not rb.restored:
            return []
        return files_at_risk(root, rb.point.commit, paths=tuple(rb.restored))
    return files_at_risk(root, rb.point.commit)
