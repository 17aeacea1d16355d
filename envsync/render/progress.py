"""Progress on long work: a spinner on a terminal, nothing when output is piped."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

__all__ = ["progress_reporter"]


@contextlib.contextmanager
def progress_reporter(title: str) -> Iterator[Callable[[str], None]]:
    """Yields a callback that shows the current step under ``title``."""
    if not sys.stderr.isatty():
        yield lambda _step: None
        return
    from rich.console import Console

    console = Console(stderr=True)
    with console.status(title) as status:
        yield lambda step: status.update(f"{title}: {step}")
