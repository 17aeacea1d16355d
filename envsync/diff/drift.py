"""Three-way drift of one environment: committed (HEAD) ↔ declared (working tree) ↔ running.

Pure: it reads one snapshot. Whether a running value that no current file holds was applied
by hand (``runtime-override``) or is an older commit not yet redeployed (``not-deployed``)
is decided with ``history``: the compose config hashes of recent commits, per service,
which the caller computes only when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from envsync.diff.engine import DiffResult, apply_filters, diff_normalised, show_values
from envsync.diff.expected import RUNTIME_FIELDS, expected_runtime, running_fields
from envsync.diff.hosts import host_views, merge_host_findings
from envsync.diff.normalise import normalise
from envsync.diff.replicas import classify, replica_key
from envsync.diff.rules import match_rule
from envsync.human import MIB, size
from envsync.model import Direction, Finding, Kind, Severity, Snapshot
from envsync.types import ConfigHashes, DriftEvidence

__all__ = ["History", "drift"]

History = Callable[[str], set[str]]
"""service → the config hashes it had in recent commits."""

CONFIG_HASH_LABEL = "com.docker.compose.config-hash"
_FILE_ONLY_UNCOMMITTED_CAP = Severity.MEDIUM
_NOT_DEPLOYED_CAP = Severity.HIGH
# Compose keys whose effect the runtime comparison already reports, field by field.
_RUNTIME_KEYS = {"image", "command", "entrypoint", "environment", "ports", "volumes", "restart",
                 "deploy", "mem_limit", "healthcheck", "user", "network_mode"}


_IMAGE_DEFAULTED = {"command", "entrypoint", "user", "healthcheck"}
"""Runtime fields capture leaves null when they equal the image's default."""


def _no_history(_: str) -> set[str]:
    return set()


def _leaves(field: str, value: Any) -> dict[tuple[str, ...], Any]:
    """A field split into comparable leaves: env and mounts key by key, the rest whole."""
    if field in ("env", "mounts") and isinstance(value, dict):
        return {(field, k): v for k, v in value.items()}
    return {(field,): value}


def _missing(field: str) -> Any:
    return {} if field in ("env", "mounts") else None


