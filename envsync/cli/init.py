"""``envsync init``: write a starter envsync.yaml for this repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]


def init(
    path: Annotated[Path, typer.Argument(help="The repository's folder.", file_okay=False)] = Path(),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing envsync.yaml.")] = False,
) -> None:
    """Write a starter envsync.yaml from the compose files, overlays and env files found.

    The base file (with a local/override overlay) becomes `local`; each other overlay
    docker-compose.X.yml becomes environment X; a git remote becomes `github`.

    Examples:

      envsync init

      envsync init path/to/repo --force
    """
    from envsync.init import write_config

    target, proposal = write_config(path.resolve(), force=force)
    typer.echo(f"wrote {target} with environments: {', '.join(proposal.environments)}"
               + (", github" if proposal.remote else ""))
    typer.echo("next: envsync snapshot local && envsync diff local "
               + next(iter(list(proposal.environments)[1:]), "local"))


def register(app: typer.Typer) -> None:
    app.command("init")(init)
