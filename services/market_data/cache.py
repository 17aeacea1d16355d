"""Answer caches: in-process TTL, or Redis that falls back to in-process while Redis is away.

No request ever fails because of the cache: every Redis error is caught, counted, and turns
into a miss; Redis is then left alone for a short back-off and tried again."""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Protocol

__all__ = ["Cache", "MemoryCache", "RedisCache", "make_cache"]

log = logging.getLogger("market_data.cache")


class Cache(Protocol):
    """What the service needs from a cache."""

    async def get(self, key: str) -> Any | None: ...

    async def set(self, key: str, value: Any, ttl: float) -> None: ...

    def state(self) -> dict[str, Any]: ...

    async def close(self) -> None: ...


class MemoryCache:
    """A dict with expiry times; bounded so a flood of distinct symbols cannot grow it."""

    def __init__(self, max_items: int = 2048) -> None:
        self._items: dict[str, tuple[float, Any]] = {}
        self._max = max_items
        self.hits = 0
        self.misses = 0

    async def get(self, key: str) -> Any | None:
        """The live value under `key`, or None."""
        entry = self._items.get(key)
        if entry is None or entry[0] < time.monotonic():
            self.misses += 1
            return None
        self.hits += 1
        return entry[1]

    async def set(self, key: str, value: Any, ttl: float) -> None:
        """Keep `value` for `ttl` seconds (not at all when ttl <= 0)."""
        if ttl <= 0:
            return
        if len(self._items) >= self._max:
            self._evict()
        self._items[key] = (time.monotonic() + ttl, value)

    def _evict(self) -> None:
        now = time.monotonic()
        for key in [k for k, (exp, _) in self._items.items() if exp < now]:
            del self._items[key]
        if len(self._items) >= self._max:
            # Still full of live entries: drop the oldest half (dicts keep insertion order).
            for key in list(self._items)[: self._max // 2]:
                del self._items[key]

    def state(self) -> dict[str, Any]:
        return {"backend": "memory", "items": len(self._items), "hits": self.hits,
                "misses": self.misses}

    async def close(self) -> None:
        self._items.clear()


class RedisCache:
    """Redis as the cache, with the memory cache standing in while Redis does not answer."""

    def __init__(self, url: str, *, retry_after: float = 1.0, op_timeout: float = 0.25) -> None:
        # Imported here: without REDIS_URL the service never loads the redis package.
        import redis.asyncio as aioredis

        self._redis = aioredis.Redis.from_url(
            url,
            socket_timeout=op_timeout,
            socket_connect_timeout=op_timeout,
            health_check_interval=0,
            retry_on_timeout=False,
        )
        self._fallback = MemoryCache()
        self._retry_after = retry_after
        self._down_until = 0.0
        self._up = True
        self.errors = 0
        self.hits = 0
        self.misses = 0

    def _available(self) -> bool:
        return self._up or time.monotonic() >= self._down_until

    def _failed(self, exc: Exception) -> None:
        self.errors += 1
        if self._up:
            log.warning("redis unavailable, serving from memory", extra={"error": repr(exc)})
        self._up = False
        self._down_until = time.monotonic() + self._retry_after

    def _recovered(self) -> None:
        if not self._up:
            log.info("redis is back")
        self._up = True

    async def get(self, key: str) -> Any | None:
        if not self._available():
            return await self._fallback.get(key)
        try:
            raw = await self._redis.get(key)
        except Exception as exc:  # any Redis trouble is a miss, never a failed request
            self._failed(exc)
            return await self._fallback.get(key)
        self._recovered()
        if raw is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(raw)

    async def set(self, key: str, value: Any, ttl: float) -> None:
        if ttl <= 0:
            return
        await self._fallback.set(key, value, ttl)
        if not self._available():
            return
        try:
            await self._redis.set(key, json.dumps(value), px=max(1, int(ttl * 1000)))
        except Exception as exc:  # see get()
            self._failed(exc)
        else:
            self._recovered()

    def state(self) -> dict[str, Any]:
        return {"backend": "redis", "redis_up": self._up, "errors": self.errors,
                "hits": self.hits, "misses": self.misses, "fallback": self._fallback.state()}

    async def close(self) -> None:
        try:
            await self._redis.aclose()
        except Exception:  # closing a dead connection may raise; nothing to do about it
            log.debug("redis close failed", exc_info=True)


def make_cache(redis_url: str | None) -> Cache:
    """Redis-backed when `redis_url` is set, else in-process."""
    return RedisCache(redis_url) if redis_url else MemoryCache()
