"""Preparing and executing a deploy.

:func:`prepare_deploy` captures what runs, runs the drift guard and the other checks, and
plans (it changes nothing: a dry run is this plus printing the script).
:func:`execute_deploy`, under the environment's lock: refuses when a check did, records a
restore point (``envsync backup``), runs the steps through the one executor, checks that
what runs matches the files (:func:`envsync.plan.verify.verify`) and the health checks; a
failure rolls back to the restore point on its own. Each execution is one line of
``<snapshots>/<env>/deploys.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from envsync.capture import Progress, no_progress
from envsync.config import Config, Environment
from envsync.deploy.plan import DeployPlan
from envsync.deploy.preflight import Refusal
from envsync.errors import DeployError, EnvsyncError
from envsync.model import Finding, Snapshot
from envsync.plan import Step
from envsync.plan.executor import Interrupts, unlogged
from envsync.rollback.preconditions import own_prefixes
from envsync.rollback.safety import AtRisk
from envsync.types import CheckResult

if TYPE_CHECKING:
    from envsync.journal import Journal

__all__ = ["LOG_NAME", "Outcome", "Prepared", "execute_deploy", "prepare_deploy"]

LOG_NAME = "deploys.jsonl"
REUSE_CAPTURE_S = 30.0
"""A capture this recent is recorded as the restore point's state (as rollback does)."""



@dataclass
class Prepared:
    """Everything a deploy needs, gathered without changing anything."""

    config: Config
    env: Environment
    root: Path
    current: Snapshot
    deploy: DeployPlan
    script: str
    refusals: list[Refusal] = field(default_factory=list)
    """Why --execute would not start (empty: it may)."""
    erased: list[Finding] = field(default_factory=list)
    """The runtime overrides the deploy erases (``--force``)."""
    at_risk: list[AtRisk] = field(default_factory=list)
    force: bool = False
    captured_at: float = field(default_factory=time.monotonic)

    @property
    def exit_code(self) -> int:
        """0 when the deploy may run, else the highest refusal's code (1 state, 2 input)."""
        return max((r.code for r in self.refusals), default=0)


