"""Deploying a stack through Swarm itself: ``docker stack deploy`` does the rolling update.

envsync keeps what it adds to any deploy: the drift guard (a hand ``docker service update``
is not erased without --force), a restore point, the stack file resolved by compose from
the deployed commit, and the wait for convergence. Swarm does the update service by service
with the update config of envsync.yaml (:data:`envsync.swarmconfig.UPDATE_DEFAULTS` where
neither it nor the files say otherwise), and with ``failure_action: rollback`` rolls a
failing service back on its own; envsync then reports it with the tasks' errors, and
returns the whole stack to the restore point (the files, and a redeploy of them).

The stack file holds the env values in clear (Swarm needs them): it is written only at
execution, mode 0600, in the temp folder, and removed after the step that reads it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from envsync.capture import Progress, no_progress
from envsync.config import Config, Environment
from envsync.errors import DeployError, EnvsyncError
from envsync.plan import Plan, Step
from envsync.plan.executor import Interrupts

__all__ = ["execute_swarm_deploy", "prepare_swarm_deploy", "redeploy_stack",
           "rollback_services", "stack_file", "wait_converged", "watch_window"]

_STATE_KEYS = {"id", "version", "update_status", "running", "desired", "restarts", "tasks"}
_POLL_S = 1.0
_NO_UPDATE_GRACE_S = 3.0
"""A changed spec that needs no rolling update (replicas, labels) shows no update status:
after this long without one, the service counts as updated."""



def _stack_path(env: Environment, commit: str) -> Path:
    assert env.swarm is not None
    return Path(tempfile.gettempdir()) / f"envsync-{env.name}-{env.swarm.stack}-{commit[:12]}.yml"


def _host_ports(service: dict[str, Any]) -> bool:
    return any(isinstance(p, dict) and p.get("mode") == "host" and p.get("published")
               for p in service.get("ports") or [])


def _drop_nulls(value: Any, *, networks: bool = False) -> Any:
    """The stack loader refuses ``entrypoint: null`` and the like; under ``networks`` a
    null is a plain attachment (``default: null``) and stays, as ``{}``."""
    if isinstance(value, dict):
        return {k: ({} if v is None else _drop_nulls(v, networks=k == "networks"))
                for k, v in value.items() if v is not None or networks}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def stack_file(model: dict[str, Any], update: dict[str, Any], hashes: dict[str, str]
               ) -> dict[str, Any]:
    """The stack file ``docker stack deploy`` reads: compose's resolved model of the
    commit, without what the stack loader refuses (the project ``name``, null values), and
    each service's ``update_config`` completed with ``update`` where the files leave a key
    unset. ``order: start-first`` only where the ports allow: a service publishing a port
    in host mode cannot run two tasks on one node, so it stops first. Each service is
    labelled with compose's config hash of it (``drift`` tells an older deploy by it)."""
    from envsync.diff.swarm import HASH_LABEL

    out: dict[str, Any] = _drop_nulls({k: v for k, v in model.items() if k != "name"})
    for name, service in (out.get("services") or {}).items():
        deploy = service.setdefault("deploy", {})
        if name in hashes:
            deploy.setdefault("labels", {})[HASH_LABEL] = hashes[name]
        config = deploy.setdefault("update_config", {})
        for key, value in update.items():
            if key == "order" and value == "start-first" and _host_ports(service):
                value = "stop-first"
            config.setdefault(key, value)
        back = deploy.setdefault("rollback_config", {})
        back.setdefault("order", config["order"])
        back.setdefault("parallelism", config.get("parallelism", 1))
    return out


def _write_private(path: Path, text: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)


def _deploy_step(env: Environment, path: Path, what: str) -> Step:
    assert env.swarm is not None
    return Step(
        title=f"docker stack deploy {env.swarm.stack}",
        why=(f"Hand {what} to Swarm: it updates each changed service as its update_config "
             "says (envsync.yaml's swarm.update where the files leave it unset), rolls a "
             "failing one back itself, and removes services no longer declared (--prune). "
             f"{path.name} is compose's resolved model, written at --execute (mode 0600, "
             "it holds the env values) and removed after."),
        argv=(shutil.which("docker") or "docker", "stack", "deploy", "--prune",
              "--detach=true", "--resolve-image", env.swarm.resolve_image,
              "--compose-file", str(path), env.swarm.stack),
        env=(("DOCKER_HOST", env.docker),) if env.docker else (),
    )


