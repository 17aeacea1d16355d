"""The diff table drawn without rich is the one rich draws, byte for byte (both drawn by
envsync.render.diff's two paths)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from envsync.render import boxtable
from envsync.render.diff import _plain_table, _rich_table

HEADERS = ("severity", "kind", "path", "what")
# Words of plain characters, with runs of spaces and long unbroken words (paths, values).
_WORD = st.text(alphabet=st.sampled_from("abcXYZ019._-`…↔:=/"), min_size=0, max_size=40)
_TEXT = st.lists(_WORD, max_size=12).map(" ".join) | st.lists(_WORD, max_size=6).map("  ".join)
# Rows as a diff has them: a short severity and kind, then a path and a message of any length.
_ROW = st.tuples(st.sampled_from(("critical", "high", "medium", "low", "info", "")),
                 st.sampled_from(("added", "removed", "changed", "committed", "a b")),
                 _TEXT, _TEXT).map(list)


def _rich(title: str, rows: list[list[str]], lines: list[str], width: int) -> str:
    return _rich_table([(title, list(HEADERS), rows)], lines, width)


def _plain(title: str, rows: list[list[str]], lines: list[str], width: int) -> str | None:
    return _plain_table([(title, list(HEADERS), rows)], lines, width)


@settings(max_examples=150, deadline=None)
@given(title=_TEXT, rows=st.lists(_ROW, min_size=1, max_size=4),
       lines=st.lists(_TEXT, max_size=2), width=st.integers(min_value=30, max_value=200))
def test_same_as_rich(title: str, rows: list[list[str]], lines: list[str], width: int) -> None:
    plain = _plain(title, rows, lines, width)
    if plain is not None:  # a layout it declines is drawn by rich
        assert plain == _rich(title, rows, lines, width)


def test_findings_at_the_usual_width_are_drawn_without_rich() -> None:
    rows = [["medium", "changed", "services.svc-0000.environment.KEY_001",
             "svc-0000: env KEY_001 is `value-0-1-new` in b, `value-0-1` in a"],
            ["high", "added", "services.svc-0002.environment.KEY_008_X",
             "svc-0002: env KEY_008_X is set in b (`added`), not in a"]]
    plain = _plain("svc-0000", rows, ["a ↔ b: 2 finding(s): 1 high, 1 medium"], 120)
    assert plain is not None
    assert plain == _rich("svc-0000", rows, ["a ↔ b: 2 finding(s): 1 high, 1 medium"], 120)
    assert max(len(line) for line in plain.splitlines()) <= 120


def test_text_that_is_not_one_cell_per_character_goes_to_rich() -> None:
    for text in ("wide 漢字", "tab\there", "new\nline", "bell\x07", "e\u0301"):
        assert not boxtable.plain(text)
        columns = [boxtable.Column(h) for h in HEADERS]
        assert boxtable.draw("t", columns, [[text, "a", "b", "c"]], 80) is None
