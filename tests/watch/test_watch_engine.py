"""envsync watch on the real engine, with a loopback receiver for the channels."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from envsync.config import load_config
from envsync.watch.loop import Watcher
from tests.watch.conftest import TOKEN, Receiver, Stack

pytestmark = pytest.mark.docker


def _watcher(cfg: Path, log: io.StringIO, env: str = "live") -> Watcher:
    return Watcher(config=load_config(cfg), envs=[env], interval=0.5, drift_interval=3600,
                   out=log)


def _once(cfg: Path, log: io.StringIO) -> int:
    return _watcher(cfg, log).run(once=True)


def _titles(receiver: Receiver) -> list[str]:
    return [m["title"] for m in receiver.apprise()]


def test_stopped_service_fires_once_after_two_rounds_and_resolves_once(
        stack: Stack, receiver: Receiver) -> None:
    cfg = stack.config(receiver.port)
    log = io.StringIO()
    assert _once(cfg, log) == 0
    stack.project.compose("stop", "--timeout", "0", "worker")
    assert _once(cfg, log) == 0          # one bad round: pending, nothing sent
    assert not any("service down" in t for t in _titles(receiver))
    assert _once(cfg, log) == 1          # second bad round: firing
    assert _once(cfg, log) == 1          # still firing: no second message
    down = [t for t in _titles(receiver) if "service down" in t]
    assert down == ["[FIRING critical] live: service down: worker"]
    body = next(m["message"] for m in receiver.apprise() if "service down" in m["title"])
    assert "exited" in body and "since: " in body and "docker logs --tail 50" in body
    am = [a for a in receiver.alertmanager() if a["labels"]["alertname"] == "service_down"]
    assert len(am) == 1 and "endsAt" not in am[0] and am[0]["labels"]["subject"] == "worker"
    stack.project.up("worker")
    _once(cfg, log)
    assert _once(cfg, log) == 0
    _once(cfg, log)
    down = [t for t in _titles(receiver) if "service down" in t]
    assert down == ["[FIRING critical] live: service down: worker",
                    "[RESOLVED critical] live: service down: worker"]
    am = [a for a in receiver.alertmanager() if a["labels"]["alertname"] == "service_down"]
    assert len(am) == 2 and "endsAt" in am[1]
    lines = [json.loads(line) for line in log.getvalue().splitlines()]
    assert [x["event"] for x in lines if x["event"].startswith("alert ")] == \
        ["alert firing", "alert resolved"]
    everything = log.getvalue() + "".join(receiver.raw) + (stack.root / "snapshots" / "live"
                                                           / "watch-state.json").read_text()
    assert TOKEN not in everything


def _fill_shm(stack: Stack, mib: float) -> None:
    """Put ``mib`` MiB more in the api container's /dev/shm (tmpfs: charged to its memory),
    64 KiB at a time (busybox has no dd or head; a bigger shell string would itself need
    memory the limit does not leave)."""
    chunks = int(mib * 16)
    script = ("x=0123456789abcdef; i=0; while [ $i -lt 12 ]; do x=$x$x; i=$((i+1)); done; "
              f"i=0; while [ $i -lt {chunks} ]; do echo -n $x >> /dev/shm/fill; i=$((i+1)); "
              "done")
    stack.project.compose("exec", "-T", "api", "sh", "-c", script)


def test_memory_past_80_then_95_percent_of_the_limit_warns_then_is_critical(
        stack: Stack, receiver: Receiver) -> None:
    cfg = stack.config(receiver.port)
    log = io.StringIO()
    _once(cfg, log)
    _fill_shm(stack, 34)      # 34 of 40 MiB: 85 %
    _once(cfg, log)
    _once(cfg, log)
    titles = _titles(receiver)
    assert "[FIRING warning] live: memory high: api" in titles, log.getvalue()
    assert not any("memory near its limit" in t for t in titles)
    _fill_shm(stack, 4.5)     # 38.5 MiB of 40: 96 %
    _once(cfg, log)
    _once(cfg, log)
    titles = _titles(receiver)
    assert "[FIRING critical] live: memory near its limit: api" in titles, log.getvalue()
    assert titles.count("[FIRING warning] live: memory high: api") == 1
