"""Swarm capture: a stack's services, tasks, nodes, secrets and configs from a manager.

Through the same engine adapter as compose capture (:mod:`envsync.capture.engine`): five
list calls whatever the stack's size (services, tasks, nodes, secrets, configs), never one
inspect per service. Secret and config data is never read: Swarm does not give it out, and
envsync records them by name and version. Env values go through the capture's redactor.
:func:`capture_swarm` never raises for engine trouble: the reason goes to ``errors``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from envsync.capture.engine import connect, describe, engine_errors, engine_url, public_url
from envsync.capture.records import go_duration
from envsync.config import Environment
from envsync.errors import EngineError
from envsync.secrets import Redactor
from envsync.types import (
    EngineInfo,
    SwarmNode,
    SwarmObject,
    SwarmSection,
    SwarmService,
    SwarmTask,
)

__all__ = ["STACK_LABEL", "SwarmResult", "capture_swarm", "service_key", "swarm_section"]

STACK_LABEL = "com.docker.stack.namespace"
"""Set by ``docker stack deploy`` on the stack's services, networks, secrets, configs and
its task containers."""
FAILED_STATES = ("failed", "rejected")


@dataclass
class SwarmResult:
    """What the manager said about one stack, and what it could not say."""

    engine: EngineInfo
    section: SwarmSection | None = None
    errors: list[dict[str, str]] = field(default_factory=list)


def capture_swarm(env: Environment, *, redactor: Redactor) -> SwarmResult:
    """The stack ``env.swarm.stack`` as its manager (``env.docker``) sees it now."""
    assert env.swarm is not None
    url = engine_url(env.docker)
    redactor.text(url)
    result = SwarmResult(engine={"url": public_url(url), "version": None, "api_version": None})
    failures = engine_errors()
    try:
        client = connect(url)
    except failures as exc:
        reason = describe(exc)
        if not isinstance(exc, EngineError):
            reason = f"cannot reach the Docker engine at {public_url(url)}: {reason}"
        result.errors += [{"part": "engine", "reason": reason},
                          {"part": "swarm", "reason": "the Docker engine did not answer"}]
        return result
    try:
        version = client.api.version()
        result.engine["version"] = version.get("Version")
        result.engine["api_version"] = version.get("ApiVersion")
        result.section = swarm_section(client, env.swarm.stack, public_url(url), redactor)
    except failures as exc:
        result.errors.append({"part": "swarm", "reason": _why(exc, public_url(url))})
    finally:
        client.close()
    return result


def _why(exc: BaseException, url: str) -> str:
    text = describe(exc)
    if "not a swarm manager" in text or "not part of a swarm" in text:
        return (f"the engine at {url} is not a Swarm manager (docker swarm init, or point "
                "`docker:` at a manager)")
    return f"reading the stack failed: {text}"


def swarm_section(client: Any, stack: str, manager: str, redactor: Redactor) -> SwarmSection:
    """The snapshot's ``swarm`` section: five list calls on a connected client."""
    label = {"label": f"{STACK_LABEL}={stack}"}
    services = client.api.services(filters=label)
    ids = [s["ID"] for s in services]
    tasks = client.api.tasks(filters={"service": ids}) if ids else []
    nodes = client.api.nodes()
    hostnames = {n["ID"]: _hostname(n) for n in nodes}
    by_service: dict[str, list[dict[str, Any]]] = {}
    for task in tasks:
        by_service.setdefault(task.get("ServiceID", ""), []).append(task)
    out: dict[str, SwarmService] = {}
    used_secrets: set[str] = set()
    used_configs: set[str] = set()
    for spec in services:
        record = _service(spec, by_service.get(spec["ID"], []), hostnames, redactor)
        used_secrets.update(record["secrets"])
        used_configs.update(record["configs"])
        out[service_key(record["name"], stack)] = record
    return {
        "stack": stack,
        "manager": manager,
        "services": dict(sorted(out.items())),
        "nodes": dict(sorted((hostnames[n["ID"]], _node(n)) for n in nodes)),
        "secrets": _objects(client.api.secrets(), stack, used_secrets),
        "configs": _objects(client.api.configs(), stack, used_configs),
    }