def prepare_swarm_deploy(*, config: Config, env: Environment, ref: str | None,
                         from_env: str | None, force: bool, progress: Progress) -> Any:
    """:func:`envsync.deploy.run.prepare_deploy` for a stack: drift guard, the commit's
    files resolved by compose, the plan (a checkout when needed, ``docker stack deploy``)."""
    from envsync.compare import run_drift
    from envsync.deploy.plan import DeployPlan, Target
    from envsync.deploy.preflight import (
        Refusal,
        describe_overrides,
        ensure,
        overrides,
        patch_command,
        resolve_target,
    )
    from envsync.deploy.run import Prepared
    from envsync.plan import render_script
    from envsync.rollback.preconditions import own_prefixes
    from envsync.rollback.safety import describe_at_risk, files_at_risk, operation_in_progress

    assert env.swarm is not None and env.compose is not None
    ensure(env)
    if from_env is not None:
        raise DeployError(f"--from: not supported for a Swarm stack ({env.name}); deploy a "
                          "--ref (Swarm nodes pull the images the files name)")
    progress("capture the stack and its drift")
    current, drift = run_drift(env_name=env.name, config=config, progress=progress)
    captured_at = time.monotonic()
    if current.get("swarm") is None:
        reasons = [e["reason"] for e in current["meta"].get("errors") or []
                   if e.get("part") in ("engine", "swarm")]
        raise DeployError(f"cannot read stack {env.swarm.stack} of {env.name}: "
                          f"{reasons[0] if reasons else '?'}")
    root = Path(current["git"]["path"])
    unversioned = list(dict.fromkeys(
        ([env.compose.env_file] if env.compose.env_file else [])
        + list(current.get("env_files") or {})))
    progress("resolve the compose files of the ref")
    commit, model, hashes = resolve_target(root, env, ref or "HEAD", unversioned)
    own = own_prefixes(config, root)
    at_risk = [a for a in files_at_risk(root, commit) if not a.path.startswith(own)]
    order = sorted(model.get("services") or {})
    target = Target(ref=ref or "HEAD", commit=commit, model=model, hashes=hashes)
    plan = Plan(title=f"envsync deploy of {env.name} (stack {env.swarm.stack}) to "
                      f"{target.ref} (commit {commit[:12]})")
    dp = DeployPlan(target=target, plan=plan, order=order, services=order,
                    strategies=dict.fromkeys(order, "swarm"))
    if current["git"].get("head") != commit or at_risk:
        dp.checkout = True
        plan.add(Step(title=f"check out {target.ref}",
                      why=f"Move the working tree to {commit[:12]}, so that drift compares "
                          "what runs with the files that were deployed.",
                      argv=(shutil.which("git") or "git", "--literal-pathspecs", "-C",
                            str(root), "reset", "--hard", commit)))
    plan.add(_deploy_step(env, _stack_path(env, commit), f"{commit[:12]}'s stack file"))
    plan.notes.append("update config: " + ", ".join(
        f"{k}={v}" for k, v in env.swarm.update.items()) + " (the files' own keys win)")
    refusals: list[Refusal] = []
    found = overrides(drift.findings)
    if found and not force:
        refusals.append(Refusal(
            f"drift guard: {env.name} runs changes no file holds ({describe_overrides(found)}); "
            f"a deploy would erase them: keep them with `{patch_command(config, env.name)}` "
            "and commit, or pass --force to deploy anyway"))
    elif found:
        plan.notes.append(f"--force: erases what runs and no file holds: "
                          f"{describe_overrides(found)}")
    busy = operation_in_progress(root) if dp.checkout else None
    if busy:
        refusals.append(Refusal(f"{busy}: a deploy would reset the branch under it", 2))
    if at_risk and not force:
        refusals.append(Refusal(
            f"the checkout of {target.ref} would overwrite files git cannot give back: "
            f"{describe_at_risk(at_risk)}; commit or move them aside, or pass --force", 2))
    return Prepared(config=config, env=env, root=root, current=current, deploy=dp,
                    script=render_script(plan), refusals=refusals,
                    erased=found if force else [], at_risk=at_risk, force=force,
                    captured_at=captured_at)


def _capture(env: Environment) -> dict[str, Any] | None:
    from envsync.capture.swarm import capture_swarm
    from envsync.secrets import Redactor

    section = capture_swarm(env, redactor=Redactor()).section
    return dict(section) if section is not None else None


