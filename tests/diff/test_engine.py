"""The pure diff: rules, globs, pruning, messages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from envsync.diff import compare
from envsync.diff.engine import _deepdiff, apply_filters, diff_normalised, show_value
from envsync.diff.rules import RULES, glob_match, match_rule
from envsync.model import Kind, Severity

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench._synthetic import make_pair


@pytest.mark.parametrize(
    ("pattern", "path", "prefix", "expected"),
    [
        ("services.*.command", ("services", "bot", "command"), False, True),
        ("services.*", ("services", "bot", "command"), False, False),
        ("services.*", ("services", "bot", "command"), True, True),
        ("services.**", ("services", "bot", "environment", "X"), False, True),
        ("env_files.*.TELEGRAM_*", ("env_files", "env_file", "TELEGRAM_TOKEN"), False, True),
        ("containers.*.labels", ("containers", "bot", "labels", "com.example.a"), True, True),
        ("containers.*.labels", ("containers", "bot", "labelsX"), True, False),
        ("**", (), False, True),
    ],
)
def test_glob_match(pattern: str, path: tuple[str, ...], prefix: bool, expected: bool) -> None:
    assert glob_match(pattern, path, prefix=prefix) is expected


def test_rules_table_severities() -> None:
    def sev(path: str, kind: Kind = Kind.CHANGED) -> Severity:
        return match_rule(tuple(path.split(".")), kind).severity

    assert sev("services.bot.command") is Severity.CRITICAL
    assert sev("containers.bot.command") is Severity.CRITICAL
    assert sev("services.bot", Kind.ADDED) is Severity.HIGH
    assert sev("services.bot.environment.X", Kind.REMOVED) is Severity.HIGH
    assert sev("services.bot.environment.X") is Severity.MEDIUM
    assert sev("services.bot.image") is Severity.HIGH
    assert sev("services.bot.ports.80/tcp") is Severity.HIGH
    assert sev("services.bot.labels.a") is Severity.LOW
    assert sev("git.untracked", Kind.ADDED) is Severity.LOW
    assert sev("git.head") is Severity.INFO
    assert sev("anything.else") is Severity.LOW
    assert RULES[-1].pattern == "**"


def test_pruning_does_not_change_what_deepdiff_reports() -> None:
    a, b = make_pair(60, keys=20, changed=0.5, seed=3)
    import envsync.diff.engine as engine

    pruned = {(f.path, f.kind, repr(f.before), repr(f.after))
              for f in compare(a, b, a_label="a", b_label="b").findings}
    original = engine._prune
    engine._prune = lambda x, y: (x, y)  # type: ignore[assignment]
    try:
        whole = {(f.path, f.kind, repr(f.before), repr(f.after))
                 for f in compare(a, b, a_label="a", b_label="b").findings}
    finally:
        engine._prune = original
    assert pruned == whole and len(pruned) > 100


def test_whole_maps_that_share_no_key_are_still_reported_key_by_key() -> None:
    found = list(_deepdiff({"A": "1"}, {"B": "2"}, ("services", "x", "environment")))
    assert {(k, p[-1]) for k, p, _, _ in found} == {(Kind.REMOVED, "A"), (Kind.ADDED, "B")}


def test_messages_and_values() -> None:
    result = diff_normalised(
        {"services": {"bot": {"command": "python a.py", "environment": {"T": "secret:hmac-sha256:1"}}}},
        {"services": {"bot": {"command": "python b.py", "environment": {"T": "secret:hmac-sha256:2"}}}},
        a_label="local", b_label="prod")
    by_path = {f.path: f for f in result.findings}
    assert by_path["services.bot.command"].message == \
        "bot: command is `python b.py` in prod, `python a.py` in local"
    assert "secret value differs" in by_path["services.bot.environment.T"].message
    assert show_value("") == "empty" and show_value(None) == "unset"
    assert show_value("x" * 100).endswith("…`")


def test_filters_ignore_and_expect() -> None:
    result = diff_normalised({"services": {"a": {"image": "x:1", "labels": {"k": "1"}}}},
                             {"services": {"a": {"image": "x:2", "labels": {"k": "2"}}}},
                             a_label="a", b_label="b")
    result = apply_filters(result, ignore=["services.*.labels"],
                           expect_different=["services.a.image"])
    assert [f.path for f in result.findings] == ["services.a.image"]
    assert result.findings[0].severity is Severity.INFO and result.findings[0].expected
    assert result.notes == ["1 finding(s) dropped by ignore rules"]
    assert result.summary["info"] == 1
