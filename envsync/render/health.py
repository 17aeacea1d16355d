"""A health report as a table (sizes and durations in human units; the JSON form keeps
the exact numbers)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from envsync.human import MIB, duration, size

if TYPE_CHECKING:
    from envsync.health import HealthReport

__all__ = ["render_health"]


def render_health(report: HealthReport) -> str:
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=120, no_color=True, highlight=False, markup=False, emoji=False)
    table = Table(title=f"{report.env}: health", title_justify="left")
    for col in ("check", "status", "HTTP", "latency", "error"):
        table.add_column(col)
    for name, c in report.checks.items():
        latency = c.get("latency_ms")
        table.add_row(name, str(c.get("status")), str(c.get("http_status") or "-"),
                      duration(latency / 1000) if latency else "-", str(c.get("error") or ""))
    if report.checks:
        console.print(table)
    mem = Table(title=f"{report.env}: memory", title_justify="left")
    for col in ("container", "used", "limit", ""):
        mem.add_column(col)
    for key, m in report.memory.items():
        mem.add_row(key, size(m["used_mb"] * MIB) if m["used_mb"] is not None else "-",
                    size(m["limit_mb"] * MIB) if m["limit_mb"] is not None else "-",
                    "OVER LIMIT" if m["over"] else "")
    if report.memory:
        console.print(mem)
    for err in report.errors:
        console.print(f"not captured: {err['part']}: {err['reason']}")
    verdict = "healthy" if report.healthy else "UNHEALTHY"
    console.print(f"{report.env}: {'UNKNOWN' if report.unknown else verdict}")
    return buf.getvalue()

