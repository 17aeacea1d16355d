"""A deploy, rollback or runtime patch that never finished: what it was doing when its
process died.

The environment's lock (:mod:`envsync.lock`) is released by the kernel however envsync
ends, so a ``kill -9``, an OOM kill or a reboot in the middle of ``deploy --execute``,
``rollback --execute`` or ``patch --to runtime --execute`` leaves no lock in the way, and
nothing else would say that the files or containers are half-way (a rollback killed after
``compose down`` leaves nothing running). Once its restore point exists (a patch takes
none: it records the newest backup as its way back), a run therefore writes
``<backups>/ENV/.envsync-running.json``, updates it before each step, and removes it when
its log line is written (ok, failed or interrupted: the line says how). Found while nobody
holds the lock, it means the run was killed:

- a deploy, a runtime patch and a ``backup`` refuse (exit 2), naming it: a restore point
  taken now would record a half-done state as ``stable``, and a deploy would take it as
  its way back;
- the killed run's line is appended to its log (``deploys.jsonl``, ``rollbacks.jsonl`` or
  ``patches.jsonl``, ``result: interrupted``, where it stopped) once, by the first run
  that finds it;
- ``rollback --execute`` runs, and removes it when it succeeds having undone all the killed
  run may have done (see :func:`resolved`).

The file is envsync's own state, read only here and defensively (a file that does not
parse counts as a killed run with no details, and one of another shape is still
described as well as it can be). What a run writes follows the ``envsync.run-journal/v1``
schema (envsync/schemas/run-journal.json) and is checked against it before it is written;
a record found and written back (``logged``, ``previous``) is kept as it was found.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from envsync.config import Config

__all__ = ["JOURNAL_NAME", "JOURNAL_SCHEMA", "Journal", "abandoned", "claim", "describe", "resolved"]

JOURNAL_NAME = ".envsync-running.json"
JOURNAL_SCHEMA = "envsync.run-journal/v1"


def _path(config: Config, env: str) -> Path:
    from envsync.rollback.points import backup_dir

    return backup_dir(config, env) / JOURNAL_NAME


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _write(path: Path, record: dict[str, Any], *, check: bool = False) -> None:
    """Write ``record`` atomically; ``check``: a record of this run's own, which must
    match the schema (DocumentError, nothing written, when it does not)."""
    from envsync.store import atomic_write_text

    if check:
        from envsync.schemas import validate

        validate(record, "run-journal", f"{path} (the record being written)")
    atomic_write_text(path, json.dumps(record) + "\n", 0o600)


def _read(path: Path) -> dict[str, Any] | None:
    """The record, ``{}`` when the file is there but unreadable, None when absent."""
    from envsync.errors import EnvsyncError
    from envsync.files import KIB, read_text_bounded

    if not (path.exists() or path.is_symlink()):
        return None
    try:
        data = json.loads(read_text_bounded(path, 256 * KIB, "envsync's run journal"))
    except (EnvsyncError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _ours(record: dict[str, Any]) -> bool:
    return record.get("pid") == os.getpid() and record.get("host") == socket.gethostname()


class Journal:
    """The running deploy's or rollback's record: :meth:`begin` once its restore point
    exists, :meth:`step` before each step, :meth:`end` once its log line is written. A
    rollback a deploy runs itself (its automatic rollback) leaves the deploy's record."""

    def __init__(self, config: Config, env: str) -> None:
        self.path = _path(config, env)
        self.record: dict[str, Any] = {}

    def begin(self, kind: str, *, restore_point: str | None, moves_tree: bool,
              steps: list[str], details: dict[str, Any]) -> None:
        """``kind`` is deploy (``details``: ref, commit), rollback (to, level) or patch
        (services); ``restore_point`` the way back (a patch: the newest backup, if any).
        A killed run's record found here (the rollback undoing it) is kept inside, and
        put back by :meth:`end` unless undone. Raises StorageError (a full disk) or
        DocumentError (a record off its schema: a bug): no step ran."""
        found = _read(self.path)
        if found and _ours(found):  # the deploy's own rollback: the deploy's record says so
            found["rolling_back"] = True
            from envsync.errors import EnvsyncError

            with contextlib.suppress(EnvsyncError, OSError):
                _write(self.path, found)
            return
        self.record = {"schema": JOURNAL_SCHEMA, "kind": kind, "pid": os.getpid(),
                       "host": socket.gethostname(), "started": _now(), **details,
                       "restore_point": restore_point, "moves_tree": moves_tree,
                       "steps": steps, "step": 0, "logged": False}
        if found is not None:
            self.record["previous"] = found
        _write(self.path, self.record, check=True)

    def step(self, number: int) -> None:
        if not self.record:
            return
        self.record["step"] = number
        from envsync.errors import EnvsyncError

        # Best effort: on a full disk the run goes on; the record names an earlier step.
        with contextlib.suppress(EnvsyncError, OSError):
            _write(self.path, self.record, check=True)

    def end(self, undone_at: int | None = None) -> bool:
        """The run is over (its log line written): its record goes. ``undone_at``: the
        level of a rollback that succeeded; the killed run's record it found goes too when
        that undid it, else it is put back. True when a killed run's record went."""
        if not self.record:
            return False
        previous = self.record.get("previous")
        self.record = {}
        if isinstance(previous, dict) and not (undone_at is not None
                                               and _undoes(previous, undone_at)):
            from envsync.errors import EnvsyncError

            with contextlib.suppress(EnvsyncError, OSError):
                _write(self.path, previous)
                return False
        with contextlib.suppress(OSError):
            self.path.unlink()
        return isinstance(previous, dict)


