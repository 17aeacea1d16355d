"""How a rollback went (:class:`Outcome`), and its line in ``rollbacks.jsonl``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.config import Config
from envsync.types import CheckResult, LogStep

__all__ = ["LOG_NAME", "Outcome", "append_outcome"]

LOG_NAME = "rollbacks.jsonl"


@dataclass
class Outcome:
    """How an execution went; what the summary and the log show."""

    environment: str
    level: int
    point: str
    result: str = "ok"
    """ok, failed, health-failed, verify-failed, interrupted or precondition-failed."""
    steps: list[LogStep] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)
    failure: str | None = None
    health: dict[str, CheckResult] = field(default_factory=dict)
    kept: str | None = None
    """The folder holding copies of the files the rollback overwrote (``--force``)."""
    kept_files: list[str] = field(default_factory=list)
    before_tag: str | None = None
    before_snapshot: str | None = None
    go_back: str | None = None
    log: str = ""
    seconds: float = 0.0
    started: str = ""
    signal: str | None = None
    """``SIGINT`` or ``SIGTERM`` when one stopped the rollback (result ``interrupted``)."""
    interrupted_at: int | None = None
    """The step running (or next) when the signal came."""
    settled: list[LogStep] = field(default_factory=list)
    """After an interrupt: the steps that brought the services back, and how they went."""
    differences: list[str] = field(default_factory=list)
    """What runs and differs from the target after the steps (result ``verify-failed``)."""

    @property
    def ok(self) -> bool:
        return self.result == "ok"

    @property
    def exit_code(self) -> int:
        """0 done; 1 verification or health checks failing; 130/143 interrupted (SIGINT,
        SIGTERM); 2 a step or a precondition failed."""
        if self.result == "ok":
            return 0
        if self.result in ("health-failed", "verify-failed"):
            return 1
        if self.result == "interrupted":
            return 143 if self.signal == "SIGTERM" else 130
        return 2

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in (
            "started", "environment", "level", "point", "result", "steps", "not_run", "failure",
            "health", "kept", "kept_files", "before_tag", "before_snapshot", "go_back",
            "signal", "interrupted_at", "settled", "differences", "seconds", "log")}


def append_outcome(config: Config, env: str, outcome: Outcome) -> Path:
    """Append ``outcome`` to ``<snapshots>/<env>/rollbacks.jsonl``; the file's path."""
    from envsync.errors import EnvsyncError
    from envsync.plan.executor import UNLOGGED, append_log

    path = config.snapshots_dir / env / LOG_NAME
    outcome.log = str(path)
    try:
        append_log(path, outcome.to_json())
    except EnvsyncError as exc:  # a full disk: what happened is still shown, and this too
        outcome.log = f"{UNLOGGED} ({exc})"
    return path
