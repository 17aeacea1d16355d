"""The one place exceptions become exit codes and one-line messages."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import traceback
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from envsync.cli.guard import OUTPUT_ERRNOS, guard_output, output_failed
from envsync.cli.state import State
from envsync.errors import EnvsyncError
from envsync.exitcodes import INTERRUPTED, TROUBLE

__all__ = ["EnvsyncGroup", "guard_output"]

def _debug(ctx: Any) -> bool:
    obj = ctx.obj
    return bool(os.environ.get("ENVSYNC_DEBUG")) or (isinstance(obj, State) and obj.debug)


class EnvsyncGroup(TyperGroup):
    """Runs a command; an EnvsyncError becomes ``envsync: error: …`` and exit 2, Ctrl-C
    exit 130, anything unexpected a one-line bug report (the traceback with --debug).

    Commands are loaded lazily from ``COMMANDS``: ``envsync --help`` builds none of them,
    ``envsync diff`` builds only diff.
    """

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True,
             **kwargs: Any) -> Any:
        """As click's, but a usage error (an unknown option, a bad value) is one line,
        ``envsync: error: diff: Invalid value for '--out' …; see envsync diff -h``, exit 2,
        rather than click's four lines."""
        from typer._click import exceptions as click  # typer vendors click

        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **kwargs)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **kwargs)
        except click.NoArgsIsHelpError as exc:  # `envsync diff`: the help
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            from envsync.render.console import error

            where = exc.ctx.command_path if exc.ctx is not None else "envsync"
            name = where.removeprefix("envsync").strip()
            error(f"{name + ': ' if name else ''}{exc.format_message()}; "
                  f"see {where} -h")
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            from envsync.render.console import error

            error(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            from envsync.render.console import error

            error("aborted")
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def list_commands(self, ctx: Any) -> list[str]:
        from envsync.cli.commands import COMMANDS

        return [*COMMANDS, *super().list_commands(ctx)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        from envsync.cli.commands import COMMANDS, load_command

        if cmd_name in COMMANDS:
            return load_command(cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        from envsync.cli.commands import COMMANDS

        rows = [(name, summary) for name, (_, summary) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        from envsync.render.console import scrubbed_streams
        from envsync.secrets import forget_process_secrets

        forget_process_secrets()  # what an earlier command (in this process) learned
        with scrubbed_streams(), _sigterm_interrupts():
            return self._invoke(ctx)

    def _invoke(self, ctx: Any) -> Any:
        from envsync.render.console import error

        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except EnvsyncError as exc:
            if _debug(ctx):
                traceback.print_exc()
            error(str(exc))
            raise typer.Exit(TROUBLE) from None
        except KeyboardInterrupt as exc:
            terminated = isinstance(exc, Terminated)
            error("terminated (SIGTERM)" if terminated else "interrupted")
            raise typer.Exit(TERMINATED if terminated else INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`envsync … | head`): not a bug. Point stdout at
            # /dev/null so that the interpreter's last flush does not fail again.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            error("the output was closed before envsync had written all of it")
            raise typer.Exit(TROUBLE) from None
        except OSError as exc:
            if exc.filename is None and exc.errno in OUTPUT_ERRNOS:
                output_failed(exc)
            if exc.filename is None:
                _bug(ctx, exc)
            # A file problem met where no adapter expected one: still a fault of the
            # environment (a folder, a disk), not of envsync; name the file.
            if _debug(ctx):
                traceback.print_exc()
            from envsync.errors import os_reason

            error(f"{exc.filename}: {os_reason(exc)}")
            raise typer.Exit(TROUBLE) from None
        except Exception as exc:
            _bug(ctx, exc)


TERMINATED = 143
"""Exit code after SIGTERM (128 + 15), as after Ctrl-C 130."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, like Ctrl-C: ``finally`` blocks run, so the
    compose and git processes envsync started are stopped, not left running orphaned, and
    temp files are removed."""


@contextlib.contextmanager
def _sigterm_interrupts() -> Any:
    """SIGTERM raises :class:`Terminated` for the command's duration (commands that handle
    it themselves, watch, rollback and deploy --execute, set their own handler inside)."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def terminate(signum: int, frame: Any) -> None:
        raise Terminated()

    signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _bug(ctx: Any, exc: Exception) -> NoReturn:
    """One line saying it is a bug and where its (scrubbed) traceback was saved."""
    from envsync.cli.crashlog import scrub_text, write_crash_log
    from envsync.render.console import error

    if _debug(ctx):
        traceback.print_exc()
    path, problem = write_crash_log(exc)
    where = f"the traceback is in {path}" if path else f"{problem}; run again with --debug"
    error(scrub_text(f"unexpected {type(exc).__name__}: {exc} (this is a bug in envsync; "
                     f"{where})"))
    raise typer.Exit(TROUBLE) from None
