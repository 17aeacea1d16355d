"""The diff table drawn without importing rich, the same characters as rich draws them.

Importing rich costs about 30 ms and drawing a first table about 14 ms: two thirds of
what ``envsync diff a.json b.json`` spends beyond starting Python and typer. A diff table is
always the same shape (a left-aligned title, rich's default ``HEAVY_HEAD`` box, a header,
text cells, no colour), so this module lays it out as ``rich.table.Table`` does for that
shape: the same column measurement, the same shrinking of the widest columns, the same word
wrap and folding. It takes only text whose every character is one cell wide (printable
ASCII, ``…`` and ``↔``); for anything else :func:`draw` answers None and the caller asks
rich. tests/render/test_boxtable.py compares both, byte for byte, on generated tables.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

__all__ = ["Column", "draw", "draw_line", "plain"]

_ONE_CELL = re.compile(r"[ -~…↔]*")
"""Text whose width in cells is its length, and that rich prints as it is (no tab,
newline or control character, no wide or combining character)."""
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")
_PADDING = 1  # rich's default (0, 1): one space left and right of each cell


class Column:
    """A column's header and how its text overflows: ``fold`` (cut long words) or, as
    rich's default, ``ellipsis`` (end a long word with …)."""

    def __init__(self, header: str, *, fold: bool = False) -> None:
        self.header = header
        self.fold = fold


def plain(*texts: str) -> bool:
    """True when :func:`draw` can lay out these texts exactly as rich does."""
    return all(_ONE_CELL.fullmatch(text) for text in texts)


def _divide(text: str, width: int, fold: bool) -> list[int]:
    """Where to break ``text`` to fit ``width``: ``rich._wrap.divide_line``."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                pieces = [word[i:i + width] for i in range(0, len(word), width)]
                for index, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if index == len(pieces) - 1:
                        offset = len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _wrap(text: str, width: int, fold: bool) -> list[str]:
    """``text`` as lines of at most ``width``: ``rich.text.Text.wrap`` without justifying."""
    bounds = [0, *_divide(text, width, fold), len(text)]
    lines = []
    for start, end in itertools.pairwise(bounds):
        line = text[start:end]
        if len(line) > width:  # whitespace beyond the width goes (Text.rstrip_end)
            space = _TRAILING_SPACE.search(line)
            if space:
                line = line[:len(line) - min(len(space.group(0)), len(line) - width)]
        line = line[:width]  # Text.truncate (a word too long only in a column that folds)
        lines.append(line)
    return lines


def draw_line(text: str, width: int) -> str:
    """``Console.print(text)`` of a plain string on a console ``width`` wide."""
    return "".join(line + "\n" for line in _wrap(text, width, fold=True))


def _measure(text: str, limit: int) -> tuple[int, int]:
    """(least, most) width of a cell holding ``text``, padding included, at most ``limit``
    (``Measurement.get`` of ``Padding(Text)``)."""
    if limit - 2 * _PADDING < 1:
        return limit, limit
    longest = len(text)
    words = text.split()
    least = max(map(len, words)) if words else longest
    least, longest = min(least, longest, limit), min(longest, limit)
    if longest < 1:
        least = longest = 0
    return min(least + 2 * _PADDING, limit), min(longest + 2 * _PADDING, limit)


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int],
                  values: list[int]) -> list[int]:
    """``rich._ratio.ratio_reduce``."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _collapse(widths: list[int], limit: int) -> list[int]:
    """Narrow the widest columns until the table fits (``Table._collapse_widths``; every
    column here may wrap)."""
    excess = sum(widths) - limit
    while sum(widths) and excess > 0:
        widest = max(widths)
        second = max((w for w in widths if w != widest), default=0)
        difference = widest - second
        ratios = [1 if w == widest else 0 for w in widths]
        if not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        excess = sum(widths) - limit
    return widths


def _widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], limit: int) -> list[int]:
    """Each column's width, padding included (``Table._calculate_column_widths``)."""
    def measure(index: int, most: int) -> int:
        cells = [columns[index].header, *(row[index] for row in rows)]
        return min(max(_measure(cell, most)[1] for cell in cells), most)

    if limit < 1:
        return [0] * len(columns)
    widths = [measure(i, limit) or 1 for i in range(len(columns))]
    if sum(widths) > limit:
        widths = _collapse(widths, limit)
        if sum(widths) > limit:  # the last resort: every column loses its share
            widths = _ratio_reduce(sum(widths) - limit, [1] * len(widths), widths, widths)
        widths = [measure(i, w) if w >= 1 else 0 for i, w in enumerate(widths)]
    return widths


def _cell(text: str, width: int, fold: bool) -> list[str]:
    inner = width - 2 * _PADDING
    return [f"{' ' * _PADDING}{line:<{inner}}{' ' * _PADDING}" for line in _wrap(text, inner, fold)]


def _row(cells: Sequence[str], columns: Sequence[Column], widths: list[int], edge: str) -> list[str]:
    blocks = [_cell(text, w, c.fold) for text, c, w in zip(cells, columns, widths, strict=True)]
    height = max(len(block) for block in blocks)
    return [edge + edge.join(block[i] if i < len(block) else " " * w
                             for block, w in zip(blocks, widths, strict=True)) + edge
            for i in range(height)]


def draw(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]],
         width: int) -> str | None:
    """The table as rich prints it on a console ``width`` wide, or None when a text is not
    plain (see :func:`plain`) or the console is too narrow for this layout."""
    if not plain(title, *(c.header for c in columns), *(cell for row in rows for cell in row)):
        return None
    limit = width - (len(columns) + 1)
    widths = _widths(columns, rows, limit)
    natural = _widths(columns, rows, max(limit, 1 << 16))
    if any(w < n for w, n, c in zip(widths, natural, columns, strict=True) if not c.fold):
        return None  # a column that does not fold would be cut: rich's crop rules differ
    if min(widths) - 2 * _PADDING < 1:
        return None
    table_width = sum(widths) + len(columns) + 1
    lines = [f"{line:<{table_width}}" for line in _wrap(title, table_width, fold=True)] \
        if title else []
    lines.append("┏" + "┳".join("━" * w for w in widths) + "┓")
    lines += _row([c.header for c in columns], columns, widths, "┃")
    lines.append("┡" + "╇".join("━" * w for w in widths) + "┩")
    for row in rows:
        lines += _row(row, columns, widths, "│")
    lines.append("└" + "┴".join("─" * w for w in widths) + "┘")
    return "".join(line + "\n" for line in lines)
