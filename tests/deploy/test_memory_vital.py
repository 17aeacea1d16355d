"""The blue-green window's fast memory vital sign (envsync/deploy/memory_vital.py): two
one-shot stats reads over the memory_warning threshold in a row fail the window, one spike
does not; cgroup reads (every 0.25 s round) must also span CGROUP_SPAN_S; a cgroup that
cannot be read any more falls back to stats reads; no limit (or the rule off) means no
vital sign. The engine is a test double here (the docker-py calls the probe makes), the
cgroup files live in tmp dirs; tests/deploy/test_bluegreen_window.py runs it for real."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from envsync.capture.cgroup_memory import CgroupMemory
from envsync.capture.stats import MIB
from envsync.deploy.memory_vital import CGROUP_SPAN_S, MemoryVital, memory_vital
from envsync.watch.rules import RuleSet
from tests.capture.test_cgroup_memory import ID, V1_PROC, _proc, _v1


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
        "threshold 80%; 2 one-shot stats reads in a row")
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


def _cgroup_vital(tmp_path: Path) -> tuple[MemoryVital, CgroupMemory]:
    reader = CgroupMemory(usage=tmp_path / "memory.usage_in_bytes", stat=tmp_path / "memory.stat")
    reader.stat.write_text("total_inactive_file 0\n")
    reader.usage.write_text(f"{56 * MIB}\n")
    return MemoryVital("app", limit_mb=64.0, ratio=0.80, cgroup=reader), reader


def test_cgroup_reads_must_stay_over_the_threshold_for_the_span(tmp_path: Path) -> None:
    """Reads every 0.25 s round: two in a row 0.25 s apart may be one spike; the memory
    must stay over the threshold from the first read over it for CGROUP_SPAN_S."""
    vital, _ = _cgroup_vital(tmp_path)
    assert CGROUP_SPAN_S == 0.5
    assert [vital.read(56.0, now=t) for t in (10.0, 10.25)] == [None, None]
    why = vital.read(56.0, now=10.5)
    assert why is not None and why.endswith("3 cgroup reads in a row over 0.50 s)"), why
    # a 0.4 s spike: two reads over, then one under; never a failure
    spiky, _ = _cgroup_vital(tmp_path)
    assert [spiky.read(mb, now=t) for t, mb in ((0.0, 56.0), (0.25, 60.0), (0.4, 10.0),
                                                (0.65, 56.0), (0.9, 56.0))] == [None] * 5
    # a slow round: two reads 0.6 s apart are enough (the span, and at least two reads)
    slow, _ = _cgroup_vital(tmp_path)
    assert slow.read(56.0, now=0.0) is None and slow.read(56.0, now=0.6) is not None
    # stats reads keep the two-in-a-row rule whatever their spacing
    stats = MemoryVital("app", limit_mb=64.0, ratio=0.80)
    assert stats.read(56.0, now=0.0) is None and stats.read(56.0, now=0.1) is not None


def test_the_probe_reads_the_cgroup_and_falls_back_to_stats(tmp_path: Path) -> None:
    vital, reader = _cgroup_vital(tmp_path)
    client = _Client([57.0, 58.0])
    assert vital.instant and vital.probe(client, "c1") is None  # over, first read
    assert client.api.calls == []  # read from the files, not the engine
    reader.usage.unlink()  # the cgroup is gone (the container stopped, moved)
    assert vital.probe(client, "c1") is None
    assert not vital.instant and vital.source == "one-shot stats reads" and vital.streak == 0
    assert vital.probe(client, "c1") is None  # the count starts again with the new source
    why = vital.probe(client, "c1")
    assert why is not None and "2 one-shot stats reads in a row" in why
    assert len(client.api.calls) == 2


def test_a_local_engine_reads_the_containers_own_cgroup(tmp_path: Path) -> None:
    proc = _proc(tmp_path / "proc", 4121, V1_PROC.format(id=ID))
    sys_root = _v1(tmp_path, usage=60 * MIB, inactive=8 * MIB)
    inspect = {"Id": ID, "State": {"Pid": 4121}, "HostConfig": {"Memory": 64 * MIB}}
    local = memory_vital("app", inspect, None, None, local=True, proc_root=proc,
                         cgroup_root=sys_root)
    assert local is not None and local.source == "cgroup reads"
    assert local.cgroup is not None and local.cgroup.used_mb() == 52.0
    remote = memory_vital("app", inspect, None, None, local=False, proc_root=proc,
                          cgroup_root=sys_root)
    assert remote is not None and remote.source == "one-shot stats reads"
    other = memory_vital("app", {**inspect, "Id": "f" * 64}, None, None, local=True,
                         proc_root=proc, cgroup_root=sys_root)  # pid reused: not its cgroup
    assert other is not None and other.cgroup is None
