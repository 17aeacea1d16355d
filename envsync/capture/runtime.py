"""Runtime capture: what a compose project's containers really run, from the Docker engine.

The engine work of a capture (with :mod:`envsync.capture.engine` and
:mod:`envsync.capture.stats`); the engine's answers become snapshot records in the pure
:mod:`envsync.capture.records`. :func:`capture_runtime` never raises for an engine that is
unreachable or dies mid-capture: the missing parts are listed in ``RuntimeResult.errors``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from envsync.capture.engine import (
    connect,
    describe,
    engine_errors,
    engine_url,
    lanes,
    public_url,
)
from envsync.capture.records import SERVICE_LABEL, container_record, go_duration
from envsync.config import Environment, HealthCheck
from envsync.errors import EngineError
from envsync.secrets import Redactor
from envsync.types import (
    CheckResult,
    ContainerRecord,
    EngineInfo,
    StatsRecord,
)

__all__ = ["PROJECT_LABEL", "SERVICE_LABEL", "RuntimeResult", "capture_engine", "capture_runtime",
           "go_duration", "health_alongside", "read_project_stats"]

PROJECT_LABEL = "com.docker.compose.project"
NUMBER_LABEL = "com.docker.compose.container-number"
ONEOFF_LABEL = "com.docker.compose.oneoff"
_T = TypeVar("_T")


@dataclass
class RuntimeResult:
    """What the engine said about one compose project, and what it could not say.

    ``containers`` and ``stats`` are keyed by compose service (``svc``, ``svc#2`` for
    further replicas; a container with the project label but no service label, or a one-off
    ``compose run`` container, by its name). ``health`` is keyed by check name.
    """

    engine: EngineInfo
    containers: dict[str, ContainerRecord] = field(default_factory=dict)
    stats: dict[str, StatsRecord] = field(default_factory=dict)
    health: dict[str, CheckResult] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    # Not part of a snapshot: what the watcher alerts on (the engine's State.OOMKilled).
    oom_killed: dict[str, bool] = field(default_factory=dict)


class _Errors:
    """Collects errors from worker threads, one line per part and reason."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_part: dict[tuple[str, str], list[str]] = {}

    def add(self, part: str, reason: str, subject: str = "") -> None:
        with self._lock:
            self._by_part.setdefault((part, reason), [])
            if subject:
                self._by_part[(part, reason)].append(subject)

    def as_list(self) -> list[dict[str, str]]:
        out = []
        for (part, reason), subjects in self._by_part.items():
            if subjects:
                reason = f"{', '.join(sorted(subjects))}: {reason}"
            out.append({"part": part, "reason": reason})
        return out


def capture_runtime(env: Environment, *, project: str, redactor: Redactor,
                    stats: bool = True,
                    prefetched: Mapping[str, StatsRecord] | None = None,
                    client: Any = None) -> RuntimeResult:
    """Capture the containers, stats and health of ``project`` on ``env``'s engine.

    Never raises for engine trouble (unreachable, refused, died mid-capture): each part
    that could not be captured gets an entry in ``errors`` with the reason, and the parts
    that could be are still returned. Every env value goes through ``redactor``; labels and
    commands are scrubbed of every secret the redactor has seen.

    ``prefetched`` (container id → stats, read ahead by :func:`read_project_stats`) stands
    in for the stats calls, the slow part: a running container it lacks has no stats, and
    is named under ``errors`` ("not read in time"). ``client``: a connected engine client to
    use and leave open (one kept between rounds saves connecting each time).
    """
    env.one_engine("health and watch")  # a fleet's snapshot reads its hosts (capture/fleet.py)
    with health_alongside(env.health, redactor) as health:
        result = capture_engine(engine_url(env.docker), project=project, redactor=redactor,
                                stats=stats, prefetched=prefetched, client=client)
    result.health = health
    errors = _Errors()
    for name, check in result.health.items():
        if check["status"] == "error":
            errors.add("health", str(check["error"]), name)
    result.errors += errors.as_list()
    # Secrets seen anywhere in this capture (env files, container env) leave no trace in
    # free text: commands, labels, health errors.
    result.containers = redactor.scrub(result.containers)
    result.health = redactor.scrub(result.health)
    return result


@contextlib.contextmanager
def health_alongside(checks: tuple[HealthCheck, ...], redactor: Redactor
                     ) -> Iterator[dict[str, CheckResult]]:
    """Run ``checks`` while the caller talks to the engine(s): health is HTTP, independent
    of the engine. The yielded mapping is filled (check name → result) on leaving."""
    from envsync.capture.health import submit_checks

    results: dict[str, CheckResult] = {}
    with ThreadPoolExecutor(max_workers=max(1, len(checks)), thread_name_prefix="health") \
            as pool:
        http, futures = submit_checks(checks, pool, redactor)
        try:
            yield results
        finally:
            for name, future in futures.items():
                results[name] = future.result()
            http.close()


