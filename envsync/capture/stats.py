"""Container stats (memory used/limit, cpu %, pids), computed the way ``docker stats`` does.

The engine answers a non-streaming stats call after two of its 1 s collection ticks (it needs
a previous sample for cpu %), so one call takes 1-2 s; callers run them in parallel. A
"one-shot" call (API 1.41+) waits for one tick only (about 1 s on engine 20.10) and has no cpu %:
what the watcher uses, as it reads memory only.
"""

from __future__ import annotations

from typing import Any

from envsync.types import StatsRecord

__all__ = ["MIB", "one_shot_supported", "read_stats", "summarise"]

MIB = 1024 * 1024


def _mb(n: float) -> float:
    return round(n / MIB, 2)


def memory_used(mem: dict[str, Any]) -> float | None:
    """Bytes in use as ``docker stats`` shows them: usage minus the inactive page cache."""
    usage = mem.get("usage")
    if usage is None:
        return None
    detail = mem.get("stats") or {}
    # cgroup v1 reports total_inactive_file, v2 inactive_file (docker CLI >= 20.10 logic).
    if "total_inactive_file" in detail and detail["total_inactive_file"] < usage:
        return float(usage - detail["total_inactive_file"])
    if "inactive_file" in detail and detail["inactive_file"] < usage:
        return float(usage - detail["inactive_file"])
    return float(usage)


def cpu_percent(sample: dict[str, Any]) -> float | None:
    """cpu % between the sample's ``precpu_stats`` and ``cpu_stats`` (100 % = one core busy)."""
    cpu = sample.get("cpu_stats") or {}
    pre = sample.get("precpu_stats") or {}
    total = (cpu.get("cpu_usage") or {}).get("total_usage")
    pre_total = (pre.get("cpu_usage") or {}).get("total_usage")
    system, pre_system = cpu.get("system_cpu_usage"), pre.get("system_cpu_usage")
    if total is None or pre_total is None or system is None or pre_system is None:
        return None  # no previous sample (e.g. a one-shot read): cpu % is unknown, not 0
    cpu_delta = float(total) - float(pre_total)
    system_delta = float(system) - float(pre_system)
    online = cpu.get("online_cpus") or len((cpu.get("cpu_usage") or {}).get("percpu_usage") or [])
    if system_delta <= 0 or cpu_delta < 0 or not online:
        return 0.0
    return round(cpu_delta / system_delta * online * 100.0, 2)


def summarise(sample: dict[str, Any]) -> StatsRecord:
    """One raw stats answer → ``{memory_used_mb, memory_limit_mb, cpu_percent, pids}``.

    ``memory_limit_mb`` is what the engine reports: the container's limit, or the host's
    memory when the container is unlimited (as ``docker stats`` shows it).
    """
    mem = sample.get("memory_stats") or {}
    used = memory_used(mem)
    limit = mem.get("limit")
    return {
        "memory_used_mb": _mb(used) if used is not None else None,
        "memory_limit_mb": _mb(limit) if limit else None,
        "cpu_percent": cpu_percent(sample),
        "pids": (sample.get("pids_stats") or {}).get("current"),
    }


def one_shot_supported(client: Any) -> bool:
    """True when the engine's API (as negotiated) takes ``one-shot`` stats (1.41+)."""
    from docker.utils import version_gte  # type: ignore[import-untyped]

    return bool(version_gte(str(client.api.api_version), "1.41"))


def read_stats(client: Any, container_id: str, *, one_shot: bool = False) -> StatsRecord:
    """The summarised stats of one running container (blocks 1-2 s; run these in parallel).
    ``one_shot``: one sample, about 1 s, no cpu % (ignored on an engine older than API 1.41)."""
    if one_shot and one_shot_supported(client):
        sample: dict[str, Any] = client.api.stats(container_id, stream=False, one_shot=True)
    else:
        sample = client.api.stats(container_id, stream=False)
    return summarise(sample)
