"""``envsync drift ENV``: committed ↔ working tree ↔ running, for one environment."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.formats import (
    WorkersOption,
    check_diff_format,
    format_option,
    parse_severity,
)
from envsync.cli.outputs import OutputOption, parse_outputs, write_outputs
from envsync.cli.state import state

__all__ = ["register"]


def drift(
    ctx: typer.Context,
    env: Annotated[str, typer.Argument(help="Environment name from envsync.yaml.",
                                       metavar="ENV")],
    snapshot: Annotated[str | None, typer.Option("--snapshot", metavar="REF", help="Use a "
                        "stored snapshot (ENV@latest, a file) instead of capturing now.")] = None,
    fmt: Annotated[str, format_option("table "
                   "(default), json, markdown, sarif, junit or github.")] = "table",
    fail_on: Annotated[str, typer.Option("--fail-on", metavar="SEVERITY", help="Exit 1 when "
                       "a finding is at or above this severity.")] = "low",
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="GLOB",
                      help="Drop findings under this path glob (repeatable).")] = None,
    output: OutputOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Report everything: apply no "
                      "ignore rule of .envsyncignore or envsync.yaml.")] = False,
    workers: WorkersOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", help="Also "
                   "write the report to this file.", dir_okay=False)] = None,
) -> None:
    """Find drift inside ENV: what was edited and not committed, committed and not
    deployed, or applied by hand to a running container and held by no file.

    Each finding has a direction: uncommitted, not-deployed, runtime-override, conflict,
    not-running (declared, not running) or undeclared (running, in no file).

    Examples:

      envsync drift prod --fail-on high

      envsync drift prod --output sarif=drift.sarif --output markdown=drift.md
    """
    from envsync.compare import run_drift
    from envsync.exitcodes import CLEAN, FINDINGS
    from envsync.render.diff import render_diff
    from envsync.render.progress import progress_reporter

    threshold = parse_severity(fail_on)
    check_diff_format(fmt)
    outputs = parse_outputs(output)
    with progress_reporter(f"drift {env}") as progress:
        _, result = run_drift(env_name=env, config=state(ctx).config(), snapshot_ref=snapshot,
                              ignore=tuple(ignore or ()), strict=strict,
                              workers=workers, progress=progress)
    write_outputs(result, outputs, threshold=threshold)
    text = render_diff(result, fmt, threshold=threshold)
    if out is not None:
        from envsync.store import write_report

        write_report(out, text)
    sys.stdout.write(text)
    raise typer.Exit(FINDINGS if result.at_or_above(threshold) else CLEAN)


def register(app: typer.Typer) -> None:
    app.command("drift")(drift)
