"""``envsync report``: every environment on one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.state import state

__all__ = ["register"]


def report(
    ctx: typer.Context,
    envs: Annotated[list[str] | None, typer.Argument(help="Environments to show "
                    "(default: all in envsync.yaml).", metavar="[ENV]...")] = None,
    html: Annotated[Path, typer.Option("--html", metavar="FILE", dir_okay=False,
                    help="Write the page here.")] = Path("envsync-report.html"),
    stored: Annotated[bool, typer.Option("--stored", help="Use each environment's newest "
                      "stored snapshot instead of capturing it now.")] = False,
    history: Annotated[int, typer.Option("--history", metavar="N", min=1, help="Chart "
                       "memory over the newest N stored snapshots.")] = 50,
) -> None:
    """Write one HTML page with every environment side by side: the drift matrix, each
    one's drift, memory over time, health, backups and rollbacks.

    The page is self-contained (inline CSS and SVG, no script, no network request) and
    opens from the file. Secret values are never in it: a differing secret reads "secret
    differs".

    Examples:

      envsync report local prod --html drift.html

      envsync report --stored --html drift.html
    """
    from envsync.errors import StorageError
    from envsync.overview import build_overview
    from envsync.render.html import render_html
    from envsync.store import report_target_problem, write_report

    problem = report_target_problem(html)
    if problem is not None:  # before the capture, not after it
        raise StorageError(problem)
    config = state(ctx).config()
    overview = build_overview(config, list(envs or []), stored=stored, history=history)
    write_report(html, render_html(overview, project=config.project))
    rows = len(overview.matrix)
    drift = ", ".join(f"{v.name} {len(v.drift.findings)}" for v in overview.envs)
    typer.echo(f"{html}: {rows} setting(s) differ between environments; drift: {drift}")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
