"""One round of observations of an environment: what ``health`` shows and ``watch`` alerts on.

Everything here reads, nothing changes the world. The engine part is one
:func:`~envsync.capture.runtime.capture_runtime` (containers, stats, HTTP checks in parallel);
the services' ``/metrics`` and drift are read by their own functions because they run on their
own schedules. Each function turns what it read into :class:`~envsync.watch.rules.Observation`
s, one per rule and subject, good or bad, with the measured value in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

from envsync.human import duration, size
from envsync.watch.rules import Observation, RuleSet

if TYPE_CHECKING:
    from envsync.capture.runtime import RuntimeResult
    from envsync.config import Config, Environment
    from envsync.secrets import Redactor
    from envsync.types import StatsRecord

__all__ = ["MemoryRow", "capture", "drift_observations", "memory_rows", "metrics_observations",
           "project_of", "runtime_observations", "task_memory_observations"]

MIB = 1024 * 1024


def project_of(config: Config, env_name: str) -> str:
    """The compose project whose containers are ``env_name``'s runtime."""
    env = config.environment(env_name)
    if env.compose is not None and env.compose.project:
        return env.compose.project
    if env.compose is None:
        return env_name
    # No name in envsync.yaml: the project is what compose calls it (from the folder).
    from envsync.capture.compose import resolve
    from envsync.capture.git import repo_root

    model, _ = resolve(repo_root(env.git.path or config.root), env.compose.files,
                       env_file=env.compose.env_file, profiles=env.compose.profiles)
    return str(model.get("name") or env_name)


def capture(env: Environment, project: str, redactor: Redactor, *,
            prefetched: Mapping[str, StatsRecord] | None = None,
            client: Any = None) -> RuntimeResult:
    """Containers, stats and HTTP checks of ``project`` now (never raises for engine trouble).
    ``prefetched``: stats already read by container id (see :mod:`envsync.watch.ahead`),
    instead of reading them now (1-2 s); ``client``: an engine client kept between rounds."""
    from envsync.capture.runtime import capture_runtime

    return capture_runtime(env, project=project, redactor=redactor, prefetched=prefetched,
                           client=client)


class MemoryRow(TypedDict):
    """One container's memory: used, envsync.yaml's limit, and the limit that bites."""

    used_mb: float | None
    limit_mb: float | None
    over: bool
    bites_mb: float | None
    ratio: float | None


def memory_rows(env: Environment, result: RuntimeResult) -> dict[str, MemoryRow]:
    """Per container: memory used, the limit envsync.yaml sets (``limit_mb``; ``over`` when
    above it, as ``health`` reports), and the ratio to the limit that bites: the container's
    own (the engine kills past it), else envsync.yaml's."""
    rows: dict[str, MemoryRow] = {}
    for key, stats in result.stats.items():
        record = result.containers.get(key)
        service = (record["service"] if record else None) or key
        limit = env.memory_limits_mb.get(service)
        used = stats.get("memory_used_mb")
        bites = (record.get("memory_limit_mb") if record else None) or limit
        rows[key] = {
            "used_mb": used, "limit_mb": limit,
            "over": bool(limit is not None and used is not None and used > limit),
            "bites_mb": bites,
            "ratio": round(used / bites, 4) if used is not None and bites else None,
        }
    return rows


def task_memory_observations(env: Environment, client: Any, rules: RuleSet
                             ) -> list[Observation]:
    """A stack's memory rules: each task the manager's own node runs (stats are per node)
    against its limit, as :func:`runtime_observations` does for a compose container; the
    subject is the task's slot (``web.1``), which a replacing task keeps."""
    from envsync.capture.engine import engine_errors
    from envsync.capture.swarm_memory import task_memory

    assert env.swarm is not None
    try:
        tasks = task_memory(client, env.swarm.stack, None, env.memory_limits_mb)
    except engine_errors():
        return []  # the capture says why the engine did not answer
    listing = _docker(env, "ps -q --filter", f"label=com.docker.stack.namespace={env.swarm.stack}")
    command = _docker(env, "stats --no-stream", f"$({listing})")
    out: list[Observation] = []
    for task in tasks:
        if task.ratio is None or task.limit_mb is None:
            continue
        value = (f"{task.ratio:.0%} of {size(task.limit_mb * MIB)} "
                 f"({size(task.used_mb * MIB)} used)")
        for rule in ("memory_warning", "memory_critical"):
            out.append(Observation(rule, task.task, task.ratio >= rules.threshold(rule), value,
                                   f"{task.task}: memory at {value}",
                                   command, number=task.ratio))
    return out