def prepare_deploy(*, config: Config, env_name: str, ref: str | None = None,
                   from_env: str | None = None, force: bool = False,
                   progress: Progress = no_progress) -> Prepared:
    """Capture ``env_name``, run every check, plan the deploy of ``ref`` (default: the
    commit checked out), or of what ``from_env`` runs (its commit and image ids). Changes
    nothing. Bad input raises; the environment's state (overrides, memory) is returned as
    refusals."""
    from envsync.capture.compose import compose_command
    from envsync.compare import run_drift
    from envsync.deploy.plan import plan_deploy
    from envsync.deploy.preflight import (
        describe_overrides,
        ensure,
        image_problems,
        memory_budget,
        overrides,
        patch_command,
        resolve_target,
    )
    from envsync.plan import render_script
    from envsync.rollback.plan import Tools
    from envsync.rollback.safety import describe_at_risk, files_at_risk, operation_in_progress

    env = config.environment(env_name)
    env.one_engine("deploy")
    if env.swarm is not None:  # a stack: Swarm does the rolling update
        from envsync.deploy.swarm import prepare_swarm_deploy

        prepared: Prepared = prepare_swarm_deploy(config=config, env=env, ref=ref,
                                                  from_env=from_env, force=force,
                                                  progress=progress)
        return prepared
    ensure(env)
    assert env.compose is not None
    source = None
    if from_env is not None:
        from envsync.deploy.promote import read_source

        if ref is not None:
            raise DeployError("--ref and --from: choose one")
        if from_env == env_name:
            raise DeployError(f"--from {from_env}: that is the environment deployed to")
        source = read_source(config, from_env, progress=progress)
        ref = source.commit
    progress("capture what runs and its drift")
    current, drift = run_drift(env_name=env_name, config=config, progress=progress)
    captured_at = time.monotonic()
    if current.get("containers") is None:
        reasons = [e["reason"] for e in current["meta"].get("errors") or []
                   if e.get("part") in ("runtime", "engine", "containers")]
        if not reasons and not env.runtime:
            reasons = ["runtime: false in envsync.yaml (nothing runs there to deploy to)"]
        raise DeployError(f"cannot read {env_name}'s containers: "
                          f"{reasons[0] if reasons else 'the engine gave no reason'}")
    root = Path(current["git"]["path"])
    compose = current.get("compose") or {}
    project = str(compose.get("project") or env.compose.project or "")
    unversioned = list(dict.fromkeys(
        ([env.compose.env_file] if env.compose.env_file else [])
        + list(current.get("env_files") or {})))
    progress("resolve the compose files of the ref")
    commit, model, hashes = resolve_target(root, env, ref or "HEAD", unversioned)
    from envsync.deploy.plan import Target, dependency_order

    order = dependency_order(model)
    progress("images")
    image_refusals, ids = image_problems(env, model=model, project=project, services=order)
    own = own_prefixes(config, root)
    at_risk = [a for a in files_at_risk(root, commit) if not a.path.startswith(own)]
    tools = Tools(compose=compose_command(), docker=(shutil.which("docker") or "docker",),
                  git=shutil.which("git") or "git")
    label = f"what {from_env} runs" if source is not None else ref or "HEAD"
    target = Target(ref=label, commit=commit, model=model, hashes=hashes,
                    image_ids=ids)
    deploy = plan_deploy(env=env, project=project, root=str(root), tools=tools, target=target,
                         current=current, head=current["git"].get("head"),
                         files_clean=not at_risk, strategy=env.deploy.strategy,
                         health_timeout_s=env.deploy.health_timeout_s)
    refusals: list[Refusal] = []
    from envsync import journal

    killed = journal.abandoned(config, env_name)
    if killed is not None:  # a half-done deploy: never the base of another one
        refusals.append(Refusal(journal.describe(config, env_name, killed), 2))
    if source is not None:
        from envsync.deploy.promote import image_mismatches

        refusals += source.refusals
        refusals += image_mismatches(source, ids, deploy.services, env_name)
    found = overrides(drift.findings)
    if found and not force:
        refusals.append(Refusal(
            f"drift guard: {env_name} runs changes no file holds ({describe_overrides(found)}); "
            f"a deploy would erase them: keep them with `{patch_command(config, env_name)}` "
            "and commit, or pass --force to deploy anyway"))
    elif found:
        deploy.plan.notes.append(f"--force: erases what runs and no file holds: "
                                 f"{describe_overrides(found)}")
    budget = memory_budget(env, current=current, model=model, services=deploy.services,
                           strategies=deploy.strategies)
    refusals += budget.refusals
    if budget.available_mb is not None:
        deploy.plan.notes.append(f"memory available: {budget.available_mb:.0f} MiB "
                                 f"({budget.source})")
    if budget.unbudgeted:
        deploy.plan.notes.append("no memory limit, not budgeted: "
                                 + ", ".join(budget.unbudgeted))
    # An image missing for a service left running is not in the way.
    refusals += [r for r in image_refusals if r.service is None or r.service in deploy.services]
    busy = operation_in_progress(root) if deploy.checkout else None
    if busy:
        refusals.append(Refusal(f"{busy}: a deploy would reset the branch under it", 2))
    if at_risk and not force:
        refusals.append(Refusal(
            f"the checkout of {target.ref} would overwrite files git cannot give back: "
            f"{describe_at_risk(at_risk)}; commit or move them aside, or pass --force "
            "(a copy of each is kept first in the restore point's folder)", 2))
    elif at_risk:
        deploy.plan.notes.append(f"--force: overwrites (a copy is kept first): "
                                 f"{describe_at_risk(at_risk)}")
    blue = [s for s in deploy.services if deploy.strategies[s] == "blue-green"]
    if blue:
        from envsync.deploy.bluegreen import prepare_blue_green
        from envsync.deploy.preflight import blue_green_problems

        problems = blue_green_problems(env, model=model, current=current,
                                       services=deploy.services, strategies=deploy.strategies,
                                       docker=tools.docker[0])
        refusals += problems
        if not problems:
            progress("read the proxy")
            made, notes = prepare_blue_green(env, model=model, current=current, services=blue,
                                             project=project, docker=tools.docker[0],
                                             rules=config.watch.rules)
            refusals += [Refusal(line, 1) for line in notes]
            notes_before = deploy.plan.notes
            deploy = plan_deploy(env=env, project=project, root=str(root), tools=tools,
                                 target=target, current=current,
                                 head=current["git"].get("head"), files_clean=not at_risk,
                                 strategy=env.deploy.strategy,
                                 health_timeout_s=env.deploy.health_timeout_s,
                                 blue_green=made)
            deploy.plan.notes = [*notes_before, *(n for n in deploy.plan.notes
                                                  if n not in notes_before)]
    return Prepared(config=config, env=env, root=root, current=current, deploy=deploy,
                    script=render_script(deploy.plan), refusals=refusals,
                    erased=found if force else [], at_risk=at_risk, force=force,
                    captured_at=captured_at)