def _task_errors(service: dict[str, Any], since: str | None) -> list[str]:
    out = []
    for task in service.get("tasks") or []:
        if task.get("state") not in ("failed", "rejected"):
            continue
        if since and (task.get("time") or "") < since:
            continue
        code = task.get("exit_code")
        out.append(f"task {task['id']} (slot {task.get('slot')}, node {task.get('node')}): "
                   f"{task.get('error') or task.get('state')}"
                   + (f", exit code {code}" if code not in (None, 0) else ""))
    return out


def wait_converged(env: Environment, before: dict[str, Any] | None, *,
                   sleep: Callable[[float], bool], progress: Progress = no_progress,
                   timeout_s: float | None = None) -> tuple[list[str], list[str]]:
    """Wait until every service of the stack has finished its update and runs as many
    tasks as it wants. Returns (problems, services Swarm rolled back on its own); a problem
    names the service and the tasks' errors."""
    assert env.swarm is not None
    old = (before or {}).get("services") or {}
    deadline = time.monotonic() + (timeout_s or env.swarm.converge_timeout_s)
    started = time.monotonic()
    while True:
        now = _capture(env)
        waiting: list[str] = []
        problems: list[str] = []
        rolled_back: list[str] = []
        for name, svc in ((now or {}).get("services") or {}).items():
            prev = old.get(name) or {}
            status = svc.get("update_status") or {}
            state = status.get("state")
            fresh = prev and svc.get("version") != prev.get("version") and (
                (prev.get("update_status") or {}).get("started") == status.get("started"))
            since = status.get("started")
            if state in ("updating", "rollback_started"):
                waiting.append(f"{name} ({state})")
            elif fresh and time.monotonic() - started < _NO_UPDATE_GRACE_S:
                waiting.append(f"{name} (update not started)")
            elif state == "rollback_completed" and (not prev or (prev.get("update_status") or {})
                                                      .get("started") != since):
                rolled_back.append(name)
                errors = _task_errors(svc, since)
                problems.append(f"Swarm rolled {name} back on its own ({status.get('message')})"
                                + (": " + "; ".join(errors[:3]) if errors else ""))
            elif state in ("paused", "rollback_paused"):
                errors = _task_errors(svc, since)
                problems.append(f"{name}: update {state.replace('_', ' ')} "
                                f"({status.get('message')})"
                                + (": " + "; ".join(errors[:3]) if errors else ""))
            elif svc.get("desired") is not None and svc.get("running", 0) < svc["desired"]:
                waiting.append(f"{name} ({svc.get('running')}/{svc['desired']} running)")
        if now is not None and not waiting:
            return problems, rolled_back
        if time.monotonic() > deadline:
            detail = "; ".join(waiting) if now is not None else "the manager did not answer"
            errors = [e for svc in ((now or {}).get("services") or {}).values()
                      for e in _task_errors(svc, (svc.get("update_status") or {}).get("started"))]
            late = (f"not converged after {env.swarm.converge_timeout_s:.0f} s: {detail}"
                    + ("; " + "; ".join(errors[:3]) if errors else ""))
            return [*problems, late], rolled_back
        progress("wait for " + ", ".join(waiting[:4]))
        if not sleep(_POLL_S):
            return [*problems, "interrupted while waiting for convergence"], rolled_back


def redeploy_stack(config: Config, env: Environment, commit: str, *, root: Path,
                   unversioned: list[str], interrupts: Interrupts,
                   on_step: Callable[[int, Step], None] | None = None,
                   progress: Progress = no_progress) -> tuple[list[dict[str, Any]], list[str]]:
    """Reset the working tree to ``commit`` and deploy its stack file: the way back to a
    restore point (levels 1 and 3 of a rollback). Returns the steps run and the problems."""
    from envsync.deploy.preflight import resolve_target
    from envsync.plan.executor import run_plan

    assert env.swarm is not None
    before = _capture(env)
    _, model, hashes = resolve_target(root, env, commit, unversioned)
    plan = Plan(title=f"redeploy {env.swarm.stack} at {commit[:12]}")
    plan.add(Step(title=f"check out {commit[:12]}", why="", argv=(
        shutil.which("git") or "git", "--literal-pathspecs", "-C", str(root), "reset", "--hard",
        commit)))
    path = _stack_path(env, commit)
    plan.add(_deploy_step(env, path, "the restore point's stack file"))
    _write_private(path, json.dumps(stack_file(model, env.swarm.update, hashes)))
    try:
        ran = run_plan(plan, on_step=on_step, interrupts=interrupts)
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    steps = [{"title": r.step.title, "command": r.step.shell(), "returncode": r.returncode,
              "seconds": round(r.seconds, 3)} for r in ran.results]
    if ran.failed is not None:
        return steps, [f"step {ran.failed.step.title!r} failed: {ran.failed.reason()}"]
    problems, _ = wait_converged(env, before, sleep=interrupts.sleep, progress=progress)
    return steps, [p for p in problems if not p.startswith("Swarm rolled")]


