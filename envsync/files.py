"""Bounded reading: every file envsync reads has a size limit, and JSON a depth limit.

One helper reads every file (:func:`read_text_bounded`): it never reads more than the
limit plus one byte, so ``envsync diff good.json /dev/zero`` or a 100 GB file costs no
memory; devices and folders are refused; pipes (``<(cat snap.json)``) are read up to the
limit. The limits are listed in docs/concepts.md ("Limits").
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from envsync.errors import EnvsyncError, os_reason

__all__ = [
    "COMPOSE_FILE_LIMIT",
    "CONFIG_LIMIT",
    "ENV_FILE_LIMIT",
    "KEY_FILE_LIMIT",
    "LOG_LIMIT",
    "MAX_JSON_DEPTH",
    "RESTORE_POINT_LIMIT",
    "SNAPSHOT_LIMIT",
    "parse_json",
    "read_bytes_bounded",
    "read_json_lines",
    "read_log_records",
    "read_text_bounded",
    "size_text",
]

KIB = 1024
MIB = 1024 * KIB

CONFIG_LIMIT = 1 * MIB
"""envsync.yaml (and ``.envsyncignore``-like settings files, should there be any)."""
SNAPSHOT_LIMIT = 64 * MIB
"""A snapshot: stored ones, ``--baseline``, files named on the command line."""
ENV_FILE_LIMIT = 1 * MIB
"""An env file (``.env``)."""
COMPOSE_FILE_LIMIT = 4 * MIB
"""A compose file, where envsync reads it itself (env_file lookup, patch planning)."""
RESTORE_POINT_LIMIT = 1 * MIB
"""A restore point's manifest."""
KEY_FILE_LIMIT = 64 * KIB
"""The fingerprint key file (a key is 64 characters)."""
LOG_LIMIT = 16 * MIB
"""A JSONL log (``rollbacks.jsonl``), read whole."""
MAX_JSON_DEPTH = 100
"""Nesting levels of a JSON document; real snapshots nest about 10 deep."""

_CHUNK = 1 * MIB


def size_text(n: int) -> str:
    """``67108864`` → ``64 MiB``; ``1536`` → ``1.5 KiB``."""
    for unit, size in (("GiB", 1024 * MIB), ("MiB", MIB), ("KiB", KIB)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def read_bytes_bounded(path: Path, limit: int, what: str,
                       error: type[EnvsyncError] = EnvsyncError) -> bytes:
    """The bytes of ``path``, at most ``limit``; otherwise ``error`` with one line naming
    the file, what it is and the limit. Refuses folders and devices; a FIFO or pipe is read
    up to the limit (an open without a writer does not block)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise error(f"{path}: {what} not found") from None
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {os_reason(exc)}") from None
    except ValueError:  # a NUL byte: no file can have that name
        raise error(f"{str(path)!r}: not a file name (it holds a NUL byte)") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{path}: is a folder, not a {what}")
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)
                or stat.S_ISSOCK(info.st_mode)):
            raise error(f"{path}: is a device, not a {what}")
        if info.st_size > limit:
            raise error(f"{path}: {what} is {size_text(info.st_size)}, over the limit of "
                        f"{size_text(limit)}")
        # Blocking again: a pipe's writer may still be starting.
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise error(f"{path}: {what} is larger than the limit of {size_text(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {os_reason(exc)}") from None
    finally:
        os.close(fd)


def read_text_bounded(path: Path, limit: int, what: str,
                      error: type[EnvsyncError] = EnvsyncError,
                      encoding: str = "utf-8") -> str:
    """:func:`read_bytes_bounded`, decoded; text that is not UTF-8 is one line too."""
    data = read_bytes_bounded(path, limit, what, error)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(f"{path}:{line}: {what} is not UTF-8 text") from None


def parse_json(text: str, source: str | Path, error: type[EnvsyncError] = EnvsyncError,
               max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``text`` as JSON, nested at most ``max_depth`` deep; one line naming ``source``
    (and the line) otherwise. Never a RecursionError, whatever the input."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{source}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise error(f"{source}: JSON nested deeper than {max_depth} levels") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise error(f"{source}: not valid JSON: {str(exc).splitlines()[0]}") from None
    if _depth_over(data, max_depth):
        raise error(f"{source}: JSON nested deeper than {max_depth} levels")
    # JSON allows "\ud800" alone; no UTF-8 output can hold it (every print would fail).
    # Only a text with such an escape is walked: an escaped pair is one character.
    if _SURROGATE_ESCAPE.search(text) and _lone_surrogate(data):
        raise error(f"{source}: not valid JSON: a lone unicode surrogate (\\ud800-\\udfff) "
                    "in a string")
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(data: Any) -> bool:
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def _depth_over(data: Any, max_depth: int) -> bool:
    """True when ``data`` nests deeper than ``max_depth`` (iterative: no recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, dict | list))
    return False


def read_json_lines(path: Path, limit: int, what: str,
                    error: type[EnvsyncError] = EnvsyncError
                    ) -> tuple[list[tuple[int, Any]], list[str]]:
    """The documents of a JSONL file as (line number, document), and one line per bad line
    (``path:N: not valid JSON: …``): the caller decides whether a bad line is fatal. A file
    that cannot be read at all is ``error``."""
    data = read_bytes_bounded(path, limit, what, error)
    documents: list[tuple[int, Any]] = []
    problems: list[str] = []
    # Decoded line by line: one line of stray bytes (a cut write, another tool) is that
    # line's problem, not the whole log's.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{path}:{number}: not UTF-8 text")
            continue
        if not line.strip():
            continue
        try:
            documents.append((number, parse_json(line, f"{path}:{number}", error)))
        except EnvsyncError as exc:
            problems.append(str(exc).replace(f"{path}:{number}:1:", f"{path}:{number}:"))
    return documents, problems


def read_log_records(path: Path, schema: str, what: str) -> tuple[list[Any], list[str]]:
    """The records of one of envsync's JSONL logs that pass ``schema`` (envsync/schemas),
    and one ``…; skipped`` line per line that does not: a bad line never hides the rest.
    An absent log has no records; one too large or unreadable is one problem."""
    from envsync.schemas import validate

    if not (path.exists() or path.is_symlink()):
        return [], []
    try:
        lines, problems = read_json_lines(path, LOG_LIMIT, what)
    except EnvsyncError as exc:  # too large, a device, unreadable: the rest still shows
        return [], [f"{exc}; skipped"]
    problems = [f"{line}; skipped" for line in problems]
    records = []
    for number, doc in lines:
        try:
            validate(doc, schema, f"{path}:{number}")
        except EnvsyncError as exc:
            problems.append(f"{exc}; skipped")
            continue
        records.append(doc)
    return records, problems
