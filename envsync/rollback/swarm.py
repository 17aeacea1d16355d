"""Rolling a Swarm stack back, through Swarm.

- level 2 (containers): ``docker service rollback`` of each service Swarm holds a previous
  spec for: the spec before its last update, images included;
- level 1 (configuration): the restore point's compose and env files written back, and its
  stack file redeployed (``docker stack deploy``);
- level 3 (full): the working tree reset to the restore point's commit, and its stack file
  redeployed.

Then the wait for convergence, the drift of what runs against the files (levels 1 and 3)
and the health checks. Same :class:`~envsync.rollback.execute.Prepared` and ``Outcome`` as
a compose rollback: the CLI renders and logs them alike.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import time
from collections.abc import Callable
from typing import Any

from envsync.capture import Progress, no_progress
from envsync.config import Config, Environment
from envsync.errors import EnvsyncError, RollbackError
from envsync.plan import Plan, Step
from envsync.plan.executor import Interrupts

__all__ = ["execute_swarm_rollback", "prepare_swarm_rollback"]



def _with_previous(env: Environment) -> list[str]:
    """The stack's services for which Swarm keeps a previous spec."""
    from envsync.capture.engine import connect, engine_url
    from envsync.capture.swarm import STACK_LABEL, service_key

    assert env.swarm is not None
    client = connect(engine_url(env.docker))
    try:
        listed = client.api.services(filters={"label": f"{STACK_LABEL}={env.swarm.stack}"})
    finally:
        client.close()
    return sorted(service_key(str(s["Spec"]["Name"]), env.swarm.stack) for s in listed
                  if s.get("PreviousSpec"))


def prepare_swarm_rollback(*, config: Config, env: Environment, level: int, to: str | None,
                           progress: Progress = no_progress, warn: Progress = no_progress) -> Any:
    """:func:`envsync.rollback.execute.prepare_rollback` for a stack. Changes nothing."""
    from envsync.capture import take_snapshot
    from envsync.capture.engine import engine_errors
    from envsync.deploy.swarm import _deploy_step, _stack_path
    from envsync.plan import render_script
    from envsync.rollback.plan import RollbackPlan
    from envsync.rollback.points import backup_dir, list_points
    from envsync.rollback.preconditions import own_prefixes
    from envsync.rollback.prepare import Prepared, at_risk, choose_checked_point
    from envsync.rollback.safety import describe_at_risk

    assert env.swarm is not None and env.compose is not None
    points = list_points(backup_dir(config, env.name), snapshots_dir=config.snapshots_dir,
                         warn=warn)
    if not points:
        raise RollbackError(f"{env.name}: no restore points in {backup_dir(config, env.name)}:"
                            f" take one with `envsync backup {env.name}`")
    progress("capture the stack now")
    current = take_snapshot(config, env, progress=progress)
    captured_at = time.monotonic()
    if current.get("swarm") is None:
        reasons = [e["reason"] for e in current["meta"].get("errors") or []]
        raise RollbackError(f"cannot read stack {env.swarm.stack} of {env.name}: "
                            f"{reasons[0] if reasons else '?'}")
    point, point_snapshot, root = choose_checked_point(points, to, current)
    git = shutil.which("git") or "git"
    plan = Plan(title=f"envsync rollback of {env.name} (stack {env.swarm.stack}) to "
                      f"{point.tag}, level {level}")
    rb = RollbackPlan(level=level, point=point, plan=plan)
    if level == 2:
        try:
            services = _with_previous(env)
        except engine_errors() as exc:
            raise RollbackError(f"cannot read stack {env.swarm.stack}: {exc}") from None
        rb.services = services
        docker = shutil.which("docker") or "docker"
        for name in services:
            plan.add(Step(title=f"docker service rollback {name}",
                          why="Back to the spec before the service's last update (Swarm "
                              "keeps it), with Swarm's rollback_config.",
                          argv=(docker, "service", "rollback", "--detach",
                                f"{env.swarm.stack}_{name}"),
                          env=(("DOCKER_HOST", env.docker),) if env.docker else ()))
        if not services:
            plan.notes.append("no service of the stack has a previous spec: nothing to do")
        plan.notes.append("the files stay as they are (level 1 or 3 restores them)")
    else:
        files = [*env.compose.files, *([env.compose.env_file] if env.compose.env_file else [])]
        if level == 1:
            plan.add(Step(title=f"restore the files of {point.tag}",
                          why="Write the restore point's compose and env files into the "
                              "working tree (the rest of the tree stays).",
                          argv=(git, "--literal-pathspecs", "-C", str(root), "checkout",
                                point.commit, "--", *files)))
        else:
            plan.add(Step(title=f"check out {point.tag}",
                          why=f"Reset the working tree to {point.commit[:12]}.",
                          argv=(git, "--literal-pathspecs", "-C", str(root), "reset",
                                "--hard", point.commit)))
        rb.restored = files
        rb.services = sorted((point_snapshot.get("swarm") or {}).get("services") or {})
        plan.add(_deploy_step(env, _stack_path(env, point.commit),
                              f"{point.tag}'s stack file"))
    own = own_prefixes(config, root)
    risky = [a for a in at_risk(root, rb) if not a.path.startswith(own)]
    if risky:
        plan.notes.append(f"overwrites what git cannot give back: {describe_at_risk(risky)};"
                          " --execute refuses without --force")
    return Prepared(config=config, env=env, root=root, current=current,
                    point_snapshot=point_snapshot, rollback=rb, script=render_script(plan),
                    captured_at=captured_at, at_risk=risky)