def _docker(env: Environment, *args: str) -> str:
    from envsync.capture.engine import engine_url, public_url

    host = f" -H {public_url(engine_url(env.docker))}" if env.docker else ""
    return "docker" + host + " " + " ".join(args)


def runtime_observations(env: Environment, result: RuntimeResult, rules: RuleSet, *,
                         restarts: dict[str, int], known: set[str]) -> list[Observation]:
    """The rules' verdicts on one capture. ``restarts`` (container → restart count of the
    previous round) and ``known`` (containers seen before) are updated in place: a restart
    count that grew is a restart; a known container that is gone is a service down."""
    name = env.name
    failed = {e["part"] for e in result.errors}
    out: list[Observation] = []
    if "containers" not in failed:
        for key in sorted(known - set(result.containers)):
            out.append(Observation("service_down", key, True, "no container",
                                   f"{key}: its container is gone",
                                   f"envsync drift {name}"))
            known.discard(key)
        for key, record in result.containers.items():
            known.add(key)
            state = record.get("state") or "unknown"
            cname = record.get("name") or key
            logs = _docker(env, "logs --tail 50", cname)
            out.append(Observation("service_down", key, state != "running", state,
                                   f"{key}: container {cname} is {state}", logs,
                                   number=1.0 if state == "running" else 0.0))
            count = int(record.get("restart_count") or 0)
            before = restarts.get(key)
            restarts[key] = count
            grew = before is not None and count - before >= rules.threshold("restart_loop")
            out.append(Observation("restart_loop", key, grew, f"{count} restarts",
                                   f"{key}: restarted {count - (before or count)} times "
                                   "since the last round", logs, number=float(count)))
            oom = result.oom_killed.get(key, False)
            out.append(Observation("oom_killed", key, oom, "OOMKilled" if oom else "",
                                   f"{key}: the kernel killed it for lack of memory",
                                   _docker(env, "inspect", cname)))
    for key, row in memory_rows(env, result).items():
        ratio, used, bites = row["ratio"], row["used_mb"], row["bites_mb"]
        if ratio is None or used is None or bites is None:  # a ratio needs both
            continue
        value = f"{ratio:.0%} of {size(bites * MIB)} ({size(used * MIB)} used)"
        for rule in ("memory_warning", "memory_critical"):
            out.append(Observation(rule, key, ratio >= rules.threshold(rule), value,
                                   f"{key}: memory at {value}",
                                   _docker(env, "stats --no-stream", key), number=ratio))
    limit_s = rules.threshold("latency")
    for check, answer in result.health.items():
        status = answer.get("status")
        latency = answer.get("latency_ms")
        detail = answer.get("error") or f"HTTP {answer.get('http_status')}"
        out.append(Observation("health_failing", check, status != "ok", str(status),
                               f"health check {check}: {detail}", f"envsync health {name}",
                               number=1.0 if status == "ok" else 0.0))
        if latency is not None and status == "ok":
            took = latency / 1000
            out.append(Observation("latency", check, took > limit_s,
                                   f"{duration(took)} (limit {duration(limit_s)})",
                                   f"health check {check} took {duration(took)}",
                                   f"envsync health {name}", number=took))
    return out


def metrics_observations(urls: tuple[str, ...], client: Any, *, rules: RuleSet | None = None,
                         seen: dict[str, list[float]] | None = None) -> list[Observation]:
    """Verdicts from the services' /metrics.

    - each ``*_exchange_up{exchange=...}`` gauge (market-data): 0 is bad;
    - each ``*_command_latency_seconds{command=...}`` histogram (the bot), when ``seen``
      is given: the commands answered since the previous round, bad when their mean time
      is over the ``command_latency`` threshold. ``seen`` holds the previous round's
      ``[count, sum]`` per URL and command (updated in place; kept in the watcher's
      state); a round with no command answered gives no verdict.

    A /metrics that does not answer gives no verdict (the health checks say it is down)."""
    import httpx
    from prometheus_client.parser import text_string_to_metric_families

    limit = (rules or RuleSet()).threshold("command_latency")
    out: list[Observation] = []
    for url in urls:
        try:
            response = client.get(url, timeout=5.0)
        except (httpx.HTTPError, httpx.InvalidURL, ValueError):
            continue
        if response.status_code != 200:
            continue
        try:
            families = list(text_string_to_metric_families(response.text))
        except ValueError:
            continue
        out += _exchanges(url, families)
        if seen is not None:
            out += _command_latency(url, families, seen, limit)
    return out