def execute_swarm_deploy(prepared: Any, on_step: Callable[[int, Step], None] | None,
                         progress: Progress, interrupts: Interrupts) -> Any:
    """:func:`envsync.deploy.run.execute_deploy` for a stack (under the lock already)."""
    from envsync.deploy.run import begin_outcome
    from envsync.journal import Journal
    from envsync.plan.executor import run_plan, unlogged
    from envsync.rollback.backup import take_backup

    journal = Journal(prepared.config, prepared.env.name)
    outcome, finish = begin_outcome(prepared, journal)
    dp, env, config = prepared.deploy, prepared.env, prepared.config
    assert env.swarm is not None
    progress("record a restore point")
    from envsync.deploy.run import REUSE_CAPTURE_S

    fresh = time.monotonic() - prepared.captured_at < REUSE_CAPTURE_S
    try:
        point = take_backup(config=config, env_name=env.name, images="none",
                            progress=progress, snapshot=prepared.current if fresh else None
                            ).point
        # Killed from here on, the next run knows a deploy is half-done (see journal.py).
        journal.begin("deploy", restore_point=point.tag, moves_tree=dp.checkout,
                      steps=[s.title for s in dp.plan.steps],
                      details={"ref": dp.target.ref, "commit": dp.target.commit})
    except EnvsyncError as exc:
        outcome.result, outcome.failure = "refused", str(exc)
        outcome.not_run = [s.title for s in dp.plan.steps]
        finish()
        raise DeployError(f"{exc}; the deploy did not start (nothing was changed)"
                          f"{unlogged(outcome.log)}") from None
    outcome.restore_point = point.tag
    path = _stack_path(env, dp.target.commit)
    _write_private(path, json.dumps(stack_file(dp.target.model, env.swarm.update,
                                                   dp.target.hashes)))
    try:
        def each_step(n: int, step: Step) -> None:
            journal.step(n)
            if on_step is not None:
                on_step(n, step)

        ran = run_plan(dp.plan, on_step=each_step, interrupts=interrupts,
                       timeout_s=max(600.0, env.swarm.converge_timeout_s))
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    outcome.steps = [{"title": r.step.title, "command": r.step.shell(),
                      "returncode": r.returncode, "seconds": round(r.seconds, 3)}
                     for r in ran.results]
    outcome.not_run = [s.title for s in dp.plan.steps[len(ran.results):]]
    if ran.interrupted:
        outcome.result, outcome.signal = "interrupted", ran.interrupted
        outcome.failure = (f"interrupted by {ran.interrupted}; Swarm finishes (or rolls back) "
                           f"what it started: `envsync rollback {env.name} --to {point.tag} "
                           "--level 3 --execute` returns to the restore point")
        return finish()
    rolled_back: list[str] = []
    if ran.failed is not None:
        outcome.failure = f"step {ran.failed.step.title!r} failed: {ran.failed.reason()}"
    else:
        progress("wait for Swarm to converge")
        problems, rolled_back = wait_converged(env, prepared.current.get("swarm"),
                                               sleep=interrupts.sleep, progress=progress)
        if problems:
            outcome.failure = "; ".join(problems)
        else:
            outcome.differences, outcome.health = _verify(config, env, interrupts)
            bad = [n for n, h in outcome.health.items() if h["status"] != "ok"]
            if outcome.differences:
                outcome.failure = ("what runs differs from the deployed files: "
                                   + "; ".join(outcome.differences[:3]))
            elif bad:
                outcome.failure = f"health checks failing after the deploy: {', '.join(bad)}"
            elif env.deploy.watch_window_s > 0:
                progress(f"watch window: {env.deploy.watch_window_s:.0f} s")
                outcome.failure = watch_window(
                    env, env.deploy.watch_window_s, interrupts,
                    memory_threshold=config.watch.rules.threshold("memory_warning"))
    if outcome.failure is None:
        return finish()
    outcome.failure = _scrubber(dp.target.model).scrub(outcome.failure)
    outcome.result = "failed"
    if dp.checkout:
        progress(f"back to {point.tag}: its files, and a redeploy of them")
        outcome.rollback = _back_to(prepared, point.tag, interrupts, progress)
    else:
        # The files deployed are the ones checked out before: the way back is each
        # service's previous spec, which Swarm keeps (rollback level 2).
        progress("back to the previous specs: docker service rollback")
        outcome.rollback = _previous_specs(prepared, point.tag, rolled_back, interrupts,
                                           progress)
    return finish()


