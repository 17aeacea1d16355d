"""``envsync patch ENV``: the change that removes ENV's drift, towards the files or the runtime."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from envsync.cli.formats import EnvArgument, given, seconds
from envsync.cli.state import state

if TYPE_CHECKING:
    from envsync.config import Config

__all__ = ["register"]


def patch(
    ctx: typer.Context,
    env: EnvArgument,
    to: Annotated[str, typer.Option("--to", metavar="vcs|runtime", help="vcs: edit the compose "
                  "and env files to describe what runs (a unified diff); runtime: recreate the "
                  "drifted services from the files (a bash script).")] = "vcs",
    write: Annotated[bool, typer.Option("--write", help="--to vcs: apply the edits to the "
                     "working tree.")] = False,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", help="Save the "
                   "diff (vcs) or the script (runtime) to FILE.", dir_okay=False)] = None,
    execute: Annotated[bool, typer.Option("--execute", help="--to runtime: run the script's "
                       "steps now.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --execute.")] = False,
    snapshot: Annotated[str | None, typer.Option("--snapshot", metavar="REF", help="Plan from a "
                        "stored snapshot instead of capturing now.", callback=given)] = None,
    wait: Annotated[float, typer.Option("--wait", metavar="SECONDS", callback=seconds, help="--execute: when "
                    "another envsync changes ENV now, wait up to SECONDS for it (default: "
                    "exit 2 at once, naming it).")] = 0,
) -> None:
    """Reconcile ENV: make the committed files describe what runs (--to vcs), or make
    what runs match the files (--to runtime).

    Nothing changes unless you say so: --write (vcs) or --execute (runtime). Secret values
    are never copied: a secret gets a placeholder in the env file.

    --execute takes ENV's lock and refuses (exit 2, nothing changed) while a deploy,
    rollback or patch of ENV that was killed half-way is on record: the line names it and
    the way on (`envsync rollback ENV ... --execute`). Exit 0 done, 1 what runs still
    differs afterwards, 2 a step failed or a refusal, 130/143 stopped by Ctrl-C/SIGTERM.

    Examples:

      envsync patch prod --to vcs > fix.patch && git apply fix.patch

      envsync patch prod --to runtime --execute
    """
    from envsync.render.console import info

    if to not in ("vcs", "runtime"):
        raise typer.BadParameter(f"{to!r} (choose vcs or runtime)", param_hint="--to")
    if write and to != "vcs":
        raise typer.BadParameter("--write goes with --to vcs", param_hint="--write")
    if execute and to != "runtime":
        raise typer.BadParameter("--execute goes with --to runtime", param_hint="--execute")
    config = state(ctx).config()
    if execute:
        from envsync.lock import environment_lock
        from envsync.patch.runtime import refuse_killed_run

        # Planned under the lock: a plan made while another run changes ENV is stale.
        with environment_lock(config, env, f"envsync patch {env} --to runtime --execute",
                              wait_s=wait, waiting=info):
            refuse_killed_run(config, env)
            _patch(config, env, to, write, out, True, yes, snapshot)
    else:
        _patch(config, env, to, write, out, False, yes, snapshot)


def _patch(config: Config, env: str, to: str, write: bool, out: Path | None, execute: bool,
           yes: bool, snapshot: str | None) -> None:
    from envsync.patch import run_patch, write_patch
    from envsync.render.console import info, warn
    from envsync.render.progress import progress_reporter

    with progress_reporter(f"patch {env}") as progress:
        result = run_patch(config=config, env_name=env, to=to,
                           snapshot_ref=snapshot, progress=progress)
    for note in result.notes:
        warn(note)
    text = _text(result)
    if out is not None:
        from envsync.store import write_report

        write_report(out, text, mode=0o755 if to == "runtime" else 0o644)
        info(f"wrote {out}")
    elif not write and not execute:
        sys.stdout.write(text)
    if result.empty:
        info(f"{env}: nothing to patch towards {to}")
        return
    if write:
        for path in write_patch(result):
            info(f"wrote {path}")
    if execute:
        _execute(result, yes, config)


def _text(result: object) -> str:
    from envsync.patch import PatchResult
    from envsync.plan import render_script

    assert isinstance(result, PatchResult)
    if result.vcs is not None:
        return result.vcs.diff
    assert result.plan is not None
    return render_script(result.plan)


def _execute(result: object, yes: bool, config: Config) -> None:
    from envsync.capture.envfiles import read_env_file
    from envsync.patch import PatchResult
    from envsync.patch.runtime import execute_runtime_patch
    from envsync.render.console import error, info
    from envsync.secrets import Redactor

    assert isinstance(result, PatchResult) and result.plan is not None
    steps = result.plan.steps
    if not yes and not typer.confirm(f"recreate on {result.env}: "
                                     f"{'; '.join(s.title for s in steps)}?"):
        raise typer.Abort()
    env = config.environment(result.env)
    redactor = Redactor()  # learns the env file's secrets, so no message shows one
    if env.compose is not None and env.compose.env_file:
        path = result.root / env.compose.env_file
        if path.is_file():
            read_env_file(path, redactor)
    outcome = execute_runtime_patch(
        config, env, result.plan, redactor=redactor,
        on_step=lambda n, s: info(f"step {n}/{len(steps)}: {s.title}"))
    for step in outcome.steps:
        mark = "ok" if step["returncode"] == 0 else "FAILED"
        info(f"{mark} ({step['seconds']:.1f} s): {step['title']}")
    for difference in outcome.differences:
        info(f"differs: {difference}")
    if outcome.failure:
        error(outcome.failure if outcome.result != "interrupted" else
              f"{outcome.failure}: run `envsync drift {result.env}` to see what runs")
    raise typer.Exit(outcome.exit_code)


def register(app: typer.Typer) -> None:
    app.command("patch")(patch)
