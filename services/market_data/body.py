"""Request bodies read with bounds: at most `limit` bytes held, at most `max_depth` nesting.

A client may announce or stream any amount; the service keeps no more than the limit in
memory and says 413. A deeply nested document is refused before the JSON parser (which
recurses) sees it, so it is a 400 rather than a RecursionError."""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.requests import Request

__all__ = ["MAX_BODY_BYTES", "MAX_JSON_DEPTH", "BodyError", "json_depth", "read_json"]

MAX_BODY_BYTES = 64 * 1024
MAX_JSON_DEPTH = 32

# The bytes that matter for nesting: brackets, and the quotes and backslashes that say
# whether a bracket is inside a string (where it does not count).
_SPECIAL = re.compile(rb'[\[\]{}"\\]')


class BodyError(Exception):
    """The body cannot be accepted; `status` and the message are what the client gets."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def read_bounded(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The body, read chunk by chunk; BodyError(413) as soon as it passes `limit` bytes."""
    too_big = BodyError(413, f"request body larger than {limit // 1024} KiB")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big  # refused before a byte of it is read
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def json_depth(data: bytes) -> int:
    """How deeply arrays and objects nest in `data` (0 for a scalar): one linear pass, no
    recursion, no backtracking (a body of unbalanced quotes costs the same as any other)."""
    depth = deepest = 0
    in_string = False
    skip = -1  # the position of a character escaped by a backslash inside a string
    for match in _SPECIAL.finditer(data):
        pos = match.start()
        if pos == skip:
            continue
        char = data[pos]
        if in_string:
            if char == 0x5C:  # backslash
                skip = pos + 1
            elif char == 0x22:  # quote
                in_string = False
        elif char == 0x22:
            in_string = True
        elif char in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in b"]}":
            depth -= 1
    return deepest


async def read_json(
    request: Request, *, limit: int = MAX_BODY_BYTES, max_depth: int = MAX_JSON_DEPTH
) -> Any:
    """The body parsed as JSON; BodyError 413 past `limit`, 400 past `max_depth`.

    Raises ValueError when the (bounded) body is not JSON."""
    data = await read_bounded(request, limit)
    # Counting brackets is cheap; only a body with many of them needs the scan.
    if data.count(b"[") + data.count(b"{") > max_depth and json_depth(data) > max_depth:
        raise BodyError(400, f"JSON nested deeper than {max_depth} levels")
    return json.loads(data)
