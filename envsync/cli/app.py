"""The typer app: global options. Commands are registered in one place,
``envsync.cli.commands.COMMANDS``, and imported only when they run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from envsync import __version__
from envsync.cli.errors import EnvsyncGroup
from envsync.cli.state import State

__all__ = ["app", "main"]

app = typer.Typer(
    cls=EnvsyncGroup,
    name="envsync",
    help=(
        "Find and fix configuration drift between the environments of a Docker Compose "
        "application: what is committed, what is declared, what runs.\n\n"
        "Exit codes: 0 no finding at or above --fail-on, 1 findings (after --execute: what "
        "runs is not what was planned), 2 trouble, 130/143 interrupted (Ctrl-C/SIGTERM).\n\n"
        "Examples: envsync drift prod; envsync diff local prod; envsync <command> --help"
    ),
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
        typer.Option("--config", "-c", help="envsync.yaml to use (default: ENVSYNC_CONFIG, "
                     "or envsync.yaml here or in a folder above)", dir_okay=False),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Print the version and exit.")
    ] = False,
) -> None:
    ctx.obj = State(config_path=config, debug=debug)


def main() -> None:
    """The ``envsync`` console script."""
    from envsync.cli.errors import guard_output

    guard_output(app)
