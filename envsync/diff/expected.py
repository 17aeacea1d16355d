"""What a declared compose service should look like when it runs: compose's resolved model
turned into the fields runtime capture records for a container, in comparable form."""

from __future__ import annotations

from typing import Any

from envsync.diff.normalise import shell_join

__all__ = ["RUNTIME_FIELDS", "expected_runtime", "running_fields"]

RUNTIME_FIELDS = ("image", "command", "entrypoint", "env", "ports", "mounts", "restart_policy",
                  "memory_limit_mb", "healthcheck", "user", "network_mode")
_MIB = 1024 * 1024
_HEALTH_KEYS = ("test", "interval", "timeout", "retries", "start_period")


def _network(mode: str | None) -> str:
    """host / none / container:… stay as they are; any named network reads `networks`."""
    if mode in ("host", "none") or (mode or "").startswith(("container:", "service:")):
        return str(mode)
    return "networks"


def _rel(path: str | None, base: str | None) -> str | None:
    if path and base and (path == base or path.startswith(base.rstrip("/") + "/")):
        return "." + path[len(base.rstrip("/")):]
    return path


def _memory_mb(service: dict[str, Any]) -> float | None:
    limits = (((service.get("deploy") or {}).get("resources") or {}).get("limits") or {})
    raw = limits.get("memory") or service.get("mem_limit")
    if raw in (None, "", "0", 0):
        return None
    try:
        return round(int(raw) / _MIB, 2)
    except (TypeError, ValueError):
        return None


def _health(check: dict[str, Any] | None) -> dict[str, Any] | None:
    if not check or check.get("disable"):
        return None
    # A zero duration is the engine's "not set": it does not report it, so neither do we.
    return {k: check[k] for k in _HEALTH_KEYS if check.get(k) not in (None, "", 0, "0s")}


def _literal(value: Any) -> Any:
    """``value`` as the container gets it: compose prints each `$` of its model as `$$`
    (capture already turns the environment's values back)."""
    if isinstance(value, str):
        return value.replace("$$", "$")
    if isinstance(value, list):
        return [_literal(v) for v in value]
    if isinstance(value, dict):
        return {k: _literal(v) for k, v in value.items()}
    return value


def expected_runtime(name: str, service: dict[str, Any], model: dict[str, Any],
                     project_dir: str | None) -> dict[str, Any]:
    """The runtime fields a container created from service ``name`` would show."""
    service = {**service, **{k: _literal(service[k]) for k in
                             ("image", "command", "entrypoint", "user", "healthcheck")
                             if k in service}}
    image = service.get("image")
    if not image and service.get("build") is not None:
        image = f"{model.get('name')}-{name}"  # how compose names an image it builds
    volumes = model.get("volumes") or {}
    mounts = {}
    for v in service.get("volumes") or []:
        if not isinstance(v, dict) or v.get("type") not in ("bind", "volume"):
            continue
        source = v.get("source")
        if v.get("type") == "volume" and source:
            source = (volumes.get(source) or {}).get("name") or source
        else:
            source = _rel(source, project_dir)
        mounts[str(v.get("target"))] = f"{v.get('type')}:{source}" + (
            ":ro" if v.get("read_only") else "")
    ports = []
    for p in service.get("ports") or []:
        if isinstance(p, dict):
            host = p.get("host_ip") or "0.0.0.0"
            ports.append(f"{host}:{p.get('published') or ''}->{p.get('target')}/"
                         f"{p.get('protocol') or 'tcp'}")
    env = {k: v for k, v in (service.get("environment") or {}).items() if v is not None}
    return {
        "image": image,
        "command": shell_join(service.get("command")),
        "entrypoint": shell_join(service.get("entrypoint")),
        "env": env,
        "ports": sorted(set(ports)),
        "mounts": mounts,
        "restart_policy": service.get("restart") or "no",
        "memory_limit_mb": _memory_mb(service),
        "healthcheck": _health(service.get("healthcheck")),
        "user": service.get("user") or None,
        "network_mode": _network(service.get("network_mode")),
    }


def running_fields(container: dict[str, Any]) -> dict[str, Any]:
    """The same fields from a container record of runtime capture."""
    labels = container.get("labels") or {}
    workdir = labels.get("com.docker.compose.project.working_dir")
    mounts = {}
    for m in container.get("mounts") or []:
        source = m.get("source") if m.get("type") == "volume" else _rel(m.get("source"), workdir)
        if m.get("type") in ("bind", "volume"):
            mounts[str(m.get("target"))] = f"{m.get('type')}:{source}" + (
                ":ro" if m.get("read_only") else "")
    env = {k: v for k, v in (container.get("env") or {}).items() if k != "HOSTNAME"}
    return {
        "image": container.get("image"),
        "command": shell_join(container.get("command")),
        "entrypoint": shell_join(container.get("entrypoint")),
        "env": env,
        "ports": sorted(container.get("ports") or []),
        "mounts": mounts,
        "restart_policy": container.get("restart_policy") or "no",
        "memory_limit_mb": container.get("memory_limit_mb"),
        "healthcheck": _health(container.get("healthcheck")),
        "user": container.get("user") or None,
        "network_mode": _network(container.get("network_mode")),
    }
