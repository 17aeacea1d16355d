"""The closed-loop load client (tests/helpers/load.py) against a loopback server that
answers 503 while told to: failures are counted with their reason, successes by body."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.httpd import serve
from tests.helpers.load import GAP_NOTED_S, LoadClient


class _Toggle(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    down = threading.Event()

    def do_GET(self) -> None:
        code, body = (503, b"down") if self.down.is_set() else (200, b"up")
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def toggle_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Toggle)
    serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_failures_and_gaps_are_recorded(toggle_url: str) -> None:
    _Toggle.down.clear()
    load = LoadClient(toggle_url, workers=2).start()
    assert load.wait_first_success()
    _Toggle.down.set()
    while not load.report.failures:  # bounded by the client's own max_seconds
        threading.Event().wait(0.01)
    threading.Event().wait(GAP_NOTED_S + 0.1)  # an outage long enough to be noted
    _Toggle.down.clear()
    ok_before = load.report.ok
    while load.report.ok < ok_before + 5:
        threading.Event().wait(0.01)
    report = load.stop()
    assert report.failed > 0 and {why for _, why in report.failures} == {"HTTP 503"}
    assert report.ok + report.failed <= report.requests
    assert report.bodies.keys() == {"up"}
    assert report.longest_gap_s > GAP_NOTED_S
    # the outage is noted with when it began: [(since start, length)]. With two workers a
    # request answered before the outage may end after its first failure (and one failed
    # in it after its end): the noted gap overlaps the failures, not always contains the first
    first, last = report.failures[0][0], report.failures[-1][0]
    assert [g for g in report.gaps if g[0] < last and first < g[0] + g[1]
            and GAP_NOTED_S < g[1] <= report.longest_gap_s]
    assert report.to_json()["failed"] == report.failed


def test_only_the_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        LoadClient("http://example.com/")


def test_the_load_in_a_process_of_its_own(toggle_url: str) -> None:
    """bench/deploy.py's load (tests/helpers/load_process.py): the same report, from a
    child process, and the same loopback rule."""
    import time

    from tests.helpers.load_process import LoadProcess

    _Toggle.down.clear()
    with LoadProcess(toggle_url, workers=2) as load:
        assert load.wait_first_success()
        assert 0 < load.started <= time.monotonic()  # one clock for both processes
        _Toggle.down.set()
        threading.Event().wait(GAP_NOTED_S + 0.2)
        _Toggle.down.clear()
        threading.Event().wait(0.3)
    report = load.report
    assert report.ok > 0 and report.failed > 0, report
    assert {why for _, why in report.failures} == {"HTTP 503"}
    assert report.bodies.keys() == {"up"} and report.longest_gap_s > GAP_NOTED_S
    assert report.gaps and all(g > GAP_NOTED_S for _, g in report.gaps)
    with pytest.raises(ValueError, match="loopback"):
        LoadProcess("http://example.com/")


def test_a_gap_is_between_two_successes(toggle_url: str) -> None:
    """Down from the start: nothing succeeded, so the whole run is the gap; the time to the
    first success (the client's own start-up) is not a gap between two answers."""
    _Toggle.down.set()
    load = LoadClient(toggle_url, workers=1, pause_s=0.05).start()
    threading.Event().wait(GAP_NOTED_S + 0.2)
    report = load.stop()
    assert report.ok == 0 and report.failed > 0
    assert report.longest_gap_s == report.seconds
    _Toggle.down.clear()
    load = LoadClient(toggle_url, workers=1, pause_s=0.05).start()
    assert load.wait_first_success()
    threading.Event().wait(0.3)
    report = load.stop()
    assert report.ok >= 2 and not report.gaps and report.longest_gap_s < report.seconds
