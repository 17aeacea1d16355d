"""Snapshot files: atomic writes, lookup (``prod@latest``, ``prod@<time>``, a path), history."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from envsync.errors import SnapshotError, StorageError, os_reason
from envsync.model import SNAPSHOT_SCHEMA, Snapshot
from envsync.names import env_name_problem

__all__ = [
    "REF_FORMS",
    "atomic_write_bytes",
    "atomic_write_text",
    "escaping_link_problem",
    "git_folder_problem",
    "list_snapshots",
    "load_snapshot",
    "report_target_problem",
    "resolve_ref",
    "snapshot_filename",
    "write_report",
    "write_snapshot",
]

_TIME_FORMAT = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^\d{8}T\d{6}Z(-\d+)?\.json$")


_STALE_TEMP_S = 15 * 60
"""A temp file older than this belongs to a writer that was killed: a later write removes it."""


def _cannot_write(path: Path, exc: OSError) -> StorageError:
    where = exc.filename if exc.filename and ".tmp" not in str(exc.filename) else None
    # mkdir of a folder that exists as a file says "file exists": say what is wrong.
    reason = "a file is in the way of a folder" if exc.errno == errno.EEXIST else os_reason(exc)
    detail = f" ({where}: {reason})" if where and str(where) != str(path) else f": {reason}"
    return StorageError(f"{path}: cannot write{detail}")


def _sweep_stale_temps(folder: Path, pattern: str) -> None:
    """Remove temp files that killed writers left (older than a live write could be)."""
    cutoff = time.time() - _STALE_TEMP_S
    with contextlib.suppress(OSError):
        for tmp in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if tmp.lstat().st_mtime < cutoff:
                    tmp.unlink()


def _write_temp(folder: Path, name: str, text: str | bytes, mode: int) -> Path:
    """``text`` in a fresh temp file beside ``name``, flushed to disk; its path."""
    import tempfile  # here: reading snapshots (every diff) needs none of it (random, etc.)

    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with (os.fdopen(fd, "wb") if isinstance(text, bytes)
              else os.fdopen(fd, "w", encoding="utf-8")) as fh:
            fh.write(text)  # type: ignore[arg-type]  # the mode matches the type
            fh.flush()
            os.fsync(fh.fileno())
        tmp.chmod(mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def git_folder_problem(path: Path) -> str | None:
    """Why ``path`` must not be written, when it is inside (or is) a ``.git`` folder, as
    given or after its symlinks: a report over ``.git/HEAD`` breaks the repository."""
    for form in (Path(os.path.normpath(path.absolute())), Path(os.path.realpath(path))):
        if any(part.lower() == ".git" for part in form.parts):
            return (f"{path}: refused: it is inside a .git folder (git's own files); "
                    "write the file elsewhere")
    return None


_STORED_DATA = re.compile(
    rb'"schema"\s*:\s*"envsync\.(?:snapshot|restore-point|watch-state|deploy-log|rollback-log)/')
"""The documents envsync keeps (a report written over one loses it for good)."""


def report_target_problem(path: Path) -> str | None:
    """Why a report (``--out``, ``--output``, ``--html``, ``--plot``, ``--script``) must
    not be written to ``path``: inside ``.git``, ``-`` (not a file name), or an existing
    file holding envsync's stored data (a snapshot, a restore point, a log): ``diff A B
    --output sarif=A`` replaced the snapshot it had just read."""
    if str(path) == "-":
        return "'-': give a file name (the report already goes to standard output)"
    problem = git_folder_problem(path)
    if problem is not None:
        return problem
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None  # a device or pipe (/dev/stdout) is written to as it is
        with path.open("rb") as fh:
            head = fh.read(4096)
    except (OSError, ValueError):
        return None  # a missing or unreadable target: writing it says what is wrong
    if _STORED_DATA.search(head):
        return (f"{path}: refused: it holds envsync's stored data (a snapshot, a restore "
                "point or a log); write the report elsewhere")
    return None


def escaping_link_problem(path: Path, inside: Path) -> str | None:
    """Why envsync must not write its own file ``path`` (an approved baseline, the ignore
    file): it is a symlink leading out of ``inside`` (a link committed to the repository,
    ``snapshots/prod/approved.json -> ~/.bashrc``, would have it overwritten)."""
    if not path.is_symlink():
        return None
    real, root = Path(os.path.realpath(path)), Path(os.path.realpath(inside))
    if real == root or root in real.parents:
        return None
    return (f"{path}: refused: it is a symlink to {real}, outside {inside}; remove the link "
            "(envsync writes its own files only inside the project)")


def write_report(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    """:func:`atomic_write_text` for a file the user named for a report, after
    :func:`report_target_problem` (StorageError when it refuses)."""
    problem = report_target_problem(path)
    if problem is not None:
        raise StorageError(problem)
    atomic_write_text(path, text, mode)


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o644) -> None:
    """:func:`atomic_write_text` for binary content (a PNG chart)."""
    atomic_write_text(path, data, mode)


def atomic_write_text(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one:
    a temp file in the same folder, fsync, rename. Nothing is left behind on failure;
    a folder, disk or permission problem raises StorageError naming ``path``.

    A symlink is written through (the link stays, its target gets the text); a device or
    a pipe (``--out /dev/stdout``) is written to directly: a rename would replace it.
    Nothing is written inside a ``.git`` folder (StorageError).
    """
    problem = git_folder_problem(path)
    if problem is not None:
        raise StorageError(problem)
    try:
        try:
            kind = path.stat().st_mode
        except FileNotFoundError:
            kind = None
        if kind is not None and stat.S_ISDIR(kind):
            raise StorageError(f"{path}: cannot write: is a folder")
        if kind is not None and not stat.S_ISREG(kind):
            # /dev/stdout of a pipe has no real path: open it as given
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                with path.open("w", encoding="utf-8") as fh:
                    fh.write(text)
            return
        real = Path(os.path.realpath(path)) if path.is_symlink() else path
        real.parent.mkdir(parents=True, exist_ok=True)
        _sweep_stale_temps(real.parent, f".{real.name}.*.tmp")
        tmp = _write_temp(real.parent, real.name, text, mode)
        try:
            tmp.replace(real)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def snapshot_filename(time_text: str) -> str:
    """``2026-11-29T07:15:00Z`` → ``20261129T071500Z.json``."""
    stamp = dt.datetime.strptime(time_text, "%Y-%m-%dT%H:%M:%SZ")
    return stamp.strftime(_TIME_FORMAT) + ".json"


