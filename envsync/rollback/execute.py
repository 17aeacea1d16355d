"""Executing a prepared rollback.

:func:`execute_rollback` checks the preconditions (a failed one changes nothing), records
a restore point of the state being left, runs the steps (stopping at the first failure),
compares what runs with the restore point, runs the health checks, and appends the
execution to ``<snapshots>/<env>/rollbacks.jsonl``. Preparing is
:mod:`envsync.rollback.prepare`, the checks before :mod:`envsync.rollback.preconditions`,
the outcome and its log line :mod:`envsync.rollback.outcome`; their names are also
importable from here, as they were before the split.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from envsync.capture import Progress, no_progress
from envsync.errors import EnvsyncError, RollbackError
from envsync.plan import Step
from envsync.plan.executor import Interrupts, PlanResult, StepResult, unlogged
from envsync.rollback.outcome import LOG_NAME, Outcome, append_outcome
from envsync.rollback.points import KIND_BEFORE_ROLLBACK
from envsync.rollback.preconditions import check_preconditions
from envsync.rollback.prepare import Prepared, prepare_rollback
from envsync.secrets import Redactor
from envsync.types import LogStep

__all__ = ["LOG_NAME", "REUSE_CAPTURE_S", "Outcome", "Prepared", "check_preconditions",
           "execute_rollback", "prepare_rollback", "scrubber"]

HEALTH_WAIT_S = 30.0
"""How long the health checks may take to pass: services restart after the steps."""
REUSE_CAPTURE_S = 30.0
"""A capture made this recently by :func:`prepare_rollback` is recorded as the state being
left, instead of capturing again (each capture reads every container's stats: 1-2 s).
Older (a confirmation prompt left open), and the state is captured again."""



def scrubber(prepared: Prepared) -> Redactor:
    """A redactor that knows the values of the environment's env files (so none is logged)."""
    from envsync.capture.envfiles import read_env_file

    redactor = Redactor()
    for name in prepared.current.get("env_files") or {}:
        path = prepared.root / name
        if path.is_file():
            read_env_file(path, redactor)  # the redactor learns each secret value it sees
    return redactor


def execute_rollback(
    *,
    prepared: Prepared,
    force: bool = False,
    on_step: Callable[[int, Step], None] | None = None,
    progress: Progress = no_progress,
    wait_s: float = 0,
) -> Outcome:
    """Run a prepared rollback under the environment's lock (waiting up to ``wait_s``):
    preconditions (RollbackError, nothing changed, when one fails), a restore point of the
    state being left, the steps, the health checks, the log. SIGINT/SIGTERM stop it at a
    step boundary (see :mod:`envsync.plan.executor`): the outcome is ``interrupted``."""
    from envsync.lock import environment_lock
    from envsync.plan.executor import Interrupts

    env, level = prepared.env.name, prepared.rollback.level
    with environment_lock(prepared.config, env,
                          f"envsync rollback {env} --level {level} --execute",
                          wait_s=wait_s, waiting=progress), Interrupts() as interrupts:
        from envsync import journal

        # A deploy killed half-way: logged now if nobody did; cleared once undone.
        journal.claim(prepared.config, env, f"envsync rollback {env} --execute")
        if prepared.env.swarm is not None:
            from envsync.rollback.swarm import execute_swarm_rollback

            outcome: Outcome = execute_swarm_rollback(prepared, force, on_step, progress,
                                                      interrupts)
            if outcome.result == "ok" and journal.resolved(prepared.config, env, level):
                progress("the record of the run that never finished is cleared")
            return outcome
        return _execute(prepared, force, on_step, progress, interrupts)


def _execute(prepared: Prepared, force: bool, on_step: Callable[[int, Step], None] | None,
             progress: Progress, interrupts: Interrupts) -> Outcome:
    from envsync.capture.engine import engine_url
    from envsync.journal import Journal
    from envsync.plan.executor import run_plan

    started = time.perf_counter()
    rb, env = prepared.rollback, prepared.env
    outcome = Outcome(environment=env.name, level=rb.level, point=rb.point.tag,
                      started=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _check_and_keep_copies(prepared, outcome, force, progress, started)
    _record_state_left(prepared, outcome, progress, started)
    journal = Journal(prepared.config, env.name)
    try:  # killed from here on, the next run knows a rollback is half-done
        journal.begin("rollback", restore_point=outcome.before_tag or "?",
                      moves_tree=rb.level != 2, steps=[s.title for s in rb.plan.steps],
                      details={"to": rb.point.tag, "level": rb.level})
    except EnvsyncError as exc:  # a full disk
        _refuse(prepared, outcome, str(exc), started)
        raise RollbackError(f"{exc}; the rollback did not start (nothing was changed)"
                            f"{unlogged(outcome.log)}") from None
    redactor = scrubber(prepared)

    def each_step(n: int, step: Step) -> None:
        journal.step(n)
        if on_step is not None:
            on_step(n, step)

    ran = run_plan(rb.plan, docker_host=engine_url(env.docker), on_step=each_step,
                   interrupts=interrupts)
    outcome.steps = [_log_step(r) for r in ran.results]
    outcome.not_run = [s.title for s in rb.plan.steps[len(ran.results):]]
    failed = ran.failed
    total = len(rb.plan.steps)
    if ran.interrupted:
        _interrupted(outcome, ran, total, redactor)
    elif failed is not None:
        outcome.result = "failed"
        outcome.failure = (f"step {len(ran.results)}/{total} ({failed.step.title}) failed: "
                           f"{redactor.scrub(failed.reason())}")
    else:
        _check_result(prepared, outcome, redactor, progress, interrupts)
    outcome.seconds = round(time.perf_counter() - started, 3)
    append_outcome(prepared.config, env.name, outcome)
    if journal.end(undone_at=rb.level if outcome.result == "ok" else None):
        progress("the record of the run that never finished is cleared")
    return outcome


def _refuse(prepared: Prepared, outcome: Outcome, failure: str, started: float) -> None:
    """Log the execution as not started (``precondition-failed``): no step ran."""
    outcome.result, outcome.failure = "precondition-failed", failure
    outcome.not_run = [s.title for s in prepared.rollback.plan.steps]
    outcome.seconds = round(time.perf_counter() - started, 3)
    append_outcome(prepared.config, prepared.env.name, outcome)


def _check_and_keep_copies(prepared: Prepared, outcome: Outcome, force: bool,
                           progress: Progress, started: float) -> None:
    """The preconditions; with ``--force``, a copy of each file git cannot give back.
    Raises RollbackError (and logs the refusal) when the rollback must not start."""
    rb = prepared.rollback
    problems = check_preconditions(prepared, force=force)
    if not problems and prepared.at_risk:
        from envsync.rollback.safety import keep_copies

        # --force: the steps may overwrite them, but never before a copy exists.
        progress("keep a copy of the files the rollback overwrites")
        try:
            kept = keep_copies(prepared.root, prepared.at_risk, rb.point.folder / rb.point.tag)
            outcome.kept, outcome.kept_files = str(kept), [a.path for a in prepared.at_risk]
        except RollbackError as exc:
            problems.append(str(exc))
    if problems:
        _refuse(prepared, outcome, "; ".join(problems), started)
        raise RollbackError(f"{'; '.join(problems)} (nothing was changed)"
                            f"{unlogged(outcome.log)}")


def _record_state_left(prepared: Prepared, outcome: Outcome, progress: Progress,
                       started: float) -> None:
    """A restore point of the state being left, and the command that goes back to it.
    Raises RollbackError (and logs the refusal) when it cannot be recorded: no step runs
    without the way back."""
    from envsync.rollback.backup import take_backup

    rb, env, config = prepared.rollback, prepared.env, prepared.config
    progress("record the state being left")
    fresh = time.monotonic() - prepared.captured_at < REUSE_CAPTURE_S
    left = prepared.current if fresh else None
    try:
        if left is None and prepared.compose_error:
            from envsync.rollback.current import capture_current

            # take_backup's own capture would stop at the same unparseable compose files.
            left, _ = capture_current(config, env, project_hint=prepared.project_hint,
                                      progress=progress)
        before = take_backup(config=config, env_name=env.name, images="cheap",
                             kind=KIND_BEFORE_ROLLBACK, progress=progress, snapshot=left)
    except EnvsyncError as exc:  # a full disk
        _refuse(prepared, outcome, str(exc), started)
        raise RollbackError(f"{exc}; the rollback did not start (nothing was changed)"
                            f"{unlogged(outcome.log)}") from None
    outcome.before_tag = before.point.tag
    outcome.before_snapshot = str(before.snapshot_path)
    force_flag = " --force" if rb.level == 1 else ""
    outcome.go_back = (f"envsync rollback {env.name} --to {before.point.tag} --level "
                       f"{rb.level} --execute{force_flag}")


def _check_result(prepared: Prepared, outcome: Outcome, redactor: Redactor,
                  progress: Progress, interrupts: Interrupts) -> None:
    """After every step ran: what runs against the restore point, then the health checks;
    the outcome's result says which failed (or that a signal came meanwhile)."""
    from envsync.capture.health import wait_for_checks
    from envsync.plan.verify import verify

    rb, env, point_snapshot = prepared.rollback, prepared.env, prepared.point_snapshot
    # Level 1 restores files (not images), level 2 images (not files), level 3 both,
    # rebuilding images maybe: matched against the files now checked out.
    progress("compare what runs with the restore point")
    # The services that ran at the point must run again (a one-shot job that had
    # exited then need not).
    ran_then = sorted({c["service"] for c in (point_snapshot.get("containers") or {}).values()
                       if c.get("service") and c.get("state") == "running"})
    outcome.differences = [redactor.scrub(d) for d in verify(
        prepared.config, env, target=None if rb.level == 3 else point_snapshot,
        services=ran_then if point_snapshot.get("containers") is not None else None,
        skip=("image_id", "image") if rb.level == 1 else (),
        only=("image_id",) if rb.level == 2 else None,
        wait_s=HEALTH_WAIT_S, interrupts=interrupts)]
    outcome.health = wait_for_checks(env.health, redactor, wait_s=HEALTH_WAIT_S,
                                     sleep=interrupts.sleep)
    if interrupts.received:
        outcome.result, outcome.signal = "interrupted", interrupts.name
        outcome.failure = (f"interrupted by {interrupts.name} after the last step, during "
                           f"the checks: run `envsync drift {env.name}` to see what runs")
    elif outcome.differences:
        outcome.result = "verify-failed"
        outcome.failure = (f"what runs differs from {rb.point.tag} after the steps: "
                           f"{'; '.join(outcome.differences[:3])}"
                           + (" …" if len(outcome.differences) > 3 else ""))
    elif any(h["status"] != "ok" for h in outcome.health.values()):
        outcome.result = "health-failed"
        bad = [n for n, h in outcome.health.items() if h["status"] != "ok"]
        outcome.failure = f"health checks failing after the rollback: {', '.join(bad)}"


def _log_step(result: StepResult) -> LogStep:
    return {"title": result.step.title, "command": result.step.shell(),
            "returncode": result.returncode, "seconds": round(result.seconds, 3)}


def _interrupted(outcome: Outcome, ran: PlanResult, total: int, redactor: Redactor) -> None:
    """Where a signal stopped the rollback, in the outcome (and so in the log)."""
    n = ran.interrupted_at or 1
    outcome.result, outcome.signal, outcome.interrupted_at = "interrupted", ran.interrupted, n
    if n > len(ran.results):
        where = (f"before step {n}/{total}" if ran.results else "before the first step "
                 "(nothing was changed)")
    else:
        last = ran.results[-1]
        how = ("was stopped" if last.stopped else "finished" if last.ok
               else f"failed ({redactor.scrub(last.reason())})")
        where = f"during step {n}/{total} ({last.step.title}), which {how}"
    outcome.settled = [_log_step(r) for r in ran.settled]
    settled = ""
    if ran.settled:
        bad = [r for r in ran.settled if not r.ok]
        settled = ("; services brought back (compose up --no-recreate)" if not bad else
                   f"; bringing the services back failed: {redactor.scrub(bad[0].reason())}")
    outcome.failure = f"interrupted by {ran.interrupted} {where}{settled}"
