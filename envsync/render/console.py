"""One-line messages on stderr: errors, warnings, information."""

from __future__ import annotations

import sys

__all__ = ["error", "info", "warn"]


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