def _exchanges(url: str, families: list[Any]) -> list[Observation]:
    out: list[Observation] = []
    failures: dict[str, float] = {}
    latency: dict[str, float] = {}
    for family in families:
        if family.name.endswith("_exchange_failures"):
            for sample in family.samples:
                failures[sample.labels.get("exchange", "?")] = sample.value
        if family.name.endswith("_exchange_latency_seconds"):
            for sample in family.samples:
                latency[sample.labels.get("exchange", "?")] = sample.value
    for family in families:
        if not family.name.endswith("_exchange_up"):
            continue
        for sample in family.samples:
            exchange = sample.labels.get("exchange", "?")
            up = sample.value >= 1
            count = failures.get(exchange)
            value = "up" if up else "down" + (f" ({count:.0f} failures)" if count else "")
            took = latency.get(exchange)
            # The last answered call's time says whether a failing exchange was slow or refused.
            said = value + (f", last answer took {took * 1000:.0f} ms" if took is not None else "")
            out.append(Observation("exchange_failing", exchange, not up, value,
                                   f"exchange {exchange}: {said}", f"curl -s {url}",
                                   number=sample.value))
    return out


def _command_latency(url: str, families: list[Any], seen: dict[str, list[float]],
                     limit: float) -> list[Observation]:
    import hashlib

    where = hashlib.sha256(url.encode()).hexdigest()[:8]  # the key holds no URL (tokens)
    out: list[Observation] = []
    for family in families:
        if not family.name.endswith("_command_latency_seconds") or family.type != "histogram":
            continue
        totals: dict[str, list[float]] = {}
        for sample in family.samples:
            command = sample.labels.get("command", "?")
            row = totals.setdefault(command, [0.0, 0.0])
            if sample.name.endswith("_count"):
                row[0] = sample.value
            elif sample.name.endswith("_sum"):
                row[1] = sample.value
        for command, (count, total) in sorted(totals.items()):
            key = f"{where}/{command}"
            before = seen.get(key)
            seen[key] = [count, total]
            if before is None or count < before[0]:  # first sight, or the service restarted
                continue
            answered = count - before[0]
            if answered <= 0:
                continue  # no command answered this round: no verdict
            mean = (total - before[1]) / answered
            value = (f"mean {duration(mean)} over {answered:.0f} "
                     f"answer{'s' if answered != 1 else ''} (limit {duration(limit)})")
            out.append(Observation("command_latency", command, mean > limit, value,
                                   f"/{command} answered in {value}", f"curl -s {url}",
                                   number=mean))
    return out


# Directions of drift that mean someone changed the environment by hand.
_BY_HAND = {"runtime-override", "undeclared", "conflict"}


def drift_observations(config: Config, env_name: str, *,
                       declared: set[str] | None = None) -> list[Observation]:
    """One verdict for the environment: does its running state hold a change no file holds?
    ``declared`` (if given) is filled with the services the files declare."""
    from envsync.compare import run_drift

    snapshot, result = run_drift(env_name=env_name, config=config)
    if declared is not None:
        declared.update(((snapshot.get("compose") or {}).get("declared") or {})
                        .get("services") or {})
    found = [f for f in result.findings
             if f.direction is not None and str(f.direction.value) in _BY_HAND]
    paths = ", ".join(f.path for f in found[:3]) + (" …" if len(found) > 3 else "")
    value = f"{len(found)} finding{'s' if len(found) != 1 else ''}" + (
        f": {paths}" if found else "")
    detail = (f"{env_name} was changed by hand: {found[0].message}" if found
              else f"{env_name} runs what its files say")
    return [Observation("drift", env_name, bool(found), value, detail,
                        f"envsync drift {env_name}", number=float(len(found)))]