def abandoned(config: Config, env: str) -> dict[str, Any] | None:
    """The record of a run on ``env`` that ended without finishing (``{}`` when its file
    does not parse), else None: a run going on now is not. Holding the lock, that is
    certain; without it (a dry run) the record's pid must have ended."""
    from envsync.lock import holds, pid_ended

    path = _path(config, env)
    record = _read(path)
    if record is None or _ours(record):
        return None
    if holds(path.parent) or not record or pid_ended(record):
        return record
    return None


def _int(record: dict[str, Any], key: str) -> int:
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _steps(record: dict[str, Any]) -> list[str]:
    steps = record.get("steps")
    return [s for s in steps if isinstance(s, str)] if isinstance(steps, list) else []


def _summary(record: dict[str, Any]) -> str:
    """Which run, and where it stopped."""
    since = str(record.get("started", "?"))
    clock = since[11:19] if len(since) >= 19 else since
    steps, n = _steps(record), _int(record, "step")
    if n and steps and n <= len(steps):
        where = f"during step {n}/{len(steps)} ({steps[n - 1]})"
    else:
        where = "after its restore point, before its first step"
    if record.get("rolling_back"):
        where = f"{where.replace('during', 'after')}, in its automatic rollback"
    if record.get("kind") == "rollback":
        what = (f"the rollback to {record.get('to', '?')} (level "
                f"{record.get('level', '?')})")
    elif record.get("kind") == "patch":
        services = record.get("services")
        names = (", ".join(s for s in services if isinstance(s, str))
                 if isinstance(services, list) else "")
        what = f"the runtime patch recreating {names or '?'}"
    else:
        what = f"the deploy of {record.get('ref', '?')}"
    return (f"{what} by pid {record.get('pid', '?')} on host {record.get('host', '?')} "
            f"(started {clock} UTC) ended without finishing {where} (killed, or the machine "
            "stopped)")


def describe(config: Config, env: str, record: dict[str, Any]) -> str:
    """One line: which run, where it stopped, and the ways on."""
    path = _path(config, env)
    if not record:
        return (f"{env}: {path} is there but unreadable: a deploy, rollback or patch "
                f"ended without finishing; check {env} (`envsync drift {env}`), go back "
                f"with `envsync rollback {env} --level 3 --execute`, or delete that file")
    back = (f"`envsync rollback {env} --to {record.get('restore_point', '?')} --level 3 "
            "--execute`")
    if record.get("kind") == "rollback":
        ways = (f"finish it with `envsync rollback {env} --to {record.get('to', '?')} --level "
                f"{record.get('level', '?')} --execute`, or go back with {back}")
    elif record.get("kind") == "patch":
        # It left the files alone: any rollback that succeeds clears it (see _undoes).
        again = (f"delete {path} once `envsync drift {env}` shows what runs, then patch "
                 "again")
        if not record.get("restore_point"):
            return (f"{env}: {_summary(record)}: {env} may run part of it; {again}, or go "
                    f"back with `envsync rollback {env} --level 3 --execute` (a restore "
                    "point is needed)")
        return (f"{env}: {_summary(record)}: {env} may run part of it; go back with {back}, "
                f"or {again}")
    else:
        ways = f"go back with {back} (then deploy again)"
    return (f"{env}: {_summary(record)}: {env} may run part of it; {ways}, or delete {path} "
            f"once you have checked {env}")


