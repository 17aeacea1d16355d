"""The configured HTTP health checks of an environment, run in parallel."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from envsync.config import HealthCheck
from envsync.secrets import Redactor
from envsync.types import CheckResult

__all__ = ["run_check", "submit_checks", "tls_context", "wait_for_checks"]


@functools.cache
def tls_context() -> Any:
    """One TLS context (httpx's default: certifi, or SSL_CERT_FILE/SSL_CERT_DIR) for every
    HTTP check of the process: building one loads the CA bundle, about 100 ms of CPU, which
    a watcher would otherwise pay every round."""
    import httpx

    return httpx.create_ssl_context()


def run_check(check: HealthCheck, client: Any, redactor: Redactor) -> CheckResult:
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
) -> tuple[Any, dict[str, Future[CheckResult]]]:
    """Start every check on ``pool``; returns the shared HTTP client (close it) and the futures.

    Started before the engine work so that slow checks overlap with stats reads.
    """
    import httpx

    client = httpx.Client(follow_redirects=False, verify=tls_context())
    for check in checks:
        redactor.text(check.url)  # learns a password or token in the URL before any error
    futures = {check.name: pool.submit(run_check, check, client, redactor) for check in checks}
    return client, futures


def wait_for_checks(checks: tuple[HealthCheck, ...], redactor: Redactor, *, wait_s: float,
                    sleep: Callable[[float], bool]) -> dict[str, CheckResult]:
    """Each check, retried every half second until it passes or ``wait_s`` has gone by
    (a service just started may take a moment). ``sleep`` returns False to stop early
    (a signal came): the results so far are returned."""
    if not checks:
        return {}
    import httpx

    deadline = time.monotonic() + wait_s
    results: dict[str, CheckResult] = {}
    with httpx.Client(follow_redirects=False, verify=tls_context()) as client:
        for check in checks:
            while True:
                results[check.name] = run_check(check, client, redactor)
                if results[check.name]["status"] == "ok" or time.monotonic() > deadline:
                    break
                if not sleep(0.5):
                    return results
    return results
