"""One-line messages on stderr: errors, warnings, information."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

__all__ = ["error", "info", "scrubbed_streams", "warn"]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Terminal control characters but tab and newline: a message quotes names and values from
files (an environment name, a path, compose's words) that must be shown, never obeyed."""


_LONGEST = 2000
"""Characters of a message shown; past it, the middle is cut (named by its length)."""


def _line(prefix: str, text: str) -> None:
    from envsync.secrets import scrub_message

    # Plain write: a message must stay one line, whatever the terminal width. Messages
    # quote compose, docker and git, which may quote a secret: none leaves unscrubbed.
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", scrub_message(text))
    if len(text) > _LONGEST:  # a 100 KB --ref quoted back is no clear line: keep both ends
        cut = len(text) - _LONGEST
        text = f"{text[:_LONGEST - 500]} …[{cut:,} characters]… {text[-500:]}"
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


class _ScrubbedStream:
    """A text stream that scrubs every whole line before it reaches ``raw``.

    The last line of defence: whatever a command prints (tables, JSON, scripts, notes)
    goes through :func:`envsync.secrets.scrub_message` on its way out, line by line so a
    secret written in two pieces is still seen whole.
    """

    def __init__(self, raw: TextIO) -> None:
        self._raw = raw
        self._pending = ""

    def write(self, text: str) -> int:
        from envsync.secrets import scrub_message

        self._pending += text
        if "\n" in self._pending:
            lines, _, self._pending = self._pending.rpartition("\n")
            self._raw.write(scrub_message(lines + "\n"))
        return len(text)

    def flush(self) -> None:
        from envsync.secrets import scrub_message

        if self._pending:
            self._raw.write(scrub_message(self._pending))
            self._pending = ""
        self._raw.flush()

    @property
    def buffer(self) -> Any:
        # Bytes written there would pass unscrubbed; without it, click writes text here.
        raise AttributeError("buffer")

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, fileno… of the real stream
        return getattr(self._raw, name)


@contextlib.contextmanager
def scrubbed_streams() -> Iterator[None]:
    """stdout and stderr scrubbed of secrets for the duration of one command."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _ScrubbedStream(out), _ScrubbedStream(err)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        sys.stdout, sys.stderr = out, err
