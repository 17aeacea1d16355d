"""``envsync diff A B``: how two environments or snapshots differ, and how much it matters."""

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
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="GLOB", help="Drop findings under "
                      "this path glob (repeatable), e.g. 'containers.*.labels'.")] = None,
    output: OutputOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Report everything: apply no "
                      "ignore rule of .envsyncignore or envsync.yaml.")] = False,
    no_runtime: Annotated[bool, typer.Option("--no-runtime", help="Do not ask the engine "
                          "when capturing an environment now.")] = False,
    workers: WorkersOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", help="Also write the report to "
                   "this file.", dir_okay=False)] = None,
) -> None:
    """Compare A with B: findings with path, kind, severity and a one-line explanation.

    Examples:

      envsync diff local prod

      envsync diff prod@latest prod --fail-on high --format json
    """
    from envsync.compare import run_diff
    from envsync.exitcodes import CLEAN, FINDINGS
    from envsync.render.diff import render_diff
    from envsync.render.progress import progress_reporter

    threshold = parse_severity(fail_on)
    check_diff_format(fmt)
    outputs = parse_outputs(output)
    st = state(ctx)
    with progress_reporter(f"diff {a} {b}") as progress:
        result = run_diff(a=a, b=b, config=st.config_or_none(), ignore=tuple(ignore or ()),
                          runtime=not no_runtime, strict=strict, workers=workers, progress=progress)
    write_outputs(result, outputs, threshold=threshold)
    text = render_diff(result, fmt, threshold=threshold)
    if out is not None:
        from envsync.store import write_report

        write_report(out, text)
    sys.stdout.write(text)
    raise typer.Exit(FINDINGS if result.at_or_above(threshold) else CLEAN)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
