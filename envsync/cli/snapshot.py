"""``envsync snapshot ENV``: capture an environment and store the snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, WorkersOption, check_format, format_option
from envsync.cli.state import state
from envsync.exitcodes import TROUBLE

__all__ = ["register"]


def snapshot(
    ctx: typer.Context,
    env: EnvArgument,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", help="Write the snapshot here "
                   "instead of snapshots/<env>/<UTC time>.json.", dir_okay=False)] = None,
    fmt: Annotated[str, format_option("table: where it went and a "
                   "summary; json: the snapshot document on stdout.")] = "table",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 2 when any part could not "
                      "be captured (engine unreachable, a fleet's host unreachable, …).")] = False,
    no_runtime: Annotated[bool, typer.Option("--no-runtime", help="Skip the engine: "
                          "git, compose and env files only.")] = False,
    no_stats: Annotated[bool, typer.Option("--no-stats", help="Skip per-container stats "
                        "(the slow part: about 1-2 s).")] = False,
    workers: WorkersOption = None,
) -> None:
    """Capture ENV now (git, compose, env files, containers, stats, health) and store it.

    Secret values are never written: only a keyed fingerprint of each.

    Examples:

      envsync snapshot prod

      envsync snapshot prod --format json > prod.json
    """
    from envsync.capture import record_snapshot
    from envsync.render.console import warn
    from envsync.render.progress import progress_reporter
    from envsync.render.snapshot import render_snapshot

    check_format(fmt)
    config = state(ctx).config()
    with progress_reporter(f"snapshot {env}") as progress:
        snap, path = record_snapshot(config=config, env_name=env, out=out,
                                     runtime=not no_runtime, stats=not no_stats,
                                     workers=workers, progress=progress)
    for err in snap["meta"]["errors"]:
        warn(f"{env}: {err['part']} not captured: {err['reason']}")
    typer.echo(render_snapshot(snap, path, fmt), nl=False)
    if strict and snap["meta"]["errors"]:
        raise typer.Exit(TROUBLE)


def register(app: typer.Typer) -> None:
    app.command("snapshot")(snapshot)