def capture_engine(url: str, *, project: str, redactor: Redactor, stats: bool = True,
                   prefetched: Mapping[str, StatsRecord] | None = None,
                   client: Any = None) -> RuntimeResult:
    """The containers and stats of ``project`` on the engine at ``url`` (no health checks).

    Never raises for engine trouble: the parts that could not be captured are in
    ``errors``. Safe to run for several engines at once (a fleet's hosts)."""
    redactor.text(url)  # learns the URL's password: no message about the engine shows it
    result = RuntimeResult(engine={"url": public_url(url), "version": None, "api_version": None})
    errors = _Errors()
    _capture_engine(url, project, redactor, result, errors, engine_errors(), stats, prefetched,
                    client)
    result.errors = errors.as_list()
    result.containers = redactor.scrub(result.containers)
    return result


def _capture_engine(
    url: str,
    project: str,
    redactor: Redactor,
    result: RuntimeResult,
    errors: _Errors,
    failures: tuple[type[BaseException], ...],
    with_stats: bool = True,
    prefetched: Mapping[str, StatsRecord] | None = None,
    kept: Any = None,
) -> None:
    """Fill ``result``'s engine, containers and stats; engine trouble goes to ``errors``.
    Without ``with_stats`` (the slow part), stats are left out and said to be skipped.
    ``kept``: a connected client to use and leave open (a watcher keeps one)."""
    try:
        client = connect(url) if kept is None else kept
        version = client.api.version()
    except failures as exc:
        reason = describe(exc)
        if not isinstance(exc, EngineError):  # EngineError already says where and why
            reason = f"cannot reach the Docker engine at {public_url(url)}: {reason}"
        errors.add("engine", reason)
        for part in ("containers", "stats"):
            errors.add(part, "the Docker engine did not answer")
        return
    clients = [client]
    try:
        result.engine["version"] = version.get("Version")
        result.engine["api_version"] = version.get("ApiVersion")
        try:
            listed = client.api.containers(
                all=True, filters={"label": f"{PROJECT_LABEL}={project}"}
            )
        except failures as exc:
            errors.add("containers", f"listing containers failed: {describe(exc)}")
            errors.add("stats", "listing containers failed")
            return
        running = [c["Id"] for c in listed if c.get("State") == "running"] if with_stats else []
        if not with_stats:
            errors.add("stats", "skipped on request (no stats)")
        names = {c["Id"]: _listed_name(c) for c in listed}
        ready: dict[str, StatsRecord] = {}
        if prefetched is not None:
            ready = {cid: prefetched[cid] for cid in running if cid in prefetched}
            running = [cid for cid in running if cid not in prefetched]
        connections, width = lanes(url, len(running))
        clients += _more_clients(url, connections - 1, failures)
        engine = _Lanes(clients, width)
        workers = min(len(clients) * width, len(running) + len(listed)) + 1
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="engine") as pool:
            # Stats are the slow part (1-2 s each): start them first, inspect meanwhile.
            stats_futures = {} if prefetched is not None else {
                cid: pool.submit(engine.call, i, _stats, cid) for i, cid in enumerate(running)
            }
            inspected = _gather(pool, names, engine, lambda c, cid: c.api.inspect_container(cid),
                                errors, "containers", failures)
            image_ids = {i["Image"]: f"image {i['Image'][7:19]}"
                         for i in inspected.values() if i.get("Image")}
            images = _gather(pool, image_ids, engine, lambda c, iid: c.api.inspect_image(iid),
                             errors, "containers", failures)
            keys = _keys(inspected)
            for cid, info in inspected.items():
                result.containers[keys[cid]] = container_record(info, images.get(info.get("Image", "")),
                                                       redactor)
                result.oom_killed[keys[cid]] = bool((info.get("State") or {}).get("OOMKilled"))
            for cid, future in stats_futures.items():
                name = keys.get(cid, names[cid])
                try:
                    result.stats[name] = future.result()
                except failures as exc:
                    if not _gone(exc):
                        errors.add("stats", describe(exc), name)
            for cid, record in ready.items():
                result.stats[keys.get(cid, names[cid])] = record
            if prefetched is not None:
                for cid in running:  # running, but its stats did not come in time
                    errors.add("stats", "not read in time", keys.get(cid, names[cid]))
        result.containers = dict(sorted(result.containers.items()))
        result.stats = dict(sorted(result.stats.items()))
    finally:
        for c in clients if kept is None else clients[1:]:
            c.close()


class _Lanes:
    """Engine API calls spread over one or more clients, at most ``width`` at once on each
    (over ssh://, more would exceed sshd's sessions per connection)."""

    def __init__(self, clients: list[Any], width: int) -> None:
        self.clients = clients
        self.limits = [threading.BoundedSemaphore(width) for _ in clients]

    def call(self, index: int, fn: Callable[[Any, str], _T], arg: str) -> _T:
        """``fn(client, arg)`` on client number ``index`` (modulo the number of clients)."""
        lane = index % len(self.clients)
        with self.limits[lane]:
            return fn(self.clients[lane], arg)


