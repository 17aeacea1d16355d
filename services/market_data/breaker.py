"""A circuit breaker per exchange: after a run of failures, stop asking for a while.

An exchange that times out costs every answer EXCHANGE_TIMEOUT and holds a fan-out slot that
long; one that errors is being hammered for nothing (and may ban the address for it). After
`failures` failures in a row the breaker opens: the exchange is not asked, and answers say so
at once. After `cooloff` seconds one call goes through as a probe; its success closes the
breaker, its failure opens it again for twice as long (up to `max_cooloff`)."""

from __future__ import annotations

import time

__all__ = ["Breaker"]


class Breaker:
    """The breaker of one exchange; `failures` = 0 turns it off."""

    def __init__(self, failures: int, cooloff: float, max_cooloff: float = 30.0) -> None:
        self._threshold = failures
        self._base = cooloff
        self._max = max(cooloff, max_cooloff)
        self._cooloff = cooloff
        self._failures = 0
        self._open_until = 0.0
        self._probing = False

    @property
    def state(self) -> str:
        """`closed` (calls go through), `open` (they do not) or `probing` (one is testing)."""
        if self._threshold <= 0 or self._failures < self._threshold:
            return "closed"
        return "probing" if self._probing else "open"

    def allow(self) -> tuple[bool, bool]:
        """(may this call go ahead, is it the probe); a probe must be reported as one."""
        if self.state == "closed":
            return True, False
        if self._probing or time.monotonic() < self._open_until:
            return False, False
        self._probing = True
        return True, True

    def record(self, ok: bool, *, probe: bool = False) -> None:
        """The outcome of a call `allow` let through."""
        if probe:
            self._probing = False
        if ok:
            self._failures = 0
            self._cooloff = self._base
            return
        self._failures += 1
        if self._threshold > 0 and self._failures >= self._threshold:
            if probe:
                self._cooloff = min(self._cooloff * 2, self._max)
            self._open_until = time.monotonic() + self._cooloff

    def abandon(self, *, probe: bool) -> None:
        """A call `allow` let through ended with no verdict (cancelled): free the probe."""
        if probe:
            self._probing = False
