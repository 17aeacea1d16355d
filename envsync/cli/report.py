"""``envsync gate``, ``envsync health``, ``envsync history``: read-only views."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.errors import state
from envsync.cli.formats import check_diff_format, check_format, format_option, parse_severity
from envsync.cli.outputs import OutputOption, parse_outputs, write_outputs

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

    Example: envsync approve prod; later, in CI: envsync gate prod --fail-on high
    """
    from envsync.exitcodes import CLEAN, FINDINGS
    from envsync.render.diff import render_diff
    from envsync.report import run_gate

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


def health(
    ctx: typer.Context,
    env: Annotated[str, typer.Argument(help="Environment name from envsync.yaml.", metavar="ENV")],
    watch: Annotated[bool, typer.Option("--watch", help="Repeat until interrupted.")] = False,
    interval: Annotated[float, typer.Option("--interval", metavar="SECONDS", min=1,
                        help="Seconds between rounds with --watch.")] = 30,
    fmt: Annotated[str, format_option("table (default) or json (one JSON object per round).")] = "table",
    rounds: Annotated[int, typer.Option("--rounds", metavar="N", min=0,
                      help="With --watch: stop after N rounds (0 = never).")] = 0,
) -> None:
    """Run ENV's health checks and compare memory use with its limits.

    Exit 0 when every check answers as expected and no service is over its memory limit,
    1 otherwise, 2 on trouble.

    Example: envsync health prod --watch --interval 30
    """
    from envsync.exitcodes import CLEAN, FINDINGS
    from envsync.render.report import render_health
    from envsync.report import check_health

    check_format(fmt)
    config = state(ctx).config()
    done = 0
    while True:
        report = check_health(config=config, env_name=env)
        if fmt == "json":
            sys.stdout.write(json.dumps(report.to_json()) + "\n")
        else:
            sys.stdout.write(render_health(report))
        sys.stdout.flush()
        done += 1
        if not watch or (rounds and done >= rounds):
            raise typer.Exit(CLEAN if report.healthy else FINDINGS)
        time.sleep(interval)


def history(
    ctx: typer.Context,
    env: Annotated[str, typer.Argument(help="Environment name from envsync.yaml.", metavar="ENV")],
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", min=1,
                     help="Show the newest N snapshots.")] = 50,
    fmt: Annotated[str, format_option("table (default) or json.")] = "table",
    plot: Annotated[Path | None, typer.Option("--plot", metavar="FILE.svg", dir_okay=False,
                    help="Also draw memory per service and drift counts over these "
                    "snapshots as an SVG chart.")] = None,
) -> None:
    """The stored snapshots of ENV, oldest first, with their drift counts and memory trend.

    A stored file that cannot be read is skipped with a warning naming it and why; the
    others are still listed, and the exit code is then 2.

    Example: envsync history prod -n 10
    """
    from envsync.render.report import render_history
    from envsync.report import snapshot_history

    check_format(fmt)
    if plot is not None and plot.suffix.lower() != ".svg":
        raise typer.BadParameter(f"{plot}: only SVG charts are drawn (name it .svg; a "
                                 "browser or `rsvg-convert` turns it into PNG)",
                                 param_hint="--plot")
    config = state(ctx).config()
    found = snapshot_history(config=config, env_name=env, limit=limit)
    if plot is not None:
        from envsync.render.html import history_chart
        from envsync.store import atomic_write_text

        atomic_write_text(plot, history_chart(config, env, limit))
    if fmt == "json":
        sys.stdout.write(json.dumps([r.to_json() for r in found.rows], indent=2) + "\n")
    else:
        sys.stdout.write(render_history(env, found.rows))
    if found.unreadable:
        from envsync.exitcodes import TROUBLE
        from envsync.render.console import warn

        for line in found.unreadable:
            warn(f"skipped: {line}")
        raise typer.Exit(TROUBLE)


def register(app: typer.Typer) -> None:
    app.command("gate")(gate)
    app.command("health")(health)
    app.command("history")(history)
