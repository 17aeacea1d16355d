"""Drift of a stack: the compose files (HEAD and working tree, as compose resolved them)
against the services' specs on the Swarm, plus what only a cluster can get wrong.

Pure, like :mod:`envsync.diff.drift` (whose file-only comparison and health findings it
reuses). The directions are the same as for compose: a value running that every file
disagrees with was applied by hand (``docker service update --env-add``, ``docker service
scale``): ``runtime-override``. Cluster findings: replicas not converged, tasks failing or
flapping, an update paused or rolled back by Swarm, a node down or drained.
"""

from __future__ import annotations

from typing import Any

from envsync.diff.drift import History, _Drift
from envsync.diff.engine import show_values
from envsync.diff.normalise import shell_join
from envsync.model import Direction, Kind, Severity, Snapshot
from envsync.swarmconfig import go_seconds

__all__ = ["HASH_LABEL", "expected_service", "running_service", "swarm_drift_findings"]

HASH_LABEL = "io.envsync.config-hash"
"""Set by ``envsync deploy`` on each service it deploys: compose's ``config --hash`` of the
service in the deployed files. With it, a value running from an older commit reads as
``not-deployed``, and one changed after the deploy as ``runtime-override``."""
STACK_IMAGE_LABEL = "com.docker.stack.image"
"""Set by ``docker stack deploy``: the image its file named (a hand ``docker service update
--image`` leaves it as it was)."""
_FILE_ONLY_UNCOMMITTED_CAP = Severity.MEDIUM
_NOT_DEPLOYED_CAP = Severity.HIGH
_STACK_LABELS = ("com.docker.stack.", HASH_LABEL)
_FLAPPING = 3
"""Failed tasks in one slot (of Swarm's retained history) that make a restart loop."""
_UPDATE_KEYS = ("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order")
_WHOLE = {"command", "entrypoint", "image", "replicas", "user", "ports", "constraints",
          "secrets", "configs"}