@dataclass
class Outcome:
    """How an execution went; what the summary and the log show."""

    environment: str
    ref: str
    commit: str
    started: str = ""
    result: str = "ok"
    """ok, failed (rolled back), refused, interrupted."""
    steps: list[dict[str, Any]] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)
    failure: str | None = None
    restore_point: str | None = None
    erased: list[str] = field(default_factory=list)
    kept: str | None = None
    differences: list[str] = field(default_factory=list)
    health: dict[str, CheckResult] = field(default_factory=dict)
    rollback: dict[str, Any] | None = None
    """The automatic rollback after a failure: its result and failure, if any."""
    signal: str | None = None
    settled: list[dict[str, Any]] = field(default_factory=list)
    blue_green: list[dict[str, Any]] = field(default_factory=list)
    """Per blue-green service: the slots, how far it went, why the new one was removed."""
    seconds: float = 0.0
    log: str = ""

    @property
    def exit_code(self) -> int:
        """0 deployed; 1 failed (rolled back) or refused by the environment's state; 2
        refused for bad input or the rollback failed too; 130/143 interrupted."""
        if self.result == "ok":
            return 0
        if self.result == "interrupted":
            return 143 if self.signal == "SIGTERM" else 130
        if self.rollback is not None and self.rollback.get("result") != "ok":
            return 2
        return 1

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in (
            "started", "environment", "ref", "commit", "result", "steps", "not_run", "failure",
            "restore_point", "erased", "kept", "differences", "health", "rollback", "signal",
            "settled", "blue_green", "seconds", "log")}


def _append_log(config: Config, outcome: Outcome) -> None:
    from envsync.plan.executor import UNLOGGED, append_log

    path = config.snapshots_dir / outcome.environment / LOG_NAME
    outcome.log = str(path)
    try:
        append_log(path, outcome.to_json())
    except EnvsyncError as exc:  # a full disk: what happened is still shown, and this too
        outcome.log = f"{UNLOGGED} ({exc})"


def execute_deploy(*, prepared: Prepared, on_step: Callable[[int, Step], None] | None = None,
                   progress: Progress = no_progress) -> Outcome:
    """Run a prepared deploy under the environment's lock (see the module docstring).
    Raises DeployError, having changed nothing, when a check refused."""
    from envsync import journal
    from envsync.lock import environment_lock
    from envsync.plan.executor import Interrupts

    env = prepared.env.name
    with environment_lock(prepared.config, env, f"envsync deploy {env} --execute",
                          waiting=progress), Interrupts() as interrupts:
        killed = journal.claim(prepared.config, env, f"envsync deploy {env} --execute")
        if killed is not None:
            line = journal.describe(prepared.config, env, killed)
            if all(r.line != line for r in prepared.refusals):
                prepared.refusals.append(Refusal(line, 2))
        if prepared.env.swarm is not None:
            from envsync.deploy.swarm import execute_swarm_deploy

            outcome: Outcome = execute_swarm_deploy(prepared, on_step, progress, interrupts)
            return outcome
        try:
            return _execute(prepared, on_step, progress, interrupts)
        finally:
            for bg in prepared.deploy.blue_green.values():
                bg.close()  # the runtime API's exec session


