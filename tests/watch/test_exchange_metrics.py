"""market-data's per-exchange gauges in /metrics, as envsync watch reads them."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from envsync.watch.observe import _exchanges

TEXT = """\
# TYPE market_data_exchange_failures_total counter
market_data_exchange_failures_total{exchange="okx"} 3
market_data_exchange_failures_total{exchange="bybit"} 0
# TYPE market_data_exchange_up gauge
market_data_exchange_up{exchange="okx"} 0
market_data_exchange_up{exchange="bybit"} 1
# TYPE market_data_exchange_latency_seconds gauge
market_data_exchange_latency_seconds{exchange="okx"} 2.5
"""


def test_a_failing_exchange_is_bad_and_its_message_says_how_slow_it_was() -> None:
    families = list(text_string_to_metric_families(TEXT))
    seen = {o.subject: o for o in _exchanges("http://127.0.0.1:8001/metrics", families)}
    assert seen["okx"].bad and not seen["bybit"].bad
    assert "down (3 failures), last answer took 2500 ms" in seen["okx"].detail
    assert seen["bybit"].detail == "exchange bybit: up"
