"""The core of ``envsync gate``: an approved baseline against an environment now."""

from __future__ import annotations

from pathlib import Path

from envsync.capture import Progress
from envsync.config import Config
from envsync.diff.engine import DiffResult

__all__ = ["run_gate"]


def _noop(_: str) -> None:
    pass


def run_gate(*, config: Config, env_name: str, baseline: Path, ignore: tuple[str, ...] = (),
             strict: bool = False, progress: Progress = _noop) -> DiffResult:
    """The approved baseline against ``env_name`` captured now. Stores nothing, changes
    nothing: the live snapshot is never written."""
    from envsync.compare import load_side
    from envsync.diff import compare
    from envsync.diff.ignorefile import ignore_rules
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

