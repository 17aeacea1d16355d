"""The market-data service's settings, read once from the environment at start."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from services.common.env import (
    SettingsError,
    env_float,
    env_int,
    env_list,
    env_str,
    env_url,
)

__all__ = ["KNOWN_EXCHANGES", "Settings", "SettingsError", "load_settings"]

KNOWN_EXCHANGES = ("binance", "bybit", "okx")


@dataclass(frozen=True)
class Settings:
    """Everything the service reads from its environment."""

    host: str
    port: int
    exchanges: tuple[str, ...]
    binance_base_url: str
    binance_futures_base_url: str
    bybit_base_url: str
    okx_base_url: str
    exchange_timeout: float
    cache_ttl: float
    error_ttl: float
    redis_url: str | None
    log_level: str
    max_fanouts: int = 16
    max_queued: int = 1000
    breaker_failures: int = 5
    breaker_cooloff: float = 2.0

    @property
    def secrets(self) -> tuple[str, ...]:
        """What the logs must never show: the Redis password, when the URL carries one."""
        password = urlsplit(self.redis_url).password if self.redis_url else None
        return (password,) if password else ()


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build Settings from `env`; raise SettingsError naming the first bad variable."""
    exchanges = tuple(name.lower() for name in env_list(env, "EXCHANGES", KNOWN_EXCHANGES))
    unknown = [name for name in exchanges if name not in KNOWN_EXCHANGES]
    if unknown or not exchanges:
        raise SettingsError(
            f"EXCHANGES must list some of {', '.join(KNOWN_EXCHANGES)}, got {unknown or 'nothing'}"
        )
    redis_url = env.get("REDIS_URL", "").strip() or None
    if redis_url is not None:
        env_url(env, "REDIS_URL", schemes=("redis", "rediss", "unix"))
    return Settings(
        host=env_str(env, "MARKET_DATA_HOST", "127.0.0.1"),
        port=env_int(env, "MARKET_DATA_PORT", 8001, lo=1, hi=65535),
        exchanges=tuple(dict.fromkeys(exchanges)),
        binance_base_url=env_url(env, "BINANCE_BASE_URL", "https://api.binance.com"),
        binance_futures_base_url=env_url(
            env, "BINANCE_FUTURES_BASE_URL", "https://fapi.binance.com"
        ),
        bybit_base_url=env_url(env, "BYBIT_BASE_URL", "https://api.bybit.com"),
        okx_base_url=env_url(env, "OKX_BASE_URL", "https://www.okx.com"),
        # Below 2 s in total: one slow exchange must never make an endpoint slower than that.
        exchange_timeout=env_float(env, "EXCHANGE_TIMEOUT", 1.5, lo=0.05, hi=1.8),
        cache_ttl=env_float(env, "CACHE_TTL", 5.0, lo=0.0, hi=3600.0),
        error_ttl=env_float(env, "CACHE_ERROR_TTL", 1.0, lo=0.0, hi=60.0),
        redis_url=redis_url,
        # Load shedding (admission.py): fan-outs at once, and requests waiting for one.
        max_fanouts=env_int(env, "MAX_FANOUTS", 16, lo=1, hi=1024),
        max_queued=env_int(env, "MAX_QUEUED", 1000, lo=0, hi=100_000),
        # Circuit breaker (breaker.py): failures in a row that stop the calls, for how long.
        breaker_failures=env_int(env, "BREAKER_FAILURES", 5, lo=0, hi=1000),
        breaker_cooloff=env_float(env, "BREAKER_COOLOFF", 2.0, lo=0.05, hi=300.0),
        log_level=env_str(
            env, "LOG_LEVEL", "INFO", pattern="(?i)debug|info|warning|error|critical"
        ).upper(),
    )
