"""``envsync approve`` and ``envsync baseline``: adopting envsync on a system that already
drifts: accept today's state once, then hear only about what changes after."""

from __future__ import annotations

from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, given
from envsync.cli.state import state

__all__ = ["register"]


def approve(
    ctx: typer.Context,
    env: EnvArgument,
    snapshot: Annotated[str | None, typer.Option("--snapshot", metavar="REF", help="Approve a "
                        "stored snapshot (ENV@latest, a file) instead of capturing now.",
                        callback=given)] = None,
) -> None:
    """Store ENV's current snapshot as the approved baseline `envsync gate ENV` compares with.

    Written atomically to snapshots/<ENV>/approved.json (replacing an older approval);
    commit it so CI gates against what you approved.

    Examples:

      envsync approve prod && git add snapshots/prod/approved.json

      envsync approve prod --snapshot prod@latest
    """
    from envsync.adopt import approve_snapshot
    from envsync.render.console import warn

    approved = approve_snapshot(config=state(ctx).config(), env_name=env, snapshot_ref=snapshot)
    for err in approved.errors:
        warn(f"{env}: {err} (approved without it)")
    typer.echo(approved.describe())


def baseline(
    ctx: typer.Context,
    env: EnvArgument,
    snapshot: Annotated[str | None, typer.Option("--snapshot", callback=given, metavar="REF", help="Take the "
                        "findings of a stored snapshot (ENV@latest, a file), not of now.")] = None,
) -> None:
    """Accept ENV's drift of today: write each finding as an ignore rule into .envsyncignore.

    The findings are those `envsync drift ENV` reports now; each becomes one path glob
    appended to .envsyncignore beside envsync.yaml (lines already there are kept), so every
    command then reports only drift that is new. Review and commit the file; delete a line
    once its drift is fixed. `--strict` on diff, drift and gate still reports everything.

    Examples:

      envsync baseline prod && git add .envsyncignore
    """
    from envsync.adopt import baseline_findings

    written, path = baseline_findings(config=state(ctx).config(), env_name=env,
                                      snapshot_ref=snapshot)
    if not written:
        typer.echo(f"{env}: no finding to accept; {path.name} left as it was")
        return
    typer.echo(f"{env}: {len(written)} finding(s) accepted into {path}:")
    for rule in written:
        typer.echo(f"  {rule}")


def register(app: typer.Typer) -> None:
    app.command("approve")(approve)
    app.command("baseline")(baseline)
