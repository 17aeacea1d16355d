"""The configured HTTP health checks of an environment, run in parallel."""

from __future__ import annotations

import time
from concurrent.futures import Executor, Future
from typing import Any

from envsync.config import HealthCheck
from envsync.secrets import Redactor

__all__ = ["run_check", "submit_checks"]


def run_check(check: HealthCheck, client: Any, redactor: Redactor) -> dict[str, Any]:
    """One check's result: ``{status, http_status, latency_ms, error}``; never raises for HTTP.

    ``status`` is ``ok`` when the answer has the expected status, ``failed`` when it has
    another one, ``error`` when no answer came (refused, timeout, bad URL).
    """
    import httpx

    started = time.perf_counter()
    try:
        response = client.request(
            check.method, check.url, json=check.json, timeout=check.timeout_s
        )
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        latency = round((time.perf_counter() - started) * 1000, 1)
        # the URL may carry a token: only what the redactor lets through is kept
        reason = redactor.scrub(f"{type(exc).__name__}: {exc}".strip().rstrip(":"))
        return {"status": "error", "http_status": None, "latency_ms": latency, "error": reason}
    latency = round((time.perf_counter() - started) * 1000, 1)
    ok = response.status_code == check.expect_status
    return {
        "status": "ok" if ok else "failed",
        "http_status": response.status_code,
        "latency_ms": latency,
        "error": None if ok else f"expected HTTP {check.expect_status}, got {response.status_code}",
    }


def submit_checks(
    checks: tuple[HealthCheck, ...], pool: Executor, redactor: Redactor
) -> tuple[Any, dict[str, Future[dict[str, Any]]]]:
    """Start every check on ``pool``; returns the shared HTTP client (close it) and the futures.

    Started before the engine work so that slow checks overlap with stats reads.
    """
    import httpx

    client = httpx.Client(follow_redirects=False)
    for check in checks:
        redactor.text(check.url)  # learns a password or token in the URL before any error
    futures = {check.name: pool.submit(run_check, check, client, redactor) for check in checks}
    return client, futures
