"""``envsync rollback ENV --level N``: print (or run) the way back to a restore point."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, check_format, format_option, given, seconds
from envsync.cli.state import state

__all__ = ["register"]


def rollback(
    ctx: typer.Context,
    env: EnvArgument,
    level: Annotated[int, typer.Option("--level", "-l", metavar="N", help="1 configuration "
                     "(files + changed services), 2 containers (saved images), 3 full "
                     "(git reset, down, up).")],
    to: Annotated[str | None, typer.Option("--to", callback=given, metavar="POINT", help="A restore point's "
                  "tag or time (default: the newest backup older than what runs now).")] = None,
    script: Annotated[Path | None, typer.Option("--script", metavar="FILE", help="Write the "
                      "plan as a bash script to FILE.", dir_okay=False)] = None,
    execute: Annotated[bool, typer.Option("--execute", help="Run the plan (default: print "
                       "it and change nothing).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before running.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Run even when the rollback would "
                     "overwrite uncommitted edits or files ignored or untracked now (a copy of "
                     "each is kept first in the restore point's folder).")] = False,
    fmt: Annotated[str, format_option("Summary of an "
                   "execution: table (default) or json.")] = "table",
    wait: Annotated[float, typer.Option("--wait", metavar="SECONDS", callback=seconds, help="--execute: when "
                    "another envsync changes ENV now, wait up to SECONDS for it (default: "
                    "exit 2 at once, naming it).")] = 0,
) -> None:
    """Return ENV to a restore point taken by `envsync backup`.

    Without --execute the plan is printed as a bash script and nothing changes. With
    --execute: ENV's lock (one change at a time), preconditions, a restore point of the
    state being left, the steps (stopping at the first failure), a check that what runs
    matches the restore point, the health checks, a summary. Exit 0 done, 1 what runs
    differs or health checks fail afterwards, 2 a step or a precondition failed, 130/143
    stopped by Ctrl-C/SIGTERM (the step running finishes, the services are brought back).

    On a Swarm stack: level 2 is `docker service rollback` (each service's previous spec);
    levels 1 and 3 redeploy the stack at the restore point (docs/swarm.md).

    Examples:

      envsync rollback prod --level 1

      envsync rollback prod --level 2 --to prod-stable-20261129 --execute
    """
    import contextlib

    from envsync.lock import environment_lock
    from envsync.render.console import info, warn
    from envsync.render.progress import progress_reporter
    from envsync.render.rollback import confirm_rollback, render_outcome, step_progress
    from envsync.rollback.execute import execute_rollback
    from envsync.rollback.prepare import prepare_rollback

    check_format(fmt)
    config = state(ctx).config()
    # --execute plans under the lock: a plan made while another run changes ENV is stale.
    lock = (environment_lock(config, env, f"envsync rollback {env} --level {level} --execute",
                             wait_s=wait, waiting=info)
            if execute else contextlib.nullcontext())
    with lock:
        with progress_reporter(f"rollback {env}: plan") as progress:
            prepared = prepare_rollback(config=config, env_name=env, level=level, to=to,
                                        progress=progress, warn=warn)
        if script is not None:
            from envsync.store import write_report

            write_report(script, prepared.script, mode=0o755)
            info(f"plan written to {script}")
        if not execute:
            if script is None:
                sys.stdout.write(prepared.script)
            return
        if not yes and not confirm_rollback(prepared):
            raise typer.Abort()
        with step_progress(len(prepared.rollback.plan.steps)) as (on_step, note):
            outcome = execute_rollback(prepared=prepared, force=force, on_step=on_step,
                                       progress=note)
    sys.stdout.write(render_outcome(outcome, fmt))
    raise typer.Exit(outcome.exit_code)


def register(app: typer.Typer) -> None:
    app.command("rollback")(rollback)
