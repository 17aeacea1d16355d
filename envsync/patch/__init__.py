"""Reconcile: the change that brings files and running containers back in line, either way.

``--to vcs`` edits the files to describe what runs; ``--to runtime`` recreates the drifted
services from the files. Planning is pure; writing and executing are explicit steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from envsync.capture import Progress
from envsync.config import Config
from envsync.errors import EngineError
from envsync.patch.vcs import VcsPatch
from envsync.plan import Plan

__all__ = ["PatchResult", "run_patch", "write_patch"]


def _noop(_: str) -> None:
    pass


@dataclass
class PatchResult:
    """One of ``vcs`` (file edits) or ``plan`` (runtime steps), with notes for the reader."""

    env: str
    to: str
    root: Path
    vcs: VcsPatch | None = None
    plan: Plan | None = None
    notes: list[str] = field(default_factory=list)
    findings: int = 0

    @property
    def empty(self) -> bool:
        if self.vcs is not None:
            return not self.vcs.diff
        return not (self.plan and self.plan.steps)


def run_patch(*, config: Config, env_name: str, to: str, snapshot_ref: str | None = None,
              progress: Progress = _noop) -> PatchResult:
    """The patch for ``env_name``'s drift, towards ``vcs`` or ``runtime``."""
    from envsync.capture.git import repo_root
    from envsync.compare import run_drift
    from envsync.patch.runtime import plan_runtime_patch
    from envsync.patch.vcs import plan_vcs_patch

    env = config.environment(env_name)
    env.one_engine("patch")
    snapshot, drift = run_drift(env_name=env_name, config=config,
                                snapshot_ref=snapshot_ref, progress=progress)
    root = repo_root(env.git.path or config.root)
    result = PatchResult(env=env_name, to=to, root=root, findings=len(drift.findings))
    if snapshot.get("containers") is None:
        # Nothing to plan from, either way: "nothing to patch" would say that what runs
        # matches the files (or that the files describe what runs), unseen.
        reasons = [e["reason"] for e in snapshot["meta"].get("errors") or []
                   if e.get("part") in ("runtime", "containers", "engine")]
        if not reasons and not env.runtime:
            reasons = ["runtime: false in envsync.yaml (nothing runs there to compare)"]
        raise EngineError(f"{env_name}: cannot read the running containers"
                          + (f": {reasons[0]}" if reasons else "")
                          + f"; `patch --to {to}` needs them")
    if to == "vcs":
        if not env.git.is_worktree:
            result.notes.append(f"{env_name} is not read from a working tree: the patch can "
                                "be saved (--out) but not written")
        result.vcs = plan_vcs_patch(root, env, snapshot, drift.findings)
        result.notes += result.vcs.notes
    else:
        from envsync import journal

        result.plan = plan_runtime_patch(root, env, snapshot, drift.findings)
        killed = journal.abandoned(config, env_name)
        if killed is not None:  # what `--execute` would refuse (it runs under the lock)
            result.notes.append(f"--execute would refuse: {journal.describe(config, env_name, killed)}")
        result.notes += result.plan.notes
    return result


def write_patch(result: PatchResult) -> list[Path]:
    """Write a vcs patch's files into the working tree, each atomically; the paths written."""
    from envsync.store import atomic_write_text

    written = []
    for rel, (old, new) in sorted((result.vcs.files if result.vcs else {}).items()):
        if old != new:
            path = result.root / rel
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
            atomic_write_text(path, new, mode=mode)
            written.append(path)
    return written
