"""Snapshot → the comparable form: noise dropped, lists turned into keyed maps.

Pure functions. What is dropped (ids, times, IPs, HOSTNAME, compose bookkeeping labels,
absolute paths of the checkout) would otherwise be reported as differences between any
two machines, and hide the ones that matter.
"""

from __future__ import annotations

import shlex
from typing import Any

from envsync.model import Snapshot

__all__ = [
    "normalise",
    "normalise_container",
    "normalise_service",
    "shell_join",
]

# Labels compose writes for its own bookkeeping: they differ per project or per checkout.
_COMPOSE_LABELS = (
    "com.docker.compose.project",
    "com.docker.compose.container-number",
    "com.docker.compose.config-hash",
    "com.docker.compose.oneoff",
    "com.docker.compose.version",
    "com.docker.compose.depends_on",
    "com.docker.compose.image",
    "com.docker.compose.replace",
    "com.docker.compose.service",
)
_CONTAINER_NOISE = ("name", "id", "container_id", "started_at", "restart_count", "created",
                    "ip_address", "ip_addresses", "pid", "labels_raw")
_RUNTIME_ENV_NOISE = ("HOSTNAME",)


def shell_join(argv: Any) -> Any:
    """A command as one readable string (``["python", "main.py"]`` → ``python main.py``)."""
    if isinstance(argv, list) and all(isinstance(a, str) for a in argv):
        return shlex.join(argv)
    return argv


def _relpath(value: Any, root: str | None) -> Any:
    if root and isinstance(value, str) and (value == root or value.startswith(root + "/")):
        return "." + value[len(root):]
    return value


def _ports(ports: Any) -> Any:
    if not isinstance(ports, list):
        return ports
    out: dict[str, str] = {}
    for p in ports:
        if isinstance(p, dict):
            key = f"{p.get('target')}/{p.get('protocol') or 'tcp'}"
            host = p.get("host_ip") or ""
            published = p.get("published") or ""
            value = f"{host}:{published}" if host else str(published)
            out[key] = f"{out[key]}, {value}" if key in out else value
        else:
            out[str(p)] = str(p)
    return out


def _volumes(volumes: Any, root: str | None) -> Any:
    if not isinstance(volumes, list):
        return volumes
    out: dict[str, str] = {}
    for v in volumes:
        if isinstance(v, dict):
            source = _relpath(v.get("source") or "", root)
            ro = ":ro" if v.get("read_only") else ""
            out[str(v.get("target"))] = f"{v.get('type', 'volume')}:{source}{ro}"
        else:
            out[str(v)] = str(v)
    return out


def _strip_empty(data: Any) -> Any:
    """Drop keys whose value is an empty map (compose prints ``placement: {}``)."""
    if isinstance(data, dict):
        cleaned = {k: _strip_empty(v) for k, v in data.items()}
        return {k: v for k, v in cleaned.items() if v != {}}
    return data


def normalise_service(service: dict[str, Any], root: str | None) -> dict[str, Any]:
    """One service of compose's resolved model, in comparable form."""
    out: dict[str, Any] = {}
    for key, value in service.items():
        if key in ("command", "entrypoint"):
            out[key] = shell_join(value)
        elif key == "ports":
            out[key] = _ports(value)
        elif key == "volumes":
            out[key] = _volumes(value, root)
        elif key == "build" and isinstance(value, dict):
            out[key] = {k: _relpath(v, root) for k, v in value.items()}
        elif key == "networks" and isinstance(value, dict):
            # compose prints `default: null` for a plain attachment; {} means the same.
            out[key] = {k: v or None for k, v in value.items()}
        elif key == "environment" and isinstance(value, dict):
            out[key] = dict(value)
        else:
            out[key] = value
    return _strip_empty(out)  # type: ignore[no-any-return]


