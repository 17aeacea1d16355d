"""``envsync check``: the configuration checked offline (a pre-commit hook)."""

from __future__ import annotations

from typing import Annotated

import typer

from envsync.cli.state import state

__all__ = ["register"]


def check(
    ctx: typer.Context,
    envs: Annotated[list[str] | None, typer.Argument(help="Environments to check "
                    "(default: all).", metavar="[ENV]...")] = None,
) -> None:
    """Check envsync.yaml, .envsyncignore and each environment's compose files, offline.

    No engine and no network: the compose binary resolves the files (`compose config`).
    An env file that is not there (not committed, as secrets are) is left out, with a note.
    Exit 0 when everything resolves, 2 otherwise. Used by the pre-commit hook.

    Examples:

      envsync check

      envsync check prod
    """
    from envsync.check import check_offline
    from envsync.exitcodes import TROUBLE

    report = check_offline(state(ctx).config(), list(envs or []))
    for line in report.ok:
        typer.echo(f"ok: {line}")
    for line in report.notes:
        typer.echo(f"note: {line}")
    for line in report.problems:
        typer.echo(f"envsync: error: {line}", err=True)
    if report.problems:
        raise typer.Exit(TROUBLE)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
