"""Runs a plan's steps in order, stopping at the first failure."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from envsync.plan import Plan, Step

__all__ = ["StepResult", "run_plan"]


@dataclass
class StepResult:
    """How one step went."""

    step: Step
    returncode: int
    seconds: float
    output: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass
class PlanResult:
    """The steps that ran (the last one failed if ``ok`` is false)."""

    results: list[StepResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> StepResult | None:
        return next((r for r in self.results if not r.ok), None)


def run_plan(plan: Plan, *, on_step: Callable[[int, Step], None] | None = None,
             timeout_s: float = 1800) -> PlanResult:
    """Run each step (argv, no shell); stop at the first that fails."""
    outcome = PlanResult()
    for n, step in enumerate(plan.steps, 1):
        if on_step:
            on_step(n, step)
        started = time.perf_counter()
        env = {**os.environ, **dict(step.env)}
        try:
            proc = subprocess.run(
                list(step.argv), cwd=step.cwd, env=env,
                capture_output=True, timeout=timeout_s, check=False,
            )
            code, text = proc.returncode, (proc.stderr or b"").decode(errors="replace")
            if proc.stdout:
                text = proc.stdout.decode(errors="replace") + text
        except FileNotFoundError as exc:
            code, text = 127, str(exc)
        except subprocess.TimeoutExpired:
            code, text = 124, f"timed out after {timeout_s:.0f} s"
        outcome.results.append(StepResult(step, code, time.perf_counter() - started, text[-4000:]))
        if code != 0:
            break
    return outcome