def normalise_container(container: dict[str, Any], root: str | None) -> dict[str, Any]:
    """One running container (as runtime capture records it), in comparable form."""
    out: dict[str, Any] = {}
    for key, value in container.items():
        if key in _CONTAINER_NOISE:
            continue
        if key in ("command", "entrypoint"):
            out[key] = shell_join(value)
        elif key == "labels" and isinstance(value, dict):
            out[key] = {
                k: v for k, v in value.items()
                if not k.startswith(_COMPOSE_LABELS)
                and not k.startswith("com.docker.compose.project.")
            }
        elif key == "env" and isinstance(value, dict):
            out[key] = {k: v for k, v in value.items() if k not in _RUNTIME_ENV_NOISE}
        elif key == "mounts" and isinstance(value, list):
            out[key] = {
                str(m.get("target")): f"{m.get('type')}:{_relpath(m.get('source'), root)}"
                + (":ro" if m.get("read_only") else "")
                for m in value if isinstance(m, dict)
            }
        elif key == "ports" and isinstance(value, list):
            out[key] = sorted(str(p) for p in value)
        else:
            out[key] = value
    return out


def _env_files(snapshot: Snapshot) -> dict[str, Any]:
    """Env files keyed by role: the environment's own env file is ``env_file``, so two
    environments' files (``.env.dev``, ``.env.prod``) are compared key by key."""
    compose = snapshot.get("compose") or {}
    main = compose.get("env_file")
    out: dict[str, Any] = {}
    for path, values in (snapshot.get("env_files") or {}).items():
        out["env_file" if path == main else path] = values
    return out


_SWARM_STATE = ("name", "id", "version", "tasks", "running", "desired", "restarts",
                "update_status")
_SWARM_OWN_LABELS = ("com.docker.stack.", "io.envsync.")


def _swarm_spec(service: dict[str, Any]) -> dict[str, Any]:
    """A stack service's spec (snapshot ``swarm.services.*``), without its state (tasks,
    versions: drift reports those) and the labels the tools set themselves."""
    out = {k: v for k, v in service.items() if k not in _SWARM_STATE}
    for key in ("labels", "container_labels"):
        out[key] = {k: v for k, v in (service.get(key) or {}).items()
                    if not k.startswith(_SWARM_OWN_LABELS)}
    for key in ("command", "args"):
        out[key] = shell_join(service.get(key))
    return _strip_empty(out)  # type: ignore[no-any-return]


def normalise(snapshot: Snapshot, *, source: str = "declared") -> dict[str, Any]:
    """The comparable form of a snapshot.

    ``source`` picks which compose model stands for the services: ``declared`` (the working
    tree) or ``committed`` (HEAD).
    """
    root = (snapshot.get("git") or {}).get("path")
    compose = snapshot.get("compose") or {}
    model = compose.get(source) or {}
    out: dict[str, Any] = {
        "services": {
            name: normalise_service(svc, root)
            for name, svc in (model.get("services") or {}).items()
        },
    }
    project = {}
    for section in ("networks", "volumes", "secrets", "configs"):
        items = model.get(section)
        if isinstance(items, dict) and items:
            project[section] = {
                k: _strip_empty({kk: vv for kk, vv in (v or {}).items() if kk != "name"})
                for k, v in items.items()
            }
    if project:
        out["project"] = project
    out["env_files"] = _env_files(snapshot)
    containers = snapshot.get("containers")
    if containers is not None:
        out["containers"] = {
            name: normalise_container(c, root) for name, c in containers.items()
        }
    swarm = snapshot.get("swarm")
    if swarm is not None:
        out["swarm"] = {"services": {name: _swarm_spec(svc) for name, svc in
                                     (swarm.get("services") or {}).items()}}
    health = snapshot.get("health")
    if health:
        out["health"] = {name: h.get("status") for name, h in health.items()}
    git = snapshot.get("git") or {}
    out["git"] = {
        "head": git.get("head"),
        "branch": git.get("branch"),
        "dirty": sorted(d["path"] for d in git.get("dirty") or []),
        "untracked": sorted(d["path"] for d in git.get("untracked") or []),
    }
    return out
