"""The blue-green window's fast memory vital sign: the new container's memory read every
round against the threshold the window's ``memory_warning`` rule uses, so a release past it
is switched back well under 2 s instead of after two 1-2 s captures (2-4 s).

Where it is read from is decided once per window: on an engine on this machine, the
container's cgroup files (:mod:`envsync.capture.cgroup_memory`: microseconds, every round);
else, or when they cannot be read, a one-shot stats call (engine 20.10 answers it at its
next 1 s collection tick), in a lane of its own, for the rest of the window. Both give what
``docker stats`` shows: one verdict.

The captures' memory rules stay as they are (and still fire on their own); this is only a
quicker way to the same verdict for the one container the window watches.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from envsync.capture.cgroup_memory import CGROUP_ROOT, PROC_ROOT, CgroupMemory, cgroup_memory
from envsync.capture.stats import MIB, read_stats
from envsync.human import size

__all__ = ["CGROUP_SPAN_S", "READS_IN_A_ROW", "MemoryVital", "memory_vital"]

READS_IN_A_ROW = 2
"""Reads over the threshold in a row that make a failure. One is not: a request may hold a
large buffer for a moment (a parse, a response being built) and let it go, and the engine
counts a page-cache burst into one sample now and then; switching a release back on such a
spike would fail good deploys. Two is the watch rules' own ``fire_after`` of 2; one-shot
stats reads are as far apart as the engine's stats ticks (about 1 s), so they are two
samples a second apart."""

CGROUP_SPAN_S = 0.5
"""With cgroup reads, how long the memory must stay over the threshold, from the first
read over it to the current one (besides :data:`READS_IN_A_ROW`). The reads come every
0.25 s round, so two in a row could both fall inside one spike (a large request's buffer
held for a few hundred ms) that two stats reads a second apart would not both see; 0.5 s
keeps the protection meaningful (a third read, normally) while the way back stays well
under the issue's 2 s: bench/deploy.py measured 0.97-1.07 s from the memory passing 80 %
to the traffic back on the old version, end to end, at load average 11-15."""


@dataclass
class MemoryVital:
    """The consecutive-reads logic: ``limit_mb`` the limit that bites, ``ratio`` the
    threshold (``memory_warning``'s, 0.80 by default)."""

    service: str
    limit_mb: float
    ratio: float
    cgroup: CgroupMemory | None = None
    """The container's cgroup files (a local engine), or None: one-shot stats reads."""
    streak: int = 0
    """Reads over the threshold in a row so far."""
    since: float = 0.0
    """When the first of them was read (time.monotonic())."""

    @property
    def instant(self) -> bool:
        """A read costs microseconds (the cgroup's files): done in the round itself."""
        return self.cgroup is not None

    @property
    def source(self) -> str:
        return "cgroup reads" if self.cgroup is not None else "one-shot stats reads"

    def probe(self, client: Any, container_id: str) -> str | None:
        """One read; why the window fails (the reason, in MiB and %), or None. A read the
        engine did not answer leaves the streak as it was: it says nothing. A cgroup file
        that cannot be read any more (the container stopped, the cgroup moved) turns this
        window's reads into one-shot stats reads (from the next probe on)."""
        from envsync.capture.engine import engine_errors

        if self.cgroup is not None:
            try:
                used: float | None = self.cgroup.used_mb()
            except (OSError, ValueError):
                self.cgroup, self.streak = None, 0  # another source: start the count again
                return None
            return self.read(used)
        # ValueError: a half answer (the container went away mid-read)
        unanswered: tuple[type[BaseException], ...] = (*engine_errors(), ValueError)
        try:
            used = read_stats(client, container_id, one_shot=True).get("memory_used_mb")
        except unanswered:
            return None
        return self.read(used)

    def read(self, used_mb: float | None, now: float | None = None) -> str | None:
        """One read's verdict (``now``: when it was read, time.monotonic())."""
        if used_mb is None:
            return None
        now = time.monotonic() if now is None else now
        share = used_mb / self.limit_mb
        if share < self.ratio:
            self.streak = 0
            return None
        self.streak += 1
        if self.streak == 1:
            self.since = now
        span = now - self.since
        if self.streak < READS_IN_A_ROW or span < (CGROUP_SPAN_S if self.instant else 0.0):
            return None
        return (f"memory high: the new {self.service} container uses "
                f"{size(used_mb * MIB)} of its {size(self.limit_mb * MIB)} limit "
                f"({share:.0%}, threshold {self.ratio:.0%}; {self.streak} {self.source} "
                f"in a row over {span:.2f} s)")


def memory_vital(service: str, inspect: dict[str, Any], env_limit_mb: float | None,
                 rules: Any, *, local: bool = False, proc_root: Path = PROC_ROOT,
                 cgroup_root: Path = CGROUP_ROOT) -> MemoryVital | None:
    """The vital sign for one container, or None when it has no limit (nothing to measure
    against) or the ``memory_warning`` rule is off. The limit that bites is the one
    :func:`envsync.watch.observe.memory_rows` uses: the container's own (the engine kills
    past it), else envsync.yaml's. ``local``: the engine runs on this machine
    (:func:`envsync.capture.engine.local_engine`), so the container's cgroup files are
    read when they are its own (``proc_root``, ``cgroup_root``: /proc, /sys/fs/cgroup)."""
    from envsync.watch.rules import RuleSet

    ruleset = rules or RuleSet()
    if "memory_warning" not in ruleset.rules or not ruleset.get("memory_warning").enabled:
        return None
    own = int((inspect.get("HostConfig") or {}).get("Memory") or 0)
    limit_mb = own / MIB if own else env_limit_mb
    if not limit_mb:
        return None
    cgroup = None
    if local:
        pid = int((inspect.get("State") or {}).get("Pid") or 0)
        cgroup = cgroup_memory(pid, str(inspect.get("Id") or ""), proc_root=proc_root,
                               cgroup_root=cgroup_root)
    return MemoryVital(service, float(limit_mb), ruleset.threshold("memory_warning"),
                       cgroup=cgroup)
