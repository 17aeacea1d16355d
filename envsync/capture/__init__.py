"""Capture: reading the world (git, compose, env files, the engine) into a snapshot.

Reading only: commands that change the world are plan steps run by
:mod:`envsync.plan.executor`; the health checks a rollback or deploy waits for are polled
by :mod:`envsync.capture.health`.

:func:`take_snapshot` assembles one ``envsync.snapshot/v1`` document for an environment.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from envsync import __version__
from envsync.config import ComposeSpec, Config, Environment
from envsync.errors import ComposeError
from envsync.model import SNAPSHOT_SCHEMA, Snapshot
from envsync.secrets import Redactor
from envsync.types import (
    CheckResult,
    ComposeSection,
    ContainerRecord,
    EngineInfo,
    FileState,
    GitSection,
    HostRecord,
    StatsRecord,
    SwarmSection,
)

if TYPE_CHECKING:
    from envsync.capture.git import GitState

__all__ = ["Progress", "no_progress", "record_snapshot", "take_snapshot"]

Progress = Callable[[str], None]
"""Called with a short description of each step as it starts."""


def no_progress(_: str) -> None:
    """The :data:`Progress` that says nothing (the default of every ``progress=``)."""


_noop = no_progress


def _file_hash(path: Path) -> str | None:
    from envsync.errors import EnvsyncError
    from envsync.files import COMPOSE_FILE_LIMIT, read_bytes_bounded

    try:
        return hashlib.sha256(read_bytes_bounded(path, COMPOSE_FILE_LIMIT, "compose file")
                              ).hexdigest()
    except EnvsyncError:
        return None


def _redact_model(model: dict[str, Any], redactor: Redactor) -> dict[str, Any]:
    """Fingerprint secret values in each service's resolved ``environment``."""
    for svc in (model.get("services") or {}).values():
        env = svc.get("environment")
        if isinstance(env, dict):
            # compose prints each `$` of its model as `$$` (so that it reads back as the same
            # model); the container gets one `$`: keep (and fingerprint) the value it gets.
            svc["environment"] = redactor.mapping(
                {k: v.replace("$$", "$") if isinstance(v, str) else v for k, v in env.items()})
    return model


def _borrow_unversioned(worktree: Path, committed: Path, names: list[str]) -> list[str]:
    """Copy env files that git does not hold (often ignored on purpose) from the working
    tree into the committed tree, so the committed model resolves as it would deploy."""
    borrowed = []
    for name in names:
        src, dst = worktree / name, committed / name
        if src.is_file() and not dst.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
            borrowed.append(name)
    return borrowed


def _drop_own_files(section: GitSection, root: Path, config: Config) -> None:
    """envsync's own snapshot folder and accepted-findings file (``.envsyncignore``,
    written by ``envsync baseline``) are not drift of the application."""
    from envsync.diff.ignorefile import IGNORE_FILE

    # realpath, not Path.resolve: a symlink loop here is reported when the snapshot is
    # written (naming the folder), not as a RuntimeError of pathlib's.
    real_root = os.path.realpath(root)
    own: list[str] = []
    with contextlib.suppress(ValueError):
        own.append(Path(os.path.realpath(config.snapshots_dir)).relative_to(
            real_root).as_posix() + "/")
    with contextlib.suppress(ValueError):
        own.append(Path(os.path.realpath(config.root / IGNORE_FILE)).relative_to(
            real_root).as_posix())
    def kept(entries: list[FileState]) -> list[FileState]:
        return [e for e in entries
                if not any(e["path"] == o or (o.endswith("/") and e["path"].startswith(o))
                           for o in own)]

    section["dirty"], section["untracked"] = kept(section["dirty"]), kept(section["untracked"])


