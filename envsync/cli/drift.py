"""``envsync drift ENV``: committed ↔ working tree ↔ running, for one environment."""

from __future__ import annotations

from typing import Annotated

import typer

from envsync.cli.formats import (
    EnvArgument,
    IgnoreOption,
    StrictOption,
    WorkersOption,
    format_option,
    given,
)
from envsync.cli.outputs import OutOption, OutputOption, check_report_options, emit_report
from envsync.cli.state import state

__all__ = ["register"]


def drift(
    ctx: typer.Context,
    env: EnvArgument,
    snapshot: Annotated[str | None, typer.Option("--snapshot", callback=given, metavar="REF", help="Use a "
                        "stored snapshot (ENV@latest, a file) instead of capturing now.")] = None,
    fmt: Annotated[str, format_option("table "
                   "(default), json, markdown, sarif, junit or github.")] = "table",
    fail_on: Annotated[str, typer.Option("--fail-on", metavar="SEVERITY", help="Exit 1 when "
                       "a finding is at or above this severity.")] = "low",
    ignore: IgnoreOption = None,
    output: OutputOption = None,
    strict: StrictOption = False,
    workers: WorkersOption = None,
    out: OutOption = None,
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
    from envsync.render.progress import progress_reporter

    threshold, outputs = check_report_options(fmt=fmt, fail_on=fail_on, output=output)
    with progress_reporter(f"drift {env}") as progress:
        _, result = run_drift(env_name=env, config=state(ctx).config(), snapshot_ref=snapshot,
                              ignore=tuple(ignore or ()), strict=strict,
                              workers=workers, progress=progress)
    emit_report(result, fmt, threshold=threshold, outputs=outputs, out=out)


def register(app: typer.Typer) -> None:
    app.command("drift")(drift)
