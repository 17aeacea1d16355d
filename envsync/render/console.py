"""The two consoles (stdout for results, stderr for messages) and one-line messages."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["err_console", "error", "info", "out_console", "warn"]


def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def out_console() -> Console:
    """The console for results (stdout). Not cached across CliRunner's stream swaps."""
    from rich.console import Console

    return Console(file=sys.stdout, no_color=_no_color(), highlight=False)


def err_console() -> Console:
    """The console for progress and messages (stderr)."""
    from rich.console import Console

    return Console(file=sys.stderr, no_color=_no_color(), highlight=False)


def _line(prefix: str, text: str) -> None:
    # Plain write: a message must stay one line, whatever the terminal width.
    sys.stderr.write(f"envsync: {prefix}{text}\n")
    sys.stderr.flush()


def error(text: str) -> None:
    """``envsync: error: …`` on stderr, one line."""
    _line("error: ", text.replace("\n", " "))


def warn(text: str) -> None:
    """``envsync: warning: …`` on stderr, one line."""
    _line("warning: ", text.replace("\n", " "))


def info(text: str) -> None:
    """``envsync: …`` on stderr."""
    _line("", text)
