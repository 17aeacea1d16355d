"""A container as a snapshot records it, shaped from the engine's answers (``inspect`` of
the container and of its image). Pure: no engine call here, so the shaping is tested
with plain dicts.

Containers are compared with their image so that only what compose or a person set counts:
``command``, ``entrypoint``, ``user`` and ``healthcheck`` are null when they equal the
image's default, and env entries that are exactly the image's ``KEY=value`` are dropped.
"""

from __future__ import annotations

from typing import Any

from envsync.secrets import Redactor
from envsync.types import ContainerRecord, HealthcheckSpec, Mount

__all__ = ["SERVICE_LABEL", "container_record", "go_duration"]

SERVICE_LABEL = "com.docker.compose.service"
# Compose's own labels hold hashes, paths and names, never secrets; the config-hash must
# stay intact (drift compares it with `compose config --hash`), so no entropy guessing here.
_COMPOSE_LABEL_PREFIX = "com.docker.compose."
MIB = 1024 * 1024


def container_record(info: dict[str, Any], image: dict[str, Any] | None,
                     redactor: Redactor) -> ContainerRecord:
    """One container's record, as recorded in a snapshot (see the module docstring)."""
    config = info.get("Config") or {}
    host = info.get("HostConfig") or {}
    state = info.get("State") or {}
    image_config = (image or {}).get("Config") or {}
    labels = config.get("Labels") or {}
    memory = host.get("Memory") or 0
    return {
        "name": str(info.get("Name", "")).lstrip("/"),
        "service": labels.get(SERVICE_LABEL),
        "image": config.get("Image"),
        "image_id": info.get("Image"),
        "state": state.get("Status"),
        "health": (state.get("Health") or {}).get("Status"),
        "restart_count": info.get("RestartCount", 0),
        "started_at": state.get("StartedAt"),
        "command": _unless_default(config.get("Cmd"), image_config.get("Cmd"), redactor),
        "entrypoint": _unless_default(config.get("Entrypoint"), image_config.get("Entrypoint"),
                                      redactor),
        "env": _env(config.get("Env") or [], image_config.get("Env") or [], redactor),
        "ports": _ports(host.get("PortBindings") or {}),
        "mounts": _mounts(info.get("Mounts") or []),
        "labels": _labels(labels, redactor),
        "restart_policy": _restart_policy(host.get("RestartPolicy") or {}),
        "memory_limit_mb": round(memory / MIB, 2) if memory else None,
        "network_mode": host.get("NetworkMode"),
        "user": _unless_same(config.get("User") or None, image_config.get("User") or None),
        "healthcheck": _healthcheck(config.get("Healthcheck"), image_config.get("Healthcheck")),
    }


def _unless_default(value: list[str] | None, default: list[str] | None,
                    redactor: Redactor) -> list[str] | None:
    """``value`` (redacted) when it differs from the image default, else None.

    An overridden entrypoint clears the image's Cmd, which then reads as ``[]``: that is a
    real difference from the default, so it is kept rather than shown as null.
    """
    if (value or []) == (default or []):
        return None
    return redactor.args(value or [])


def _unless_same(value: str | None, default: str | None) -> str | None:
    return None if value == default else value


def _env(env: list[str], image_env: list[str], redactor: Redactor) -> dict[str, str | None]:
    """KEY → value (fingerprinted when secret), without the image's own ``KEY=value`` pairs."""
    defaults = set(image_env)
    out: dict[str, str | None] = {}
    for item in env:
        if item in defaults:
            continue
        key, _, value = item.partition("=")
        out[key] = redactor.value(key, value)
    return dict(sorted(out.items()))


def _ports(bindings: dict[str, list[dict[str, str]] | None]) -> list[str]:
    """Published ports as ``HOST_IP:HOST_PORT->PORT/PROTO``, sorted.

    From the container's configuration (HostConfig.PortBindings), not its live network
    state, so a stopped container reports the same ports as a running one. A port the
    engine picks at start (no host port given) is shown as ``HOST_IP:->PORT/PROTO``.
    """
    out = []
    for container_port, binds in bindings.items():
        for bind in binds or []:
            host_ip = bind.get("HostIp") or "0.0.0.0"
            out.append(f"{host_ip}:{bind.get('HostPort') or ''}->{container_port}")
    return sorted(set(out))


def _mounts(mounts: list[dict[str, Any]]) -> list[Mount]:
    """Mounts as ``{type, source, target, read_only}``, sorted by target.

    A named volume's source is its name (stable across hosts); a bind's is the host path.
    """
    out: list[Mount] = []
    for m in mounts:
        kind = m.get("Type")
        source = m.get("Name") if kind == "volume" and m.get("Name") else m.get("Source")
        out.append({"type": kind, "source": source, "target": m.get("Destination"),
                    "read_only": not m.get("RW", True)})
    return sorted(out, key=lambda m: (str(m["target"]), str(m["source"])))


def _labels(labels: dict[str, str], redactor: Redactor) -> dict[str, str | None]:
    """Labels, secret ones fingerprinted and secrets inside others (``Bearer …``) replaced."""
    out: dict[str, str | None] = {}
    for key, value in sorted(labels.items()):
        out[key] = value if key.startswith(_COMPOSE_LABEL_PREFIX) else redactor.value(key, value)
    return out


def _restart_policy(policy: dict[str, Any]) -> str:
    """``no`` / ``always`` / ``unless-stopped`` / ``on-failure[:N]``, as compose writes it."""
    name = policy.get("Name") or "no"
    retries = policy.get("MaximumRetryCount") or 0
    return f"{name}:{retries}" if name == "on-failure" and retries else str(name)


def _healthcheck(check: dict[str, Any] | None,
                 default: dict[str, Any] | None) -> HealthcheckSpec | None:
    """The container's healthcheck in compose's terms (durations as Go strings, "1m30s"),
    or None when it has none or it is the image's own."""
    if not check or check == default:
        return None
    out: HealthcheckSpec = {"test": check.get("Test")}
    if check.get("Interval"):
        out["interval"] = go_duration(int(check["Interval"]))
    if check.get("Timeout"):
        out["timeout"] = go_duration(int(check["Timeout"]))
    if check.get("StartPeriod"):
        out["start_period"] = go_duration(int(check["StartPeriod"]))
    if check.get("Retries"):
        out["retries"] = check["Retries"]
    return out


def go_duration(ns: int) -> str:
    """Nanoseconds as Go's ``time.Duration.String()`` writes them ("1.5s", "1m30s", "1h0m0s"),
    which is how ``docker compose config`` prints durations."""
    if ns == 0:
        return "0s"
    sign = "-" if ns < 0 else ""
    ns = abs(ns)
    if ns < 1_000_000_000:
        for unit, size in (("ms", 1_000_000), ("µs", 1_000), ("ns", 1)):
            if ns >= size:
                return sign + _trim(ns / size) + unit
    hours, rest = divmod(ns, 3600 * 1_000_000_000)
    minutes, rest = divmod(rest, 60 * 1_000_000_000)
    seconds = _trim(rest / 1_000_000_000) + "s"
    if hours:
        return f"{sign}{hours}h{minutes}m{seconds}"
    if minutes:
        return f"{sign}{minutes}m{seconds}"
    return sign + seconds


def _trim(x: float) -> str:
    return f"{x:.9f}".rstrip("0").rstrip(".")
