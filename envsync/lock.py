"""One change at a time per environment: an exclusive lock around backup, rollback
``--execute`` and ``patch --execute`` (deploy takes it too).

The lock is ``fcntl.flock`` on ``<backups folder of the env>/.envsync.lock`` (that folder's
``.gitignore`` already keeps it out of git). The kernel releases a flock when its process
dies, however it dies, so a lock left by a killed envsync is never in the way: there is no
stale-lock clean-up to get wrong. The file's content (pid, host, since, command) is only
for the message the second run prints. The file itself is never deleted: deleting a lock
file another process has open lets a third one lock a new file beside it.

The lock is re-entrant within one process: a rollback holds it and records its
before-rollback restore point through the same ``take_backup`` that ``envsync backup``
runs under the lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import socket
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from envsync.errors import EnvsyncError, os_reason

if TYPE_CHECKING:
    from envsync.config import Config

__all__ = ["LOCK_NAME", "EnvironmentLocked", "env_lock", "environment_lock", "held_fds",
           "holder", "holds", "note_step", "pid_ended"]

LOCK_NAME = ".envsync.lock"
_POLL_S = 0.2
_DETAILS_GRACE_S = 0.5
"""How long a refused run waits for the holder's details when the lock file is empty."""
_held: dict[Path, tuple[int, int]] = {}
"""Lock file → (descriptor, depth) of the locks this process holds."""
_info: dict[Path, dict[str, object]] = {}
"""Lock file → what this process wrote into it (for :func:`note_step`)."""
_guard = threading.Lock()


class EnvironmentLocked(EnvsyncError):
    """Another envsync changes this environment now (the message names it)."""


