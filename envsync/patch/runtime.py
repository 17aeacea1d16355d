"""``patch --to runtime``: a plan that recreates exactly the drifted services from the
declared files, with the environment's files, project, env file and engine."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from envsync.capture.compose import compose_command, compose_options
from envsync.config import Config, Environment
from envsync.model import Direction, Finding, Snapshot
from envsync.patchlog import PATCH_LOG
from envsync.plan import Plan, Step

if TYPE_CHECKING:
    from envsync.plan.executor import StepResult
    from envsync.secrets import Redactor

__all__ = ["PATCH_LOG", "PatchOutcome", "compose_argv", "execute_runtime_patch",
           "plan_runtime_patch", "refuse_killed_run"]


_RECREATE = {Direction.RUNTIME_OVERRIDE, Direction.NOT_DEPLOYED, Direction.CONFLICT,
             Direction.NOT_RUNNING}


def compose_argv(env: Environment, project: str | None) -> tuple[str, ...]:
    """``compose -f … -p … --env-file …`` for an environment (files relative to its root)."""
    spec = env.compose
    assert spec is not None
    return (*compose_command(), *compose_options(spec.files, project=project,
                                                 env_file=spec.env_file,
                                                 profiles=spec.profiles))


def _drifted(findings: list[Finding], snapshot: Snapshot) -> tuple[list[str], list[str]]:
    containers = snapshot.get("containers") or {}
    services: set[str] = set()
    undeclared: list[str] = []
    for f in findings:
        seg = f.segments
        if seg[:1] != ("containers",) or len(seg) < 2:
            continue
        if f.direction is Direction.UNDECLARED:
            undeclared.append((containers.get(seg[1]) or {}).get("name") or seg[1])
            continue
        extra = f.extra
        differs = extra["declared"] != extra["running"] if extra else True
        if f.direction in _RECREATE or (f.direction is Direction.UNCOMMITTED and differs):
            services.add((containers.get(seg[1]) or {}).get("service") or f.service or seg[1])
    return sorted(services), sorted(undeclared)


def plan_runtime_patch(root: Path, env: Environment, snapshot: Snapshot,
                       findings: list[Finding]) -> Plan:
    """``up -d --no-deps --force-recreate`` for the drifted services, nothing else.

    --force-recreate because a change made with `docker update` leaves compose's config hash
    as it was, and compose alone would then keep the drifted container.
    """
    plan = Plan(title=f"envsync patch {env.name} --to runtime: make the running containers "
                      "match the declared files")
    if env.compose is None:
        plan.notes.append(f"{env.name} has no compose files")
        return plan
    services, undeclared = _drifted(findings, snapshot)
    project = (snapshot.get("compose") or {}).get("project")
    docker_env = (("DOCKER_HOST", env.docker),) if env.docker else ()
    plan.services = services
    if services:
        plan.add(Step(
            title=f"recreate {', '.join(services)}",
            # `--`: a service named `--remove-orphans` stays a service name, not an option.
            argv=(*compose_argv(env, project), "up", "-d", "--no-deps", "--force-recreate",
                  "--", *services),
            why="these services run something other than the declared files say; only they "
                "are recreated (--no-deps leaves the others alone)",
            cwd=str(root), env=docker_env,
        ))
        plan.settle.append(Step(
            title=f"bring {', '.join(services)} back",
            argv=(*compose_argv(env, project), "up", "-d", "--no-deps", "--no-recreate",
                  "--no-build", "--pull", "never", "--", *services),
            why="after an interrupt: start the containers a stopped recreate left created "
                "or exited, recreating nothing",
            cwd=str(root), env=docker_env,
        ))
    for name in undeclared:
        plan.notes.append(f"container {name} runs in this project but no file declares it; "
                          f"remove it by hand if it should not run: docker rm -f {name}")
    return plan


@dataclass
class PatchOutcome:
    """How ``patch --to runtime --execute`` went: what the message and the log line say."""

    environment: str
    started: str
    result: str = "ok"
    """ok, failed, verify-failed or interrupted."""
    steps: list[dict[str, Any]] = field(default_factory=list)
    failure: str | None = None
    signal: str | None = None
    interrupted_at: int | None = None
    settled: list[dict[str, Any]] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    seconds: float = 0.0
    log: str = ""

    @property
    def exit_code(self) -> int:
        """0 done; 1 what runs still differs; 2 a step failed; 130/143 interrupted."""
        codes = {"ok": 0, "verify-failed": 1, "failed": 2}
        if self.result == "interrupted":
            return 143 if self.signal == "SIGTERM" else 130
        return codes.get(self.result, 2)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("log")
        return {"to": "runtime", **data}


def _steps(results: list[StepResult]) -> list[dict[str, Any]]:
    return [{"title": r.step.title, "command": r.step.shell(), "returncode": r.returncode,
             "seconds": round(r.seconds, 3)} for r in results]


def refuse_killed_run(config: Config, env_name: str) -> None:
    """Raise EnvsyncError (exit 2, one line, nothing changed) when a deploy, rollback or
    patch of ``env_name`` was killed half-way (see :mod:`envsync.journal`): recreating
    services over a half-done state would hide it. Call it holding the lock, before
    planning; the killed run's line is logged then, if nobody did."""
    from envsync import journal
    from envsync.errors import EnvsyncError

    killed = journal.claim(config, env_name, f"envsync patch {env_name} --to runtime --execute")
    if killed is not None:
        raise EnvsyncError(f"{journal.describe(config, env_name, killed)} (nothing was "
                           "changed)")