def _more_clients(url: str, count: int, failures: tuple[type[BaseException], ...]) -> list[Any]:
    """Up to ``count`` further connections, opened at once; any that fails is left out
    (the capture then takes longer, but is still complete)."""
    if count <= 0:
        return []
    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(connect, url) for _ in range(count)]
    out = []
    for future in futures:
        with contextlib.suppress(*failures):
            out.append(future.result())
    return out


def _stats(client: Any, container_id: str) -> StatsRecord:
    from envsync.capture.stats import read_stats

    return read_stats(client, container_id)


def read_project_stats(url: str, project: str, sink: Callable[[str, StatsRecord], None], *,
                       one_shot: bool = True, client: Any = None) -> list[str]:
    """Read the stats of ``project``'s running containers on the engine at ``url``, in
    parallel, handing each to ``sink(container id, stats)`` as it comes in (a slow one
    holds up no other); the containers it read are returned. One-shot by default (memory
    only, about 1 s). ``client``: a connected client to use (and leave open), e.g. one kept
    between rounds. Raises one of :func:`~envsync.capture.engine.engine_errors` when the
    engine cannot be reached or listed; a container that fails or vanishes is left out."""
    from envsync.capture.stats import read_stats

    failures = engine_errors()
    own = client is None
    client = connect(url) if client is None else client
    clients = [client]
    try:
        listed = client.api.containers(filters={"label": f"{PROJECT_LABEL}={project}",
                                                "status": "running"})
        ids = [str(c["Id"]) for c in listed]
        connections, width = lanes(url, len(ids))
        clients += _more_clients(url, connections - 1, failures)
        engine = _Lanes(clients, width)

        def one(c: Any, cid: str) -> None:
            with contextlib.suppress(*failures):
                sink(cid, read_stats(c, cid, one_shot=one_shot))

        if ids:
            with ThreadPoolExecutor(max_workers=min(len(ids), len(clients) * width),
                                    thread_name_prefix="stats") as pool:
                for future in [pool.submit(engine.call, i, one, cid)
                               for i, cid in enumerate(ids)]:
                    future.result()
        return ids
    finally:
        for c in clients if own else clients[1:]:
            c.close()


def _gone(exc: BaseException) -> bool:
    """True when the container or image vanished (removed while we looked): not an error."""
    import docker.errors  # type: ignore[import-untyped]

    return isinstance(exc, docker.errors.NotFound)


def _listed_name(listed: dict[str, Any]) -> str:
    names = listed.get("Names") or []
    return str(names[0]).lstrip("/") if names else str(listed["Id"])[:12]


def _gather(
    pool: ThreadPoolExecutor,
    ids: dict[str, str],
    engine: _Lanes,
    fetch: Callable[[Any, str], _T],
    errors: _Errors,
    part: str,
    failures: tuple[type[BaseException], ...],
) -> dict[str, _T]:
    """``{id: fetch(client, id)}`` run on ``pool`` for each id of ``ids`` (id → name for
    messages); failures are reported under ``part``, ids that vanished meanwhile skipped."""
    futures: dict[str, Future[_T]] = {
        i: pool.submit(engine.call, n, fetch, i) for n, i in enumerate(ids)
    }
    out: dict[str, _T] = {}
    for i, future in futures.items():
        try:
            out[i] = future.result()
        except failures as exc:
            if not _gone(exc):
                errors.add(part, describe(exc), ids[i])
    return out


def _keys(inspected: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Container id → result key: ``svc`` for a service's first replica, ``svc#N`` for its
    N-th (ranked by compose's container number), else the name.

    Ranked, not numbered: after a blue-green deploy the service's one container is number
    2 (compose numbers a scaled-up container after the highest), and it is still ``svc``.
    Only a container compose numbered gets a replica key (a one-off ``compose run`` or one
    started by hand with the project's labels keeps its name); when two claim one number,
    the one compose named for it wins, so a stray never takes the declared replica's key.
    """
    keys: dict[str, str] = {}
    replicas: dict[str, list[tuple[int, bool, str, str]]] = {}
    for cid, info in inspected.items():
        labels = (info.get("Config") or {}).get("Labels") or {}
        name = str(info.get("Name", cid)).lstrip("/")
        keys[cid] = name
        service = labels.get(SERVICE_LABEL)
        number = str(labels.get(NUMBER_LABEL) or "")
        if service and number.isdigit() and labels.get(ONEOFF_LABEL, "False") != "True":
            made = (labels.get(PROJECT_LABEL), service, number)
            stray = name not in ("-".join(map(str, made)), "_".join(map(str, made)))
            replicas.setdefault(str(service), []).append((int(number), stray, name, cid))
    taken = set(keys.values())
    # Sorted (by number, compose's own names first, then by name): a stable choice.
    for service, found in sorted(replicas.items()):
        numbers: set[int] = set()
        for rank, _stray, _name, cid in sorted(found):
            if rank in numbers:
                continue  # a second claim of one number keeps its name
            numbers.add(rank)
            key = service if len(numbers) == 1 else f"{service}#{len(numbers)}"
            if key in taken and keys[cid] != key:
                continue
            taken.discard(keys[cid])
            keys[cid] = key
            taken.add(key)
    return keys