def holder(path: Path) -> dict[str, object]:
    """What the holder wrote into the lock file (empty when unreadable or not yet written)."""
    from envsync.files import KIB, read_text_bounded

    try:
        data = json.loads(read_text_bounded(path, 64 * KIB, "lock file") or "{}")
    except (EnvsyncError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def pid_ended(info: dict[str, object]) -> bool:
    """True when the holder was on this host and its pid runs no more."""
    pid = info.get("pid")
    if info.get("host") != socket.gethostname() or not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # EPERM: it runs, as another user
        return False
    return False


def _describe(env: str, path: Path) -> str:
    info = holder(path)
    # Its holder has just taken the lock and writes its details, or was caught writing
    # them (a read half-way through a write): give it a moment.
    deadline = time.monotonic() + _DETAILS_GRACE_S
    while not info and time.monotonic() < deadline:
        time.sleep(0.02)
        info = holder(path)
    if not info:
        return f"{env} is locked by another envsync run ({path})"
    since = str(info.get("since", "?"))
    clock = since[11:19] if len(since) >= 19 else since
    # A step a killed envsync started (compose, git) still runs and holds the lock.
    gone = ""
    if pid_ended(info):
        step = (f" '{info['step']}', pid {info['step_pid']}," if info.get("step_pid")
                else "")
        gone = f" (it has ended; a step it started{step} still runs)"
    return (f"{env} is locked by pid {info.get('pid', '?')}{gone} on host "
            f"{info.get('host', '?')} since {clock} UTC ({info.get('command', '?')})")


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


def _write_holder(fd: int, command: str) -> dict[str, object]:
    info: dict[str, object] = {
        "pid": os.getpid(), "host": socket.gethostname(),
        "since": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "command": command}
    _rewrite(fd, info)
    return info


def _rewrite(fd: int, info: dict[str, object]) -> None:
    """One write over the old details, never a truncation first: a run refused at this
    moment reads the old details or the new, not an empty file. A shorter record is padded
    with blanks (JSON allows them) to cover the longer one it replaces. A read from another
    descriptor may still, rarely, catch the write half-done (Linux does not make them
    atomic with each other): :func:`_describe` reads again."""
    # Best effort: on a full disk the lock still holds; only the message loses its details.
    with contextlib.suppress(OSError):
        data = (json.dumps(info) + "\n").encode()
        old = os.fstat(fd).st_size
        if len(data) < old:
            data = data[:-1] + b" " * (old - len(data)) + b"\n"
        os.pwrite(fd, data, 0)


def note_step(pid: int | None, title: str = "") -> None:
    """Name the step running now (its pid) in each lock this process holds, or none: a
    step outlives a killed envsync and keeps the lock (:func:`held_fds`), and the run
    refused meanwhile is told which process to wait for."""
    with _guard:
        for path, (fd, _) in _held.items():
            info = {k: v for k, v in _info.get(path, {}).items()
                    if k not in ("step", "step_pid")}
            if pid is not None:
                info.update(step=title, step_pid=pid)
            _info[path] = info
            _rewrite(fd, info)


def _open(path: Path) -> int:
    # Never through a symlink, and only a regular file: the holder's details are written
    # into it (truncating it), and a lock file linked to a file of the user's would
    # empty that file.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
                     | os.O_NONBLOCK, 0o644)
    except OSError as exc:
        why = ("is a symlink (remove it: envsync makes the lock file itself)"
               if exc.errno == errno.ELOOP else os_reason(exc))
        raise EnvsyncError(f"cannot open the lock file {path}: {why}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise EnvsyncError(f"cannot open the lock file {path}: not a regular file (remove it: "
                           "envsync makes the lock file itself)")
    return fd


@contextlib.contextmanager
def env_lock(folder: Path, env: str, command: str, *, wait_s: float = 0,
             waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold ``env``'s lock (in ``folder``) for the block.

    Taken already by another process: wait up to ``wait_s`` seconds (``waiting`` is told
    once who holds it), then raise :class:`EnvironmentLocked` naming the holder.
    """
    path = (folder / LOCK_NAME).absolute()
    with _guard:
        if path in _held:
            fd, depth = _held[path]
            _held[path] = (fd, depth + 1)
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            _release(path)
        return
    fd = _open(path)
    try:
        deadline = time.monotonic() + max(wait_s, 0)
        told = False
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                hint = "wait for it to finish, or run again with --wait SECONDS"
                raise EnvironmentLocked(f"{_describe(env, path)}: {hint}")
            if waiting is not None and not told:
                waiting(f"waiting up to {wait_s:.0f} s: {_describe(env, path)}")
                told = True
            time.sleep(_POLL_S)
    except BaseException:
        os.close(fd)
        raise
    info = _write_holder(fd, command)
    with _guard:
        _held[path] = (fd, 1)
        _info[path] = info
    try:
        yield
    finally:
        _release(path)


def held_fds() -> tuple[int, ...]:
    """The descriptors of the locks this process holds. The executor passes them to each
    step it starts: a step outlives a killed envsync (its own process group), and keeps
    the lock until it ends, so no other run changes the environment beside it."""
    with _guard:
        return tuple(fd for fd, _ in _held.values())


def holds(folder: Path) -> bool:
    """True when this process holds the lock in ``folder``."""
    with _guard:
        return (folder / LOCK_NAME).absolute() in _held


def _release(path: Path) -> None:
    with _guard:
        fd, depth = _held[path]
        if depth > 1:
            _held[path] = (fd, depth - 1)
            return
        del _held[path]
        _info.pop(path, None)
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
    os.close(fd)  # closing the only descriptor releases the flock


@contextlib.contextmanager
def environment_lock(config: Config, env: str, command: str, *, wait_s: float = 0,
                     waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """:func:`env_lock` in ``env``'s backups folder (created, with its ``.gitignore``)."""
    from envsync.rollback.points import backup_dir, ensure_backup_dir

    folder = backup_dir(config, env)
    try:
        ensure_backup_dir(folder)
    except OSError as exc:
        raise EnvsyncError(f"cannot create the backups folder {folder}: "
                           f"{exc.strerror or exc}") from None
    with env_lock(folder, env, command, wait_s=wait_s, waiting=waiting):
        yield
