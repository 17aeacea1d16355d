"""``envsync init``: write a starter envsync.yaml for this repository, or add an Ansible
inventory's groups to it as fleets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from envsync.cli.formats import given

__all__ = ["register"]


def init(
    path: Annotated[Path, typer.Argument(help="The repository's folder.", file_okay=False)] = Path(),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing envsync.yaml "
                     "(with --inventory: make existing environments of a group's name "
                     "fleets).")] = False,
    inventory: Annotated[Path | None, typer.Option("--inventory", "-i", metavar="FILE",
                         dir_okay=False, help="An Ansible inventory (INI or YAML): each group "
                         "becomes a fleet environment, its hosts its engines (ssh://"
                         "[ansible_user@]ansible_host[:ansible_port]).")] = None,
    group: Annotated[list[str] | None, typer.Option("--group", "-g", metavar="GROUP",
                     help="With --inventory: only this group (repeatable; default: every "
                     "group with hosts).")] = None,
    like: Annotated[str | None, typer.Option("--like", callback=given, metavar="ENV", help="With "
                    "--inventory: copy git and compose settings from ENV (default: the "
                    "environment of the group's name, else the first with compose files "
                    "that is not local).")] = None,
) -> None:
    """Write a starter envsync.yaml from the compose files, overlays and env files found.

    The base file (with a local/override overlay) becomes `local`; each other overlay
    docker-compose.X.yml becomes environment X; a git remote becomes `github`.

    With --inventory, the groups of an Ansible inventory are added to envsync.yaml (made
    first if missing) as fleets: comments and order kept, an existing environment refused
    unless --force.

    Examples:

      envsync init

      envsync init path/to/repo --force

      envsync init --inventory inventory/production.ini --group web
    """
    if inventory is not None:
        from envsync.fleet.initwrite import write_inventory

        result = write_inventory(path.resolve(), inventory, groups=list(group or ()),
                                 like=like, force=force)
        for env, hosts in result.environments.items():
            source = result.templates[env]
            typer.echo(f"{env}: {len(hosts)} host(s): {', '.join(hosts[:5])}"
                       + (", …" if len(hosts) > 5 else "")
                       + (f" (git and compose as {source})" if source != env else ""))
        typer.echo(f"{'wrote' if result.created else 'updated'} {result.path}; next: "
                   f"envsync snapshot {next(iter(result.environments))}")
        return
    if group or like:
        raise typer.BadParameter("only with --inventory", param_hint="--group/--like")
    from envsync.init import write_config

    target, proposal = write_config(path.resolve(), force=force)
    typer.echo(f"wrote {target} with environments: {', '.join(proposal.environments)}"
               + (", github" if proposal.remote else ""))
    typer.echo("next: envsync snapshot local && envsync diff local "
               + next(iter(list(proposal.environments)[1:]), "local"))


def register(app: typer.Typer) -> None:
    app.command("init")(init)
