"""envsync watch against faults: slow checks, a failing exchange, a hand change, a killed
watcher, a channel that is down. Real engine, real HTTP on 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from envsync.config import load_config
from envsync.watch.loop import Watcher
from tests.helpers.docker import free_port
from tests.helpers.httpd import serve
from tests.watch.conftest import TOKEN, Receiver, Stack

pytestmark = pytest.mark.docker


def _once(cfg: Path, log: io.StringIO, drift_interval: float = 3600) -> int:
    return Watcher(config=load_config(cfg), envs=["live"], interval=0.5,
                   drift_interval=drift_interval, out=log).run(once=True)


def _titles(receiver: Receiver) -> list[str]:
    return [m["title"] for m in receiver.apprise()]


@pytest.fixture
def slow_server() -> Iterator[str]:
    """GET /slow answers after 0.6 s, /fast at once."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/slow":
                time.sleep(0.6)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_slow_smoke_check_is_a_latency_alert(stack: Stack, receiver: Receiver,
                                               slow_server: str) -> None:
    health = (f"    health:\n      - {{name: quick, url: '{slow_server}/fast'}}\n"
              f"      - {{name: smoke, url: '{slow_server}/slow'}}\n")
    cfg = stack.config(receiver.port, health=health,
                       watch="  rules: {latency: {threshold: 0.3}}\n")
    log = io.StringIO()
    _once(cfg, log)
    _once(cfg, log)
    slow = [m for m in receiver.apprise() if "too slow" in m["title"]]
    assert [m["title"] for m in slow] == ["[FIRING warning] live: check too slow: smoke"]
    assert "(limit 300 ms)" in slow[0]["message"]
    assert "envsync health live" in slow[0]["message"]


def test_an_exchange_in_error_mode_is_an_exchange_alert(stack: Stack,
                                                       receiver: Receiver) -> None:
    from services.market_data.app import create_app
    from services.market_data.settings import load_settings
    from tests.fakes.exchange import FakeExchange
    from tests.services.inproc import serve_app

    with FakeExchange() as fake:
        env = {**fake.env(), "EXCHANGE_TIMEOUT": "0.4", "CACHE_TTL": "0",
               "CACHE_ERROR_TTL": "0", "BREAKER_FAILURES": "0"}
        with serve_app(create_app(load_settings(env))) as url:
            health = (f"    health:\n      - {{name: price, method: POST, url: "
                      f"'{url}/combined_price', json: {{symbol: BTC/USDT}}}}\n")
            cfg = stack.config(receiver.port, health=health,
                               watch=f"  metrics: {{live: ['{url}/metrics']}}\n")
            log = io.StringIO()
            _once(cfg, log)
            fake.set_mode("okx", "error")
            for _ in range(3):
                _once(cfg, log)
            titles = _titles(receiver)
            assert titles == ["[FIRING warning] live: exchange failing: okx"], log.getvalue()
            am = receiver.alertmanager()
            assert am[0]["labels"] == {"alertname": "exchange_failing", "env": "live",
                                       "subject": "okx", "severity": "warning",
                                       "source": "envsync"}
            assert am[0]["annotations"]["value"].startswith("down")
            fake.set_mode("okx", "ok")
            _once(cfg, log)
            _once(cfg, log)
            assert _titles(receiver)[-1] == "[RESOLVED warning] live: exchange failing: okx"


def test_a_hand_change_is_one_drift_alert(stack: Stack, receiver: Receiver) -> None:
    cfg = stack.config(receiver.port)
    log = io.StringIO()
    _once(cfg, log, drift_interval=0.1)
    assert not [t for t in _titles(receiver) if "by hand" in t], log.getvalue()
    api = next(c for c in stack.project.containers() if c.name.endswith("api-1"))
    subprocess.run(["docker", "update", "--memory", "48m", "--memory-swap", "48m", api.id],
                   check=True, capture_output=True)
    _once(cfg, log, drift_interval=0.1)
    _once(cfg, log, drift_interval=0.1)
    drift = [m for m in receiver.apprise() if "by hand" in m["title"]]
    assert [m["title"] for m in drift] == ["[FIRING warning] live: changed by hand: live"]
    assert "envsync drift live" in drift[0]["message"]
    assert "memory" in drift[0]["message"]