def write_snapshot(snapshots_dir: Path, snapshot: Snapshot, out: Path | None = None) -> Path:
    """Store ``snapshot`` atomically (under ``snapshots/<env>/`` unless ``out``); its path.

    Writers never overwrite each other: the finished temp file is hard-linked to the first
    free name (``<time>.json``, ``<time>-2.json``, …), which fails if another writer took
    that name first; a rename after an existence check would not.
    """
    text = json.dumps(snapshot, indent=2, sort_keys=False, default=str) + "\n"
    if out is not None:
        atomic_write_text(out, text)
        return out
    env = str(snapshot["meta"]["environment"])
    problem = env_name_problem(env)
    if problem is not None:
        raise SnapshotError(f"cannot store the snapshot: {problem}")
    folder = snapshots_dir / env
    name = snapshot_filename(snapshot["meta"]["time"])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _sweep_stale_temps(folder, ".*.tmp")
        tmp = _write_temp(folder, name, text, 0o644)
        try:
            return _claim_free_name(tmp, folder, name)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
    except OSError as exc:
        raise _cannot_write(folder, exc) from None


def _claim_free_name(tmp: Path, folder: Path, name: str) -> Path:
    stem = name.removesuffix(".json")
    n = 1
    while True:
        final = folder / (name if n == 1 else f"{stem}-{n}.json")
        try:
            os.link(tmp, final)
            return final
        except FileExistsError:
            n += 1
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            # No hard links on this file system: reserve the name with an exclusive
            # create, then move the whole file over the (briefly empty) reservation.
            try:
                os.close(os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            except FileExistsError:
                n += 1
                continue
            tmp.replace(final)
            return final


def list_snapshots(snapshots_dir: Path, env: str) -> list[Path]:
    """The stored snapshots of ``env``, oldest first."""
    folder = snapshots_dir / env
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if _NAME.match(p.name)), key=_sort_key)


