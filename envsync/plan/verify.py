"""After the steps: does what runs match the target? The executor's last word.

A fresh capture is compared with the target, through the same normalisation ``envsync diff``
and ``drift`` use:

- every service the target runs has a container that is ``running`` (not ``created`` or
  ``exited``: a recreate that stopped half-way), and not ``unhealthy`` (``starting`` is
  waited for, up to the caller's limit);
- its fields equal the target's: a restore point's snapshot (the container records), or,
  with no snapshot to match (rollback level 3, which may rebuild images), the declared
  model of the files now checked out (drift between files and containers).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from envsync.config import Config, Environment
from envsync.model import Direction, Finding, Snapshot
from envsync.plan.executor import Interrupts

__all__ = ["differing_services", "verify"]

_LIMIT = 20
"""Differences listed at most (the rest are counted)."""
_WAITING = ("starting",)


def _noop(_: str) -> None:
    pass


def _first(snapshot: Snapshot) -> dict[str, dict[str, Any]]:
    """Service → its first replica's container record."""
    out: dict[str, dict[str, Any]] = {}
    for container in (snapshot.get("containers") or {}).values():
        service = container.get("service")
        if service and (service not in out or (container.get("state") == "running"
                                               and out[service].get("state") != "running")):
            out[service] = container
    return out


def differing_services(point: Snapshot, current: Snapshot, *,
                       skip: tuple[str, ...] = ("image_id", "image")) -> set[str]:
    """Services whose running container's fields (normalised, without ``skip``) differ
    between two snapshots: a ``docker update --memory`` keeps compose's config hash, so
    the hash alone misses it."""
    from envsync.diff.normalise import normalise_container

    then, now = _first(point), _first(current)
    root_then = (point.get("git") or {}).get("path")
    root_now = (current.get("git") or {}).get("path")
    out = set()
    for service, record in then.items():
        if record.get("state") != "running":
            continue
        other = now.get(service)
        if other is None:
            out.add(service)
            continue
        a = {k: v for k, v in normalise_container(record, root_then).items()
             if k not in skip and k not in ("state", "health")}
        b = {k: v for k, v in normalise_container(other, root_now).items()
             if k not in skip and k not in ("state", "health")}
        if a != b or other.get("state") != "running":
            out.add(service)
    return out


def _states(fresh: Snapshot, expected: list[str]) -> tuple[list[str], bool]:
    differences, pending = [], False
    now = _first(fresh)
    for service in expected:
        record = now.get(service)
        if record is None:
            differences.append(f"{service}: no container")
        elif record.get("state") != "running":
            differences.append(f"{service}: {record.get('name')} is {record.get('state')}, "
                               "not running")
        elif record.get("health") == "unhealthy":
            differences.append(f"{service}: {record.get('name')} is unhealthy")
        elif record.get("health") in _WAITING:
            pending = True
            differences.append(f"{service}: {record.get('name')} is still starting "
                               "(health check)")
    return differences, pending


def _field_findings(config: Config, fresh: Snapshot, target: Snapshot | None,
                    skip: tuple[str, ...], only: tuple[str, ...] | None,
                    services: list[str] | None) -> list[Finding]:
    if target is not None:
        from envsync.diff import compare

        found = compare(target, fresh, a_label="target", b_label="now",
                        ignore=config.ignore).findings
    else:
        from envsync.diff.drift import drift

        # Uncommitted: what runs follows the working tree, as the steps meant it to.
        # Undeclared (a container started by hand): no step touches it; the plan's notes
        # name it for the operator.
        found = [f for f in drift(fresh, ignore=config.ignore).findings
                 if f.direction not in (Direction.UNCOMMITTED, Direction.UNDECLARED)]
    out = []
    for f in found:
        seg = f.segments
        if seg[:1] != ("containers",):
            continue
        field = seg[2] if len(seg) > 2 else None
        if field in (*skip, "state", "health", "started_at"):
            continue
        if only is not None and field not in only:
            continue
        service = f.service or (fresh.get("containers") or {}).get(seg[1], {}).get("service")
        if services is not None and service not in services:
            continue
        out.append(f)
    return out


def verify(config: Config, env: Environment, *, target: Snapshot | None,
           services: list[str] | None = None, skip: tuple[str, ...] = (),
           only: tuple[str, ...] | None = None, wait_s: float = 30.0, interrupts: Interrupts | None = None,
           progress: Callable[[str], None] = _noop) -> list[str]:
    """What differs between what runs now and ``target`` (empty when it matches).

    ``services``: the ones that must run, and whose fields are compared (default: those
    ``target`` runs, or every declared one). ``skip``: container fields not compared (level
    1 restores files, not images: ``image_id``); ``only``: the only fields compared (level
    2 restores images, not files: ``image_id``). Captures again, every second, while a
    container's health check is still ``starting``, up to ``wait_s``.
    """
    from envsync.capture import take_snapshot

    deadline = time.monotonic() + wait_s
    while True:
        progress("compare what runs with the target")
        fresh = take_snapshot(config, env, stats=False)
        if fresh.get("containers") is None:
            reasons = [e["reason"] for e in fresh["meta"].get("errors") or []
                       if e.get("part") == "runtime"]
            return [f"cannot read the running containers: {reasons[0] if reasons else '?'}"]
        if services is not None:
            expected = list(services)
        elif target is not None:
            expected = sorted(s for s, c in _first(target).items() if c.get("state") == "running")
        else:
            declared = ((fresh.get("compose") or {}).get("declared") or {}).get("services")
            expected = sorted(declared or {})
        differences, pending = _states(fresh, expected)
        if not pending or time.monotonic() >= deadline or (
                interrupts is not None and not interrupts.sleep(1.0)) or (
                interrupts is None and not _sleep(1.0)):
            break
    for f in _field_findings(config, fresh, target, skip, only, services):
        differences.append(f"{f.path}: {f.message}")
    if len(differences) > _LIMIT:
        differences = [*differences[:_LIMIT], f"… and {len(differences) - _LIMIT} more"]
    return differences


def _sleep(seconds: float) -> bool:
    time.sleep(seconds)
    return True
