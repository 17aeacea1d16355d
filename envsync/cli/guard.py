"""Standard output that cannot take what is written: one line and exit 2.

Apart from :mod:`envsync.cli.errors` (which needs typer) so that ``envsync --help``,
answered without typer, is guarded the same way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from envsync.exitcodes import TROUBLE

__all__ = ["OUTPUT_ERRNOS", "guard_output", "output_failed"]

OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT}
"""Writing to stdout failed: a full device, a closed or broken descriptor."""


def guard_output(run: Callable[[], Any]) -> None:
    """Runs the app; stdout that is closed, or cannot take what was written (a full device:
    the last flush happens at exit, after every command ended), is one line and exit 2,
    not a traceback or Python's exit 120."""
    if sys.stdout is None:  # started with descriptor 1 closed
        output_failed(OSError(errno.EBADF, "standard output is closed"))
    try:
        run()
    except SystemExit:
        _flush_stdout()
        raise
    except OSError as exc:  # --help or a usage error written to such a stdout
        if exc.errno not in OUTPUT_ERRNOS:
            raise
        output_failed(exc)
    _flush_stdout()


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        output_failed(exc)


def output_failed(exc: OSError) -> NoReturn:
    """``envsync: error: cannot write the output: …`` on stderr, and exit 2."""
    from envsync.errors import os_reason
    from envsync.render.console import error

    # Point stdout at /dev/null so that the interpreter's last flush does not fail again.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    reason = "standard output is closed" if exc.errno == errno.EBADF else os_reason(exc)
    with contextlib.suppress(OSError):
        error(f"cannot write the output: {reason}")
    raise SystemExit(TROUBLE)
