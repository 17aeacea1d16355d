"""The blue-green check's one health budget (envsync/deploy/bluegreen.py): the new
container must be healthy and pass its checks within ``health_timeout_s`` of its own start
(the engine's StartedAt, trusted only for an engine on this machine: the same clock), not
of each wait's. The engine is a test double (the inspect answer); the never-healthy test
in tests/deploy/test_bluegreen.py runs it against the real engine."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from envsync.deploy.bluegreen import BlueGreen, _epoch
from envsync.deploy.settings import ProxySettings


class _Inspected(BlueGreen):
    started_at = ""

    def _inspect(self) -> dict[str, Any]:
        return {"State": {"StartedAt": self.started_at}}


def _bg(docker_host: str | None, started_at: str) -> _Inspected:
    bg = _Inspected(service="md", project="p", proxy=ProxySettings(service="proxy", preview_url="http://127.0.0.1:8098"),
                    proxy_container="px",
                    network="n", port=8001, live="blue", old=["p-md-1"],
                    health_timeout_s=20.0, docker_host=docker_host)
    bg.started_at = started_at
    return bg


def _ago(seconds: float) -> str:
    moment = datetime.now(UTC) - timedelta(seconds=seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "123Z"  # the engine's nanoseconds


def test_engine_timestamps() -> None:
    assert _epoch("2026-11-30T02:11:15.123456789Z") == pytest.approx(1796004675.1234567)
    assert _epoch("2026-11-30T03:11:15.5+01:00") == pytest.approx(1796004675.5)
    assert _epoch("2026-11-30T02:11:15Z") == 1796004675.0
    # a never-started container's zero time is a time (year 1): the deadline ignores it
    assert _epoch("0001-01-01T00:00:00Z") == pytest.approx(-62135596800.0)
    for junk in ("", "junk", "2026-13-40T02:11:15Z", "2026-11-30T25:11:15Z"):
        assert _epoch(junk) is None, junk


@pytest.mark.parametrize(("host", "started", "spent"), [
    ("unix:///var/run/docker.sock", 5.0, 5.0),   # the budget started with the container
    ("ssh://ops@prod", 5.0, 0.0),                # another machine's clock: from now
    ("unix:///var/run/docker.sock", "", 0.0),    # no start known: from now
    ("unix:///var/run/docker.sock", "0001-01-01T00:00:00Z", 0.0),  # never started
    ("unix:///var/run/docker.sock", -30.0, 0.0),  # a clock ahead: not trusted
    ("unix:///var/run/docker.sock", 25.0, 0.0),  # older than the budget: a stale read
], ids=["local", "remote", "unknown", "zero", "future", "stale"])
def test_the_budget_counts_from_the_container_start(host: str, started: str | float,
                                                    spent: float) -> None:
    stamp = _ago(started) if isinstance(started, float) else started  # now, not at collection
    before = time.monotonic()
    deadline = _bg(host, stamp)._health_deadline()
    after = time.monotonic()
    assert before + 20.0 - spent - 0.5 <= deadline <= after + 20.0 - spent + 0.5