def _scrubber(model: dict[str, Any]) -> Any:
    """A redactor that has seen the deployed env values: the stack file holds them in
    clear, and an error of docker's or a task's could quote one."""
    from envsync.secrets import Redactor

    redactor = Redactor()
    for service in (model.get("services") or {}).values():
        env = service.get("environment")
        if isinstance(env, dict):
            redactor.mapping({str(k): v if isinstance(v, str) or v is None else str(v)
                              for k, v in env.items()})
    return redactor


def _changed_services(before: dict[str, Any] | None, after: dict[str, Any] | None
                      ) -> list[str]:
    """The services whose spec a deploy changed (and that existed before it)."""
    old = (before or {}).get("services") or {}
    return sorted(name for name, svc in ((after or {}).get("services") or {}).items()
                  if name in old and _spec_of(svc) != _spec_of(old[name]))


def _spec_of(service: dict[str, Any]) -> str:
    # `docker stack deploy` updates every service of the file (its version goes up) even
    # when nothing in it changed: compare what the spec says, not its version.
    return json.dumps({k: v for k, v in service.items() if k not in _STATE_KEYS},
                      sort_keys=True)


def rollback_services(env: Environment, services: list[str], interrupts: Interrupts, *,
                      on_step: Callable[[int, Step], None] | None = None,
                      progress: Progress = no_progress) -> tuple[list[dict[str, Any]], list[str]]:
    """``docker service rollback`` of each of ``services`` (to the spec before its last
    update), then the wait for convergence. Returns the steps run and the problems."""
    from envsync.plan.executor import run_plan

    assert env.swarm is not None
    before = _capture(env)
    plan = Plan(title=f"roll back {', '.join(services)} to their previous specs")
    for name in services:
        plan.add(Step(title=f"docker service rollback {name}", why="", argv=(
            shutil.which("docker") or "docker", "service", "rollback", "--detach",
            f"{env.swarm.stack}_{name}"), env=(("DOCKER_HOST", env.docker),) if env.docker
            else ()))
    ran = run_plan(plan, on_step=on_step, interrupts=interrupts)
    steps = [{"title": r.step.title, "command": r.step.shell(), "returncode": r.returncode,
              "seconds": round(r.seconds, 3)} for r in ran.results]
    if ran.failed is not None:
        return steps, [f"step {ran.failed.step.title!r} failed: {ran.failed.reason()}"]
    problems, _ = wait_converged(env, before, sleep=interrupts.sleep, progress=progress)
    # Rolled back is what was asked here.
    return steps, [p for p in problems if not p.startswith("Swarm rolled")]


def _previous_specs(prepared: Any, tag: str, rolled_back: list[str], interrupts: Interrupts,
                    progress: Progress) -> dict[str, Any]:
    env = prepared.env
    changed = _changed_services(prepared.current.get("swarm"), _capture(env))
    todo = [n for n in changed if n not in rolled_back]
    if not todo:
        return {"level": 2, "to": tag, "result": "ok", "failure": None}
    _, problems = rollback_services(env, todo, interrupts, progress=progress)
    return {"level": 2, "to": tag, "result": "failed" if problems else "ok",
            "failure": "; ".join(problems) or None}


def _verify(config: Config, env: Environment, interrupts: Interrupts
            ) -> tuple[list[str], dict[str, Any]]:
    """Drift of the stack now (what runs against the deployed files), and the checks."""
    from envsync.capture.health import wait_for_checks
    from envsync.secrets import Redactor

    differences = _verify_stack(config, env)
    redactor = Redactor()
    for check in env.health:
        redactor.text(check.url)
    health = wait_for_checks(env.health, redactor, sleep=interrupts.sleep,
                             wait_s=env.deploy.health_timeout_s)
    return differences, dict(health)


_WATCH_ROUND_S = 2.0
_WATCH_BAD_ROUNDS = 2
"""Rounds in a row a service must be short of tasks (or a check fail) to fail the window:
one task being replaced is a blip, two rounds of it are not."""