class _Drift:
    def __init__(self, snapshot: Snapshot, history: History) -> None:
        self.snapshot = snapshot
        self.history = history
        compose = snapshot.get("compose") or {}
        self.declared = compose.get("declared") or {}
        self.committed = compose.get("committed")
        self.hashes = compose.get("hashes") or {}
        self.committed_hashes = compose.get("committed_hashes") or {}
        root = (snapshot.get("git") or {}).get("path")
        files = [f["path"] for f in compose.get("files") or []]
        self.project_dir = (str(PurePosixPath(root) / PurePosixPath(files[0]).parent)
                            if root and files else root)
        self.findings: list[Finding] = []

    def add(self, path: tuple[str, ...], kind: Kind, direction: Direction | None, message: str,
            service: str | None, before: Any = None, after: Any = None,
            cap: Severity | None = None, extra: DriftEvidence | None = None) -> None:
        rule = match_rule(path, kind)
        severity = rule.severity if cap is None else min(rule.severity, cap)
        self.findings.append(Finding(
            path=".".join(path), kind=kind, category=rule.category, severity=severity,
            message=message, service=service, before=before, after=after,
            direction=direction, rule=rule.pattern, segments=path, extra=extra,
        ))

    def run(self) -> None:
        containers = self.snapshot.get("containers")
        if containers is None:
            self.files_only(set())
            return
        services = self.declared.get("services") or {}
        committed_services = (self.committed or {}).get("services") or {}
        for key, record in containers.items():
            if record.get("service") not in services:
                self.add(("containers", key), Kind.ADDED, Direction.UNDECLARED,
                         f"{key}: a container of this project runs ({record.get('image')}, "
                         f"{record.get('state')}) but no compose file declares it", key,
                         after=record.get("image"))
        replicas = classify(containers, services, (self.snapshot.get("compose") or {})
                            .get("project"))
        for stray in replicas.strays:
            want = replicas.wanted[stray.service]
            self.add(("containers", stray.key), Kind.ADDED, Direction.UNDECLARED,
                     f"{stray.name}: runs beside the {want} declared "
                     f"{'replica' if want == 1 else 'replicas'} of {stray.service} "
                     f"({stray.reason}); not compared, never copied into the files",
                     stray.service, after=containers[stray.key].get("image"))
        for name, service in services.items():
            running = replicas.declared.get(name, [])
            want = replicas.wanted[name]
            if not running:
                if want == 0:
                    continue
                self.add(("containers", name), Kind.REMOVED, Direction.NOT_RUNNING,
                         f"{name}: declared, but no container runs it"
                         + (f" ({want} replicas declared)" if want > 1 else ""), name,
                         before=service.get("image"))
                continue
            for number in replicas.missing.get(name, []):
                self.add(("containers", replica_key(name, number)), Kind.REMOVED,
                         Direction.NOT_RUNNING,
                         f"{name}: {want} replicas declared, {len(running)} "
                         f"{'runs' if len(running) == 1 else 'run'}: replica {number} is "
                         "missing", name, before=service.get("image"))
            declared = expected_runtime(name, service, self.declared, self.project_dir)
            committed = (expected_runtime(name, committed_services[name], self.committed or {},
                                          self.project_dir)
                         if name in committed_services else None)
            for key in running:
                self.container(name, key, containers[key], declared, committed)
        self.files_only({name for name, keys in replicas.declared.items() if keys})
        self.limits_and_health(containers)

    def container(self, name: str, key: str, record: dict[str, Any],
                  declared: dict[str, Any], committed: dict[str, Any] | None) -> None:
        if record.get("state") != "running":
            self.add(("containers", key, "state"), Kind.CHANGED, Direction.NOT_RUNNING,
                     f"{key}: the container is {record.get('state')}, not running", name,
                     before="running", after=record.get("state"))
        running = running_fields(record)
        label = (record.get("labels") or {}).get(CONFIG_HASH_LABEL)
        hash_evidence: ConfigHashes = {"running": label, "declared": self.hashes.get(name),
                         "committed": self.committed_hashes.get(name)}
        for field in RUNTIME_FIELDS:
            d = _leaves(field, declared[field])
            r = _leaves(field, running[field])
            c = _leaves(field, committed[field]) if committed is not None else d
            for leaf in sorted(set(d) | set(r) | set(c)):
                dv, rv = d.get(leaf, _missing(field) if len(leaf) == 1 else None), r.get(leaf)
                cv = c.get(leaf)
                if dv == rv and cv == dv:
                    continue
                if (rv is None and field in _IMAGE_DEFAULTED and label is not None
                        and label == hash_evidence["declared"] and cv == dv):
                    # Capture records these as null when they equal the image's own default;
                    # the container was created from exactly these files, so it runs what
                    # they say, which is then the image's default too.
                    continue
                self.three_way(name, key, leaf, cv, dv, rv, label, hash_evidence)

    def three_way(self, name: str, key: str, leaf: tuple[str, ...], cv: Any, dv: Any, rv: Any,
                  label: str | None, evidence: ConfigHashes) -> None:
        path = ("containers", key, *leaf)
        what = f"{key}: {_what(leaf)}"
        kind = Kind.CHANGED if dv is not None and rv is not None else (
            Kind.ADDED if dv is None else Kind.REMOVED)
        extra: DriftEvidence = {"committed": cv, "declared": dv, "running": rv, "config_hash": evidence}
        unit = None if leaf[0] in ("env", "mounts") else leaf[-1]
        c, d, r = show_values(cv, dv, rv, key=unit)
        if dv == rv:  # deployed from the working tree, never committed
            self.add(path, Kind.CHANGED, Direction.UNCOMMITTED,
                     f"{what} is {d} in the working tree and running, "
                     f"{c} at HEAD: the edit is not committed", name,
                     before=cv, after=dv, cap=_FILE_ONLY_UNCOMMITTED_CAP, extra=extra)
        elif cv == rv:  # edited in the working tree, not committed, not deployed
            self.add(path, Kind.CHANGED, Direction.UNCOMMITTED,
                     f"{what} is {d} in the working tree, {r} at "
                     "HEAD and running: an uncommitted edit, not deployed", name,
                     before=rv, after=dv, cap=_FILE_ONLY_UNCOMMITTED_CAP, extra=extra)
        elif cv == dv:
            if label and label in self.history(name) and label != evidence["declared"]:
                self.add(path, kind, Direction.NOT_DEPLOYED,
                         f"{what} is {d} in the files, {r} still "
                         "running from an older commit: not deployed yet", name,
                         before=dv, after=rv, cap=_NOT_DEPLOYED_CAP, extra=extra)
            else:
                how = ("the container was changed after it was created (docker update, or by "
                       "hand)" if label and label == evidence["declared"]
                       else "applied by hand: no file holds it")
                self.add(path, kind, Direction.RUNTIME_OVERRIDE,
                         f"{what} is {r} running, {d} in every "
                         f"file: {how}", name, before=dv, after=rv, extra=extra)
        else:
            self.add(path, kind, Direction.CONFLICT,
                     f"{what} differs three ways: {c} at HEAD, "
                     f"{d} in the working tree, {r} running",
                     name, before=dv, after=rv, extra=extra)

    def files_only(self, with_runtime: set[str]) -> None:
        """committed ↔ declared for what the runtime comparison does not cover."""
        if self.committed is None:
            return
        head = normalise(self.snapshot, source="committed")
        tree = normalise(self.snapshot, source="declared")
        for section in ("containers", "health", "git"):
            head.pop(section, None)
            tree.pop(section, None)
        head.pop("env_files", None)
        tree.pop("env_files", None)
        result = diff_normalised(head, tree, a_label="HEAD", b_label="the working tree")
        for f in result.findings:
            seg = f.segments
            if (len(seg) > 2 and seg[0] == "services" and seg[1] in with_runtime
                    and seg[2] in _RUNTIME_KEYS):
                continue
            f.direction = Direction.UNCOMMITTED
            f.severity = min(f.severity, _FILE_ONLY_UNCOMMITTED_CAP)
            self.findings.append(f)
        git = self.snapshot.get("git") or {}
        for entry in git.get("untracked") or []:
            path = ("git", "untracked", entry["path"])
            self.add(path, Kind.ADDED, Direction.UNCOMMITTED,
                     f"{entry['path']} is untracked: in no commit", None, after=entry["path"])

    def limits_and_health(self, containers: dict[str, Any]) -> None:
        limits = ((self.snapshot.get("limits") or {}).get("memory_mb")) or {}
        stats = self.snapshot.get("stats") or {}
        for key, record in containers.items():
            service = record.get("service") or key
            limit = limits.get(service)
            used = (stats.get(key) or {}).get("memory_used_mb")
            if limit is not None and used is not None and used > limit:
                self.add(("limits", key, "memory_mb"), Kind.CHANGED, None,
                         f"{key}: uses {size(used * MIB)}, over its {size(limit * MIB)} limit",
                         service,
                         before=limit, after=round(used, 1))
        for name, check in (self.snapshot.get("health") or {}).items():
            if check.get("status") != "ok":
                detail = check.get("error") or f"HTTP {check.get('http_status')}"
                self.add(("health", name), Kind.CHANGED, None,
                         f"health check {name} {check.get('status')}: {detail}", None,
                         before="ok", after=check.get("status"))