def service_key(name: str, stack: str) -> str:
    """``shop_web`` → ``web``: the compose service a stack's service was made from."""
    prefix = f"{stack}_"
    return name[len(prefix):] if name.startswith(prefix) else name


def _hostname(node: dict[str, Any]) -> str:
    return str((node.get("Description") or {}).get("Hostname") or node["ID"][:12])


def _ns(value: Any) -> str | None:
    return go_duration(int(value)) if isinstance(value, int) and value else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {}, 0)}


def _update(config: dict[str, Any] | None) -> dict[str, Any] | None:
    if not config:
        return None
    return {
        "parallelism": config.get("Parallelism", 1),
        "delay": _ns(config.get("Delay")) or "0s",
        "failure_action": config.get("FailureAction") or "pause",
        "monitor": _ns(config.get("Monitor")) or "0s",
        "max_failure_ratio": config.get("MaxFailureRatio") or 0,
        "order": config.get("Order") or "stop-first",
    }


def _resources(res: dict[str, Any] | None) -> dict[str, Any]:
    out = {}
    for part in ("Limits", "Reservations"):
        given = (res or {}).get(part) or {}
        values = _compact({"memory_bytes": given.get("MemoryBytes"),
                           "nano_cpus": given.get("NanoCPUs"), "pids": given.get("Pids")})
        if values:
            out[part.lower()] = values
    return out


def _placement(placement: dict[str, Any] | None) -> dict[str, Any]:
    placement = placement or {}
    spread = [str((p.get("Spread") or {}).get("SpreadDescriptor"))
              for p in placement.get("Preferences") or [] if p.get("Spread")]
    return _compact({"constraints": sorted(placement.get("Constraints") or []),
                     "preferences": spread, "max_replicas": placement.get("MaxReplicas")})


def _ports(endpoint: dict[str, Any] | None) -> list[str]:
    out = []
    for p in (endpoint or {}).get("Ports") or []:
        published = p.get("PublishedPort") or ""
        out.append(f"{published}->{p.get('TargetPort')}/{p.get('Protocol') or 'tcp'} "
                   f"({p.get('PublishMode') or 'ingress'})")
    return sorted(out)


def _healthcheck(check: dict[str, Any] | None) -> dict[str, Any] | None:
    if not check:
        return None
    return _compact({"test": check.get("Test"), "interval": _ns(check.get("Interval")),
                     "timeout": _ns(check.get("Timeout")), "retries": check.get("Retries"),
                     "start_period": _ns(check.get("StartPeriod"))}) or None


def _restart(policy: dict[str, Any] | None) -> dict[str, Any] | None:
    if not policy:
        return None
    return {"condition": policy.get("Condition") or "any",
            "delay": _ns(policy.get("Delay")) or "0s",
            "max_attempts": policy.get("MaxAttempts") or 0,
            "window": _ns(policy.get("Window")) or "0s"}


def _env(items: list[str] | None, redactor: Redactor) -> dict[str, str | None]:
    env: dict[str, str | None] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        env[key] = value if sep else None
    return dict(sorted(redactor.mapping(env).items()))


def _task(task: dict[str, Any], hostnames: dict[str, str]) -> SwarmTask:
    status = task.get("Status") or {}
    container = status.get("ContainerStatus") or {}
    node = task.get("NodeID")
    return {
        "id": str(task["ID"])[:12],
        "slot": task.get("Slot"),
        "node": hostnames.get(node, node[:12]) if node else None,
        "desired_state": str(task.get("DesiredState") or ""),
        "state": str(status.get("State") or ""),
        "error": status.get("Err") or None,
        "message": status.get("Message") or None,
        "exit_code": container.get("ExitCode") if status.get("State") in (
            "failed", "complete", "shutdown") else None,
        "image": ((task.get("Spec") or {}).get("ContainerSpec") or {}).get("Image"),
        "time": status.get("Timestamp"),
    }