def watch_window(env: Environment, window_s: float, interrupts: Interrupts, *,
                 memory_threshold: float = 0.80) -> str | None:
    """After convergence: for ``window_s`` seconds, a round every 2 s of the stack's tasks,
    the health checks and the memory of the tasks running on the manager's own node. The
    reason to roll back, or None. Catches what Swarm's ``monitor`` does not: tasks that fail
    after it, a check that starts failing, a task near its memory limit
    (``memory_threshold`` of it: the watch rule ``memory_warning``, 80 %) before the kernel
    kills it."""
    from envsync.capture.engine import connect, engine_errors, engine_url

    failures = engine_errors()
    client = None
    with contextlib.suppress(*failures):  # memory is then not read; the tasks still are
        client = connect(engine_url(env.docker))
    try:
        return _watch_rounds(env, window_s, interrupts, client, memory_threshold)
    finally:
        if client is not None:
            client.close()


def _watch_rounds(env: Environment, window_s: float, interrupts: Interrupts, client: Any,
                  memory_threshold: float) -> str | None:
    from envsync.capture.engine import engine_errors
    from envsync.capture.health import wait_for_checks
    from envsync.capture.swarm_memory import task_memory
    from envsync.secrets import Redactor

    assert env.swarm is not None
    failures = engine_errors()
    redactor = Redactor()
    for each in env.health:
        redactor.text(each.url)
    start = _capture(env)
    started = {n: (s.get("update_status") or {}).get("started")
               for n, s in ((start or {}).get("services") or {}).items()}
    bad: dict[str, int] = {}
    deadline = time.monotonic() + window_s
    while time.monotonic() < deadline:
        if not interrupts.sleep(min(_WATCH_ROUND_S, max(deadline - time.monotonic(), 0))):
            return None  # a signal: the deploy reports it as it is
        now = _capture(env) or {}
        seen: dict[str, str] = {}
        for name, svc in (now.get("services") or {}).items():
            status = svc.get("update_status") or {}
            if status.get("started") != started.get(name) or status.get("state") in (
                    "paused", "rollback_paused"):
                return (f"watch window: {name}'s update changed on its own "
                        f"({status.get('state')}: {status.get('message')})")
            desired, running = svc.get("desired"), svc.get("running") or 0
            if desired is not None and running < desired:
                errors = _task_errors(svc, None)
                seen[name] = (f"{name}: {running} of {desired} replicas running"
                              + (f" ({errors[-1]})" if errors else ""))
        if client is not None:
            try:
                tasks = task_memory(client, env.swarm.stack, now.get("services") or {},
                                    env.memory_limits_mb)
            except failures:
                tasks = []  # the engine's trouble shows in the tasks' states
            for task in tasks:
                if task.ratio is not None and task.ratio >= memory_threshold:
                    seen[f"memory {task.task}"] = task.describe()
        checks = wait_for_checks(env.health, redactor, wait_s=0, sleep=interrupts.sleep)
        for check, result in checks.items():
            if result["status"] != "ok":
                seen[f"check {check}"] = (f"health check {check}: "
                                          f"{result.get('error') or result['status']}")
        bad = {k: bad.get(k, 0) + 1 for k in seen}
        worst = [seen[k] for k, n in bad.items() if n >= _WATCH_BAD_ROUNDS]
        if worst:
            return "watch window: " + "; ".join(worst[:3])
    return None


def _verify_stack(config: Config, env: Environment) -> list[str]:
    """What runs and differs from the files checked out (drift's findings that are not
    mere uncommitted edits), one message each."""
    from envsync.capture import take_snapshot
    from envsync.diff.drift import drift
    from envsync.model import Direction

    snapshot = take_snapshot(config, env)
    bad = (Direction.RUNTIME_OVERRIDE, Direction.CONFLICT, Direction.NOT_RUNNING,
           Direction.UNDECLARED, Direction.NOT_DEPLOYED)
    return [f.message for f in drift(snapshot).findings if f.direction in bad]


def _back_to(prepared: Any, tag: str, interrupts: Interrupts, progress: Progress
             ) -> dict[str, Any]:
    from envsync.capture.git import run_git

    env = prepared.env
    try:
        commit = str(run_git(prepared.root, "rev-parse", "--verify", f"{tag}^{{commit}}")
                     ).strip()
        unversioned = list(prepared.current.get("env_files") or {})
        _, problems = redeploy_stack(prepared.config, env, commit, root=prepared.root,
                                     unversioned=unversioned, interrupts=interrupts,
                                     progress=progress)
    except EnvsyncError as exc:
        return {"level": 3, "to": tag, "result": "failed", "failure": str(exc)}
    return {"level": 3, "to": tag, "result": "failed" if problems else "ok",
            "failure": "; ".join(problems) or None}
