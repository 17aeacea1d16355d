"""Snapshot history as a table (sizes in human units; the JSON form keeps the exact
numbers)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from envsync.human import MIB, size

if TYPE_CHECKING:
    from envsync.deploylog import DeployEntry
    from envsync.history import HistoryRow
    from envsync.patchlog import PatchEntry

__all__ = ["render_deploys", "render_history", "render_patches"]


def render_history(env: str, rows: list[HistoryRow]) -> str:
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=120, no_color=True, highlight=False, markup=False, emoji=False)
    if not rows:
        console.print(f"{env}: no stored snapshots (take one: envsync snapshot {env})")
        return buf.getvalue()
    table = Table(title=f"{env}: stored snapshots", title_justify="left")
    for col in ("time", "commit", "drift", "memory", "not captured", "file"):
        table.add_column(col)
    previous = None
    for r in rows:
        drift = ", ".join(f"{n} {k}" for k, n in r.findings.items()) or "clean"
        mem = "-"
        if r.memory_mb is not None:
            trend = "" if previous is None else (" ↑" if r.memory_mb > previous else
                                                 " ↓" if r.memory_mb < previous else " =")
            mem = f"{size(r.memory_mb * MIB)}{trend}"
            previous = r.memory_mb
        table.add_row(r.time, (r.head or "-")[:12], drift, mem, str(r.errors or ""), r.path.name)
    console.print(table)
    return buf.getvalue()



def render_deploys(env: str, deploys: list[DeployEntry]) -> str:
    """A line per deploy, oldest first: when, what, how it ended, whether it rolled back."""
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=120, no_color=True, highlight=False, markup=False, emoji=False)
    table = Table(title=f"{env}: deploys", title_justify="left")
    for col in ("time", "ref", "commit", "result", "seconds", "rolled back"):
        table.add_column(col)
    for d in deploys:
        result = d.result + (f": {d.failure}" if d.failure else "")
        table.add_row(d.started, d.ref, d.commit[:12], result, f"{d.seconds:.1f}", d.rolled_back)
    console.print(table)
    return buf.getvalue()


def render_patches(env: str, patches: list[PatchEntry]) -> str:
    """A line per runtime patch, oldest first: when, which steps, how it ended."""
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=120, no_color=True, highlight=False, markup=False, emoji=False)
    table = Table(title=f"{env}: runtime patches", title_justify="left")
    for col in ("time", "steps", "result", "seconds"):
        table.add_column(col)
    for p in patches:
        result = p.result + (f": {p.failure}" if p.failure else "")
        table.add_row(p.started, "; ".join(p.steps) or "-", result, f"{p.seconds:.1f}")
    console.print(table)
    return buf.getvalue()
