"""Preparing and executing a rollback.

:func:`prepare_rollback` captures what runs now, picks the restore point and plans (it
changes nothing: a dry run is this plus printing the script). :func:`execute_rollback`
checks the preconditions (a failed one changes nothing), records a restore point of the
state being left, runs the steps (stopping at the first failure), runs the health checks,
and appends the execution to ``<snapshots>/<env>/rollbacks.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.capture import Progress
from envsync.config import Config, Environment
from envsync.errors import EnvsyncError, RollbackError
from envsync.model import Snapshot
from envsync.plan import Step
from envsync.plan.executor import Interrupts, PlanResult
from envsync.rollback.plan import RollbackPlan
from envsync.rollback.points import KIND_BEFORE_ROLLBACK, RestorePoint, backup_dir
from envsync.rollback.safety import AtRisk, describe_at_risk
from envsync.secrets import Redactor
from envsync.types import CheckResult, LogStep

__all__ = ["LOG_NAME", "Outcome", "Prepared", "check_preconditions", "execute_rollback",
           "prepare_rollback"]

LOG_NAME = "rollbacks.jsonl"
HEALTH_WAIT_S = 30.0
"""How long the health checks may take to pass: services restart after the steps."""
REUSE_CAPTURE_S = 30.0
"""A capture made this recently by :func:`prepare_rollback` is recorded as the state being
left, instead of capturing again (each capture reads every container's stats: 1-2 s).
Older (a confirmation prompt left open), and the state is captured again."""


def _noop(_: str) -> None:
    pass


@dataclass
class Prepared:
    """Everything a rollback needs, gathered without changing anything."""

    config: Config
    env: Environment
    root: Path
    current: Snapshot
    point_snapshot: Snapshot
    rollback: RollbackPlan
    script: str
    captured_at: float = field(default_factory=time.monotonic)
    compose_error: str | None = None
    """Why the working tree's compose files could not be resolved (the plan was then made
    from the point's snapshot and git objects, and ``current`` has no compose part)."""
    project_hint: str | None = None
    at_risk: list[AtRisk] = field(default_factory=list)
    """Files the steps would overwrite or delete that git cannot give back (ignored,
    untracked, uncommitted edits); :func:`check_preconditions` refreshes it."""


def _running_since(snapshot: Snapshot) -> dt.datetime | None:
    from envsync.rollback.points import parse_time

    starts = [parse_time(c["started_at"]) for c in (snapshot.get("containers") or {}).values()
              if c.get("state") == "running" and c.get("started_at")]
    return max(starts) if starts else None


def _files(root: Path, commit: str, env: Environment, snapshots: tuple[Snapshot, ...]
           ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the compose and env files ``commit`` holds, the ones tracked now)."""
    from envsync.capture.git import run_git

    assert env.compose is not None
    names = list(env.compose.files) + ([env.compose.env_file] if env.compose.env_file else [])
    for snap in snapshots:
        names += list(snap.get("env_files") or {})
    names = list(dict.fromkeys(names))
    at_point = tuple(n for n in names if run_git(root, "cat-file", "-e", f"{commit}:{n}",
                                                  check=False) is not None)
    tracked = run_git(root, "ls-files", "-z", "--", *names, binary=True) or b""
    now = {n for n in tracked.decode(errors="surrogateescape").split("\0") if n}
    return at_point, tuple(n for n in names if n in now)


def _tag_commit(root: Path, tag: str) -> str | None:
    from envsync.capture.git import run_git

    sha = run_git(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}",
                  check=False)
    return str(sha) if sha else None


def prepare_rollback(*, config: Config, env_name: str, level: int, to: str | None = None,
                     progress: Progress = _noop, warn: Progress = _noop) -> Prepared:
    """Capture ``env_name`` now, choose the restore point, plan the level. Changes nothing.
    A bad manifest is skipped and passed to ``warn``: it never blocks another point."""
    from envsync.capture.compose import compose_command
    from envsync.plan import render_script
    from envsync.rollback.current import capture_current
    from envsync.rollback.plan import Tools, plan_rollback
    from envsync.rollback.points import choose_point, list_points
    from envsync.store import load_snapshot

    env = config.environment(env_name)
    env.one_engine("rollback")
    if env.swarm is not None and level in (1, 2, 3):  # a stack: rolled back through Swarm
        from envsync.rollback.swarm import prepare_swarm_rollback

        prepared: Prepared = prepare_swarm_rollback(config=config, env=env, level=level,
                                                    to=to, progress=progress, warn=warn)
        return prepared
    if env.compose is None or not env.git.is_worktree:
        raise RollbackError(f"{env_name}: a rollback needs a working tree (git: PATH) and "
                            "compose files")
    if level not in (1, 2, 3):
        raise RollbackError(f"--level {level}: choose 1 (configuration), 2 (containers) "
                            "or 3 (full)")
    points = list_points(backup_dir(config, env_name), snapshots_dir=config.snapshots_dir,
                         warn=warn)
    if not points:
        raise RollbackError(f"{env_name}: no restore points in {backup_dir(config, env_name)}: "
                            f"take one with `envsync backup {env_name}`")
    progress("capture what runs now")
    hint = _project_hint(points)
    current, compose_error = capture_current(config, env, project_hint=hint,
                                             progress=progress)
    captured_at = time.monotonic()
    if compose_error and level == 2:
        raise RollbackError(f"{compose_error} (level 2 runs compose with the files as they "
                            "are; levels 1 and 3 restore them from the restore point)")
    point = choose_point(points, to, _running_since(current))
    point_snapshot = load_snapshot(Path(point.snapshot))
    root = Path(current["git"]["path"])
    if _tag_commit(root, point.tag) != point.commit:
        raise RollbackError(f"git tag {point.tag} is missing or no longer at "
                            f"{point.commit[:12]} in {root}: the restore point is broken")
    point_files, current_files = _files(root, point.commit, env, (point_snapshot, current))
    tools = Tools(compose=compose_command(), docker=(shutil.which("docker") or "docker",),
                  git=shutil.which("git") or "git")
    rollback = plan_rollback(env=env, level=level, point=point, point_snapshot=point_snapshot,
                             current=current, root=root, tools=tools,
                             point_files=point_files, current_files=current_files)
    if compose_error:
        first = compose_error.strip().splitlines()[0] if compose_error.strip() else "?"
        rollback.plan.notes.append(f"the compose files do not parse now ({first}): planned "
                                   f"from {point.tag}'s snapshot and git objects")
    busy = _busy(root) if level == 3 else None
    if busy:
        rollback.plan.notes.append(f"{busy}; --execute refuses")
    at_risk = _at_risk(root, rollback)
    if at_risk:
        rollback.plan.notes.append(
            f"overwrites what git cannot give back: {describe_at_risk(at_risk)}; --execute "
            "refuses without --force, and with it keeps a copy of each first")
    return Prepared(config=config, env=env, root=root, current=current,
                    point_snapshot=point_snapshot, rollback=rollback,
                    script=render_script(rollback.plan), captured_at=captured_at,
                    at_risk=at_risk, compose_error=compose_error, project_hint=hint)


def _project_hint(points: list[RestorePoint]) -> str | None:
    """The compose project the newest point recorded (when envsync.yaml names none and
    the compose files no longer parse, it is how what runs is found)."""
    from envsync.errors import EnvsyncError
    from envsync.store import load_snapshot

    for point in reversed(points):
        try:
            project = (load_snapshot(Path(point.snapshot)).get("compose") or {}).get("project")
        except EnvsyncError:
            continue
        if project:
            return str(project)
    return None


def _busy(root: Path) -> str | None:
    """Why a level-3 rollback must not run now: a rebase, merge, cherry-pick, revert or
    bisect left half-done (`git reset --hard` under it loses commits on `--continue`)."""
    from envsync.rollback.safety import operation_in_progress

    busy = operation_in_progress(root)
    return f"{busy}: a level-3 rollback would reset the branch under it" if busy else None


def _at_risk(root: Path, rb: RollbackPlan) -> list[AtRisk]:
    """What the plan's git step would overwrite that git cannot give back (level 1: the
    files it restores; level 3: the whole tree and every tracked file; level 2: nothing)."""
    from envsync.rollback.safety import files_at_risk

    if rb.level == 2:
        return []
    if rb.level == 1:
        if not rb.restored:
            return []
        return files_at_risk(root, rb.point.commit, paths=tuple(rb.restored))
    return files_at_risk(root, rb.point.commit)


def _own_prefixes(config: Config, root: Path) -> tuple[str, ...]:
    out = []
    for folder in (config.snapshots_dir, config.backups_dir):
        if folder is None:
            continue
        try:
            out.append(folder.resolve().relative_to(root.resolve()).as_posix() + "/")
        except ValueError:
            continue
    return tuple(out)


def check_preconditions(prepared: Prepared, *, force: bool = False) -> list[str]:
    """What stops the rollback from running (empty when it may run). Reads only, but
    refreshes ``prepared.at_risk`` (the files the steps would overwrite that git cannot
    give back: refused unless ``force``)."""
    from envsync.capture.git import git_status

    rb, root = prepared.rollback, prepared.root
    point = rb.point
    problems = []
    if not point.manifest.is_file():
        problems.append(f"restore point {point.tag}: manifest {point.manifest} is gone")
    if _tag_commit(root, point.tag) != point.commit:
        problems.append(f"git tag {point.tag} is missing or moved from {point.commit[:12]}")
    if not Path(point.snapshot).is_file():
        problems.append(f"restore point {point.tag}: snapshot {point.snapshot} is gone")
    for archive in rb.archives:
        if not archive.is_file() or archive.stat().st_size == 0:
            problems.append(f"image archive {archive} is missing (pruned or deleted): "
                            "level 2 cannot run; try level 3")
    if rb.images_in_engine:
        problems += _missing_images(prepared.env, rb.images_in_engine)
    if rb.level == 3:
        busy = _busy(root)
        if busy:
            problems.append(busy)
    prepared.at_risk = _at_risk(root, rb)
    own = _own_prefixes(prepared.config, root)
    # envsync's own files (the log of a committed snapshots folder) are copied like the
    # others, but never a reason to stop.
    blocking = [a for a in prepared.at_risk if not a.path.startswith(own)]
    if blocking and not force:
        problems.append(
            f"the rollback would overwrite files git cannot give back: "
            f"{describe_at_risk(blocking)}; move them aside, or pass --force to "
            f"overwrite them (a copy of each is kept first in {point.folder / point.tag}/)")
    if not force:
        named = {a.path for a in blocking}  # already named above: once is enough
        # A staged rename touches both its paths: the one it left and the one it made.
        touched = [p for e in git_status(root, "--untracked-files=no")
                   for p in (e.source, e.path) if p is not None]
        dirty = [p for p in touched if not p.startswith(own) and p not in named]
        if dirty:
            shown = ", ".join(dirty[:5]) + (" …" if len(dirty) > 5 else "")
            problems.append(f"uncommitted edits in {root} ({shown}): commit or stash them, "
                            "or pass --force to let the rollback overwrite them")
    return problems


def _missing_images(env: Environment, image_ids: list[str]) -> list[str]:
    from envsync.capture.engine import connect, describe, engine_errors, engine_url, has_image

    try:
        client = connect(engine_url(env.docker))
    except engine_errors() as exc:
        return [f"cannot ask the engine for images without an archive: {describe(exc)}"]
    try:
        return [f"image {image_id[7:19]} has no archive and is no longer in the engine: "
                "level 2 cannot run; try level 3"
                for image_id in image_ids if not has_image(client, image_id)]
    finally:
        client.close()


@dataclass
class Outcome:
    """How an execution went; what the summary and the log show."""

    environment: str
    level: int
    point: str
    result: str = "ok"
    """ok, failed, health-failed, verify-failed, interrupted or precondition-failed."""
    steps: list[LogStep] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)
    failure: str | None = None
    health: dict[str, CheckResult] = field(default_factory=dict)
    kept: str | None = None
    """The folder holding copies of the files the rollback overwrote (``--force``)."""
    kept_files: list[str] = field(default_factory=list)
    before_tag: str | None = None
    before_snapshot: str | None = None
    go_back: str | None = None
    log: str = ""
    seconds: float = 0.0
    started: str = ""
    signal: str | None = None
    """``SIGINT`` or ``SIGTERM`` when one stopped the rollback (result ``interrupted``)."""
    interrupted_at: int | None = None
    """The step running (or next) when the signal came."""
    settled: list[LogStep] = field(default_factory=list)
    """After an interrupt: the steps that brought the services back, and how they went."""
    differences: list[str] = field(default_factory=list)
    """What runs and differs from the target after the steps (result ``verify-failed``)."""

    @property
    def ok(self) -> bool:
        return self.result == "ok"

    @property
    def exit_code(self) -> int:
        """0 done; 1 verification or health checks failing; 130/143 interrupted (SIGINT,
        SIGTERM); 2 a step or a precondition failed."""
        if self.result == "ok":
            return 0
        if self.result in ("health-failed", "verify-failed"):
            return 1
        if self.result == "interrupted":
            return 143 if self.signal == "SIGTERM" else 130
        return 2

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in (
            "started", "environment", "level", "point", "result", "steps", "not_run", "failure",
            "health", "kept", "kept_files", "before_tag", "before_snapshot", "go_back",
            "signal", "interrupted_at", "settled", "differences", "seconds", "log")}


def _scrubber(prepared: Prepared) -> Redactor:
    """A redactor that knows the values of the environment's env files (so none is logged)."""
    from envsync.capture.envfiles import read_env_file

    redactor = Redactor()
    for name in prepared.current.get("env_files") or {}:
        path = prepared.root / name
        if path.is_file():
            read_env_file(path, redactor)  # the redactor learns each secret value it sees
    return redactor


