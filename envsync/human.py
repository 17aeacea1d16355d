"""Sizes and durations as people read them (``96 MiB``, ``1.5 s``), and long values
shortened around where they differ.

Pure and dependency-free: the diff messages use it; JSON output keeps the exact values
(findings' ``before``/``after``), only the text meant for people goes through here.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["MIB", "as_text", "duration", "go_seconds", "humanize", "shorten_apart", "size"]

MIB = 1024 * 1024
# Compose keys (as `compose config` prints them) that hold bytes, and ones that hold
# Go durations ("1m30s"); `memory_limit_mb` is runtime capture's limit in MiB.
SIZE_KEYS = frozenset({"memory", "mem_limit", "mem_reservation", "memswap_limit", "shm_size",
                       "pids_limit_bytes"})
DURATION_KEYS = frozenset({"interval", "timeout", "start_period", "start_interval",
                           "stop_grace_period"})
MIB_KEYS = frozenset({"memory_limit_mb", "memory_mb", "memory_used_mb"})
_GO_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
_GO_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def _num(x: float) -> str:
    """At most one decimal, none when whole: 96, 1.5, 0.3."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def size(n: float) -> str:
    """Bytes in binary units: ``100663296`` → ``96 MiB``, ``1536`` → ``1.5 KiB``."""
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(value) < 1024 or unit == "TiB":
            return f"{int(value)} B" if unit == "B" else f"{_num(value)} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def duration(seconds: float) -> str:
    """Seconds for people: ``0.25`` → ``250 ms``, ``1.5`` → ``1.5 s``, ``90`` → ``1 min 30 s``."""
    if seconds < 1:
        ms = seconds * 1000
        return f"{_num(ms)} ms" if ms >= 1 else f"{_num(seconds * 1e6)} µs"
    if seconds < 60:
        return f"{_num(seconds)} s"
    minutes, rest = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else "",
             f"{rest} s" if rest else ""]
    return " ".join(p for p in parts if p)


def go_seconds(text: str) -> float | None:
    """A Go duration string (``1m30s``, ``1.5s``, ``500ms``) in seconds; None if it is not one."""
    text = text.strip()
    if not text or _GO_PART.sub("", text) != "":
        return None
    return sum(float(n) * _GO_UNITS[u] for n, u in _GO_PART.findall(text))


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def humanize(value: Any, key: str | None) -> Any:
    """``value`` with sizes and durations in human units when ``key`` says what it holds;
    maps are converted key by key. Anything else comes back unchanged."""
    if isinstance(value, dict):
        return {k: humanize(v, str(k)) for k, v in value.items()}
    if key in SIZE_KEYS and (n := _int(value)) is not None:
        return size(n)
    if key in MIB_KEYS and isinstance(value, int | float) and not isinstance(value, bool):
        return size(value * MIB)
    if key in DURATION_KEYS and isinstance(value, str) and (s := go_seconds(value)) is not None:
        return duration(s)
    return value


def as_text(value: Any) -> str:
    """One line of text for any value (strings as they are, the rest as compact JSON)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


_SEPARATORS = " \t,[{"


def _back(text: str, index: int, over_separators: bool) -> int:
    while index > 0 and (text[index - 1] in _SEPARATORS) == over_separators:
        index -= 1
    return index


def _window_start(text: str, first: int, context: int) -> int:
    """Where to start showing ``text`` so that index ``first`` (the first difference) shows
    with the word before it: the start of that word, else of the differing word, else
    ``context`` characters before."""
    word = _back(text, first, over_separators=False)
    before = _back(text, word, over_separators=True)
    before = _back(text, before, over_separators=False)
    for candidate in (before, word):
        if first - candidate <= context:
            return candidate
    return first - context


def _common_prefix(texts: list[str]) -> int:
    """How many leading characters all texts share."""
    n = 0
    for chars in zip(*texts, strict=False):
        if len(set(chars)) != 1:
            break
        n += 1
    return n


def shorten_apart(texts: list[str], limit: int = 60, context: int = 24) -> list[str]:
    """Each text cut to about ``limit`` characters so that where they differ stays in view.

    Texts that fit are returned whole. Otherwise the common beginning is elided with ``…``
    (keeping the word before the first difference, so ``--maxmemory 16mb`` keeps its flag)
    and each side is cut after the differing part.
    """
    if all(len(t) <= limit for t in texts):
        return list(texts)
    distinct = sorted(set(texts))
    first = _common_prefix(distinct) if len(distinct) > 1 else 0
    out = []
    for text in texts:
        start = _window_start(text, first, context) if first > limit // 3 else 0
        piece = text[start:]
        head = "…" if start else ""
        room = limit - len(head)
        if len(piece) > room:
            piece = piece[: room - 1] + "…"
        out.append(head + piece)
    return out
