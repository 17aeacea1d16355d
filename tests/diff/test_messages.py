"""What people read: long values shortened around where they differ, sizes and durations
in human units in every format for people, exact values in JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

from envsync.diff.drift import drift
from envsync.diff.engine import diff_normalised, show_values
from envsync.human import duration, go_seconds, humanize, shorten_apart, size
from envsync.render.diff import DIFF_FORMATS, render_diff

if TYPE_CHECKING:
    from envsync.diff.engine import DiffResult as DiffResultType

REDIS = ("redis-server --bind 0.0.0.0 --protected-mode no --save '' --appendonly no "
         "--maxmemory {} --maxmemory-policy allkeys-lru")


def _local_prod() -> tuple[dict[str, object], dict[str, object]]:
    local = {"services": {"redis": {"command": REDIS.format("32mb"), "mem_limit": "67108864",
                                    "healthcheck": {"interval": "30s", "timeout": "1.5s"}}}}
    prod = {"services": {"redis": {"command": REDIS.format("16mb"), "mem_limit": "100663296",
                                   "healthcheck": {"interval": "1m30s", "timeout": "1.5s"}}}}
    return local, prod


def test_long_values_show_where_they_differ() -> None:
    local, prod = _local_prod()
    result = diff_normalised(local, prod, a_label="local", b_label="prod")
    message = next(f.message for f in result.findings if f.path == "services.redis.command")
    assert message == ("redis: command is `…--maxmemory 16mb --maxmemory-policy allkeys-lru` "
                       "in prod, `…--maxmemory 32mb --maxmemory-policy allkeys-lru` in local")


@pytest.mark.parametrize(("texts", "expected"), [
    (["short", "other"], ["short", "other"]),
    # the difference near the start: both cut at the end
    (["a" + "x" * 80, "b" + "x" * 80], ["a" + "x" * 58 + "…", "b" + "x" * 58 + "…"]),
    # the difference far in, in a word with no space before it: a fixed context
    (["x" * 70 + "A" + "y" * 70, "x" * 70 + "B" + "y" * 70],
     ["…" + "x" * 24 + "A" + "y" * 33 + "…", "…" + "x" * 24 + "B" + "y" * 33 + "…"]),
    # one side longer: the added tail shows
    ([REDIS.format("16mb"), REDIS.format("16mb") + " --port 6380"],
     ["…allkeys-lru", "…allkeys-lru --port 6380"]),
])
def test_shorten_apart(texts: list[str], expected: list[str]) -> None:
    shown = shorten_apart(texts)
    assert [s.rstrip() for s in shown] == [e.rstrip() for e in expected]
    assert all(len(s) <= 60 for s in shown)


def test_three_values_and_secrets_shorten_together() -> None:
    long_a, long_b = REDIS.format("16mb"), REDIS.format("32mb")
    c, d, r = show_values(long_a, long_a, long_b)
    assert c == d and "16mb" in c and "32mb" in r
    assert show_values(None, "", "secret:hmac-sha256:abc") == ["unset", "empty", "a secret"]


def test_units() -> None:
    assert size(100663296) == "96 MiB" and size(1536) == "1.5 KiB" and size(12) == "12 B"
    assert size(3 * 1024 ** 3) == "3 GiB"
    assert duration(1.5) == "1.5 s" and duration(0.25) == "250 ms"
    assert duration(90) == "1 min 30 s" and duration(7205) == "2 h 5 s"
    assert go_seconds("1m30s") == 90 and go_seconds("1.5s") == 1.5 and go_seconds("x") is None
    assert humanize("100663296", "mem_limit") == "96 MiB"
    assert humanize(96.0, "memory_limit_mb") == "96 MiB"
    assert humanize({"interval": "1m0s", "retries": 3}, "healthcheck") == \
        {"interval": "1 min", "retries": 3}
    # env values are whatever their author chose: not guessed at
    assert humanize("100663296", None) == "100663296"


def test_env_values_are_not_converted() -> None:
    result = diff_normalised({"services": {"a": {"environment": {"memory": "1024"}}}},
                             {"services": {"a": {"environment": {"memory": "2048"}}}},
                             a_label="a", b_label="b")
    assert "`2048`" in result.findings[0].message


@pytest.mark.parametrize("fmt", [f for f in DIFF_FORMATS if f != "json"])
def test_every_format_for_people_has_human_units(fmt: str) -> None:
    local, prod = _local_prod()
    result = diff_normalised(local, prod, a_label="local", b_label="prod")
    text = render_diff(result, fmt, width=400)
    assert "96 MiB" in text and "64 MiB" in text and "1 min 30 s" in text
    assert "100663296" not in text and "67108864" not in text
    assert "16mb" in text and "32mb" in text
    if fmt == "sarif":
        messages = [r["message"]["text"] for r in json.loads(text)["runs"][0]["results"]]
        assert any("96 MiB" in m for m in messages)
    if fmt == "junit":
        failures = [e.get("message") or "" for e in ET.fromstring(text).iter("failure")]
        assert any("`…--maxmemory 16mb" in m for m in failures)


def test_json_keeps_the_exact_numbers() -> None:
    local, prod = _local_prod()
    doc = json.loads(render_diff(diff_normalised(local, prod, a_label="local",
                                                 b_label="prod"), "json"))
    by_path = {f["path"]: f for f in doc["findings"]}
    assert by_path["services.redis.mem_limit"]["after"] == "100663296"
    assert by_path["services.redis.mem_limit"]["before"] == "67108864"
    assert by_path["services.redis.healthcheck.interval"]["after"] == "1m30s"
    assert by_path["services.redis.command"]["after"] == REDIS.format("16mb")


def test_drift_messages_use_human_units() -> None:
    snapshot = {
        "meta": {"environment": "prod"},
        "compose": {"declared": {"services": {"bot": {"image": "x", "mem_limit": "67108864"}}}},
        "containers": {"bot": {"service": "bot", "image": "x", "state": "running",
                               "memory_limit_mb": 96.0,
                               "labels": {"com.docker.compose.container-number": "1"}}},
        "limits": {"memory_mb": {"bot": 70}},
        "stats": {"bot": {"memory_used_mb": 75.25}},
    }
    result = drift(snapshot)
    messages = {f.path: f.message for f in result.findings}
    assert "`96 MiB` running, `64 MiB` in every file" in messages["containers.bot.memory_limit_mb"]
    assert messages["limits.bot.memory_mb"] == "bot: uses 75.2 MiB, over its 70 MiB limit"
    found = next(f for f in result.findings if f.path == "containers.bot.memory_limit_mb")
    assert (found.before, found.after) == (64.0, 96.0)


def test_health_and_history_tables_use_human_units() -> None:
    from pathlib import Path

    from envsync.health import HealthReport
    from envsync.history import HistoryRow
    from envsync.render.health import render_health
    from envsync.render.history import render_history

    report = HealthReport(env="prod", time=0.0,
                          checks={"api": {"status": "ok", "http_status": 200, "latency_ms": 1500}},
                          memory={"bot": {"used_mb": 75.25, "limit_mb": 70, "over": True}})
    text = render_health(report)
    assert "1.5 s" in text and "75.2 MiB" in text and "70 MiB" in text and "OVER LIMIT" in text
    assert report.to_json()["checks"]["api"]["latency_ms"] == 1500  # JSON: exact
    rows = [HistoryRow(path=Path("a.json"), time="t1", head="abc", findings={}, memory_mb=96.0,
                       errors=0),
            HistoryRow(path=Path("b.json"), time="t2", head="abd", findings={}, memory_mb=1536.0,
                       errors=0)]
    text = render_history("prod", rows)
    assert "96 MiB" in text and "1.5 GiB ↑" in text


def _megabyte_finding() -> DiffResultType:
    from envsync.diff.engine import DiffResult
    from envsync.model import Finding, Kind, Severity

    key = "K" * 1_000_000
    finding = Finding(path=f"env_files..env.{key}", kind=Kind.ADDED, category="env",
                      severity=Severity.HIGH, message=f".env key {key} is set in b, not in a",
                      after="1")
    return DiffResult(a="a", b="b", findings=[finding])


def test_a_megabyte_value_is_cut_for_people_and_whole_in_json() -> None:
    from envsync.overview import EnvView, Overview
    from envsync.render.html import render_html
    from tests.helpers.documents import minimal_snapshot

    result = _megabyte_finding()
    marker = "more characters: the JSON output has all]"
    for fmt in ("table", "markdown", "github"):
        out = render_diff(result, fmt, width=1400)  # wide enough not to fold the marker
        assert len(out) < 10_000, (fmt, len(out))
        assert marker in out and "999,5" in out, fmt
    view = EnvView(name="prod", snapshot=minimal_snapshot(), source="prod@latest",  # type: ignore[arg-type]
                   drift=result)
    page = render_html(Overview(envs=[view], matrix=[]), project="demo")
    assert len(page) < 50_000 and marker in page
    finding = json.loads(render_diff(result, "json"))["findings"][0]
    assert finding["path"] == result.findings[0].path
    assert finding["message"] == result.findings[0].message
