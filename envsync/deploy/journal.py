"""A deploy that never finished: what it was doing when its process died.

The environment's lock (:mod:`envsync.lock`) is released by the kernel however envsync
ends, so a ``kill -9``, an OOM kill or a reboot in the middle of ``deploy --execute``
leaves no lock in the way, and nothing else would say that the files or containers are
half-way between the restore point and the release. A deploy therefore writes
``<backups>/ENV/.deploy-running.json`` once its restore point exists, updates it before
each step, and removes it when it ends (ok, failed, refused or interrupted: its log line
says how). Found while nobody holds the lock, it means the deploy was killed:

- a deploy and a ``backup`` refuse (exit 2), naming it: a restore point taken now would
  record a half-deployed state as ``stable``, and a deploy would take it as its way back;
- the killed deploy's line is appended to ``deploys.jsonl`` once, by the first run that
  finds it (``result: interrupted``, where it stopped);
- ``rollback --execute`` runs, and removes it when it succeeds at level 3 (or at any level
  when the killed deploy had not moved the working tree).

The file is envsync's own state, like the lock's text (no schema: it is read only here,
defensively, and a file that does not parse counts as a killed deploy with no details).
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

__all__ = ["JOURNAL_NAME", "Journal", "abandoned", "claim", "describe", "resolved"]

JOURNAL_NAME = ".deploy-running.json"


def _path(config: Config, env: str) -> Path:
    from envsync.rollback.points import backup_dir

    return backup_dir(config, env) / JOURNAL_NAME


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _write(path: Path, record: dict[str, Any]) -> None:
    from envsync.store import atomic_write_text

    atomic_write_text(path, json.dumps(record) + "\n", 0o600)


def _read(path: Path) -> dict[str, Any] | None:
    """The record, ``{}`` when the file is there but unreadable, None when absent."""
    from envsync.errors import EnvsyncError
    from envsync.files import KIB, read_text_bounded

    if not (path.exists() or path.is_symlink()):
        return None
    try:
        data = json.loads(read_text_bounded(path, 256 * KIB, "deploy journal"))
    except (EnvsyncError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


class Journal:
    """The running deploy's record: :meth:`begin` once the restore point exists,
    :meth:`step` before each step, :meth:`end` when the deploy's log line is written."""

    def __init__(self, config: Config, env: str) -> None:
        self.path = _path(config, env)
        self.record: dict[str, Any] = {}

    def begin(self, *, ref: str, commit: str, restore_point: str, moves_tree: bool,
              steps: list[str]) -> None:
        """Raises StorageError (a full disk) before any step ran."""
        self.record = {"pid": os.getpid(), "host": socket.gethostname(), "started": _now(),
                       "command": "envsync deploy --execute", "ref": ref, "commit": commit,
                       "restore_point": restore_point, "moves_tree": moves_tree,
                       "steps": steps, "step": 0, "logged": False}
        _write(self.path, self.record)

    def step(self, number: int) -> None:
        if not self.record:
            return
        self.record["step"] = number
        from envsync.errors import EnvsyncError

        # Best effort: on a full disk the deploy goes on; the record names an earlier step.
        with contextlib.suppress(EnvsyncError, OSError):
            _write(self.path, self.record)

    def end(self) -> None:
        if self.record:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.record = {}


def _ours(record: dict[str, Any]) -> bool:
    return record.get("pid") == os.getpid() and record.get("host") == socket.gethostname()


def abandoned(config: Config, env: str) -> dict[str, Any] | None:
    """The record of a deploy of ``env`` that ended without finishing (``{}`` when its
    file does not parse), else None: a deploy running now is not. Holding the lock, that
    is certain; without it (a dry run) the record's pid must have ended."""
    from envsync.lock import holds, pid_ended

    path = _path(config, env)
    record = _read(path)
    if record is None or _ours(record):
        return None
    if holds(path.parent) or not record or pid_ended(record):
        return record
    return None


def _summary(record: dict[str, Any]) -> str:
    """Which deploy, and where it stopped."""
    since = str(record.get("started", "?"))
    clock = since[11:19] if len(since) >= 19 else since
    steps = record.get("steps")
    steps = steps if isinstance(steps, list) else []
    n = record.get("step")
    n = n if isinstance(n, int) else 0
    if n and steps and n <= len(steps):
        where = f"during step {n}/{len(steps)} ({steps[n - 1]})"
    else:
        where = "after its restore point, before its first step"
    return (f"the deploy of {record.get('ref', '?')} by pid {record.get('pid', '?')} on "
            f"host {record.get('host', '?')} (started {clock} UTC) ended without finishing "
            f"{where} (killed, or the machine stopped)")


def describe(config: Config, env: str, record: dict[str, Any]) -> str:
    """One line: which deploy, where it stopped, and the two ways on."""
    path = _path(config, env)
    if not record:
        return (f"{env}: {path} is there but unreadable: a deploy ended without finishing; "
                f"check {env} (`envsync drift {env}`), go back with `envsync rollback {env} "
                f"--level 3 --execute`, or delete that file")
    point = record.get("restore_point", "?")
    return (f"{env}: {_summary(record)}: {env} may run part of it; go back with "
            f"`envsync rollback {env} --to {point} --level 3 --execute` (then deploy again), "
            f"or delete {path} once you have checked {env}")


def claim(config: Config, env: str, found_by: str) -> dict[str, Any] | None:
    """:func:`abandoned`, with the killed deploy's line appended to ``deploys.jsonl`` the
    first time it is found (the record then says so). Call it holding the lock."""
    record = abandoned(config, env)
    if not record or record.get("logged"):
        return record
    from envsync.deploy.run import LOG_NAME, Outcome
    from envsync.errors import EnvsyncError
    from envsync.plan.executor import append_log
    from envsync.schemas import validate

    steps = [str(s) for s in record.get("steps") or [] if isinstance(s, str)]
    n = record.get("step")
    n = n if isinstance(n, int) else 0
    commit = str(record.get("commit") or "")
    outcome = Outcome(environment=env, ref=str(record.get("ref") or "?"),
                      commit=commit, started=str(record.get("started") or _now()),
                      result="interrupted", restore_point=record.get("restore_point"),
                      not_run=steps[max(n - 1, 0):])
    outcome.failure = f"{_summary(record)}; found by {found_by} at {_now()}"
    path = config.snapshots_dir / env / LOG_NAME
    outcome.log = str(path)
    try:
        validate(outcome.to_json(), "deploy-log", str(path))
    except EnvsyncError:  # a record too damaged to be logged: the refusal still names it
        return record
    try:
        append_log(path, outcome.to_json())
    except EnvsyncError:  # a full disk: the refusal still names it; the next run logs it
        return record
    record["logged"] = True
    with contextlib.suppress(EnvsyncError, OSError):
        _write(_path(config, env), record)
    return record


def resolved(config: Config, env: str, level: int) -> bool:
    """After a successful rollback of ``env`` at ``level``: remove the killed deploy's
    record when the rollback undid all it may have done. True when one was removed."""
    path = _path(config, env)
    record = _read(path)
    if record is None or _ours(record):
        return False
    if level != 3 and record.get("moves_tree", True):
        return False
    with contextlib.suppress(OSError):
        path.unlink()
    return True