def begin_outcome(prepared: Any, journal: Journal | None = None
                  ) -> tuple[Outcome, Callable[[], Outcome]]:
    """The deploy's log record, started now, and ``finish()`` that times and appends it
    (and ends ``journal``: the deploy finished, however it went). A prepared deploy with
    refusals is logged as refused and raises DeployError here."""
    from envsync.deploy.preflight import describe_overrides

    started = time.perf_counter()
    dp = prepared.deploy
    outcome = Outcome(environment=prepared.env.name, ref=dp.target.ref,
                      commit=dp.target.commit,
                      started=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    outcome.erased = [describe_overrides([f]) for f in prepared.erased]

    def finish() -> Outcome:
        outcome.seconds = round(time.perf_counter() - started, 3)
        try:
            _append_log(prepared.config, outcome)
        finally:  # it finished: a log that cannot be written is said, not a killed deploy
            if journal is not None:
                journal.end()
        return outcome

    if prepared.refusals:
        outcome.result = "refused"
        outcome.failure = "; ".join(r.line for r in prepared.refusals)
        outcome.not_run = [s.title for s in dp.plan.steps]
        finish()
        raise DeployError(f"{prepared.refusals[0].line} (nothing was changed)"
                          f"{unlogged(outcome.log)}", prepared.exit_code)
    return outcome, finish


def _execute(prepared: Prepared, on_step: Callable[[int, Step], None] | None,
             progress: Progress, interrupts: Interrupts) -> Outcome:
    from envsync.capture.engine import engine_url
    from envsync.journal import Journal
    from envsync.plan.executor import run_plan
    from envsync.rollback.backup import take_backup

    journal = Journal(prepared.config, prepared.env.name)
    outcome, finish = begin_outcome(prepared, journal)
    dp, env, config = prepared.deploy, prepared.env, prepared.config
    progress("record a restore point")
    fresh = time.monotonic() - prepared.captured_at < REUSE_CAPTURE_S
    try:
        before = take_backup(config=config, env_name=env.name,
                             images=env.deploy.restore_images,  # type: ignore[arg-type]
                             progress=progress, snapshot=prepared.current if fresh else None)
        if prepared.at_risk:
            from envsync.rollback.safety import keep_copies

            # --force: the checkout may overwrite them, never before a copy exists.
            outcome.kept = str(keep_copies(prepared.root, prepared.at_risk,
                                           before.point.folder / before.point.tag))
        # Killed from here on, the next run knows a deploy is half-done (see journal.py).
        journal.begin("deploy", restore_point=before.point.tag, moves_tree=dp.checkout,
                      steps=[s.title for s in dp.plan.steps],
                      details={"ref": dp.target.ref, "commit": dp.target.commit})
    except EnvsyncError as exc:  # a full disk: no step runs without the way back
        outcome.result, outcome.failure = "refused", str(exc)
        outcome.not_run = [s.title for s in dp.plan.steps]
        finish()
        raise DeployError(f"{exc}; the deploy did not start (nothing was changed)"
                          f"{unlogged(outcome.log)}") from None
    outcome.restore_point = before.point.tag
    def each_step(n: int, step: Step) -> None:
        journal.step(n)
        if on_step is not None:
            on_step(n, step)

    ran = run_plan(dp.plan, docker_host=engine_url(env.docker), on_step=each_step,
                   interrupts=interrupts, timeout_s=max(600.0, env.deploy.health_timeout_s * 2))
    outcome.steps = [{"title": r.step.title, "command": r.step.shell(),
                      "returncode": r.returncode, "seconds": round(r.seconds, 3)}
                     for r in ran.results]
    outcome.not_run = [s.title for s in dp.plan.steps[len(ran.results):]]
    if ran.interrupted and dp.blue_green:
        bgs = list(dp.blue_green.values())
        outcome.blue_green = [_bg_record(bg) for bg in bgs]
        if _only_blue_green(dp, ran) and all(bg.phase in ("planned", "restored")
                                             for bg in bgs):
            outcome.rollback = _files_back(prepared, before.point.tag, engine_url(env.docker))
    if ran.interrupted:
        outcome.result, outcome.signal = "interrupted", ran.interrupted
        outcome.settled = [{"title": r.step.title, "returncode": r.returncode}
                           for r in ran.settled]
        outcome.failure = (f"interrupted by {ran.interrupted} at step {ran.interrupted_at}/"
                           f"{len(dp.plan.steps)} ({_left(dp, outcome)}); "
                           f"`envsync rollback {env.name} --to {before.point.tag} --level 3 "
                           "--execute` returns to the restore point")
        return finish()
    blue_green = list(dp.blue_green.values())
    outcome.blue_green = [_bg_record(bg) for bg in blue_green]
    failed = ran.failed
    undo: list[str] = []
    if failed is not None and blue_green:
        # the old containers serve again (their slot ready first), the new ones are gone
        undone = [bg.restore() for bg in blue_green]
        undo = [why for code, why in undone if code]
        outcome.blue_green = [_bg_record(bg) for bg in blue_green]
        # Only when nothing of the new release stays running: a service switched before
        # (kept) or recreated runs the new files, and the full rollback below takes it back.
        if _only_blue_green(dp, ran) and not any(bg.phase in ("kept", "retired")
                                                 for bg in blue_green):
            outcome.result = "failed"
            outcome.failure = "; ".join([f"step {failed.step.title!r} failed: "
                                         f"{failed.reason()}", *undo])
            outcome.rollback = _files_back(prepared, before.point.tag, engine_url(env.docker))
            stuck = [bg.service for bg in blue_green if bg.phase == "switched"
                     and not bg.live_ready]
            if stuck:  # the way back itself failed: traffic may be on the new container
                outcome.rollback = {**(outcome.rollback or {"level": 3, "to": before.point.tag}),
                                    "result": "failed",
                                    "failure": f"{', '.join(stuck)}: the old slot is not "
                                               "back in service"}
            return finish()
    if failed is not None:
        outcome.failure = "; ".join([f"step {failed.step.title!r} failed: {failed.reason()}",
                                     *undo])
    else:
        from envsync.plan.verify import verify

        progress("compare what runs with the files")
        outcome.differences = verify(config, env, target=None, services=dp.order,
                                     wait_s=env.deploy.health_timeout_s, interrupts=interrupts)
        from envsync.capture.health import wait_for_checks
        from envsync.secrets import Redactor

        redactor = Redactor()
        for check in env.health:
            redactor.text(check.url)  # learns a token in a URL before any error quotes it
        outcome.health = wait_for_checks(env.health, redactor, sleep=interrupts.sleep,
                                         wait_s=env.deploy.health_timeout_s)
        bad = [n for n, h in outcome.health.items() if h["status"] != "ok"]
        if outcome.differences:
            outcome.failure = ("what runs differs from the deployed files: "
                               + "; ".join(outcome.differences[:3]))
        elif bad:
            outcome.failure = f"health checks failing after the deploy: {', '.join(bad)}"
    if outcome.failure is None:
        outcome.blue_green = [_bg_record(bg) for bg in blue_green]
        return finish()
    outcome.result = "failed"
    progress(f"roll back to {before.point.tag}")
    outcome.rollback = _roll_back(prepared, before.point.tag, progress)
    return finish()


def _roll_back(prepared: Prepared, tag: str, progress: Progress) -> dict[str, Any]:
    """Back to the restore point: level 3 (files, then every service) when the deploy
    moved the working tree, level 2 (the saved images) when it did not."""
    from envsync.rollback.execute import execute_rollback, prepare_rollback

    level = 3 if prepared.deploy.checkout else 2
    try:
        back = prepare_rollback(config=prepared.config, env_name=prepared.env.name,
                                level=level, to=tag, progress=progress)
        # The files the deploy checked out are envsync's own doing: overwrite them.
        done = execute_rollback(prepared=back, force=True, progress=progress)
    except EnvsyncError as exc:
        return {"level": level, "to": tag, "result": "failed", "failure": str(exc)}
    return {"level": level, "to": tag, "result": done.result, "failure": done.failure}


def _left(dp: DeployPlan, outcome: Outcome) -> str:
    """What an interrupted deploy left, in words: each blue-green service's version (the
    old one back before its window passed, the new one after), and the files."""
    if not dp.blue_green:
        return "services brought back as they are"
    words = {"restored": "back on the old container, the new one removed",
             "planned": "untouched",
             "retired": "its window had passed: the new version serves, the old container "
                        "retired",
             "kept": "its window had passed: the new version serves, the old container "
                     "still runs (drained)"}
    parts = [f"{bg.service}: {words.get(bg.phase, 'not brought back: see its events')}"
             for bg in dp.blue_green.values()]
    rb = outcome.rollback
    if rb is not None and rb.get("files_only"):
        parts.append(f"the files back to {rb['to']}" if rb["result"] == "ok"
                     else f"the files NOT back to {rb['to']} ({rb['failure']})")
    elif dp.checkout:
        parts.append(f"the files at {dp.target.ref}")
    return "; ".join(parts)


def _bg_record(bg: Any) -> dict[str, Any]:
    return {"service": bg.service, "from": bg.live, "to": bg.idle, "phase": bg.phase,
            "container": bg.new, "reason": bg.reason, "events": list(bg.events)}


def _only_blue_green(dp: DeployPlan, ran: Any) -> bool:
    """True when no step that ran recreated a container (only blue-green ones did)."""
    recreated = {f"recreate {n}" for n in dp.services if n not in dp.blue_green}
    return not any(r.step.title in recreated for r in ran.results)


def _files_back(prepared: Prepared, tag: str, docker_host: str) -> dict[str, Any] | None:
    """After a blue-green failure the old containers serve again, untouched: only the
    files go back to the restore point (the first step of a level-3 rollback, ``git reset
    --hard TAG``), so what runs matches the files again and ``drift`` is clean."""
    from envsync.plan import Plan
    from envsync.plan.executor import run_plan

    if not prepared.deploy.checkout:
        return None
    git = shutil.which("git") or "git"
    plan = Plan(title=f"files back to {tag}")
    plan.add(Step(title=f"check out {tag}", argv=(git, "--literal-pathspecs", "-C",
                                                 str(prepared.root), "reset", "--hard", tag)))
    ran = run_plan(plan, docker_host=docker_host)
    failed = ran.failed
    return {"level": 3, "to": tag, "result": "ok" if failed is None else "failed",
            "failure": None if failed is None else failed.reason(), "files_only": True}
