"""The core of ``envsync health``: an environment's checks and memory against its limits,
now."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, TypedDict

from envsync.config import Config
from envsync.types import CheckResult

__all__ = ["HealthReport", "MemoryUse", "check_health"]

_RUNTIME_PARTS = ("engine", "containers", "stats")


class MemoryUse(TypedDict):
    """One container's memory against the limit envsync.yaml sets (``over`` above it)."""

    used_mb: float | None
    limit_mb: float | None
    over: bool


@dataclass
class HealthReport:
    """The checks and memory limits of one environment at one moment."""

    env: str
    time: float
    checks: dict[str, CheckResult] = field(default_factory=dict)
    memory: dict[str, MemoryUse] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)

    @property
    def unknown(self) -> str | None:
        """Why health cannot be told (the engine, its containers or their memory could not
        be read), or None. Not "healthy": nothing was seen to be."""
        reasons = [f"{e['part']}: {e['reason']}" for e in self.errors
                   if e.get("part") in _RUNTIME_PARTS]
        return reasons[0] if reasons else None

    @property
    def healthy(self) -> bool:
        return self.unknown is None and all(
            c.get("status") == "ok" for c in self.checks.values()) and not any(
            m["over"] for m in self.memory.values())

    def to_json(self) -> dict[str, Any]:
        return {"schema": "envsync.health/v1", "environment": self.env, "time": self.time,
                "healthy": self.healthy, "checks": self.checks, "memory": self.memory,
                "errors": self.errors}


def check_health(*, config: Config, env_name: str) -> HealthReport:
    """Run ``env_name``'s health checks and read memory use against its limits: the same
    capture and memory reading as ``envsync watch`` (envsync/watch/observe.py)."""
    from envsync.secrets import Redactor
    from envsync.watch.observe import capture, memory_rows, project_of

    env = config.environment(env_name)
    env.one_engine("health")
    result = capture(env, project_of(config, env_name), Redactor())
    report = HealthReport(env=env_name, time=time.time(), checks=result.health,
                          errors=result.errors)
    for key, row in memory_rows(env, result).items():
        report.memory[key] = {"used_mb": row["used_mb"], "limit_mb": row["limit_mb"],
                              "over": row["over"]}
    return report