def _start(stack: Stack, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", "from envsync.cli.app import main; main()", "watch", "live",
         "--interval", "0.5", "--drift-interval", "3600", *args],
        cwd=stack.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class _Lines:
    """The JSON log lines of a watcher process, read in a thread."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[dict[str, object]] = []
        self.raw: list[str] = []
        assert proc.stderr is not None
        stream = proc.stderr

        def pump() -> None:
            for line in stream:
                self.raw.append(line)
                with contextlib.suppress(ValueError):  # a line that is not JSON: kept raw
                    self.lines.append(json.loads(line))

        self.thread = threading.Thread(target=pump, daemon=True)
        self.thread.start()

    def count(self, event: str) -> int:
        return sum(1 for x in list(self.lines) if x.get("event") == event)

    def wait(self, event: str, n: int = 1, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while self.count(event) < n:
            assert time.monotonic() < end, f"no {n} x {event!r}: {''.join(self.raw)[-3000:]}"
            time.sleep(0.05)


def test_a_killed_and_restarted_watcher_sends_no_duplicate(stack: Stack,
                                                          receiver: Receiver) -> None:
    stack.config(receiver.port)
    port = free_port()
    first = _start(stack, "--metrics-port", str(port))
    log = _Lines(first)
    try:
        log.wait("round")
        stack.project.compose("stop", "--timeout", "0", "worker")
        assert receiver.wait(lambda: len(receiver.apprise()) == 1)
        # killed while the alert fires, not in the middle of delivering it (a kill between
        # a channel's answer and the outbox's save delivers that message again: at least once)
        log.wait("delivered", 2)
        metrics = httpx.get(f"http://127.0.0.1:{port}/metrics").text
        assert 'envsync_container_running{container="worker",env="live"} 0.0' in metrics
        assert 'envsync_alert_firing{env="live",rule="service_down",severity="critical",' \
               'subject="worker"} 1.0' in metrics
    finally:
        first.kill()
        first.wait()
    second = _start(stack)
    log2 = _Lines(second)
    try:
        log2.wait("round", 4)
        assert not any(x.get("event") == "alert firing" for x in log2.lines)
        assert _titles(receiver) == ["[FIRING critical] live: service down: worker"]
    finally:
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=30) == 0
    log2.thread.join(5)
    assert log2.count("watch stopped") == 1
    text = "".join(log.raw + log2.raw + receiver.raw)
    assert TOKEN not in text


def test_a_channel_down_for_three_rounds_gets_the_alert_when_it_is_back(
        stack: Stack, receiver: Receiver) -> None:
    receiver.stop()                       # same port, nothing listening
    stack.config(receiver.port)
    stack.project.compose("stop", "--timeout", "0", "worker")
    proc = _start(stack)
    log = _Lines(proc)
    try:
        log.wait("alert firing")
        fired_at = log.count("round")
        log.wait("delivery failed", 2)
        log.wait("round", fired_at + 3)   # rounds go on while the channel is down
        assert receiver.posts == []
        receiver.start()
        assert receiver.wait(lambda: len(receiver.apprise()) == 1
                             and len(receiver.alertmanager()) == 1)
        assert _titles(receiver) == ["[FIRING critical] live: service down: worker"]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    log.thread.join(5)
    failed = [x for x in log.lines if x.get("event") == "delivery failed"]
    assert failed and all(TOKEN not in json.dumps(x) for x in failed)
    assert TOKEN not in "".join(log.raw)
    assert log.count("delivered") == 2
