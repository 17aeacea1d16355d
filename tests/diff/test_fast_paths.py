"""The diff's fast paths answer exactly as the slow ones they stand in for: the walk of
maps and scalars as deepdiff (same reports, same order), the severity rule found by path
shape as the first matching rule of the table."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from envsync.diff import engine
from envsync.diff.rules import RULES, _first_match, match_rule
from envsync.model import Kind

_KEYS = st.sampled_from(["a", "b", "c", "a.b", "image", "env", "KEY_1", "x"])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(-2, 2),
                     st.sampled_from(["", "v", "w", "1"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.dictionaries(_KEYS, inner, max_size=4),
                       max_leaves=12)
_WITH_LISTS = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.dictionaries(_KEYS, inner, max_size=4), st.lists(inner, max_size=3)), max_leaves=12)


def _by_deepdiff(before: Any, after: Any, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    with monkeypatch.context() as patch:
        patch.setattr(engine, "_walk", lambda *_: False)
        return list(engine._deepdiff(before, after, ("services", "app")))


@settings(max_examples=300, deadline=None)
@given(before=_VALUES, after=_VALUES)
def test_the_walk_reports_what_deepdiff_reports(before: Any, after: Any) -> None:
    if before == after:
        return  # never asked: equal values are skipped before
    with pytest.MonkeyPatch.context() as monkeypatch:
        slow = _by_deepdiff(before, after, monkeypatch)
    fast = list(engine._deepdiff(before, after, ("services", "app")))
    assert fast == slow
    assert [type(v) for f in fast for v in f[2:]] == [type(v) for s in slow for v in s[2:]]


@settings(max_examples=200, deadline=None)
@given(before=_WITH_LISTS, after=_WITH_LISTS)
def test_lists_are_left_to_deepdiff(before: Any, after: Any) -> None:
    if before == after:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        slow = _by_deepdiff(before, after, monkeypatch)
    assert list(engine._deepdiff(before, after, ("services", "app"))) == slow


def test_the_walk_needs_no_deepdiff_for_maps_of_scalars() -> None:
    before = {"environment": {"A": "1", "B": "2", "GONE": "x"}, "image": "a:1", "mem": 5}
    after = {"environment": {"A": "1", "B": "3", "NEW": "y"}, "image": None, "mem": 5.5}
    reports: dict[str, list[Any]] = {report: [] for report in engine._REPORTS}
    assert engine._walk(before, after, (), reports)
    assert list(engine._deepdiff(before, after, ("services", "web"))) == [
        (Kind.CHANGED, ("services", "web", "environment", "B"), "2", "3"),
        (Kind.CHANGED, ("services", "web", "image"), "a:1", None),
        (Kind.CHANGED, ("services", "web", "mem"), 5, 5.5),
        (Kind.ADDED, ("services", "web", "environment", "NEW"), None, "y"),
        (Kind.REMOVED, ("services", "web", "environment", "GONE"), "x", None),
    ]
    assert not engine._walk({"command": ["a"]}, {"command": ["b"]}, (), reports)


_SEGMENTS = st.sampled_from(["services", "containers", "swarm", "env_files", "git", "health",
                             "limits", "hosts", "project", "web", "environment", "env",
                             "labels", "com.docker.x", "command", "image", "ports", "deploy",
                             "dirty", "KEY", "tasks", "running", "*", "x.y"])


@settings(max_examples=500, deadline=None)
@given(path=st.lists(_SEGMENTS, max_size=5).map(tuple), kind=st.sampled_from(list(Kind)))
def test_a_rule_found_by_path_shape_is_the_first_that_matches(path: tuple[str, ...],
                                                              kind: Kind) -> None:
    assert match_rule(path, kind) == _first_match(path, kind, RULES)
    assert match_rule(path, kind) == _first_match(path, kind, RULES)  # once remembered


def test_not_a_number_as_deepdiff_sees_it(monkeypatch: pytest.MonkeyPatch) -> None:
    nan = float("nan")  # json.loads gives every NaN as this one object
    for before, after in (({"x": nan, "y": 1}, {"x": nan, "y": 2}),
                          ({"x": nan}, {"x": float("nan")})):
        assert list(engine._deepdiff(before, after, ("services", "app"))) == \
            _by_deepdiff(before, after, monkeypatch)
