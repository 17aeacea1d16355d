"""``envsync gate``: the CI drift gate, read-only."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.formats import check_diff_format, format_option, parse_severity
from envsync.cli.outputs import OutputOption, parse_outputs, write_outputs
from envsync.cli.state import state

__all__ = ["register"]


def gate(
    ctx: typer.Context,
    env: Annotated[str, typer.Argument(help="Environment name from envsync.yaml.", metavar="ENV")],
    baseline: Annotated[Path | None, typer.Option("--baseline", "-b", metavar="FILE",
                        dir_okay=False, help="The approved snapshot (default: the one "
                        "`envsync approve ENV` stored, snapshots/ENV/approved.json).")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", metavar="SEVERITY",
                       help="Fail (exit 1) at or above this severity.")] = "high",
    fmt: Annotated[str, format_option("json (default), "
                   "table, markdown, sarif, junit or github.")] = "json",
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="GLOB",
                      help="Drop findings under this path glob (repeatable).")] = None,
    output: OutputOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Report everything: apply no "
                      "ignore rule of .envsyncignore or envsync.yaml.")] = False,
) -> None:
    """The CI drift gate: ENV now against an approved baseline snapshot.

    Read-only: captures ENV, stores nothing, changes nothing. Exit 0 = nothing at or above
    --fail-on, 1 = drift at or above it, 2 = trouble.

    The baseline is snapshots/<ENV>/approved.json, written by `envsync approve ENV`.

    Examples:

      envsync gate prod --fail-on high

      envsync gate prod --output sarif=drift.sarif --output markdown=drift.md
    """
    from envsync.exitcodes import CLEAN, FINDINGS
    from envsync.gate import run_gate
    from envsync.render.diff import render_diff

    threshold = parse_severity(fail_on)
    check_diff_format(fmt)
    outputs = parse_outputs(output)
    config = state(ctx).config()
    if baseline is None:
        from envsync.adopt import approved_path
        from envsync.errors import SnapshotError

        baseline = approved_path(config, env)
        if not baseline.is_file():
            raise SnapshotError(f"{baseline}: no approved baseline of {env!r}; approve the "
                                f"state you want with `envsync approve {env}`, or pass --baseline")
    result = run_gate(config=config, env_name=env, baseline=baseline,
                      ignore=tuple(ignore or ()), strict=strict)
    write_outputs(result, outputs, threshold=threshold)
    sys.stdout.write(render_diff(result, fmt, threshold=threshold))
    raise typer.Exit(FINDINGS if result.at_or_above(threshold) else CLEAN)


def register(app: typer.Typer) -> None:
    app.command("gate")(gate)
