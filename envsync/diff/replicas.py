"""Which running containers are the declared replicas of a service, and which are not.

Pure: it reads container records of a snapshot. A service declares ``deploy.replicas`` (or
``scale``, default 1) replicas; compose numbers its containers (``container-number``) and,
scaling down, keeps the lowest numbers. The declared replicas are the N containers with the
lowest numbers (after a blue-green deploy, a service of scale 1 runs number 2); everything
else is a stray and is never compared field by field (nor copied into the
files by ``patch --to vcs``): a one-off ``compose run`` container, one started by hand with
the project's labels but no number, a number above the declared count, a second container
claiming a number already taken.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["NUMBER_LABEL", "ONEOFF_LABEL", "Replicas", "Stray", "classify", "disagreement",
           "replica_key", "wanted"]

NUMBER_LABEL = "com.docker.compose.container-number"
ONEOFF_LABEL = "com.docker.compose.oneoff"


@dataclass(frozen=True)
class Stray:
    """A container of a declared service that is not one of its declared replicas."""

    key: str
    service: str
    name: str
    reason: str


@dataclass
class Replicas:
    """The containers of each declared service, sorted out."""

    declared: dict[str, list[str]] = field(default_factory=dict)
    """service → the keys of its declared replicas, by number"""
    wanted: dict[str, int] = field(default_factory=dict)
    """service → how many replicas the files declare"""
    missing: dict[str, list[int]] = field(default_factory=dict)
    """service → the replica numbers no container holds"""
    strays: list[Stray] = field(default_factory=list)


def wanted(service: dict[str, Any]) -> int:
    """How many replicas a service of compose's resolved model declares."""
    for value in (service.get("scale"), (service.get("deploy") or {}).get("replicas")):
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    return 1


def replica_key(service: str, number: int) -> str:
    """The snapshot key of the ``number``-th replica (``svc``, ``svc#2``), as runtime capture
    keys it (by rank of compose's container number)."""
    return service if number == 1 else f"{service}#{number}"


def _number(labels: dict[str, Any]) -> int | None:
    raw = str(labels.get(NUMBER_LABEL) or "")
    return int(raw) if raw.isdigit() else None


def _compose_made(record: dict[str, Any], project: str | None, number: int | None,
                  container_name: Any) -> bool:
    """True when the container bears the name compose gives replica ``number`` (or the
    service's own ``container_name``)."""
    name = str(record.get("name") or "")
    service = record.get("service")
    if container_name and name == str(container_name):
        return True
    return bool(project) and number is not None and name in (
        f"{project}-{service}-{number}", f"{project}_{service}_{number}")


def _started(record: dict[str, Any]) -> str:
    """When the container started, for sorting; never started (the engine's zero time)
    sorts last."""
    started = str(record.get("started_at") or "")
    return "~" if not started or started.startswith("0001-") else started


def classify(containers: dict[str, dict[str, Any]], services: dict[str, Any],
             project: str | None) -> Replicas:
    """Sort the containers of each declared service into declared replicas and strays.

    When two containers claim one number, the one compose named for it wins (else the
    one started first, then the first by name): the other is the stray.
    """
    out = Replicas()
    by_service: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, record in containers.items():
        if record.get("service") in services:
            by_service.setdefault(str(record["service"]), []).append((key, record))
    for name, service in services.items():
        want = wanted(service or {})
        out.wanted[name] = want
        holders: dict[int, str] = {}
        own_name = (service or {}).get("container_name")
        # compose's own name first; then the one started first (a copy comes later)
        ranked = sorted(by_service.get(name, []), key=lambda kv: (
            not _compose_made(kv[1], project, _number(kv[1].get("labels") or {}), own_name),
            _started(kv[1]), str(kv[1].get("name") or kv[0])))
        numbered: list[tuple[int, str, str]] = []
        for key, record in ranked:
            labels = record.get("labels") or {}
            number = _number(labels)
            container = str(record.get("name") or key)
            if str(labels.get(ONEOFF_LABEL, "False")) == "True":
                reason = "a one-off container (`compose run`)"
            elif number is None:
                reason = "it has the project's labels but no replica number: started by hand"
            elif number in holders:
                reason = (f"it claims replica {number}, as {holders[number]} does: two "
                          "containers with one number")
            else:
                holders[number] = container
                numbered.append((number, key, container))
                continue
            out.strays.append(Stray(key=key, service=name, name=container, reason=reason))
        # The lowest numbers are the declared replicas, as compose counts them: after a
        # blue-green deploy a service scaled to 1 runs its container number 2.
        numbered.sort()
        out.declared[name] = [key for _, key, _ in numbered[:want]]
        for number, key, container in numbered[want:]:
            reason = (f"replica {number}, but the files declare {want}" if want
                      else "the service is scaled to 0")
            out.strays.append(Stray(key=key, service=name, name=container, reason=reason))
        missing = list(range(len(numbered) + 1, want + 1))
        if missing:
            out.missing[name] = missing
    return out


def _leaf(fields: dict[str, Any], leaf: tuple[str, ...]) -> Any:
    value: Any = fields.get(leaf[0])
    for key in leaf[1:]:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def disagreement(snapshot: dict[str, Any], key: str, leaf: tuple[str, ...]) -> str | None:
    """Why the running value at ``containers.<key>.<leaf>`` cannot stand for its service in
    the files: the container is not one of the declared replicas, or those replicas hold
    different values. None when it can."""
    import json

    from envsync.diff.engine import show_value
    from envsync.diff.expected import running_fields

    containers = snapshot.get("containers") or {}
    compose = snapshot.get("compose") or {}
    record = containers.get(key) or {}
    service = str(record.get("service") or key)
    replicas = classify(containers, (compose.get("declared") or {}).get("services") or {},
                        compose.get("project"))
    keys = replicas.declared.get(service, [])
    if key not in keys:
        return (f"{record.get('name') or key} is not a declared replica of {service}: its "
                "values are never copied into the files")
    values = {k: _leaf(running_fields(containers[k]), leaf) for k in keys}
    if len({json.dumps(v, sort_keys=True, default=str) for v in values.values()}) > 1:
        unit = None if leaf[0] in ("env", "mounts") else leaf[-1]
        shown = ", ".join(f"{k} {show_value(v, key=unit)}" for k, v in values.items())
        return (f"the replicas of {service} disagree ({shown}): not patched; make them agree "
                "first (`envsync patch --to runtime` recreates them from the files), or edit "
                "the files by hand")
    return None