def _what(leaf: tuple[str, ...]) -> str:
    if leaf[0] == "env" and len(leaf) > 1:
        return f"env {leaf[1]}"
    if leaf[0] == "mounts" and len(leaf) > 1:
        return f"mount {leaf[1]}"
    return leaf[0].replace("_", " ")


def drift(
    snapshot: Snapshot,
    *,
    history: History = _no_history,
    ignore: tuple[str, ...] = (),
    expect_different: tuple[str, ...] = (),
) -> DiffResult:
    """Every drift finding of one environment's snapshot, each with its direction; for a
    fleet, each host's containers against the files, the finding naming its host."""
    env = snapshot["meta"]["environment"]
    result = DiffResult(a=f"{env} (files)", b=f"{env} (running)")
    if snapshot.get("swarm") is not None:  # a stack: its services' specs on the Swarm
        from envsync.diff.swarm import swarm_drift_findings

        result.findings = swarm_drift_findings(snapshot, history)
        result.findings.sort(key=lambda f: (f.service or "~", -f.severity, f.path))
        return apply_filters(result, ignore=ignore, expect_different=expect_different)
    views = host_views(snapshot)
    per_host: list[tuple[str, list[Finding]]] = []
    for host, view in (views or {"": snapshot}).items():
        state = _Drift(view, history)
        state.run()
        per_host.append((host, state.findings))
        # A fleet's host that could not be read is named by its error (meta.errors).
        if view.get("containers") is None and not host:
            result.notes.append("running containers not captured: files compared only "
                                "(committed ↔ working tree)")
    result.findings = merge_host_findings(per_host) if views else per_host[0][1]
    result.findings.sort(key=lambda f: (f.service or "~", f.host or "", -f.severity, f.path))
    return apply_filters(result, ignore=ignore, expect_different=expect_different)
