"""A deploy's refusals and outcome, as text for people or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from envsync.deploy.run import Outcome, Prepared

__all__ = ["render_outcome", "render_refusals"]


def render_refusals(prepared: Prepared) -> str:
    """One ``envsync: refused: …`` line per refusal (empty when the deploy may run)."""
    return "".join(f"envsync: refused: {r.line}\n" for r in prepared.refusals)


def render_outcome(outcome: Outcome, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(outcome.to_json(), indent=2, default=str) + "\n"
    lines = [f"deploy of {outcome.environment} to {outcome.ref} ({outcome.commit[:12]}): "
             f"{outcome.result}"]
    if outcome.restore_point:
        lines.append(f"restore point: {outcome.restore_point}")
    for erased in outcome.erased:
        lines.append(f"erased (--force): {erased}")
    if outcome.kept:
        lines.append(f"copies of the overwritten files: {outcome.kept}")
    for step in outcome.steps:
        mark = "ok" if step["returncode"] == 0 else f"exit {step['returncode']}"
        lines.append(f"  {mark:>8}  {step['seconds']:6.1f} s  {step['title']}")
    for title in outcome.not_run:
        lines.append(f"  {'not run':>8}            {title}")
    for name, check in outcome.health.items():
        lines.append(f"health {name}: {check['status']}")
    if outcome.failure:
        lines.append(f"why: {outcome.failure}")
    for bg in outcome.blue_green:
        if bg["phase"] == "restored":
            lines.append(f"{bg['service']}: traffic stays on (or went back to) {bg['from']}, "
                         f"the old container; the new one was removed"
                         + (f" ({bg['reason']})" if bg.get("reason") else ""))
        elif bg["phase"] in ("kept", "retired"):
            old = "retired" if bg["phase"] == "retired" else "still runs"
            lines.append(f"{bg['service']}: traffic on {bg['to']}, the new container "
                         f"{bg['container']}; the old one {old}")
    if outcome.rollback is not None:
        rb = outcome.rollback
        what = "files back to" if rb.get("files_only") else "rolled back to"
        level = "" if rb.get("files_only") else f" (level {rb['level']})"
        lines.append(f"{what} {rb['to']}{level}: {rb['result']}"
                     + (f": {rb['failure']}" if rb.get("failure") else ""))
    lines.append(f"log: {outcome.log}")
    return "\n".join(lines) + "\n"
