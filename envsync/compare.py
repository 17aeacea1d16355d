"""What ``envsync diff A B`` and ``envsync drift ENV`` compare (``run_diff``,
``run_drift``): an environment captured now, a stored snapshot (``ENV@latest``,
``ENV@<time>``) or a snapshot file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from envsync.errors import SnapshotError
from envsync.model import Snapshot
from envsync.store import load_snapshot, resolve_ref

if TYPE_CHECKING:
    from envsync.capture import Progress
    from envsync.config import Config
    from envsync.diff import DiffResult

__all__ = ["Side", "load_side", "run_diff", "run_drift"]


@dataclass
class Side:
    """One side of a comparison and the label messages call it by."""

    label: str
    snapshot: Snapshot
    live: bool


def _looks_like_file(spec: str) -> bool:
    return spec.endswith(".json") or "/" in spec or Path(spec).is_file()


def load_side(
    spec: str, config: Config | None, *, progress: Progress, runtime: bool = True,
    workers: int | None = None,
) -> Side:
    """Resolve ``spec``; an environment name is captured now (needs ``config``)."""
    if _looks_like_file(spec):
        return Side(label=Path(spec).stem if "@" not in spec else spec,
                    snapshot=load_snapshot(Path(spec)), live=False)
    if "@" in spec:
        if config is None:
            raise SnapshotError(f"{spec}: stored snapshots need an envsync.yaml")
        path = resolve_ref(config.snapshots_dir, spec)
        env = spec.partition("@")[0]
        return Side(label=f"{env}@{path.stem}", snapshot=load_snapshot(path), live=False)
    if config is None:
        raise SnapshotError(f"{spec}: not a snapshot file, and no envsync.yaml to find it in")
    # Capture (compose, git, engine adapters) loads only for a side captured now: a diff of
    # two stored snapshots starts without it.
    from envsync.capture import take_snapshot

    environment = config.environment(spec)
    snapshot = take_snapshot(config, environment, progress=progress, runtime=runtime,
                             workers=workers)
    return Side(label=spec, snapshot=snapshot, live=True)


def _noop(_: str) -> None:
    pass


def run_diff(
    *,
    a: str,
    b: str,
    config: Config | None,
    ignore: tuple[str, ...] = (),
    runtime: bool = True,
    strict: bool = False,
    workers: int | None = None,
    progress: Progress = _noop,
) -> DiffResult:
    """``envsync diff``'s core: both sides loaded or captured, compared, filtered."""
    from envsync.diff import compare
    from envsync.diff.ignorefile import ignore_rules

    left = load_side(a, config, progress=progress, runtime=runtime, workers=workers)
    right = load_side(b, config, progress=progress, runtime=runtime, workers=workers)
    result = compare(
        left.snapshot, right.snapshot, a_label=left.label, b_label=right.label,
        ignore=ignore_rules(config, ignore, strict=strict),
        expect_different=config.expect_different if config else (),
    )
    for side in (left, right):
        for err in side.snapshot["meta"].get("errors") or []:
            result.notes.append(f"{side.label}: {err['part']} not captured: {err['reason']}")
    return result


def run_drift(
    *,
    env_name: str,
    config: Config,
    snapshot_ref: str | None = None,
    ignore: tuple[str, ...] = (),
    runtime: bool = True,
    strict: bool = False,
    workers: int | None = None,
    progress: Progress = _noop,
) -> tuple[Snapshot, DiffResult]:
    """``envsync drift``'s core: capture ``env_name`` now (or read ``snapshot_ref``) and
    compare its committed files, working tree and running containers. Returns the snapshot
    too: ``envsync patch`` plans from it."""
    from envsync.capture.git import repo_root
    from envsync.capture.history import config_hash_history
    from envsync.diff.drift import drift
    from envsync.diff.ignorefile import ignore_rules

    env = config.environment(env_name)
    rules = ignore_rules(config, ignore, strict=strict)  # a bad .envsyncignore stops us early
    if snapshot_ref:
        side = load_side(snapshot_ref, config, progress=progress, runtime=runtime)
    else:
        side = load_side(env_name, config, progress=progress, runtime=runtime,
                         workers=workers)
    cache: dict[str, set[str]] | None = None

    def history(service: str) -> set[str]:
        nonlocal cache
        if cache is None:
            progress("config hashes of recent commits")
            cache = {}
            if env.compose is not None and env.git.is_worktree:
                cache = config_hash_history(repo_root(env.git.path or config.root), env.compose)
        return cache.get(service, set())

    result = drift(side.snapshot, history=history,
                   ignore=rules, expect_different=config.expect_different)
    for err in side.snapshot["meta"].get("errors") or []:
        result.notes.append(f"{side.label}: {err['part']} not captured: {err['reason']}")
    return side.snapshot, result