def _sort_key(path: Path) -> tuple[str, int]:
    stem, _, n = path.stem.partition("-")
    return stem, int(n or 1)


REF_FORMS = ("ENV@latest, ENV@latest~N (N = 0, 1, 2, … snapshots back), or ENV@<UTC time "
             "prefix> such as ENV@20261129T07 or ENV@2026-11-29T07:15")
# A time prefix, once ISO separators are dropped: date digits, then T and time digits, Z.
_TIME_PREFIX = re.compile(r"\d{1,8}(T\d{0,6}Z?)?")
_FULL_STEM = re.compile(r"\d{8}T\d{6}Z-\d+")


def _bad_ref(ref: str, why: str) -> SnapshotError:
    shown = ref if ref.isprintable() else repr(ref)  # a newline must not break the line
    return SnapshotError(f"{shown}: {why}; accepted forms: {REF_FORMS}")


def resolve_ref(snapshots_dir: Path, ref: str) -> Path:
    """``ENV@latest``, ``ENV@latest~N``, ``ENV@<time prefix>`` (e.g. ``prod@20261129T07``)
    → a stored file. Anything else is refused, never guessed."""
    env, _, when = ref.partition("@")
    problem = env_name_problem(env)
    if problem is not None:
        raise _bad_ref(ref, problem)
    back: int | None = None
    prefix = ""
    if when in ("latest", ""):
        back = 0
    elif when.startswith("latest~"):
        count = when.removeprefix("latest~")
        if not count.isdigit() or not count.isascii():
            raise _bad_ref(ref, f"{count!r} after latest~ is not a whole number of snapshots back")
        back = int(count)
    elif _FULL_STEM.fullmatch(when):
        prefix = when + ".json"
    else:
        prefix = when.upper().replace("-", "").replace(":", "")
        if not _TIME_PREFIX.fullmatch(prefix):
            raise _bad_ref(ref, f"{when!r} is not a snapshot time")
    found = list_snapshots(snapshots_dir, env)
    if not found:
        raise SnapshotError(f"{ref}: no stored snapshots of {env!r} in {snapshots_dir / env}")
    if back is not None:
        if back >= len(found):
            raise SnapshotError(f"{ref}: only {len(found)} snapshots of {env!r} stored")
        return found[-1 - back]
    matches = [p for p in found if p.name.startswith(prefix)]
    if not matches:
        raise SnapshotError(
            f"{ref}: no snapshot of {env!r} taken at {when} "
            f"(newest: {found[-1].stem}; see `envsync history {env}`)"
        )
    return matches[-1]


def load_snapshot(path: Path) -> Snapshot:
    """Read and check one snapshot file against its published schema (at most
    SNAPSHOT_LIMIT bytes, JSON nested at most MAX_JSON_DEPTH deep); SnapshotError says in
    one line what is wrong with it, naming the JSON path of a bad field."""
    from envsync.files import SNAPSHOT_LIMIT, parse_json, read_text_bounded
    from envsync.schemas import validate

    text = read_text_bounded(path, SNAPSHOT_LIMIT, "snapshot file", SnapshotError)
    data: Any = parse_json(text, path, SnapshotError)
    schema = data.get("schema") if isinstance(data, dict) else None
    if isinstance(data, dict) and schema != SNAPSHOT_SCHEMA:
        raise SnapshotError(
            f"{path}: snapshot schema is {schema!r}; this envsync reads {SNAPSHOT_SCHEMA!r}"
        )
    validate(data, "snapshot", path, error=SnapshotError)
    result: Snapshot = data
    return result
