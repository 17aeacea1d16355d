"""Fixtures shared by the services' tests: the fakes, started once per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.exchange import FakeExchange


@pytest.fixture
def exchange() -> Iterator[FakeExchange]:
    """A fake of Binance, Bybit and OKX on a free loopback port, all answering normally."""
    with FakeExchange(slow_seconds=3.0) as fake:
        yield fake