def _service(service: dict[str, Any], tasks: list[dict[str, Any]], hostnames: dict[str, str],
             redactor: Redactor) -> SwarmService:
    spec = service.get("Spec") or {}
    template = spec.get("TaskTemplate") or {}
    container = template.get("ContainerSpec") or {}
    mode = spec.get("Mode") or {}
    mode_name = next(iter(mode), "replicated").lower()
    replicas = (mode.get("Replicated") or {}).get("Replicas")
    records = sorted((_task(t, hostnames) for t in tasks),
                     key=lambda t: (t["slot"] or 0, t["node"] or "", t["time"] or ""),
                     )
    running = sum(1 for t in records if t["desired_state"] == "running"
                  and t["state"] == "running")
    desired = replicas if mode_name == "replicated" else sum(
        1 for t in records if t["desired_state"] == "running")
    status = service.get("UpdateStatus")
    return {
        "name": str(spec.get("Name") or service["ID"]),
        "id": str(service["ID"])[:12],
        "version": (service.get("Version") or {}).get("Index"),
        "image": container.get("Image"),
        "command": redactor.args(list(container["Command"])) if container.get("Command")
        else None,
        "args": redactor.args(list(container["Args"])) if container.get("Args") else None,
        "env": _env(container.get("Env"), redactor),
        "user": container.get("User") or None,
        "labels": dict(sorted((spec.get("Labels") or {}).items())),
        "container_labels": dict(sorted((container.get("Labels") or {}).items())),
        "mode": mode_name,
        "replicas": replicas,
        "resources": _resources(template.get("Resources")),
        "placement": _placement(template.get("Placement")),
        "ports": _ports(spec.get("EndpointSpec")),
        "update_config": _update(spec.get("UpdateConfig")),
        "rollback_config": _update(spec.get("RollbackConfig")),
        "restart_policy": _restart(template.get("RestartPolicy")),
        "healthcheck": _healthcheck(container.get("Healthcheck")),
        "secrets": sorted(str(s.get("SecretName")) for s in container.get("Secrets") or []),
        "configs": sorted(str(c.get("ConfigName")) for c in container.get("Configs") or []),
        "update_status": ({"state": status.get("State"), "message": status.get("Message"),
                           "started": status.get("StartedAt"),
                           "completed": status.get("CompletedAt")} if status else None),
        "running": running,
        "desired": desired,
        "restarts": sum(1 for t in records if t["state"] in FAILED_STATES),
        "tasks": records,
    }


def _node(node: dict[str, Any]) -> SwarmNode:
    spec = node.get("Spec") or {}
    desc = node.get("Description") or {}
    resources = desc.get("Resources") or {}
    status = node.get("Status") or {}
    manager = node.get("ManagerStatus") or {}
    return {
        "id": str(node["ID"])[:12],
        "role": spec.get("Role"),
        "availability": spec.get("Availability"),
        "state": status.get("State"),
        "addr": status.get("Addr"),
        "leader": bool(manager.get("Leader")),
        "engine_version": (desc.get("Engine") or {}).get("EngineVersion"),
        "nano_cpus": resources.get("NanoCPUs"),
        "memory_bytes": resources.get("MemoryBytes"),
        "labels": dict(sorted((spec.get("Labels") or {}).items())),
    }


def _objects(listed: list[dict[str, Any]], stack: str, used: set[str]
             ) -> dict[str, SwarmObject]:
    """The stack's secrets (or configs): those it labelled, and those its services use."""
    out: dict[str, SwarmObject] = {}
    for obj in listed:
        spec = obj.get("Spec") or {}
        name = str(spec.get("Name") or obj["ID"])
        if (spec.get("Labels") or {}).get(STACK_LABEL) != stack and name not in used:
            continue
        out[name] = {"id": str(obj["ID"])[:12],
                     "version": (obj.get("Version") or {}).get("Index"),
                     "created": obj.get("CreatedAt"), "updated": obj.get("UpdatedAt")}
    return dict(sorted(out.items()))
