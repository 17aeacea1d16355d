"""``envsync health``: an environment's checks and memory, once or in a loop."""

from __future__ import annotations

import json
import sys
import time
from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, check_format, format_option, seconds
from envsync.cli.state import state

__all__ = ["register"]


def health(
    ctx: typer.Context,
    env: EnvArgument,
    watch: Annotated[bool, typer.Option("--watch", help="Repeat until interrupted.")] = False,
    interval: Annotated[float, typer.Option("--interval", metavar="SECONDS", callback=seconds, min=1,
                        help="Seconds between rounds with --watch.")] = 30,
    fmt: Annotated[str, format_option("table (default) or json (one JSON object per round).")] = "table",
    rounds: Annotated[int, typer.Option("--rounds", metavar="N", min=0,
                      help="With --watch: stop after N rounds (0 = never).")] = 0,
) -> None:
    """Run ENV's health checks and compare memory use with its limits.

    Exit 0 when every check answers as expected and no service is over its memory limit,
    1 otherwise, 2 on trouble (also: an engine that does not answer: health unknown).

    Examples:

      envsync health prod

      envsync health prod --watch --interval 30
    """
    from envsync.exitcodes import CLEAN, FINDINGS
    from envsync.health import check_health
    from envsync.render.health import render_health

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
            if report.unknown:  # an engine that does not answer is trouble, not health
                from envsync.errors import EngineError

                raise EngineError(f"{env}: health unknown: {report.unknown}")
            raise typer.Exit(CLEAN if report.healthy else FINDINGS)
        time.sleep(interval)


def register(app: typer.Typer) -> None:
    app.command("health")(health)
