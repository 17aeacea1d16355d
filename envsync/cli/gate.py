"""``envsync gate``: the CI drift gate, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, IgnoreOption, StrictOption, format_option
from envsync.cli.outputs import OutputOption, check_report_options, emit_report
from envsync.cli.state import state

__all__ = ["register"]


def gate(
    ctx: typer.Context,
    env: EnvArgument,
    baseline: Annotated[Path | None, typer.Option("--baseline", "-b", metavar="FILE",
                        dir_okay=False, help="The approved snapshot (default: the one "
                        "`envsync approve ENV` stored, snapshots/ENV/approved.json).")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", metavar="SEVERITY",
                       help="Fail (exit 1) at or above this severity.")] = "high",
    fmt: Annotated[str, format_option("json (default), "
                   "table, markdown, sarif, junit or github.")] = "json",
    ignore: IgnoreOption = None,
    output: OutputOption = None,
    strict: StrictOption = False,
) -> None:
    """The CI drift gate: ENV now against an approved baseline snapshot.

    Read-only: captures ENV, stores nothing, changes nothing. Exit 0 = nothing at or above
    --fail-on, 1 = drift at or above it, 2 = trouble.

    The baseline is snapshots/<ENV>/approved.json, written by `envsync approve ENV`.

    Examples:

      envsync gate prod --fail-on high

      envsync gate prod --output sarif=drift.sarif --output markdown=drift.md
    """
    from envsync.gate import run_gate

    threshold, outputs = check_report_options(fmt=fmt, fail_on=fail_on, output=output)
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
    emit_report(result, fmt, threshold=threshold, outputs=outputs)


def register(app: typer.Typer) -> None:
    app.command("gate")(gate)
