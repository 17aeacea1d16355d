"""Long values cut for people: one table cell never holds a megabyte.

The human formats (table, markdown, the HTML report, GitHub annotations) cut each cell to
:data:`CELL_LIMIT` characters with a marker saying how much was left out; the JSON
formats keep every value whole.
"""

from __future__ import annotations

__all__ = ["CELL_LIMIT", "clip"]

CELL_LIMIT = 500
"""Characters of one cell shown; a finding's message is rarely over 200."""


def clip(text: str, limit: int = CELL_LIMIT) -> str:
    """``text``, cut with a marker when longer than ``limit``. A text to cut is scrubbed
    first, so that no cut can leave a secret its pattern no longer recognises (the whole
    output is scrubbed anyway: a text that fits is left to that)."""
    if len(text) <= limit:
        return text
    from envsync.secrets import scrub_message

    text = scrub_message(text)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit:,} more characters: the JSON output has all]"
