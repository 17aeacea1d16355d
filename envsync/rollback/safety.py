"""What a rollback would overwrite that git cannot give back, and the copies kept of it.

Levels 1 and 3 write the restore point's files into the working tree (``git restore
--source TAG --worktree``, ``git reset --hard TAG``). Git replaces without a word a file
that is ignored or untracked now (the usual ``.env.prod``: committed at the point, ignored
since, holding a rotated secret), an uncommitted edit, and even an untracked folder or file
standing where the point has a file or a folder. Snapshots keep only fingerprints of
secrets, so such a file would be gone for good.

:func:`files_at_risk` lists them, reading only (git's trees, index and status, and
``lstat``); :func:`keep_copies` copies them into the restore point's folder (owner-only
modes: they may hold secrets) before any step runs.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from envsync.errors import RollbackError

__all__ = ["AtRisk", "describe_at_risk", "files_at_risk", "keep_copies",
           "operation_in_progress"]

_CHUNK = 500
"""Paths per `git hash-object` / `git check-ignore` call (argv stays far below its limit)."""


@dataclass(frozen=True)
class AtRisk:
    """A file (or folder) the plan would overwrite or delete, which git cannot restore."""

    path: str
    """Relative to the repository root, with ``/``."""
    why: str
    """``ignored``, ``untracked``, ``uncommitted edits``, or ``folder in the way``."""


def _git(root: Path, *args: str) -> bytes:
    from envsync.capture.git import run_git

    out: bytes | None = run_git(root, "--literal-pathspecs", *args, binary=True)
    return out or b""


def _split(out: bytes) -> list[str]:
    return [e for e in out.decode(errors="surrogateescape").split("\0") if e]


def _tree(root: Path, commit: str) -> dict[str, tuple[str, str]]:
    """Path → (mode, blob id) of every file in ``commit`` (submodules left out)."""
    out: dict[str, tuple[str, str]] = {}
    for entry in _split(_git(root, "ls-tree", "-r", "-z", "--full-tree", commit)):
        meta, path = entry.split("\t", 1)
        mode, kind, sha = meta.split()
        if kind == "blob":
            out[path] = (mode, sha)
    return out


def _index(root: Path) -> tuple[set[str], set[str]]:
    """(every path the index tracks, the submodules among them)."""
    paths: set[str] = set()
    gitlinks: set[str] = set()
    for entry in _split(_git(root, "ls-files", "-z", "--stage")):
        meta, path = entry.split("\t", 1)
        paths.add(path)
        if meta.startswith("160000 "):
            gitlinks.add(path)
    return paths, gitlinks


def _dirty(root: Path) -> set[str]:
    """Tracked paths whose working-tree or staged content differs from HEAD."""
    from envsync.capture.git import git_status

    entries = git_status(root, "--no-renames", "--untracked-files=no")
    return {e.path for e in entries}


def _hashes(root: Path, paths: list[str]) -> dict[str, str]:
    """The blob id git would store for each working-tree file (its filters applied)."""
    out: dict[str, str] = {}
    for i in range(0, len(paths), _CHUNK):
        chunk = paths[i:i + _CHUNK]
        shas = _git(root, "hash-object", "--", *chunk).decode().split()
        out.update(zip(chunk, shas, strict=True))
    return out


def _ignored(root: Path, paths: list[str]) -> set[str]:
    """Which of ``paths`` (untracked) git ignores."""
    from envsync.capture.git import git_status

    found: set[str] = set()
    for i in range(0, len(paths), _CHUNK):
        # `check-ignore -z` needs --stdin, which the adapter does not feed: status it is.
        entries = git_status(root, "--ignored=matching", "--untracked-files=all",
                             paths=paths[i:i + _CHUNK])
        found.update(e.path.rstrip("/") for e in entries if e.code == "!!")
    return found


def _same_link(root: Path, path: str, entry: tuple[str, str] | None) -> bool:
    if entry is None or entry[0] != "120000":
        return False
    target = os.fsencode((root / path).readlink())
    return _git(root, "cat-file", "blob", entry[1]) == target


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return None


def files_at_risk(root: Path, commit: str, *, paths: tuple[str, ...] | None = None
                  ) -> list[AtRisk]:
    """What writing ``commit``'s files into the working tree at ``root`` would overwrite or
    delete that git cannot give back: ``paths`` only (level 1), or the whole tree plus
    every tracked file (level 3, ``git reset --hard``). Reads only.

    A file is at risk when its content differs from the one ``commit`` writes (or the file
    goes) and git does not hold it: ignored or untracked now, or with uncommitted edits.
    An untracked file where ``commit`` has a folder, or an untracked folder where it has a
    file, is at risk too (git replaces both)."""
    tree = _tree(root, commit)
    index, gitlinks = _index(root)
    dirty = _dirty(root)
    # submodules: reset --hard moves their commit, never their files
    candidates = sorted((set(paths) if paths is not None else set(tree) | index) - gitlinks)
    compare: list[str] = []  # regular files whose content decides
    risky: dict[str, str] = {}
    untracked: list[str] = []
    seen_parents: set[str] = set()
    for path in candidates:
        tracked = path in index
        if path in tree:
            # A parent that is a file now, where the point has a folder: git replaces it.
            parts = path.split("/")[:-1]
            for n in range(1, len(parts) + 1):
                parent = "/".join(parts[:n])
                if parent in seen_parents:
                    continue
                seen_parents.add(parent)
                st = _lstat(root / parent)
                if st is not None and not stat.S_ISDIR(st.st_mode) and parent not in index:
                    risky[parent] = "untracked"
                    untracked.append(parent)
                    break
        st = _lstat(root / path)
        if st is None:
            continue  # nothing there to lose
        if tracked and path not in dirty:
            continue  # HEAD holds exactly this content
        if stat.S_ISDIR(st.st_mode):
            risky[path] = "folder in the way"
        elif stat.S_ISLNK(st.st_mode):
            if not _same_link(root, path, tree.get(path)):
                risky[path] = "uncommitted edits" if tracked else "untracked"
        elif stat.S_ISREG(st.st_mode) and path in tree:
            compare.append(path)
        else:
            risky[path] = "uncommitted edits" if tracked else "untracked"
        if not tracked:
            untracked.append(path)
    shas = _hashes(root, compare)
    for path in compare:
        if shas[path] != tree[path][1]:
            risky[path] = "uncommitted edits" if path in index else "untracked"
    ignored = _ignored(root, [p for p in untracked if p in risky])

    def label(path: str, why: str) -> str:
        # status names an ignored folder, not each file in it
        parts = path.split("/")
        hit = any("/".join(parts[:n]) in ignored for n in range(1, len(parts) + 1))
        return "ignored" if hit else why

    return [AtRisk(p, label(p, why)) for p, why in sorted(risky.items())]


def describe_at_risk(items: list[AtRisk], limit: int = 8) -> str:
    """``.env.prod (ignored), notes.local (ignored)`` — names only, never content."""
    shown = ", ".join(f"{a.path} ({a.why})" for a in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _copy_file(src: Path, dest: Path) -> None:
    """Copy with mode 0600 from the first byte: the file may hold secrets."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, src.open("rb") as fh:
        shutil.copyfileobj(fh, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def _copy(src: Path, dest: Path) -> None:
    if src.is_symlink():
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        dest.symlink_to(src.readlink())
    elif src.is_dir():
        dest.mkdir(parents=True, exist_ok=True, mode=0o700)
        for child in sorted(src.iterdir()):
            _copy(child, dest / child.name)
    else:
        _copy_file(src, dest)


def keep_copies(root: Path, items: list[AtRisk], folder: Path) -> Path:
    """Copy each item from ``root`` into ``folder/kept-<UTC time>/<its path>``; that
    folder. RollbackError (nothing else changed) when a copy cannot be made."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    dest, n = folder / f"kept-{stamp}", 2
    try:
        folder.mkdir(parents=True, exist_ok=True)
        while dest.exists():
            dest, n = folder / f"kept-{stamp}-{n}", n + 1
        dest.mkdir(mode=0o700)
        for item in items:
            _copy(root / item.path, dest / item.path)
    except OSError as exc:
        raise RollbackError(f"could not keep a copy of the files the rollback would "
                            f"overwrite in {dest} ({exc.strerror or exc})") from None
    return dest


_IN_PROGRESS = (
    ("rebase-merge", "a rebase", "git rebase --continue or --abort"),
    ("rebase-apply", "a rebase (or git am)", "git rebase --continue or --abort"),
    ("MERGE_HEAD", "a merge", "git merge --continue or --abort"),
    ("CHERRY_PICK_HEAD", "a cherry-pick", "git cherry-pick --continue or --abort"),
    ("REVERT_HEAD", "a revert", "git revert --continue or --abort"),
    ("BISECT_LOG", "a bisect", "git bisect reset"),
)


def operation_in_progress(root: Path) -> str | None:
    """The git operation left half-done in ``root`` (a rebase stopped at an ``edit``, a
    merge with conflicts…) and how to end it, or None. `git reset --hard` in the middle
    of one moves nothing the operation will keep, and a later ``--continue`` drops
    commits."""
    args: list[str] = []
    for name, _, _ in _IN_PROGRESS:
        args += ["--git-path", name]
    paths = _git(root, "rev-parse", *args).decode(errors="surrogateescape").splitlines()
    for (_, what, how), rel in zip(_IN_PROGRESS, paths, strict=True):
        path = Path(rel) if Path(rel).is_absolute() else root / rel
        if path.exists():
            return f"{what} is in progress in {root} (finish it first: {how})"
    return None
