"""``envsync diff A B``: how two environments or snapshots differ, and how much it matters."""

from __future__ import annotations

from typing import Annotated

import typer

from envsync.cli.formats import IgnoreOption, StrictOption, WorkersOption, format_option
from envsync.cli.outputs import OutOption, OutputOption, check_report_options, emit_report
from envsync.cli.state import state

__all__ = ["register"]

_SIDE_HELP = ("An environment name (captured now), ENV@latest, ENV@<time> (stored) "
              "or a snapshot file.")


def diff(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help=_SIDE_HELP, metavar="A")],
    b: Annotated[str, typer.Argument(help=_SIDE_HELP, metavar="B")],
    fmt: Annotated[str, format_option("table (default), json, markdown, sarif, junit or "
                                      "github.")] = "table",
    fail_on: Annotated[str, typer.Option("--fail-on", metavar="SEVERITY", help="Exit 1 when a finding "
                       "is at or above this severity: critical, high, medium, low, info.")] = "low",
    ignore: IgnoreOption = None,
    output: OutputOption = None,
    strict: StrictOption = False,
    no_runtime: Annotated[bool, typer.Option("--no-runtime", help="Do not ask the engine "
                          "when capturing an environment now.")] = False,
    workers: WorkersOption = None,
    out: OutOption = None,
) -> None:
    """Compare A with B: findings with path, kind, severity and a one-line explanation.

    Examples:

      envsync diff local prod

      envsync diff prod@latest prod --fail-on high --format json
    """
    from envsync.compare import run_diff
    from envsync.render.progress import progress_reporter

    threshold, outputs = check_report_options(fmt=fmt, fail_on=fail_on, output=output)
    st = state(ctx)
    with progress_reporter(f"diff {a} {b}") as progress:
        result = run_diff(a=a, b=b, config=st.config_or_none(), ignore=tuple(ignore or ()),
                          runtime=not no_runtime, strict=strict, workers=workers, progress=progress)
    emit_report(result, fmt, threshold=threshold, outputs=outputs, out=out)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
