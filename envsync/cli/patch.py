"""``envsync patch ENV``: the change that removes ENV's drift, towards the files or the runtime."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.errors import state

__all__ = ["register"]


def patch(
    ctx: typer.Context,
    env: Annotated[str, typer.Argument(help="Environment name from envsync.yaml.", metavar="ENV")],
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
                        "stored snapshot instead of capturing now.")] = None,
) -> None:
    """Reconcile ENV: make the committed files describe what runs (--to vcs), or make
    what runs match the files (--to runtime).

    Nothing changes unless you say so: --write (vcs) or --execute (runtime). Secret values
    are never copied: a secret gets a placeholder in the env file.

    Examples:

      envsync patch prod --to vcs > fix.patch && git apply fix.patch

      envsync patch prod --to runtime --execute
    """
    from envsync.patch import run_patch, write_patch
    from envsync.render.console import info, warn
    from envsync.render.progress import progress_reporter

    if to not in ("vcs", "runtime"):
        raise typer.BadParameter(f"{to!r} (choose vcs or runtime)", param_hint="--to")
    if write and to != "vcs":
        raise typer.BadParameter("--write goes with --to vcs", param_hint="--write")
    if execute and to != "runtime":
        raise typer.BadParameter("--execute goes with --to runtime", param_hint="--execute")
    with progress_reporter(f"patch {env}") as progress:
        result = run_patch(config=state(ctx).config(), env_name=env, to=to,
                           snapshot_ref=snapshot, progress=progress)
    for note in result.notes:
        warn(note)
    text = _text(result)
    if out is not None:
        from envsync.store import atomic_write_text

        atomic_write_text(out, text, mode=0o755 if to == "runtime" else 0o644)
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
        _execute(result, yes, state(ctx).config().environment(env).docker)


def _text(result: object) -> str:
    from envsync.patch import PatchResult
    from envsync.plan import render_script

    assert isinstance(result, PatchResult)
    if result.vcs is not None:
        return result.vcs.diff
    assert result.plan is not None
    return render_script(result.plan)


def _execute(result: object, yes: bool, docker: str | None) -> None:
    from envsync.capture.engine import engine_url
    from envsync.exitcodes import TROUBLE
    from envsync.patch import PatchResult
    from envsync.plan.executor import run_plan
    from envsync.render.console import error, info

    assert isinstance(result, PatchResult) and result.plan is not None
    steps = result.plan.steps
    if not yes and not typer.confirm(f"recreate on {result.env}: "
                                     f"{'; '.join(s.title for s in steps)}?"):
        raise typer.Abort()
    outcome = run_plan(result.plan, docker_host=engine_url(docker),
                       on_step=lambda n, s: info(f"step {n}/{len(steps)}: {s.title}"))
    for r in outcome.results:
        info(f"{'ok' if r.ok else 'FAILED'} ({r.seconds:.1f} s): {r.step.title}")
    failed = outcome.failed
    if failed is not None:
        n = outcome.results.index(failed) + 1
        error(f"step {n}/{len(steps)} ({failed.step.title}) failed: {failed.reason()}")
        raise typer.Exit(TROUBLE)


def register(app: typer.Typer) -> None:
    app.command("patch")(patch)
