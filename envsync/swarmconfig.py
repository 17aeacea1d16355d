"""The ``swarm:`` block of an environment in envsync.yaml: the environment is a stack.

```yaml
  prod:
    git: .
    compose: {files: [stack.yml], env_file: .env.prod}
    docker: ssh://deploy@manager-1        # a manager of the Swarm
    swarm:
      stack: shop                         # the name `docker stack deploy` was given
      update: {order: start-first, failure_action: rollback, monitor: 10s, parallelism: 1}
      converge_timeout: 300               # seconds a deploy waits for the tasks to settle
      resolve_image: always               # docker stack deploy --resolve-image
```

The compose files are the stack's files; compose resolves them (as for any environment) and
``docker stack deploy`` runs the result. ``update`` fills in each service's
``deploy.update_config`` where the compose files leave a key unset: the files win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["UPDATE_DEFAULTS", "SwarmSettings", "go_seconds", "parse_swarm"]

_KEYS = {"stack", "update", "converge_timeout", "resolve_image"}
_RESOLVE = ("always", "changed", "never")
_UPDATE_KEYS = {"order", "failure_action", "monitor", "parallelism", "delay",
                "max_failure_ratio"}
_STACK_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$")
_DURATION = re.compile(r"^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$")
_MAX_CONVERGE_S = 86_400
_MAX_TASKS = 100_000
"""Tasks updated at once: Swarm reads it as a uint64; 10^30 in YAML is a compose error at
deploy time, after the restore point."""
_UNIT_S = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}

UPDATE_DEFAULTS: dict[str, Any] = {
    "order": "start-first",
    "failure_action": "rollback",
    "monitor": "10s",
    "parallelism": 1,
}
"""What a deploy through envsync asks of Swarm unless envsync.yaml or the files say
otherwise: start the new task before stopping the old one (no gap; ``stop-first`` for a
service publishing a host-mode port, which two tasks cannot hold), watch each new task for
10 s, and let Swarm roll the service back itself when one fails."""


@dataclass(frozen=True)
class SwarmSettings:
    """A stack on a Swarm: its name and how ``envsync deploy`` updates it."""

    stack: str
    update: dict[str, Any] = field(default_factory=lambda: dict(UPDATE_DEFAULTS))
    converge_timeout_s: float = 300.0
    resolve_image: str = "always"
    """``docker stack deploy --resolve-image``: ask the registry for each image's digest
    (``always``: every node then runs the same image), or use the tag as it is (``never``:
    images built on the nodes, no registry)."""


def go_seconds(text: str) -> float | None:
    """``"1m30s"`` → 90.0 (Go durations, as compose and Swarm write them); None if not one."""
    if not _DURATION.match(text):
        return None
    return sum(float(n) * _UNIT_S[u] for n, _, u in re.findall(r"(\d+(\.\d+)?)(ns|us|ms|s|m|h)",
                                                               text))


def parse_swarm(r: Any, parent: Any, node: Any, where: str) -> SwarmSettings:
    """``swarm:`` → SwarmSettings; ``r`` is config's reader (errors name file and line)."""
    where = f"{where}.swarm"
    if isinstance(node, str):
        node = {"stack": node}
    node = r.mapping(parent, "swarm", node, where)
    r.unknown(node, _KEYS, where)
    if "stack" not in node:
        raise r.fail(parent, "swarm", f"{where}.stack: missing (the stack's name)")
    stack = r.string(node, "stack", node["stack"], f"{where}.stack")
    if not _STACK_NAME.match(stack):
        raise r.fail(node, "stack", f"{where}.stack: {stack!r} is not a stack name (letters, "
                                    "digits, _ . -; at most 63)")
    update = dict(UPDATE_DEFAULTS)
    if node.get("update") is not None:
        given = r.mapping(node, "update", node["update"], f"{where}.update")
        r.unknown(given, _UPDATE_KEYS, f"{where}.update")
        update.update({str(k): _update_value(r, given, str(k), v, f"{where}.update.{k}")
                       for k, v in given.items()})
    timeout = node.get("converge_timeout", 300)
    timeout = r.number(node, "converge_timeout", timeout, f"{where}.converge_timeout (seconds)")
    if timeout > _MAX_CONVERGE_S:  # 1e308 s is finite, and would never end
        raise r.fail(node, "converge_timeout", f"{where}.converge_timeout must be at most "
                                               f"{_MAX_CONVERGE_S} seconds")
    resolve = node.get("resolve_image", "always")
    if resolve not in _RESOLVE:
        raise r.fail(node, "resolve_image", f"{where}.resolve_image: {resolve!r} (choose "
                                            f"{', '.join(_RESOLVE)})")
    return SwarmSettings(stack=stack, update=update, converge_timeout_s=timeout,
                         resolve_image=str(resolve))


def _update_value(r: Any, node: Any, key: str, value: Any, where: str) -> Any:
    choices = {"order": ("start-first", "stop-first"),
               "failure_action": ("rollback", "pause", "continue")}
    if key in choices:
        if value not in choices[key]:
            raise r.fail(node, key, f"{where}: {value!r} (choose {' or '.join(choices[key])})")
        return value
    if key in ("monitor", "delay"):
        if not isinstance(value, str) or go_seconds(value) is None:
            raise r.fail(node, key, f"{where}: {value!r} is not a duration (e.g. 10s, 1m30s)")
        if (go_seconds(value) or 0) > _MAX_CONVERGE_S:  # past Go's int64 nanoseconds soon
            raise r.fail(node, key, f"{where}: {value!r} is more than a day")
        return value
    if key == "parallelism":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _MAX_TASKS:
            raise r.fail(node, key, f"{where}: must be a whole number from 0 to {_MAX_TASKS:,} "
                                    "(0 = all at once)")
        return value
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
        raise r.fail(node, key, f"{where}: must be a number from 0 to 1")
    return float(value)