def execute_swarm_rollback(prepared: Any, force: bool,
                           on_step: Callable[[int, Step], None] | None,
                           progress: Progress, interrupts: Interrupts) -> Any:
    """:func:`envsync.rollback.execute.execute_rollback` for a stack (under the lock)."""
    from envsync.capture.health import wait_for_checks
    from envsync.deploy.preflight import resolve_target
    from envsync.deploy.swarm import (
        _capture,
        _stack_path,
        _verify_stack,
        _write_private,
        stack_file,
        wait_converged,
    )
    from envsync.plan.executor import run_plan, unlogged
    from envsync.rollback.backup import take_backup
    from envsync.rollback.execute import REUSE_CAPTURE_S, scrubber
    from envsync.rollback.outcome import Outcome, append_outcome
    from envsync.rollback.points import KIND_BEFORE_ROLLBACK

    started = time.perf_counter()
    rb, env, config = prepared.rollback, prepared.env, prepared.config
    assert env.swarm is not None
    outcome = Outcome(environment=env.name, level=rb.level, point=rb.point.tag,
                      started=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def finish() -> Any:
        outcome.seconds = round(time.perf_counter() - started, 3)
        append_outcome(config, env.name, outcome)
        return outcome

    if prepared.at_risk and not force:
        from envsync.rollback.safety import describe_at_risk

        outcome.result = "precondition-failed"
        outcome.failure = (f"the steps would overwrite what git cannot give back: "
                           f"{describe_at_risk(prepared.at_risk)}; move them aside, or pass "
                           "--force")
        outcome.not_run = [s.title for s in rb.plan.steps]
        finish()
        raise RollbackError(f"{outcome.failure} (nothing was changed)"
                            f"{unlogged(outcome.log)}")
    progress("record the state being left")
    fresh = time.monotonic() - prepared.captured_at < REUSE_CAPTURE_S
    try:
        before = take_backup(config=config, env_name=env.name, images="none",
                             kind=KIND_BEFORE_ROLLBACK, progress=progress,
                             snapshot=prepared.current if fresh else None)
    except EnvsyncError as exc:
        outcome.result, outcome.failure = "precondition-failed", str(exc)
        outcome.not_run = [s.title for s in rb.plan.steps]
        finish()
        raise RollbackError(f"{exc}; the rollback did not start (nothing was changed)"
                            f"{unlogged(outcome.log)}") from None
    outcome.before_tag = before.point.tag
    outcome.before_snapshot = str(before.snapshot_path)
    outcome.go_back = (f"envsync rollback {env.name} --to {before.point.tag} --level 3 "
                       "--execute")
    redactor = scrubber(prepared)
    path = None
    if rb.level != 2:
        unversioned = list(prepared.current.get("env_files") or {})
        _, model, hashes = resolve_target(prepared.root, env, rb.point.commit, unversioned)
        path = _stack_path(env, rb.point.commit)
        _write_private(path, json.dumps(stack_file(model, env.swarm.update, hashes)))
    state = _capture(env)
    try:
        ran = run_plan(rb.plan, on_step=on_step, interrupts=interrupts)
    finally:
        if path is not None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    outcome.steps = [{"title": r.step.title, "command": r.step.shell(),
                      "returncode": r.returncode, "seconds": round(r.seconds, 3)}
                     for r in ran.results]
    outcome.not_run = [s.title for s in rb.plan.steps[len(ran.results):]]
    if ran.interrupted:
        outcome.result, outcome.signal = "interrupted", ran.interrupted
        outcome.failure = f"interrupted by {ran.interrupted}: Swarm finishes what it started"
        return finish()
    if ran.failed is not None:
        outcome.result = "failed"
        outcome.failure = (f"step {ran.failed.step.title!r} failed: "
                           f"{redactor.scrub(ran.failed.reason())}")
        return finish()
    progress("wait for Swarm to converge")
    problems, _ = wait_converged(env, state, sleep=interrupts.sleep, progress=progress)
    # A level 2 asks for rollbacks: Swarm reporting one is the expected end.
    problems = [p for p in problems if rb.level != 2 or not p.startswith("Swarm rolled")]
    if not problems and rb.level != 2:
        problems = _verify_stack(config, env)
    outcome.health = wait_for_checks(env.health, redactor, wait_s=env.deploy.health_timeout_s,
                                     sleep=interrupts.sleep)
    if problems:
        outcome.result = "verify-failed"
        outcome.differences = [redactor.scrub(p) for p in problems]
        outcome.failure = (f"what runs differs from {rb.point.tag} after the steps: "
                           + "; ".join(outcome.differences[:3]))
    elif any(h["status"] != "ok" for h in outcome.health.values()):
        outcome.result = "health-failed"
        bad = [n for n, h in outcome.health.items() if h["status"] != "ok"]
        outcome.failure = f"health checks failing after the rollback: {', '.join(bad)}"
    return finish()
