"""The blue-green window's fast memory vital sign (envsync/deploy/memory_vital.py): two
one-shot reads over the memory_warning threshold in a row fail the window, one spike does
not; no limit (or the rule off) means no vital sign. The engine is a test double here (the
docker-py calls the probe makes); tests/deploy/test_bluegreen_window.py runs it for real."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from envsync.capture.stats import MIB
from envsync.deploy.memory_vital import MemoryVital, memory_vital
from envsync.watch.rules import RuleSet


class _Api:
    """``client.api`` of docker-py: one stats answer per call, in order."""

    api_version = "1.41"

    def __init__(self, used_mb: list[float | None]) -> None:
        self.used = list(used_mb)
        self.calls: list[dict[str, Any]] = []

    def stats(self, container_id: str, **kwargs: Any) -> dict[str, Any]:
        self.calls.append({"id": container_id, **kwargs})
        used = self.used.pop(0)
        if used is None:
            raise ValueError("Expecting value: line 1 column 1 (char 0)")  # gone mid-answer
        return {"memory_stats": {"usage": int(used * MIB), "limit": 64 * MIB}}


class _Client:
    def __init__(self, used_mb: list[float | None]) -> None:
        self.api = _Api(used_mb)


def _verdicts(used_mb: list[float | None]) -> tuple[list[str | None], _Client]:
    client = _Client(used_mb)
    vital = MemoryVital("app", limit_mb=64.0, ratio=0.80)
    return [vital.probe(client, "c1") for _ in used_mb], client


def test_two_reads_over_the_threshold_in_a_row_fail_the_window() -> None:
    verdicts, client = _verdicts([10.0, 56.0, 57.0])
    assert verdicts[:2] == [None, None]
    why = verdicts[2]
    assert why is not None and why.startswith(
        "memory high: the new app container uses 57 MiB of its 64 MiB limit (89%, "
        "threshold 80%; 2 one-shot reads in a row")
    assert all(c == {"id": "c1", "stream": False, "one_shot": True} for c in client.api.calls)


def test_a_single_spike_is_not_a_failure() -> None:
    verdicts, _ = _verdicts([56.0, 10.0, 56.0, 10.0, 60.0])
    assert verdicts == [None] * 5


def test_an_unanswered_read_neither_counts_nor_resets() -> None:
    verdicts, _ = _verdicts([56.0, None, 56.0])
    assert verdicts[:2] == [None, None] and verdicts[2] is not None


def test_no_limit_or_the_rule_off_means_no_vital_sign() -> None:
    limited = {"HostConfig": {"Memory": 64 * MIB}}
    vital = memory_vital("app", limited, None, None)
    assert vital is not None and (vital.limit_mb, vital.ratio) == (64.0, 0.80)
    assert memory_vital("app", {"HostConfig": {"Memory": 0}}, None, None) is None
    from_config = memory_vital("app", {"HostConfig": {}}, 128.0, None)  # envsync.yaml's
    assert from_config is not None and from_config.limit_mb == 128.0
    rules = RuleSet()
    off = RuleSet(rules={**rules.rules, "memory_warning": replace(
        rules.get("memory_warning"), enabled=False)})
    assert memory_vital("app", limited, None, off) is None
    stricter = RuleSet(rules={**rules.rules, "memory_warning": replace(
        rules.get("memory_warning"), threshold=0.5)})
    tuned = memory_vital("app", limited, None, stricter)
    assert tuned is not None and tuned.ratio == 0.5
