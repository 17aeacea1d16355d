"""``envsync deploy ENV``: print (or run) the change of what runs to a commit."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, given
from envsync.cli.state import state

__all__ = ["register"]


def deploy(
    ctx: typer.Context,
    env: EnvArgument,
    ref: Annotated[str | None, typer.Option("--ref", callback=given, metavar="REF", help="The commit or tag "
                   "to deploy (default: the commit checked out).")] = None,
    from_env: Annotated[str | None, typer.Option("--from", metavar="OTHER_ENV", help="Promote "
                        "exactly what OTHER_ENV runs: its commit and its services' image ids "
                        "(refused when OTHER_ENV has drift or failing health checks).",
                        callback=given)] = None,
    execute: Annotated[bool, typer.Option("--execute", help="Run the plan (default: print "
                       "it and change nothing).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Deploy even when ENV runs changes no "
                     "file holds (they are erased and named), or when the checkout would "
                     "overwrite uncommitted edits (a copy of each is kept first).")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="Summary of an "
                   "execution: table (default) or json.")] = "table",
) -> None:
    """Deploy REF to ENV: a restore point, then each service recreated or switched
    blue-green, in dependency order.

    Without --execute the plan is printed as a bash script and nothing changes; the
    checks run anyway, and a refusal is printed and sets the exit code. Checks before
    anything changes: the drift guard (changes running that no file holds: refused, and
    the `envsync patch ENV --to vcs` command that keeps them is printed), the memory
    budget, the images (present or buildable: a deploy never pulls), the ref's compose
    files. With --execute: ENV's lock, a restore point (`envsync backup`), the steps, a
    check that what runs matches the files and the health checks; a failure rolls back to
    the restore point on its own.

    A service with `deploy.strategy: blue-green` runs twice behind the HAProxy of
    `deploy.proxy`: the new container is checked through the proxy's preview frontend
    (image health, health and smoke checks), gets the traffic (new server ready and UP
    before the old one drains), is watched for `deploy.watch_window` seconds with the
    rules of `envsync watch`, then the old one is stopped. A failure, Ctrl-C or SIGTERM
    before that puts the traffic back on the old container (never stopped) and removes
    the new one; Ctrl-C or SIGTERM after it finishes stopping the old one (the new version
    serves, the files stay at the release).

    Exit 0 deployed, 1 refused by ENV's state or failed and
    rolled back, 2 bad input or the rollback failed too, 130/143 stopped by Ctrl-C/SIGTERM.

    On a Swarm stack (`swarm:` in envsync.yaml) `docker stack deploy` does the rolling
    update with envsync.yaml's update config; envsync waits for convergence, and a
    rollback Swarm makes on its own fails the deploy (exit 1) naming the tasks' errors
    (docs/swarm.md).

    Examples:

      envsync deploy prod --ref v1.4.2

      envsync deploy prod --ref v1.4.2 --execute

      envsync deploy prod --from staging --execute
    """
    import contextlib

    from envsync.deploy.run import execute_deploy, prepare_deploy
    from envsync.lock import environment_lock
    from envsync.render.console import info
    from envsync.render.deploy import render_outcome, render_refusals
    from envsync.render.progress import progress_reporter
    from envsync.render.rollback import step_progress

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"{fmt!r} (choose table or json)", param_hint="--format")
    config = state(ctx).config()
    # --execute plans under the lock: a plan made while another run changes ENV is stale.
    lock = (environment_lock(config, env, f"envsync deploy {env} --execute", waiting=info)
            if execute else contextlib.nullcontext())
    with lock:
        with progress_reporter(f"deploy {env}: checks and plan") as progress:
            prepared = prepare_deploy(config=config, env_name=env, ref=ref, from_env=from_env,
                                      force=force,
                                      progress=progress)
        if not execute:
            sys.stdout.write(prepared.script)
            sys.stderr.write(render_refusals(prepared))
            raise typer.Exit(prepared.exit_code)
        if prepared.refusals:
            from envsync.errors import DeployError

            sys.stderr.write(render_refusals(prepared))
            try:  # logs the refusal; the lines above already said why
                execute_deploy(prepared=prepared)
            except DeployError as exc:
                raise typer.Exit(exc.code) from None
        with step_progress(len(prepared.deploy.plan.steps)) as (on_step, note):
            outcome = execute_deploy(prepared=prepared, on_step=on_step, progress=note)
    sys.stdout.write(render_outcome(outcome, fmt))
    raise typer.Exit(outcome.exit_code)


def register(app: typer.Typer) -> None:
    app.command("deploy")(deploy)
