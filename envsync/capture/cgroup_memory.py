"""A local container's memory read straight from its cgroup's files, in microseconds, where a
one-shot stats call waits for the engine's next 1 s collection tick (engine 20.10).

"Used" is what ``docker stats`` shows and :func:`envsync.capture.stats.summarise` computes
from a stats answer: the usage minus the inactive page cache. The files are what the engine
itself reads for that answer: cgroup v1, ``memory.usage_in_bytes`` and ``memory.stat``
(``total_inactive_file``); cgroup v2, ``memory.current`` and ``memory.stat``
(``inactive_file``). They are handed to the same function, so both reads give one verdict.

Only for an engine on this machine (:func:`envsync.capture.engine.local_engine`), and only
when the cgroup the container's pid is in names the container's full id: a pid read from
the engine may be another namespace's (Docker Desktop's VM, a rootless engine with its own
pid namespace) or reused by now; then, or when a file is missing, there is no such reader
and the caller keeps the engine's stats.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from envsync.capture.stats import summarise

__all__ = ["CGROUP_ROOT", "PROC_ROOT", "CgroupMemory", "cgroup_memory"]

PROC_ROOT = Path("/proc")
CGROUP_ROOT = Path("/sys/fs/cgroup")


@dataclass(frozen=True)
class CgroupMemory:
    """One container's memory cgroup files."""

    usage: Path
    """``memory.usage_in_bytes`` (v1) or ``memory.current`` (v2)."""
    stat: Path
    """``memory.stat`` beside it."""

    def used_mb(self) -> float:
        """MiB in use as ``docker stats`` shows it. OSError when the cgroup is gone (the
        container stopped), ValueError when a file is not what the kernel writes."""
        usage = int(self.usage.read_text())
        detail: dict[str, int] = {}
        for line in self.stat.read_text().splitlines():
            key, _, value = line.partition(" ")
            if value.isdigit():
                detail[key] = int(value)
        used = summarise({"memory_stats": {"usage": usage, "stats": detail}})["memory_used_mb"]
        if used is None:  # pragma: no cover - summarise returns a figure when given a usage
            raise ValueError("no memory usage")
        return float(used)


def _memory_path(cgroup_text: str) -> tuple[str, str] | None:
    """(``v1`` or ``v2``, the memory controller's path) from a ``/proc/PID/cgroup``. A v1
    memory line (``4:memory:/docker/ID``, or ``4:cpu,memory:…``) wins over the v2 one
    (``0::/…``): on a hybrid host the v2 hierarchy is mounted beside the v1 controllers and
    holds no memory files."""
    unified = None
    for line in cgroup_text.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        hierarchy, controllers, path = parts
        if "memory" in controllers.split(","):
            return "v1", path
        if hierarchy == "0" and not controllers:
            unified = path
    return ("v2", unified) if unified is not None else None


def cgroup_memory(pid: int, container_id: str, *, proc_root: Path = PROC_ROOT,
                  cgroup_root: Path = CGROUP_ROOT) -> CgroupMemory | None:
    """The memory cgroup files of the container with full id ``container_id`` whose main
    process is ``pid`` (``State.Pid``), once read successfully; None when the pid's cgroup
    does not name that container, or a file cannot be read (the caller keeps the engine's
    stats). ``proc_root`` and ``cgroup_root`` are ``/proc`` and ``/sys/fs/cgroup``."""
    if pid <= 0 or len(container_id) < 64:  # 0: not running; a short id could match another
        return None
    try:
        found = _memory_path((proc_root / str(pid) / "cgroup").read_text())
    except (OSError, UnicodeDecodeError):
        return None
    if found is None or container_id not in found[1]:
        return None
    version, path = found
    base = cgroup_root / "memory" if version == "v1" else cgroup_root
    where = base / path.lstrip("/")
    reader = CgroupMemory(usage=where / ("memory.usage_in_bytes" if version == "v1"
                                         else "memory.current"),
                          stat=where / "memory.stat")
    try:
        reader.used_mb()
    except (OSError, ValueError):
        return None
    return reader