def _newest_backup(config: Config, env_name: str) -> str | None:
    """The tag of the newest backup: a killed patch's way back (a patch takes none)."""
    from envsync.rollback.points import KIND_BACKUP, backup_dir, list_points

    points = list_points(backup_dir(config, env_name))
    return next((p.tag for p in reversed(points) if p.kind == KIND_BACKUP), None)


def execute_runtime_patch(config: Config, env: Environment, plan: Plan, *,
                          redactor: Redactor,
                          on_step: Callable[[int, Step], None] | None = None,
                          progress: Callable[[str], None] | None = None) -> PatchOutcome:
    """Run a runtime patch's plan through the executor (the caller holds the lock and
    called :func:`refuse_killed_run`): the environment's settings, SIGINT/SIGTERM
    handling, then a check that each recreated service runs what the files declare; one
    line appended to ``patches.jsonl``. From its first step until that line is written,
    the run journal says a patch runs (a patch killed half-way is found by the next run).
    Raises StorageError (a full disk) when the journal cannot be written: no step ran."""
    from envsync.errors import EnvsyncError
    from envsync.journal import Journal

    started = time.perf_counter()
    outcome = PatchOutcome(environment=env.name,
                           started=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    journal = Journal(config, env.name)
    try:
        journal.begin("patch", restore_point=_newest_backup(config, env.name),
                      moves_tree=False, steps=[s.title for s in plan.steps],
                      details={"services": list(plan.services)})
    except EnvsyncError as exc:
        raise EnvsyncError(f"{exc}; the patch did not start (nothing was changed)") from None

    def each_step(n: int, step: Step) -> None:
        journal.step(n)
        if on_step is not None:
            on_step(n, step)

    try:
        _run(config, env, plan, outcome, redactor, each_step, progress, started)
    finally:  # it finished (a log that cannot be written is said, not a killed patch)
        journal.end()
    return outcome


def _run(config: Config, env: Environment, plan: Plan, outcome: PatchOutcome,
         redactor: Redactor, on_step: Callable[[int, Step], None],
         progress: Callable[[str], None] | None, started: float) -> None:
    """The steps, the check of their result, the log line (in ``outcome``)."""
    from envsync.capture.engine import engine_url
    from envsync.patchlog import append_patch
    from envsync.plan.executor import Interrupts, run_plan
    from envsync.plan.verify import verify

    total = len(plan.steps)
    with Interrupts() as interrupts:
        ran = run_plan(plan, docker_host=engine_url(env.docker), on_step=on_step,
                       interrupts=interrupts)
        outcome.steps, outcome.settled = _steps(ran.results), _steps(ran.settled)
        failed = ran.failed
        if ran.interrupted:
            n = ran.interrupted_at or 1
            outcome.result, outcome.signal, outcome.interrupted_at = ("interrupted",
                                                                      ran.interrupted, n)
            back = ""
            if ran.settled:
                bad = [r for r in ran.settled if not r.ok]
                back = ("; services brought back" if not bad else
                        f"; bringing the services back failed: {redactor.scrub(bad[0].reason())}")
            outcome.failure = f"interrupted by {ran.interrupted} at step {n}/{total}{back}"
        elif failed is not None:
            n = ran.results.index(failed) + 1
            outcome.result = "failed"
            outcome.failure = (f"step {n}/{total} ({failed.step.title}) failed: "
                               f"{redactor.scrub(failed.reason())}")
        else:
            outcome.differences = [redactor.scrub(d) for d in verify(
                config, env, target=None, services=plan.services, interrupts=interrupts,
                progress=progress or (lambda _: None))]
            if outcome.differences:
                outcome.result = "verify-failed"
                outcome.failure = ("what runs still differs from the files: "
                                   + "; ".join(outcome.differences[:3])
                                   + (" …" if len(outcome.differences) > 3 else ""))
    outcome.seconds = round(time.perf_counter() - started, 3)
    path = config.snapshots_dir / env.name / PATCH_LOG
    outcome.log = str(path)
    append_patch(path, outcome.to_json())
