"""A snapshot as a short summary for people, or as its JSON document."""

from __future__ import annotations

import io
import json
from pathlib import Path

from envsync.model import Snapshot

__all__ = ["render_snapshot"]


def render_snapshot(snapshot: Snapshot, path: Path | None, fmt: str) -> str:
    """``json``: the document itself; ``table``: where it went and what it holds."""
    if fmt == "json":
        return json.dumps(snapshot, indent=2, default=str) + "\n"
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=110, no_color=True, highlight=False, markup=False, emoji=False)
    meta = snapshot["meta"]
    git = snapshot.get("git") or {}
    compose = snapshot.get("compose") or {}
    if path is not None:
        console.print(f"snapshot of {meta['environment']} written to {path}")
    head = (git.get("head") or "no commit")[:12]
    where = git.get("branch") or git.get("remote") or "detached"
    dirty = len(git.get("dirty") or [])
    untracked = len(git.get("untracked") or [])
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column()
    table.add_column()
    table.add_row("git", f"{where} @ {head} ({git.get('describe') or '-'}), "
                  f"{dirty} uncommitted, {untracked} untracked")
    services = sorted((compose.get("declared") or {}).get("services") or {})
    table.add_row("compose", f"project {compose.get('project') or '-'}: "
                  f"{len(services)} service(s) {', '.join(services)}" if compose else "none")
    changed = _declared_vs_committed(snapshot)
    if changed is not None:
        table.add_row("uncommitted", ", ".join(changed) if changed else "none")
    env_files = snapshot.get("env_files") or {}
    table.add_row("env files", ", ".join(f"{p} ({len(v)} keys)" for p, v in env_files.items())
                  or "none")
    containers = snapshot.get("containers")
    if containers is not None:
        running = sum(1 for c in containers.values() if c.get("state") == "running")
        table.add_row("containers", f"{len(containers)} ({running} running)")
    swarm = snapshot.get("swarm")
    if swarm is not None:
        specs = swarm.get("services") or {}
        tasks = sum(s.get("running") or 0 for s in specs.values())
        wanted = sum(s.get("desired") or 0 for s in specs.values())
        nodes = swarm.get("nodes") or {}
        ready = sum(1 for n in nodes.values() if n.get("state") == "ready")
        table.add_row("swarm", f"stack {swarm.get('stack')} on {swarm.get('manager')}: "
                      f"{len(specs)} service(s), {tasks}/{wanted} tasks running, "
                      f"{ready}/{len(nodes)} node(s) ready")
    for name, host in (snapshot.get("hosts") or {}).items():
        listed = host.get("containers")
        if listed is None:
            state = "not captured"
        else:
            running = sum(1 for c in listed.values() if c.get("state") == "running")
            state = f"{len(listed)} container(s) ({running} running)"
        table.add_row(f"host {name}", f"{host['engine']['url']} project {host['project']}: "
                      f"{state}, {host['duration_s']} s")
    health = snapshot.get("health") or {}
    if health:
        table.add_row("health", ", ".join(f"{k}: {v.get('status')}" for k, v in health.items()))
    table.add_row("took", f"{meta.get('duration_s')} s")
    console.print(table)
    for err in meta.get("errors") or []:
        console.print(f"not captured: {err['part']}: {err['reason']}")
    return buf.getvalue()


def _declared_vs_committed(snapshot: Snapshot) -> list[str] | None:
    compose = snapshot.get("compose") or {}
    declared, committed = compose.get("declared"), compose.get("committed")
    if not declared or committed is None:
        return None
    a = declared.get("services") or {}
    b = committed.get("services") or {}
    return sorted(s for s in set(a) | set(b) if a.get(s) != b.get(s))
