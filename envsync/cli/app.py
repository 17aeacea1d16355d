"""The ``envsync`` console script.

``envsync --help`` (and ``-h``) is answered here, before typer is imported: it is the
first command a new user runs, and issue 9 §9 asks it to cost no more than ``import typer``
(see :mod:`envsync.cli.toplevel`). Everything else runs the typer app of
:mod:`envsync.cli.root`, also reachable as ``envsync.cli.app.app``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

__all__ = ["main"]  # and `app`, through __getattr__ below


def main() -> None:
    """The ``envsync`` console script."""
    from envsync.cli.guard import guard_output

    if sys.argv[1:] in (["--help"], ["-h"]):
        from envsync.cli.toplevel import top_help

        # As click names a console script; os.path, not pathlib, which a non-editable
        # install has not imported yet at this point (about 8 ms).
        prog = os.path.basename(sys.argv[0])  # noqa: PTH119
        guard_output(lambda: sys.stdout.write(top_help(prog)))
        return
    from envsync.cli.root import app as typer_app

    guard_output(typer_app)


def __getattr__(name: str) -> Any:
    # ``from envsync.cli.app import app``: the typer app, imported only when asked for.
    if name == "app":
        from envsync.cli.root import app as typer_app

        return typer_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
