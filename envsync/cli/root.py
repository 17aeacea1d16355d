"""The typer app: global options. Commands are registered in one place,
``envsync.cli.commands.COMMANDS``, and imported only when they run; the console script
(:mod:`envsync.cli.app`) answers ``envsync --help`` before this module is imported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from envsync import __version__
from envsync.cli.errors import EnvsyncGroup
from envsync.cli.state import State
from envsync.cli.toplevel import CONFIG_HELP, DEBUG_HELP, HELP, VERSION_HELP

__all__ = ["app"]

app = typer.Typer(
    cls=EnvsyncGroup,
    name="envsync",
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"envsync {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help=CONFIG_HELP, dir_okay=False),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help=VERSION_HELP)
    ] = False,
) -> None:
    ctx.obj = State(config_path=config, debug=debug)

