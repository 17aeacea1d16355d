"""The blue-green window's fast memory vital sign: the new container's memory read with a
one-shot stats call (no 1 s CPU sample to wait for) every round, against the threshold the
window's ``memory_warning`` rule uses, so a release past it is switched back after two reads
(about 1-2 s: engine 20.10 answers a one-shot read at its next 1 s collection tick) instead
of two 1-2 s captures (2-4 s).

The captures' memory rules stay as they are (and still fire on their own); this is only a
quicker way to the same verdict for the one container the window watches.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from envsync.capture.stats import MIB, read_stats
from envsync.human import size

__all__ = ["READS_IN_A_ROW", "MemoryVital", "memory_vital"]

READS_IN_A_ROW = 2
"""Reads over the threshold in a row that make a failure. One is not: a request may hold a
large buffer for a moment (a parse, a response being built) and let it go, and the engine
counts a page-cache burst into one sample now and then; switching a release back on such a
spike would fail good deploys. Two is the watch rules' own ``fire_after`` of 2; the reads
are as far apart as the engine's stats ticks (about 1 s), so they are two samples."""


@dataclass
class MemoryVital:
    """The consecutive-reads logic: ``limit_mb`` the limit that bites, ``ratio`` the
    threshold (``memory_warning``'s, 0.80 by default)."""

    service: str
    limit_mb: float
    ratio: float
    streak: int = 0
    """Reads over the threshold in a row so far."""
    since: float = 0.0
    """When the first of them was read (time.monotonic())."""

    def probe(self, client: Any, container_id: str) -> str | None:
        """One one-shot read; why the window fails (the reason, in MiB and %), or None.
        A read the engine did not answer leaves the streak as it was: it says nothing."""
        from envsync.capture.engine import engine_errors

        # ValueError: a half answer (the container went away mid-read)
        unanswered: tuple[type[BaseException], ...] = (*engine_errors(), ValueError)
        try:
            used = read_stats(client, container_id, one_shot=True).get("memory_used_mb")
        except unanswered:
            return None
        return self.read(used)

    def read(self, used_mb: float | None) -> str | None:
        if used_mb is None:
            return None
        share = used_mb / self.limit_mb
        if share < self.ratio:
            self.streak = 0
            return None
        self.streak += 1
        if self.streak == 1:
            self.since = time.monotonic()
        if self.streak < READS_IN_A_ROW:
            return None
        return (f"memory high: the new {self.service} container uses "
                f"{size(used_mb * MIB)} of its {size(self.limit_mb * MIB)} limit "
                f"({share:.0%}, threshold {self.ratio:.0%}; {self.streak} one-shot reads "
                f"in a row over {time.monotonic() - self.since:.2f} s)")


def memory_vital(service: str, inspect: dict[str, Any], env_limit_mb: float | None,
                 rules: Any) -> MemoryVital | None:
    """The vital sign for one container, or None when it has no limit (nothing to measure
    against) or the ``memory_warning`` rule is off. The limit that bites is the one
    :func:`envsync.watch.observe.memory_rows` uses: the container's own (the engine kills
    past it), else envsync.yaml's."""
    from envsync.watch.rules import RuleSet

    ruleset = rules or RuleSet()
    if "memory_warning" not in ruleset.rules or not ruleset.get("memory_warning").enabled:
        return None
    own = int((inspect.get("HostConfig") or {}).get("Memory") or 0)
    limit_mb = own / MIB if own else env_limit_mb
    if not limit_mb:
        return None
    return MemoryVital(service, float(limit_mb), ruleset.threshold("memory_warning"))
