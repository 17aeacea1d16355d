"""Runtime capture of a fleet: the same compose project on each host of an environment's
``engines:``, read in parallel by at most ``workers`` threads.

Each host is one :func:`envsync.capture.runtime.capture_engine`; a host that cannot be
reached is recorded with its one-line reason and never stops the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from envsync.capture.runtime import capture_engine, health_alongside
from envsync.config import Environment
from envsync.fleet.settings import EngineSpec
from envsync.secrets import Redactor
from envsync.types import CheckResult, HostRecord, PartError

__all__ = ["FleetResult", "capture_fleet"]

_ENGINE_DOWN = {"engine", "containers", "stats"}


@dataclass
class FleetResult:
    """Each host's runtime (by host name, in ``engines:`` order), the environment's
    health checks (run once), and every part that could not be captured."""

    hosts: dict[str, HostRecord] = field(default_factory=dict)
    health: dict[str, CheckResult] = field(default_factory=dict)
    errors: list[PartError] = field(default_factory=list)


def _host(spec: EngineSpec, project: str, redactor: Redactor, stats: bool) -> HostRecord:
    started = time.perf_counter()
    result = capture_engine(spec.url, project=project, redactor=redactor, stats=stats)
    failed = {e["part"] for e in result.errors}
    # The reason starts with the host, as a container's does with its name: every message
    # made of part and reason ("prod: engine not captured: web-2: …") names it.
    errors: list[PartError] = [{"part": e["part"], "reason": f"{spec.name}: {e['reason']}",
                                "host": spec.name} for e in result.errors]
    if "engine" in failed:
        # One line per unreachable host: its containers and stats are missing because of it.
        errors = [e for e in errors if e["part"] == "engine"]
    listed = not failed & {"engine", "containers"}
    return {
        "engine": result.engine,
        "project": project,
        "containers": result.containers if listed else None,
        "stats": result.stats if listed and "stats" not in failed else None,
        "duration_s": round(time.perf_counter() - started, 3),
        "errors": errors,
    }


def capture_fleet(env: Environment, *, project: str, redactor: Redactor, stats: bool = True,
                  workers: int | None = None,
                  progress: Callable[[str], None] = lambda _: None) -> FleetResult:
    """Capture ``project`` (or a host's own ``project:``) on every host of ``env``.

    At most ``workers`` hosts (default: the environment's ``workers:``) are read at once;
    ``progress`` hears how many are done. Never raises for engine trouble."""
    engines = env.engines
    width = max(1, min(workers or env.workers, len(engines)))
    done: dict[str, HostRecord] = {}
    with health_alongside(env.health, redactor) as health, \
            ThreadPoolExecutor(max_workers=width, thread_name_prefix="fleet") as pool:
        futures = {pool.submit(_host, spec, spec.project or project, redactor, stats): spec
                   for spec in engines}
        progress(f"engines: 0/{len(engines)} captured ({width} at once)")
        for future in as_completed(futures):
            spec = futures[future]
            done[spec.name] = future.result()
            down = " (unreachable)" if done[spec.name]["containers"] is None else ""
            progress(f"engines: {len(done)}/{len(engines)} captured, last {spec.name}{down}")
    result = FleetResult(hosts={spec.name: done[spec.name] for spec in engines})
    result.health = redactor.scrub(health)
    for record in result.hosts.values():
        result.errors += record["errors"]
    result.errors += [{"part": "health", "reason": f"{name}: {check['error']}"}
                      for name, check in result.health.items() if check["status"] == "error"]
    return result
