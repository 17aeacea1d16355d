"""The ``deploy:`` block of an environment in envsync.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["STRATEGIES", "DeploySettings", "parse_deploy"]

STRATEGIES = ("recreate", "blue-green")
_KEYS = {"strategy", "host_memory_mb", "health_timeout"}


@dataclass(frozen=True)
class DeploySettings:
    """How ``envsync deploy`` changes one environment."""

    strategy: dict[str, str] = field(default_factory=dict)
    """service → ``recreate`` or ``blue-green``; the others get the default."""
    host_memory_mb: float | None = None
    """The engine host's memory, instead of what the engine reports (a VM smaller than
    the machine the engine runs on; tests)."""
    health_timeout_s: float = 60.0
    """How long a recreated service may take to run (and pass its image's health check)."""


def _positive(r: Any, node: dict[str, Any], key: str, where: str) -> float | None:
    value = node.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        raise r.fail(node, key, f"{where}.{key} must be a positive number, got {value!r}")
    return float(value)


def parse_deploy(r: Any, parent: Any, node: Any, where: str) -> DeploySettings:
    """``deploy:`` → DeploySettings; ``r`` is config's reader (errors name file and line)."""
    if node is None:
        return DeploySettings()
    where = f"{where}.deploy"
    node = r.mapping(parent, "deploy", node, where)
    r.unknown(node, _KEYS, where)
    strategy: dict[str, str] = {}
    if node.get("strategy") is not None:
        chosen = r.mapping(node, "strategy", node["strategy"], f"{where}.strategy")
        for service, value in chosen.items():
            if value not in STRATEGIES:
                raise r.fail(chosen, service, f"{where}.strategy.{service}: {value!r} is not a "
                             f"strategy (choose {' or '.join(STRATEGIES)})")
            strategy[str(service)] = str(value)
    timeout = _positive(r, node, "health_timeout", where)
    return DeploySettings(strategy=strategy,
                          host_memory_mb=_positive(r, node, "host_memory_mb", where),
                          health_timeout_s=timeout if timeout is not None else 60.0)
