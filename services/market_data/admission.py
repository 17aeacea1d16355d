"""Admission control: how many queries may ask the exchanges at once, and how long one waits.

Every uncached query costs a fan-out (three to six exchange calls, up to EXCHANGE_TIMEOUT
each). Left unbounded, a flood of distinct symbols piles thousands of calls onto the HTTP
client's connection pool, which then spends the CPU scanning its waiters, and every request,
/health included, gets slower together. Bounded, a few fan-outs run, a few more wait
briefly, and the rest are told at once to come back (503 with Retry-After): each client
gets its answer within the promised 2 s, and the service stays responsive."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

__all__ = ["Admission", "Overloaded"]


class Overloaded(Exception):
    """No fan-out slot within the time this request has left: answer 503, retry later."""

    retry_after = 1

    def __init__(self) -> None:
        super().__init__("busy: too many requests are waiting for the exchanges; "
                         f"retry in {self.retry_after} s")


class Admission:
    """At most `slots` fan-outs at once; at most `queue` more waiting for one.

    A waiter gives up after the time it is allowed (what the request's budget leaves once
    its own fan-out is accounted for); beyond `queue` waiters, a request is refused without
    waiting at all, so a burst costs the service almost nothing."""

    def __init__(self, slots: int, queue: int) -> None:
        self._slots = slots
        self._queue = queue
        self._sem = asyncio.Semaphore(slots)
        self.running = 0
        self.waiting = 0
        self.admitted = 0
        self.shed = 0

    @contextlib.asynccontextmanager
    async def slot(self, wait: float) -> AsyncIterator[None]:
        """Hold a fan-out slot for the block; raise Overloaded if none frees within `wait`."""
        if not self._sem.locked():
            await self._sem.acquire()  # a free slot: taken without suspending
        elif self.waiting >= self._queue or wait <= 0:
            self.shed += 1
            raise Overloaded
        else:
            self.waiting += 1
            try:
                await asyncio.wait_for(self._sem.acquire(), wait)
            except TimeoutError:
                self.shed += 1
                raise Overloaded from None
            finally:
                self.waiting -= 1
        self.admitted += 1
        self.running += 1
        try:
            yield
        finally:
            self.running -= 1
            self._sem.release()

    def state(self) -> dict[str, Any]:
        """What /health reports: the bounds, the current load, and how many were refused."""
        return {"slots": self._slots, "queue": self._queue, "running": self.running,
                "waiting": self.waiting, "admitted": self.admitted, "shed": self.shed}