def _log_line(config: Config, env: str, record: dict[str, Any], found_by: str
              ) -> tuple[Path, dict[str, Any]]:
    """The killed run's line for its log, and the log's path."""
    steps, n = _steps(record), _int(record, "step")
    failure = f"{_summary(record)}; found by {found_by} at {_now()}"
    started = str(record.get("started") or _now())
    not_run = steps[max(n - 1, 0):]
    if record.get("kind") == "patch":
        from envsync.patch.runtime import PATCH_LOG, PatchOutcome
        from envsync.patchlog import PATCH_LOG_SCHEMA

        path = config.snapshots_dir / env / PATCH_LOG
        patch = PatchOutcome(environment=env, started=started, result="interrupted",
                             failure=failure, interrupted_at=n or None)
        return path, {"schema": PATCH_LOG_SCHEMA, **patch.to_json()}
    if record.get("kind") == "rollback":
        from envsync.rollback.outcome import LOG_NAME as ROLLBACKS
        from envsync.rollback.outcome import Outcome as RollbackOutcome

        path = config.snapshots_dir / env / ROLLBACKS
        back = RollbackOutcome(environment=env, level=_int(record, "level"),
                               point=str(record.get("to") or "?"), result="interrupted",
                               not_run=not_run, failure=failure, started=started,
                               before_tag=record.get("restore_point"),
                               interrupted_at=n or None, log=str(path))
        return path, back.to_json()
    from envsync.deploy.run import LOG_NAME, Outcome

    path = config.snapshots_dir / env / LOG_NAME
    outcome = Outcome(environment=env, ref=str(record.get("ref") or "?"),
                      commit=str(record.get("commit") or ""), started=started,
                      result="interrupted", restore_point=record.get("restore_point"),
                      not_run=not_run, failure=failure, log=str(path))
    return path, outcome.to_json()


_LOG_SCHEMAS = {"rollback": "rollback-log", "patch": "patch-log"}


def claim(config: Config, env: str, found_by: str) -> dict[str, Any] | None:
    """:func:`abandoned`, with the killed run's line appended to its log the first time
    it is found (the record then says so). Call it holding the lock."""
    record = abandoned(config, env)
    if not record or record.get("logged"):
        return record
    from envsync.errors import EnvsyncError
    from envsync.plan.executor import append_log
    from envsync.schemas import validate

    path, line = _log_line(config, env, record, found_by)
    try:
        validate(line, _LOG_SCHEMAS.get(str(record.get("kind")), "deploy-log"), str(path))
        append_log(path, line)
    except EnvsyncError:  # a damaged record, a full disk: the refusal still names it
        return record
    record["logged"] = True
    with contextlib.suppress(EnvsyncError, OSError):
        _write(_path(config, env), record)
    return record


def _undoes(record: dict[str, Any], level: int) -> bool:
    """Whether a successful rollback at ``level`` undid all the killed run may have done:
    level 3 always; a killed rollback's own level; any level after a deploy that had not
    moved the working tree (new images under the same tags) or a runtime patch (it moves
    no file either)."""
    if level == 3:
        return True
    previous = record.get("previous")  # a run killed before, which this one undid
    if isinstance(previous, dict) and not _undoes(previous, level):
        return False
    if record.get("kind") == "rollback":
        return level == _int(record, "level")
    return record.get("moves_tree", True) is False


def resolved(config: Config, env: str, level: int) -> bool:
    """After a successful rollback of ``env`` at ``level`` that kept no journal itself (a
    Swarm stack's): remove the killed run's record when it undid it. True when it did."""
    path = _path(config, env)
    record = _read(path)
    if record is None or _ours(record) or not _undoes(record, level):
        return False
    with contextlib.suppress(OSError):
        path.unlink()
    return True