def _capture_compose(spec: ComposeSpec, git: GitState, declared_dir: Path,
                     committed_dir: Path | None, tmp: Path, redactor: Redactor,
                     progress: Progress, errors: list[dict[str, str]]
                     ) -> tuple[ComposeSection, list[str]]:
    """The compose section (the working tree's model or the commit's, and HEAD's beside
    it) and the env files it reads; ``tmp`` holds the committed files when extracted."""
    from envsync.capture.compose import referenced_env_files, resolve
    from envsync.capture.envfiles import read_env_file

    if spec.env_file and (declared_dir / spec.env_file).is_file():
        # Learn the env file's secrets first, so that even compose's own error
        # messages (which may quote a value) are scrubbed of them.
        read_env_file(declared_dir / spec.env_file, redactor)
    # The env files: the environment's own, then those its services name.
    env_names = list(dict.fromkeys(
        ([spec.env_file] if spec.env_file else [])
        + referenced_env_files(declared_dir, spec.files)))
    committed_job = None
    unversioned: list[str] = []
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compose-committed")
    if git.worktree and committed_dir is not None:
        # HEAD's files resolve while the working tree's do: two compose runs at once.
        unversioned = _borrow_unversioned(declared_dir, committed_dir, env_names)
        committed_job = pool.submit(resolve, committed_dir, spec.files,
                                    project=spec.project, env_file=spec.env_file,
                                    profiles=spec.profiles, origin=git.root)
    progress("compose config")
    try:
        declared, hashes = resolve(declared_dir, spec.files, project=spec.project,
                                   env_file=spec.env_file, profiles=spec.profiles,
                                   origin=git.root if declared_dir == tmp else None)
    except ComposeError as exc:
        at = f"{git.root}@{(git.commit or '')[:12]}"
        raise ComposeError(redactor.scrub(str(exc).replace(str(tmp), at))) from None
    finally:
        pool.shutdown(wait=True)
    committed: dict[str, Any] | None = None
    committed_hashes: dict[str, str] | None = None
    if committed_job is not None:
        try:
            committed, committed_hashes = committed_job.result()
        except ComposeError as exc:
            errors.append({"part": "compose.committed", "reason": str(exc).replace(
                str(tmp), f"{git.root}@HEAD")})
    elif git.worktree:
        errors.append({"part": "compose.committed", "reason": "no commit yet"})
    else:
        committed, committed_hashes = declared, hashes
    section: ComposeSection = {
        "project": spec.project or declared.get("name"),
        "files": [{"path": f, "sha256": _file_hash(declared_dir / f)} for f in spec.files],
        "env_file": spec.env_file,
        "declared": _redact_model(declared, redactor),
        "committed": _redact_model(committed, redactor) if committed else None,
        "hashes": hashes,
        "committed_hashes": committed_hashes,
        "unversioned": unversioned,
    }
    return section, env_names


def _read_env_files(folder: Path, names: list[str], redactor: Redactor,
                    errors: list[dict[str, str]]) -> dict[str, dict[str, str | None]]:
    """Each env file's keys and values (secrets fingerprinted); lines python-dotenv cannot
    parse are left out and named in ``errors``."""
    from envsync.capture.envfiles import read_env_file

    out: dict[str, dict[str, str | None]] = {}
    for name in names:
        parsed = read_env_file(folder / name, redactor)
        out[name] = dict(sorted(parsed.values.items()))
        errors += [
            {"part": "env_files", "reason": f"{name}:{line}: python-dotenv cannot parse "
             "this line; it is left out"} for line in parsed.bad_lines
        ]
    return out


def take_snapshot(
    config: Config,
    env: Environment,
    *,
    progress: Progress = _noop,
    redactor: Redactor | None = None,
    runtime: bool = True,
    stats: bool = True,
    workers: int | None = None,
) -> Snapshot:
    """Capture ``env`` now. Parts that cannot be captured are listed in ``meta.errors``;
    broken input (not a repository, a compose file compose rejects) raises an EnvsyncError.
    A fleet's hosts are read ``workers`` at once (default: the environment's setting)."""
    from envsync.capture.compose import compose_version
    from envsync.capture.git import capture_git, materialise

    started = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    redactor = redactor or Redactor()
    errors: list[dict[str, str]] = []

    progress("git")
    git = capture_git(env.git, config.root)
    errors += [{"part": "git", "reason": r} for r in git.errors]
    _drop_own_files(git.section, git.root, config)

    compose_section: ComposeSection | None = None
    env_files: dict[str, dict[str, str | None]] = {}
    with tempfile.TemporaryDirectory(prefix="envsync-") as tmp_name:
        tmp = Path(tmp_name)
        committed_dir: Path | None = None
        if git.commit:
            progress("materialise the committed files")
            materialise(git.root, git.commit, tmp)
            committed_dir = tmp
        declared_dir = git.root if git.worktree else committed_dir
        if env.compose is not None:
            if declared_dir is None:
                raise ComposeError(f"{git.root}: the repository has no commit to read files from")
            compose_section, env_names = _capture_compose(
                env.compose, git, declared_dir, committed_dir, tmp, redactor, progress, errors)
            progress("env files")
            env_files = _read_env_files(declared_dir, env_names, redactor, errors)

    runtime_section = _runtime(env, compose_section, redactor, progress, errors, runtime, stats,
                               workers)

    snapshot: Snapshot = {
        "schema": SNAPSHOT_SCHEMA,
        "meta": {
            "environment": env.name,
            "project": config.project,
            "time": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "envsync_version": __version__,
            "compose_version": compose_version(),
            "engine": runtime_section.get("engine"),
            "host": platform.node(),
            "duration_s": None,
            "errors": errors,
        },
        "git": git.section,
        "compose": compose_section,
        "env_files": env_files,
        "containers": runtime_section.get("containers"),
        "stats": runtime_section.get("stats"),
        "health": runtime_section.get("health"),
        "limits": {"memory_mb": dict(env.memory_limits_mb)},
    }
    if env.swarm is not None:
        snapshot["swarm"] = runtime_section.get("swarm")
        if snapshot["swarm"] is None:
            del snapshot["swarm"]
    if env.engines:
        snapshot["hosts"] = runtime_section.get("hosts") or {}
    snapshot = redactor.scrub(snapshot)
    snapshot["meta"]["duration_s"] = round(time.perf_counter() - started, 3)
    return snapshot


