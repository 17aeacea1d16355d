"""A closed-loop HTTP load client: what a deploy looks like from the users' side.

Each worker thread sends one request, waits for the answer, sends the next (closed loop:
never more than ``workers`` requests in flight, so a slow upstream slows the client down
instead of piling up). Every answer that is not ``expect`` (or no answer at all) is a
failure, kept with its time and reason; the longest gap between two successful answers
is the downtime a user saw. Bounded in time and count (``max_seconds``, ``max_requests``).

    with LoadClient("http://127.0.0.1:8080/health") as load:
        ...                                  # deploy, switch, fail over
    report = load.report
    assert report.failed == 0, report.failures[:5]
    print(report.longest_gap_s)

Shared by the deploy tests and bench/deploy.py; talk to 127.0.0.1 only.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

__all__ = ["GAP_NOTED_S", "LoadClient", "LoadReport"]

GAP_NOTED_S = 0.5


@dataclass
class LoadReport:
    """What the client saw: counts, the failures (seconds since start, reason), the gaps."""

    requests: int = 0
    ok: int = 0
    failures: list[tuple[float, str]] = field(default_factory=list)
    longest_gap_s: float = 0.0
    """The longest time between two successful answers (from the first on: the client's
    own start-up, its first connections, is not a gap users saw), or the whole run when
    nothing succeeded; a trailing outage counts (from the last success to the stop)."""
    seconds: float = 0.0
    bodies: dict[str, int] = field(default_factory=dict)
    """How many successful answers had each body (first 40 characters): which version
    served how much."""
    gaps: list[tuple[float, float]] = field(default_factory=list)
    """Each gap between two successful answers longer than ``GAP_NOTED_S``: (seconds
    since start when it began, its length), to set beside what else happened then."""

    @property
    def failed(self) -> int:
        return len(self.failures)

    def to_json(self) -> dict[str, Any]:
        return {"requests": self.requests, "ok": self.ok, "failed": self.failed,
                "failures": [f"{t:.3f}s {why}" for t, why in self.failures[:20]],
                "longest_gap_s": round(self.longest_gap_s, 3),
                "gaps": [[round(t, 3), round(g, 3)] for t, g in self.gaps[:20]],
                "seconds": round(self.seconds, 3), "bodies": dict(self.bodies)}


class LoadClient:
    """Closed-loop load on one URL from ``workers`` threads until :meth:`stop`."""

    def __init__(self, url: str, *, method: str = "GET", json: Any = None,
                 headers: dict[str, str] | None = None, expect: int = 200,
                 workers: int = 2, timeout_s: float = 5.0, pause_s: float = 0.0,
                 max_seconds: float = 300.0, max_requests: int = 200_000) -> None:
        if not url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
            raise ValueError(f"load goes to the loopback only, not {url}")
        self.url, self.method, self.json, self.headers = url, method, json, headers or {}
        self.expect, self.workers, self.timeout_s = expect, workers, timeout_s
        self.pause_s, self.max_seconds, self.max_requests = pause_s, max_seconds, max_requests
        self.report = LoadReport()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._started = 0.0
        self._last_ok: float | None = None

    def start(self) -> LoadClient:
        self._started = time.monotonic()
        self._last_ok = None
        for n in range(self.workers):
            thread = threading.Thread(target=self._loop, name=f"load-{n}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def wait_first_success(self, timeout_s: float = 30.0) -> bool:
        """True once an answer was a success (the service is up), False after ``timeout_s``."""
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            with self._lock:
                if self.report.ok:
                    return True
            time.sleep(0.05)
        return False

    def stop(self) -> LoadReport:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout_s + 5)
        with self._lock:
            now = time.monotonic()
            self.report.seconds = now - self._started
            # a trailing outage counts as a gap too; no success at all, the whole run
            since = self._started if self._last_ok is None else self._last_ok
            self.report.longest_gap_s = max(self.report.longest_gap_s, now - since)
        return self.report

    def __enter__(self) -> LoadClient:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _loop(self) -> None:
        import httpx

        with httpx.Client(timeout=self.timeout_s, headers=self.headers) as client:
            while not self._stop.is_set():
                now = time.monotonic()
                with self._lock:
                    if (self.report.requests >= self.max_requests
                            or now - self._started > self.max_seconds):
                        return
                    self.report.requests += 1
                why, body = None, ""
                try:
                    response = client.request(self.method, self.url, json=self.json)
                    if response.status_code != self.expect:
                        why = f"HTTP {response.status_code}"
                    body = response.text[:40].strip()
                except httpx.HTTPError as exc:
                    why = f"{type(exc).__name__}: {exc}"[:200]
                done = time.monotonic()
                with self._lock:
                    if why is None:
                        self.report.ok += 1
                        self.report.bodies[body] = self.report.bodies.get(body, 0) + 1
                        if self._last_ok is not None:
                            gap = done - self._last_ok
                            self.report.longest_gap_s = max(self.report.longest_gap_s, gap)
                            if gap > GAP_NOTED_S:
                                self.report.gaps.append((self._last_ok - self._started, gap))
                        self._last_ok = max(self._last_ok or done, done)
                    else:
                        self.report.failures.append((done - self._started, why))
                if self.pause_s:
                    self._stop.wait(self.pause_s)