def _append_log(config: Config, env: str, outcome: Outcome) -> Path:
    from envsync.plan.executor import append_log

    path = config.snapshots_dir / env / LOG_NAME
    outcome.log = str(path)
    return append_log(path, outcome.to_json())


def execute_rollback(
    *,
    prepared: Prepared,
    force: bool = False,
    on_step: Callable[[int, Step], None] | None = None,
    progress: Progress = _noop,
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
        if prepared.env.swarm is not None:
            from envsync.rollback.swarm import execute_swarm_rollback

            outcome: Outcome = execute_swarm_rollback(prepared, force, on_step, progress,
                                                      interrupts)
            return outcome
        return _execute(prepared, force, on_step, progress, interrupts)


def _execute(prepared: Prepared, force: bool, on_step: Callable[[int, Step], None] | None,
             progress: Progress, interrupts: Interrupts) -> Outcome:
    from envsync.capture.engine import engine_url
    from envsync.plan.executor import run_plan
    from envsync.rollback.backup import take_backup

    started = time.perf_counter()
    rb, env, config = prepared.rollback, prepared.env, prepared.config
    outcome = Outcome(environment=env.name, level=rb.level, point=rb.point.tag,
                      started=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
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
        outcome.result, outcome.failure = "precondition-failed", "; ".join(problems)
        outcome.not_run = [s.title for s in rb.plan.steps]
        outcome.seconds = round(time.perf_counter() - started, 3)
        _append_log(config, env.name, outcome)
        raise RollbackError(f"{'; '.join(problems)} (nothing was changed)")
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
    except EnvsyncError as exc:  # a full disk: no step runs without the way back
        outcome.result, outcome.failure = "precondition-failed", str(exc)
        outcome.not_run = [s.title for s in rb.plan.steps]
        outcome.seconds = round(time.perf_counter() - started, 3)
        _append_log(config, env.name, outcome)
        raise RollbackError(f"{exc}; the rollback did not start (nothing was changed)") from None
    outcome.before_tag = before.point.tag
    outcome.before_snapshot = str(before.snapshot_path)
    force_flag = " --force" if rb.level == 1 else ""
    outcome.go_back = (f"envsync rollback {env.name} --to {before.point.tag} --level "
                       f"{rb.level} --execute{force_flag}")
    redactor = _scrubber(prepared)
    ran = run_plan(rb.plan, docker_host=engine_url(env.docker), on_step=on_step,
                   interrupts=interrupts)
    for r in ran.results:
        outcome.steps.append({"title": r.step.title, "command": r.step.shell(),
                              "returncode": r.returncode, "seconds": round(r.seconds, 3)})
    outcome.not_run = [s.title for s in rb.plan.steps[len(ran.results):]]
    failed = ran.failed
    total = len(rb.plan.steps)
    if ran.interrupted:
        _interrupted(outcome, ran, total, redactor)
    elif failed is not None:
        n = len(ran.results)
        outcome.result = "failed"
        outcome.failure = (f"step {n}/{total} ({failed.step.title}) failed: "
                           f"{redactor.scrub(failed.reason())}")
    else:
        from envsync.plan.verify import verify

        # Level 1 restores files (not images), level 2 images (not files), level 3 both,
        # rebuilding images maybe: matched against the files now checked out.
        progress("compare what runs with the restore point")
        # The services that ran at the point must run again (a one-shot job that had
        # exited then need not).
        ran_then = sorted({c["service"] for c in (prepared.point_snapshot.get("containers")
                                                  or {}).values()
                           if c.get("service") and c.get("state") == "running"})
        outcome.differences = [redactor.scrub(d) for d in verify(
            config, env, target=None if rb.level == 3 else prepared.point_snapshot,
            services=ran_then if prepared.point_snapshot.get("containers") is not None
            else None,
            skip=("image_id", "image") if rb.level == 1 else (),
            only=("image_id",) if rb.level == 2 else None,
            wait_s=HEALTH_WAIT_S, interrupts=interrupts)]
        from envsync.capture.health import wait_for_checks

        outcome.health = wait_for_checks(env.health, redactor, wait_s=HEALTH_WAIT_S,
                                         sleep=interrupts.sleep)
        if interrupts.received:
            outcome.result, outcome.signal = "interrupted", interrupts.name
            outcome.failure = (f"interrupted by {interrupts.name} after the last step, during "
                               "the checks: run `envsync drift "
                               f"{env.name}` to see what runs")
        elif outcome.differences:
            outcome.result = "verify-failed"
            outcome.failure = (f"what runs differs from {rb.point.tag} after the steps: "
                               f"{'; '.join(outcome.differences[:3])}"
                               + (" …" if len(outcome.differences) > 3 else ""))
        elif any(h["status"] != "ok" for h in outcome.health.values()):
            outcome.result = "health-failed"
            bad = [n for n, h in outcome.health.items() if h["status"] != "ok"]
            outcome.failure = f"health checks failing after the rollback: {', '.join(bad)}"
    outcome.seconds = round(time.perf_counter() - started, 3)
    _append_log(config, env.name, outcome)
    return outcome


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
    outcome.settled = [{"title": r.step.title, "command": r.step.shell(),
                        "returncode": r.returncode, "seconds": round(r.seconds, 3)}
                       for r in ran.settled]
    settled = ""
    if ran.settled:
        bad = [r for r in ran.settled if not r.ok]
        settled = ("; services brought back (compose up --no-recreate)" if not bad else
                   f"; bringing the services back failed: {redactor.scrub(bad[0].reason())}")
    outcome.failure = f"interrupted by {ran.interrupted} {where}{settled}"