def _duration(value: Any) -> str | None:
    from envsync.capture.records import go_duration

    if isinstance(value, str):
        seconds = go_seconds(value)
        return go_duration(round(seconds * 1e9)) if seconds is not None else value
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _nano(value: Any) -> int | None:
    try:
        return round(float(value) * 1e9) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _update(config: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in keys:
        value = (config or {}).get(key)
        if value is None:
            continue
        if key in ("delay", "monitor"):
            value = _duration(value)
        elif key == "max_failure_ratio":
            value = float(value)
        out[key] = value
    return out


def _object_names(refs: Any, top: dict[str, Any], stack: str) -> list[str]:
    """A service's secrets (or configs) by the name ``docker stack deploy`` gives them."""
    names = []
    for ref in refs or []:
        source = ref.get("source") if isinstance(ref, dict) else str(ref)
        declared = top.get(str(source)) or {}
        names.append(str(declared.get("name") or f"{stack}_{source}"))
    return sorted(names)


def _dollars(value: Any) -> Any:
    """compose's resolved model keeps ``$$`` (its escaped ``$``); ``docker stack deploy``
    interpolates the file again, so the spec holds ``$``."""
    if isinstance(value, str):
        return value.replace("$$", "$")
    if isinstance(value, list):
        return [_dollars(v) for v in value]
    return value


def expected_service(service: dict[str, Any], model: dict[str, Any], stack: str,
                     update_keys: tuple[str, ...], rollback_keys: tuple[str, ...]
                     ) -> dict[tuple[str, ...], Any]:
    """The comparable leaves of the spec ``docker stack deploy`` makes of a compose service.

    Update and rollback config: only the keys the files (``update_keys``) set are compared;
    the others are Swarm's or envsync.yaml's (a deploy through envsync fills them in).
    """
    deploy = service.get("deploy") or {}
    resources = deploy.get("resources") or {}
    out: dict[tuple[str, ...], Any] = {
        ("image",): str(service.get("image") or "").replace("$$", "$") or None,
        ("entrypoint",): shell_join(_dollars(service.get("entrypoint"))),
        ("command",): shell_join(_dollars(service.get("command"))),
        ("user",): _dollars(service.get("user")) or None,
        ("replicas",): (deploy.get("replicas", 1) if deploy.get("mode", "replicated")
                        == "replicated" else None),
        ("ports",): sorted(
            f"{p.get('published') or ''}->{p.get('target')}/{p.get('protocol') or 'tcp'} "
            f"({p.get('mode') or 'ingress'})" for p in service.get("ports") or []
            if isinstance(p, dict)),
        ("constraints",): sorted((deploy.get("placement") or {}).get("constraints") or []),
        ("secrets",): _object_names(service.get("secrets"), model.get("secrets") or {}, stack),
        ("configs",): _object_names(service.get("configs"), model.get("configs") or {}, stack),
    }
    for part in ("limits", "reservations"):
        given = resources.get(part) or {}
        out[("resources", part, "memory_bytes")] = _int(given.get("memory"))
        out[("resources", part, "nano_cpus")] = _nano(given.get("cpus"))
    for key, value in (service.get("environment") or {}).items():
        if value is not None:
            out[("env", key)] = value.replace("$$", "$") if isinstance(value, str) else value
    for key, value in (deploy.get("labels") or {}).items():
        out[("labels", key)] = _dollars(value)
    for key, value in _update(deploy.get("update_config"), update_keys).items():
        out[("update_config", key)] = value
    for key, value in _update(deploy.get("rollback_config"), rollback_keys).items():
        out[("rollback_config", key)] = value
    return out


def running_service(record: dict[str, Any], update_keys: tuple[str, ...],
                    rollback_keys: tuple[str, ...]) -> dict[tuple[str, ...], Any]:
    """The same leaves from the snapshot's record of a running service."""
    image = record.get("image") or ""
    resources = record.get("resources") or {}
    out: dict[tuple[str, ...], Any] = {
        # Swarm pins the digest it resolved (`image@sha256:…`): the files name the tag.
        ("image",): image.split("@", 1)[0] or None,
        ("entrypoint",): shell_join(record.get("command")),
        ("command",): shell_join(record.get("args")),
        ("user",): record.get("user") or None,
        ("replicas",): record.get("replicas"),
        ("ports",): sorted(record.get("ports") or []),
        ("constraints",): sorted((record.get("placement") or {}).get("constraints") or []),
        ("secrets",): sorted(record.get("secrets") or []),
        ("configs",): sorted(record.get("configs") or []),
    }
    for part in ("limits", "reservations"):
        given = resources.get(part) or {}
        out[("resources", part, "memory_bytes")] = given.get("memory_bytes")
        out[("resources", part, "nano_cpus")] = given.get("nano_cpus")
    for key, value in (record.get("env") or {}).items():
        out[("env", key)] = value
    for key, value in (record.get("labels") or {}).items():
        if not key.startswith(_STACK_LABELS):
            out[("labels", key)] = value
    for key, value in _update(record.get("update_config"), update_keys).items():
        out[("update_config", key)] = value
    for key, value in _update(record.get("rollback_config"), rollback_keys).items():
        out[("rollback_config", key)] = value
    return out


def _set_keys(*services: dict[str, Any] | None, part: str) -> tuple[str, ...]:
    keys: set[str] = set()
    for service in services:
        keys |= set(((service or {}).get("deploy") or {}).get(part) or {})
    return tuple(k for k in _UPDATE_KEYS if k in keys)


def _what(leaf: tuple[str, ...]) -> str:
    if leaf[0] in ("env", "labels") and len(leaf) > 1:
        return f"{'env' if leaf[0] == 'env' else 'label'} {leaf[1]}"
    return " ".join(leaf).replace("_", " ")


class _SwarmDrift(_Drift):
    label: str | None = None
    stack_image: str | None = None

    def run(self) -> None:
        swarm = self.snapshot["swarm"]
        stack = str(swarm.get("stack") or "")
        running: dict[str, Any] = swarm.get("services") or {}
        services = self.declared.get("services") or {}
        committed = (self.committed or {}).get("services") or {}
        for key, record in running.items():
            if key not in services:
                self.add(("swarm", "services", key), Kind.ADDED, Direction.UNDECLARED,
                         f"{record.get('name')}: a service of stack {stack} runs "
                         f"({record.get('image')}) but no compose file declares it", key,
                         after=record.get("image"))
        for name, service in services.items():
            record = running.get(name)
            if record is None:
                self.add(("swarm", "services", name), Kind.REMOVED, Direction.NOT_RUNNING,
                         f"{name}: declared, but stack {stack} has no such service "
                         "(not deployed?)", name, before=service.get("image"))
                continue
            self.service(name, stack, service, committed.get(name), record)
            self.cluster(name, record)
        self.files_only({n for n in services if n in running})
        self.nodes(swarm.get("nodes") or {})
        self.limits_and_health({})

    def service(self, name: str, stack: str, declared: dict[str, Any],
                committed: dict[str, Any] | None, record: dict[str, Any]) -> None:
        updates = _set_keys(declared, committed, part="update_config")
        rollbacks = _set_keys(declared, committed, part="rollback_config")
        d = expected_service(declared, self.declared, stack, updates, rollbacks)
        c = (expected_service(committed, self.committed or {}, stack, updates, rollbacks)
             if committed is not None else d)
        r = running_service(record, updates, rollbacks)
        labels = record.get("labels") or {}
        self.label = labels.get(HASH_LABEL)
        self.stack_image = labels.get(STACK_IMAGE_LABEL)
        for leaf in sorted(set(d) | set(c) | set(r)):
            cv, dv, rv = c.get(leaf), d.get(leaf), r.get(leaf)
            if cv == dv == rv:
                continue
            self.three_way(name, leaf, cv, dv, rv)

    def three_way(self, name: str, leaf: tuple[str, ...], cv: Any, dv: Any,  # type: ignore[override]
                  rv: Any) -> None:
        path = ("swarm", "services", name, *leaf)
        what = f"{name}: {_what(leaf)}"
        kind = Kind.CHANGED if dv is not None and rv is not None else (
            Kind.ADDED if dv is None else Kind.REMOVED)
        unit = leaf[-1] if leaf[0] not in ("env", "labels") else None
        c, d, r = show_values(cv, dv, rv, key=unit)
        if dv == rv:
            self.add(path, Kind.CHANGED, Direction.UNCOMMITTED,
                     f"{what} is {d} in the working tree and running, {c} at HEAD: the "
                     "edit is not committed", name, before=cv, after=dv,
                     cap=_FILE_ONLY_UNCOMMITTED_CAP)
        elif cv == rv:
            self.add(path, Kind.CHANGED, Direction.UNCOMMITTED,
                     f"{what} is {d} in the working tree, {r} at HEAD and running: an "
                     "uncommitted edit, not deployed", name, before=rv, after=dv,
                     cap=_FILE_ONLY_UNCOMMITTED_CAP)
        elif cv == dv and self.older_deploy(name, leaf, rv):
            self.add(path, kind, Direction.NOT_DEPLOYED,
                     f"{what} is {d} in the files, {r} still running from an older "
                     "commit: not deployed yet", name, before=dv, after=rv,
                     cap=_NOT_DEPLOYED_CAP)
        elif cv == dv:
            how = {"replicas": "scaled by hand (docker service scale)"}.get(
                leaf[0], "applied by hand (docker service update): no file holds it")
            self.add(path, kind, Direction.RUNTIME_OVERRIDE,
                     f"{what} is {r} running, {d} in every file: {how}", name,
                     before=dv, after=rv)
        else:
            self.add(path, kind, Direction.CONFLICT,
                     f"{what} differs three ways: {c} at HEAD, {d} in the working tree, "
                     f"{r} running", name, before=dv, after=rv)

    def older_deploy(self, name: str, leaf: tuple[str, ...], running: Any) -> bool:
        """Whether ``running`` came from a deploy of older files, not from a hand change."""
        if self.label is not None:
            return self.label != self.hashes.get(name) and self.label in self.history(name)
        # Deployed without envsync: only the image can be told apart, by stack's own label.
        return leaf == ("image",) and running is not None and running == (
            self.stack_image or "").split("@", 1)[0]

    def cluster(self, name: str, record: dict[str, Any]) -> None:
        tasks = record.get("tasks") or []
        desired, running = record.get("desired"), record.get("running") or 0
        status = record.get("update_status") or {}
        state = status.get("state")
        if desired is not None and running < desired:
            errors = [t for t in tasks if t.get("desired_state") == "running"
                      and t.get("state") != "running"]
            why = "; ".join(sorted({f"{t.get('state')}: {t.get('error') or t.get('message')}"
                                    for t in errors}))
            self.add(("swarm", "services", name, "running"), Kind.CHANGED,
                     Direction.NOT_RUNNING,
                     f"{name}: {running} of {desired} replicas running (not converged"
                     + (f"; {why})" if why else ")"), name, before=desired, after=running)
        slots: dict[Any, list[dict[str, Any]]] = {}
        for task in tasks:
            if task.get("state") in ("failed", "rejected"):
                slots.setdefault(task.get("slot") or task.get("node"), []).append(task)
        for slot, failed in sorted(slots.items(), key=lambda i: str(i[0])):
            if len(failed) >= _FLAPPING:
                last = max(failed, key=lambda t: t.get("time") or "")
                self.add(("swarm", "services", name, "tasks", str(slot)), Kind.CHANGED, None,
                         f"{name}: task slot {slot} is flapping: {len(failed)} tasks failed "
                         f"(last: {last.get('error') or last.get('state')})", name,
                         before=0, after=len(failed))
        if state in ("paused", "rollback_paused"):
            self.add(("swarm", "services", name, "update_status"), Kind.CHANGED, None,
                     f"{name}: the update is {state.replace('_', ' ')}: "
                     f"{status.get('message')} (docker service update or rollback resumes it)",
                     name, before="completed", after=state)
        elif state == "rollback_completed":
            self.add(("swarm", "services", name, "update_status"), Kind.CHANGED, None,
                     f"{name}: Swarm rolled back the last update on its own "
                     f"({status.get('message')})", name, before="completed", after=state,
                     cap=Severity.MEDIUM)

    def nodes(self, nodes: dict[str, Any]) -> None:
        for host, node in nodes.items():
            if node.get("state") not in (None, "ready"):
                self.add(("swarm", "nodes", host, "state"), Kind.CHANGED, None,
                         f"node {host} is {node.get('state')}: its tasks are rescheduled "
                         "elsewhere, or not running", None, before="ready",
                         after=node.get("state"))
            if node.get("availability") not in (None, "active"):
                self.add(("swarm", "nodes", host, "availability"), Kind.CHANGED, None,
                         f"node {host} is {node.get('availability')}: it takes no new tasks",
                         None, before="active", after=node.get("availability"),
                         cap=Severity.MEDIUM)


def swarm_drift_findings(snapshot: Snapshot, history: History) -> list[Any]:
    """The findings of a stack's snapshot (the caller sorts and filters them); ``history``
    gives a service's config hashes in recent commits."""
    state = _SwarmDrift(snapshot, history)
    state.run()
    return state.findings
