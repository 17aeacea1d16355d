"""``envsync history``: the stored snapshots of an environment."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, check_format, format_option
from envsync.cli.state import state

__all__ = ["register"]


def history(
    ctx: typer.Context,
    env: EnvArgument,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", min=1,
                     help="Show the newest N snapshots.")] = 50,
    fmt: Annotated[str, format_option("table (default) or json.")] = "table",
    plot: Annotated[Path | None, typer.Option("--plot", metavar="FILE.svg|FILE.png",
                    dir_okay=False,
                    help="Also draw memory per service and drift counts over these "
                    "snapshots as a chart: SVG, or PNG (needs pip install "
                    "'envsync[plot]').")] = None,
) -> None:
    """The stored snapshots of ENV, oldest first, with their drift counts and memory trend.

    Then its deploys (envsync deploy --execute): time, ref and commit, result, seconds,
    whether it was rolled back; then its runtime patches (envsync patch --to runtime
    --execute): time, steps, result, seconds.

    A stored file or deploy-log line that cannot be read is skipped with a warning naming
    it and why; the others are still listed, and the exit code is then 2.

    Examples:

      envsync history prod -n 10

      envsync history prod --plot prod.svg

      envsync history prod --plot prod.png
    """
    from envsync.deploylog import load_deploys
    from envsync.history import HISTORY_SCHEMA, snapshot_history
    from envsync.patchlog import load_patches
    from envsync.render.history import render_deploys, render_history, render_patches

    check_format(fmt)
    if plot is not None and plot.suffix.lower() not in (".svg", ".png"):
        raise typer.BadParameter(f"{plot}: charts are drawn as .svg or .png",
                                 param_hint="--plot")
    config = state(ctx).config()
    found = snapshot_history(config=config, env_name=env, limit=limit)
    deploys, skipped = load_deploys(config, env)
    deploys = deploys[-limit:]
    found.unreadable += skipped
    patches, skipped = load_patches(config, env)
    patches = patches[-limit:]
    found.unreadable += skipped
    if plot is not None and plot.suffix.lower() == ".png":
        from envsync.render.html import history_series
        from envsync.render.pngchart import history_png  # matplotlib: only on this path
        from envsync.store import write_report

        write_report(plot, history_png(env, history_series(config, env, limit)))
    elif plot is not None:
        from envsync.render.html import history_chart
        from envsync.store import write_report

        write_report(plot, history_chart(config, env, limit))
    if fmt == "json":
        document = {"schema": HISTORY_SCHEMA, "environment": env,
                    "snapshots": [r.to_json() for r in found.rows],
                    "deploys": [d.to_json() for d in deploys],
                    "patches": [p.to_json() for p in patches]}
        sys.stdout.write(json.dumps(document, indent=2) + "\n")
    else:
        sys.stdout.write(render_history(env, found.rows))
        if deploys:
            sys.stdout.write(render_deploys(env, deploys))
        if patches:
            sys.stdout.write(render_patches(env, patches))
    if found.unreadable:
        from envsync.exitcodes import TROUBLE
        from envsync.render.console import warn

        for line in found.unreadable:
            warn(f"skipped: {line}")
        raise typer.Exit(TROUBLE)


def register(app: typer.Typer) -> None:
    app.command("history")(history)
