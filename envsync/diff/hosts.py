"""A fleet's snapshot seen one host at a time (pure).

A fleet snapshot (an environment with ``engines:``) keeps each host's runtime under
``hosts``; everything else (git, compose, env files, health) is the environment's, once.
Each host's *view* is an ordinary single-engine snapshot: drift and diff run on views
unchanged, and :func:`merge_host_findings` puts the host on the findings that belong to it
and keeps one copy of those that do not (a file's edit is the same on every host).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from envsync.model import Finding, Snapshot

__all__ = ["HOST_SECTIONS", "host_views", "is_fleet", "merge_host_findings", "tag_host"]

HOST_SECTIONS = ("containers", "stats", "limits")
"""Finding paths that start here are about one host's containers."""


def is_fleet(snapshot: Snapshot) -> bool:
    """True for the snapshot of an environment with ``engines:``."""
    return isinstance(snapshot.get("hosts"), dict)


def host_views(snapshot: Snapshot) -> dict[str, Snapshot]:
    """Host name → that host's view of a fleet snapshot (``{}`` for a single engine)."""
    hosts = snapshot.get("hosts")
    if not isinstance(hosts, dict):
        return {}
    shared = {k: v for k, v in snapshot.items() if k not in ("hosts", "containers", "stats")}
    views: dict[str, Snapshot] = {}
    for name, host in hosts.items():
        view: dict[str, Any] = copy.copy(shared)
        view["meta"] = {**snapshot["meta"], "engine": host.get("engine"),
                        "errors": [e for e in snapshot["meta"].get("errors") or []
                                   if e.get("host") in (None, name)]}
        if view.get("compose"):
            # The host's own compose project (engines[].project) names its containers.
            view["compose"] = {**view["compose"], "project": host.get("project")}
        view["containers"] = host.get("containers")
        view["stats"] = host.get("stats")
        views[name] = view
    return views


def tag_host(finding: Finding, host: str) -> Finding:
    """``finding`` as found on ``host``: its host set and its message saying so."""
    finding.host = host
    finding.message = f"{host}: {finding.message}"
    return finding


def merge_host_findings(per_host: Iterable[tuple[str, list[Finding]]]) -> list[Finding]:
    """One list of the findings of each host's view: those about a host's containers carry
    the host; the others (files, git, health) are kept once."""
    out: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for host, findings in per_host:
        for f in findings:
            section = f.segments[0] if f.segments else f.path.split(".", 1)[0]
            if section in HOST_SECTIONS:
                out.append(tag_host(f, host))
                continue
            key = (f.path, f.kind.value, f.message)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
