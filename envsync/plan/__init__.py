"""Plans: ordered steps that change the world, rendered as a bash script or run in-process.

Planning is pure (patch, rollback build a :class:`Plan`); :mod:`envsync.plan.executor`
runs one. Every argument is shell-quoted in the script, so names with spaces, quotes, `$`
or `;` cannot break it or inject into it.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Plan", "Step", "render_script"]


@dataclass(frozen=True)
class Step:
    """One command: ``argv`` run in ``cwd`` with ``env`` added; ``why`` is for people."""

    title: str
    argv: tuple[str, ...]
    why: str = ""
    cwd: str | None = None
    env: tuple[tuple[str, str], ...] = ()
    call: Callable[[Any], tuple[int, str]] | None = field(default=None, compare=False,
                                                           repr=False)
    """Run in-process instead of ``argv`` (a wait, a switch at the proxy): given the
    executor's Interrupts (or None), returns (exit code, output). ``script`` shows the
    reader its shell equivalent."""
    script: str | None = None
    """The step's lines in the script when they are not ``argv`` (already quoted)."""

    def shell(self) -> str:
        """The step as bash (one line for ``argv``), every word quoted."""
        if self.script is not None:
            return self.script
        words = [f"{k}={shlex.quote(v)}" for k, v in self.env] + [shlex.quote(a) for a in self.argv]
        line = " ".join(words)
        if self.cwd:
            line = f"(cd {shlex.quote(self.cwd)} && {line})"
        return line


@dataclass
class Plan:
    """What a command would do: a title, the steps in order, and notes for the reader."""

    title: str
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    """The services the steps recreate: the executor checks that each then runs as meant."""
    settle: list[Step] = field(default_factory=list)
    """Steps that bring the services back when the plan stops early (a signal): run by the
    executor after the interrupted step, never part of the script's normal flow."""

    def add(self, step: Step) -> None:
        self.steps.append(step)


def _comment(text: str) -> str:
    return "\n".join(f"# {line}" if line else "#" for line in text.splitlines())


def render_script(plan: Plan) -> str:
    """The plan as a bash script: ``set -euo pipefail``, a comment saying why before each
    step, and a line saying which step runs, so a failure shows where it stopped."""
    out = ["#!/usr/bin/env bash", _comment(plan.title)]
    for note in plan.notes:
        out.append(_comment(note))
    out += ["set -euo pipefail", ""]
    if not plan.steps:
        out.append("echo 'nothing to do'")
    for n, step in enumerate(plan.steps, 1):
        header = f"step {n}/{len(plan.steps)}: {step.title}"
        out.append(_comment(f"{header}\n{step.why}" if step.why else header))
        out.append(f"echo {shlex.quote(header)} >&2")
        out.append(step.shell())
        out.append("")
    return "\n".join(out).rstrip() + "\n"
