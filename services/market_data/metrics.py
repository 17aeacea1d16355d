"""Counters for /metrics in the Prometheus text format (no client library: a few counters)."""

from __future__ import annotations

from collections import Counter
from typing import Any

__all__ = ["Metrics"]


class Metrics:
    """Request counts by route and status, plus gauges read from the service at scrape time."""

    def __init__(self) -> None:
        self.requests: Counter[tuple[str, int]] = Counter()

    def count(self, route: str, status: int) -> None:
        self.requests[(route, status)] += 1

    def render(self, health: dict[str, Any], uptime: float) -> str:
        """The exposition text: requests, per-exchange calls/failures/latency, cache, uptime."""
        lines = [
            "# HELP market_data_requests_total HTTP requests answered, by route and status.",
            "# TYPE market_data_requests_total counter",
        ]
        for (route, status), n in sorted(self.requests.items()):
            lines.append(f'market_data_requests_total{{route="{route}",status="{status}"}} {n}')
        lines += [
            "# HELP market_data_exchange_calls_total Calls made to each exchange.",
            "# TYPE market_data_exchange_calls_total counter",
        ]
        exchanges = health["exchanges"]
        for name, s in exchanges.items():
            lines.append(f'market_data_exchange_calls_total{{exchange="{name}"}} {s["calls"]}')
        lines += ["# TYPE market_data_exchange_failures_total counter"]
        for name, s in exchanges.items():
            n = s["failures"]
            lines.append(f'market_data_exchange_failures_total{{exchange="{name}"}} {n}')
        lines += ["# TYPE market_data_exchange_up gauge"]
        for name, s in exchanges.items():
            up = 0 if s["ok"] is False else 1
            lines.append(f'market_data_exchange_up{{exchange="{name}"}} {up}')
        lines += ["# HELP market_data_exchange_latency_seconds How long each exchange's last "
                  "answered call took.",
                  "# TYPE market_data_exchange_latency_seconds gauge"]
        for name, s in exchanges.items():
            if s.get("latency_ms") is not None:
                seconds = s["latency_ms"] / 1000
                lines.append(f'market_data_exchange_latency_seconds{{exchange="{name}"}} '
                             f"{seconds:.4f}")
        cache = health["cache"]
        lines += ["# TYPE market_data_cache_hits_total counter",
                  f"market_data_cache_hits_total {cache.get('hits', 0)}",
                  "# TYPE market_data_cache_misses_total counter",
                  f"market_data_cache_misses_total {cache.get('misses', 0)}",
                  "# HELP market_data_shed_total Requests answered 503: no fan-out slot in time.",
                  "# TYPE market_data_shed_total counter",
                  f"market_data_shed_total {health.get('admission', {}).get('shed', 0)}",
                  "# TYPE market_data_uptime_seconds gauge",
                  f"market_data_uptime_seconds {uptime:.1f}"]
        return "\n".join(lines) + "\n"
