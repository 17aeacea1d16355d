"""Memory of a stack's tasks on one node: the task containers that the engine envsync talks
to (a manager, the environment's ``docker:``) runs itself, read as ``docker stats`` reads them.

Stats are per node: an engine reports only its own containers, and envsync reaches one
engine, so tasks placed on other nodes are not read here (Swarm's own view, the tasks'
states, covers them). A task is named by its slot, ``web.1`` (or ``web.NODE`` for a global
service): a task that replaces another keeps the name, so "two rounds in a row" means the
slot, not one container.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from envsync.capture.stats import MIB, read_stats
from envsync.capture.swarm import STACK_LABEL, service_key

__all__ = ["TaskMemory", "task_memory"]

SERVICE_LABEL = "com.docker.swarm.service.name"
TASK_LABEL = "com.docker.swarm.task.name"
_AT_ONCE = 8
"""Stats calls at once (each waits for the engine's 1 s tick); within an ssh:// client's
channels (envsync/capture/engine.py SSH_CHANNELS)."""


@dataclass(frozen=True)
class TaskMemory:
    """One running task container: memory used, and the limit that bites (the service's
    own limit, which the engine enforces, else envsync.yaml's ``limits.memory_mb``)."""

    task: str
    service: str
    used_mb: float
    limit_mb: float | None

    @property
    def ratio(self) -> float | None:
        return self.used_mb / self.limit_mb if self.limit_mb else None

    def describe(self) -> str:
        """``web.1: memory at 87% of 32 MiB (27.8 MiB used)``."""
        if self.ratio is None:
            return f"{self.task}: {self.used_mb:.1f} MiB used, no limit"
        return (f"{self.task}: memory at {self.ratio:.0%} of {self.limit_mb:.0f} MiB "
                f"({self.used_mb:.1f} MiB used)")


def _slot(task_name: str, stack: str) -> str:
    # shop_web.1.<task id> → web.1
    return service_key(task_name.rsplit(".", 1)[0], stack)


def _limit_mb(service: Mapping[str, Any] | None) -> float | None:
    limit = (((service or {}).get("resources") or {}).get("limits") or {}).get("memory_bytes")
    return float(limit) / MIB if limit else None


def _spec_limits(client: Any, stack: str) -> dict[str, dict[str, Any]]:
    # the services' limits only, in the shape of the snapshot's swarm.services records
    out: dict[str, dict[str, Any]] = {}
    for spec in client.api.services(filters={"label": f"{STACK_LABEL}={stack}"}):
        inner = spec.get("Spec") or {}
        limits = ((inner.get("TaskTemplate") or {}).get("Resources") or {}).get("Limits") or {}
        out[service_key(str(inner.get("Name") or ""), stack)] = {
            "resources": {"limits": {"memory_bytes": limits.get("MemoryBytes")}}}
    return out


def task_memory(client: Any, stack: str, services: Mapping[str, Mapping[str, Any]] | None,
                yaml_limits_mb: Mapping[str, float]) -> list[TaskMemory]:
    """The stack's running task containers on ``client``'s engine, sorted by task.

    ``services``: the stack's services as the snapshot records them (``swarm.services``,
    for their limits); None: read from the manager (one call). Raises one of
    :func:`~envsync.capture.engine.engine_errors` when the engine cannot list them; a
    container that stops meanwhile is left out."""
    from envsync.capture.engine import engine_errors

    listed = client.api.containers(filters={"label": f"{STACK_LABEL}={stack}",
                                            "status": "running"})
    if not listed:
        return []
    if services is None:
        services = _spec_limits(client, stack)
    failures = engine_errors()

    def one(container: dict[str, Any]) -> TaskMemory | None:
        labels = container.get("Labels") or {}
        service = service_key(str(labels.get(SERVICE_LABEL) or ""), stack)
        try:
            used = read_stats(client, str(container["Id"]), one_shot=True)["memory_used_mb"]
        except failures:
            return None  # stopped, or replaced, meanwhile
        if used is None:
            return None
        limit = _limit_mb(services.get(service)) or yaml_limits_mb.get(service)
        name = str(labels.get(TASK_LABEL) or service)
        return TaskMemory(task=_slot(name, stack), service=service, used_mb=float(used),
                          limit_mb=limit)

    with ThreadPoolExecutor(max_workers=min(len(listed), _AT_ONCE),
                            thread_name_prefix="task-stats") as pool:
        rows = [row for row in pool.map(one, listed) if row is not None]
    return sorted(rows, key=lambda r: r.task)