class _RuntimeParts(TypedDict, total=False):
    """The snapshot's runtime parts; a part left out is recorded as null."""

    engine: EngineInfo | None
    containers: dict[str, ContainerRecord] | None
    stats: dict[str, StatsRecord] | None
    health: dict[str, CheckResult]
    swarm: SwarmSection | None
    hosts: dict[str, HostRecord]


def _runtime(
    env: Environment,
    compose_section: ComposeSection | None,
    redactor: Redactor,
    progress: Progress,
    errors: list[dict[str, str]],
    enabled: bool,
    stats: bool = True,
    workers: int | None = None,
) -> _RuntimeParts:
    """The runtime part (containers, stats, health), or the reason it is missing."""
    if not env.runtime:
        return {}
    if not enabled:
        errors.append({"part": "runtime", "reason": "--no-runtime was given"})
        return {}
    if compose_section is None:
        errors.append({"part": "runtime", "reason": "the environment has no compose files"})
        return {}
    if env.swarm is not None:
        return _swarm_runtime(env, redactor, progress, errors)
    try:
        from envsync.capture.runtime import capture_runtime
    except ImportError as exc:  # pragma: no cover - only while runtime capture is missing
        errors.append({"part": "runtime", "reason": str(exc)})
        return {}
    if env.engines:
        return _fleet(env, str(compose_section["project"]), redactor, progress, errors, stats,
                      workers)
    progress("engine: containers, stats, health")
    result = capture_runtime(env, project=str(compose_section["project"]), redactor=redactor,
                             stats=stats)
    errors.extend(result.errors)
    failed = {e["part"] for e in result.errors}
    # Containers the engine could not list are unknown, not absent: None, never {}.
    listed = not failed & {"engine", "containers"}
    return {
        "engine": result.engine,
        "containers": result.containers if listed else None,
        "stats": result.stats if listed and "stats" not in failed else None,
        "health": result.health,
    }


def _swarm_runtime(env: Environment, redactor: Redactor, progress: Progress,
                   errors: list[dict[str, str]]) -> _RuntimeParts:
    """A stack's runtime: its services and tasks from the manager (no per-container
    records or stats: tasks run on many nodes), and the health checks beside it."""
    from envsync.capture.health import submit_checks
    from envsync.capture.swarm import capture_swarm

    progress("swarm: services, tasks, nodes")
    with ThreadPoolExecutor(max_workers=max(1, len(env.health)),
                            thread_name_prefix="health") as pool:
        http, futures = submit_checks(env.health, pool, redactor)
        try:
            result = capture_swarm(env, redactor=redactor)
        finally:
            health = {name: future.result() for name, future in futures.items()}
            http.close()
    errors.extend(result.errors)
    errors.extend({"part": "health", "reason": f"{name}: {check['error']}"}
                  for name, check in health.items() if check["status"] == "error")
    return {"engine": result.engine, "containers": None, "stats": None,
            "health": redactor.scrub(health), "swarm": result.section}


def _fleet(env: Environment, project: str, redactor: Redactor, progress: Progress,
           errors: list[dict[str, str]], stats: bool, workers: int | None) -> _RuntimeParts:
    """The runtime of each host of a fleet; the top-level containers and stats stay null
    (no one engine holds them)."""
    from envsync.capture.fleet import capture_fleet

    result = capture_fleet(env, project=project, redactor=redactor, stats=stats,
                           workers=workers, progress=progress)
    errors.extend({str(k): str(v) for k, v in e.items()} for e in result.errors)
    return {"engine": None, "containers": None, "stats": None, "health": result.health,
            "hosts": result.hosts}


def record_snapshot(
    *,
    config: Config,
    env_name: str,
    out: Path | None = None,
    runtime: bool = True,
    stats: bool = True,
    workers: int | None = None,
    progress: Progress = _noop,
) -> tuple[Snapshot, Path]:
    """Capture ``env_name`` and store it atomically; the snapshot and where it went."""
    from envsync.store import write_snapshot

    env = config.environment(env_name)
    snapshot = take_snapshot(config, env, progress=progress, runtime=runtime, stats=stats,
                             workers=workers)
    progress("write")
    return snapshot, write_snapshot(config.snapshots_dir, snapshot, out)
