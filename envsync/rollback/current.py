"""What runs now, as a rollback needs it: a full capture, or, when the compose files no
longer parse (conflict markers left by a merge), what the engine runs under the project's
name without them.

A broken compose file must not block the rollback that would fix it: levels 1 and 3 plan
from the restore point's snapshot and git objects, and need of the present only the
containers that run (by project name) and the env files (so their secrets are scrubbed
from every message).
"""

from __future__ import annotations

import datetime as dt
import platform
import time

from envsync.capture import Progress, no_progress
from envsync.config import Config, Environment
from envsync.errors import ComposeError, RollbackError
from envsync.model import Snapshot

__all__ = ["capture_current"]



def capture_current(config: Config, env: Environment, *, project_hint: str | None = None,
                    progress: Progress = no_progress) -> tuple[Snapshot, str | None]:
    """(the snapshot of ``env`` now, None), or, when compose rejects the working tree's
    files, (a snapshot without the compose part, compose's message). ``project_hint``
    names the compose project when envsync.yaml does not (a restore point's)."""
    from envsync.capture import take_snapshot

    try:
        # Stats (1-2 s of engine time) say nothing about what to restore: skipped here.
        return take_snapshot(config, env, progress=progress, stats=False), None
    except ComposeError as exc:
        reason = str(exc)
    project = (env.compose.project if env.compose else None) or project_hint
    if not project:
        raise RollbackError(f"{reason} (and with no project name in envsync.yaml or in a "
                            "restore point, what runs cannot be found without them)")
    progress("capture what runs, without the compose files")
    return _without_compose(config, env, project, reason), reason


def _without_compose(config: Config, env: Environment, project: str, reason: str) -> Snapshot:
    from envsync import __version__
    from envsync.capture.compose import compose_version
    from envsync.capture.envfiles import read_env_file
    from envsync.capture.git import capture_git
    from envsync.model import SNAPSHOT_SCHEMA
    from envsync.secrets import Redactor

    started, now = time.perf_counter(), dt.datetime.now(dt.UTC)
    redactor = Redactor()
    git = capture_git(env.git, config.root)
    errors = [{"part": "git", "reason": r} for r in git.errors]
    env_files: dict[str, dict[str, str | None]] = {}
    spec = env.compose
    if spec is not None and spec.env_file and (git.root / spec.env_file).is_file():
        # Read first: the redactor learns the secrets before anything else is recorded.
        parsed = read_env_file(git.root / spec.env_file, redactor)
        env_files[spec.env_file] = dict(sorted(parsed.values.items()))
    errors.append({"part": "compose", "reason": redactor.scrub(reason)})
    containers = health = engine = None
    if env.runtime:
        from envsync.capture.runtime import capture_runtime

        result = capture_runtime(env, project=project, redactor=redactor, stats=False)
        errors += result.errors
        listed = not {e["part"] for e in result.errors} & {"engine", "containers"}
        containers = result.containers if listed else None
        health, engine = result.health, result.engine
    snapshot: Snapshot = {
        "schema": SNAPSHOT_SCHEMA,
        "meta": {"environment": env.name, "project": config.project,
                 "time": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "envsync_version": __version__,
                 "compose_version": compose_version(), "engine": engine,
                 "host": platform.node(), "duration_s": None, "errors": errors},
        "git": git.section,
        "compose": None,
        "env_files": env_files,
        "containers": containers,
        "stats": None,
        "health": health,
        "limits": {"memory_mb": dict(env.memory_limits_mb)},
    }
    snapshot = redactor.scrub(snapshot)
    snapshot["meta"]["duration_s"] = round(time.perf_counter() - started, 3)
    return snapshot
