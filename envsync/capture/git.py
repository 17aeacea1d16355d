"""The git adapter: the git commands envsync runs to read a repository (:func:`run_git`, the
fetch of a remote, ``git archive``); errors become GitError with a hint. A rollback's git
checkout or reset is a plan step, run by :mod:`envsync.plan.executor` like compose and docker."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import stat
import subprocess
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.config import GitSource
from envsync.errors import GitError, os_reason
from envsync.types import FileState, GitSection, Upstream

__all__ = ["GitState", "StatusEntry", "capture_git", "create_tag", "git_status",
           "is_valid_tag_name", "materialise", "parse_status", "paths_in_commit", "repo_root",
           "run_git", "tag_commit", "tag_names", "tracked_paths"]


def run_git(cwd: Path, *args: str, check: bool = True, binary: bool = False) -> Any:
    """Run git in ``cwd``; stdout as text (or bytes). Raises GitError with git's message."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(cwd), *args],
            capture_output=True,
            check=False,
            timeout=120,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (no `git` on PATH)") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {' '.join(args)} in {cwd} took over 120 s") from None
    if check and proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip().splitlines()
        first = message[-1] if message else f"exit {proc.returncode}"
        if "not a git repository" in first:
            raise GitError(f"{cwd}: not a git repository (git: {first})")
        raise GitError(f"git {' '.join(args)} failed in {cwd}: {first}")
    if binary:
        return proc.stdout if proc.returncode == 0 else None
    return proc.stdout.decode(errors="replace").strip() if proc.returncode == 0 else None


def repo_root(path: Path) -> Path:
    """The top of the working tree that holds ``path``."""
    try:
        is_folder = stat.S_ISDIR(path.stat().st_mode)
    except FileNotFoundError:
        raise GitError(f"{path}: no such folder (the environment's git path)") from None
    except OSError as exc:
        raise GitError(f"{path}: {os_reason(exc)} (the environment's git path)") from None
    if not is_folder:
        raise GitError(f"{path}: not a folder (the environment's git path)")
    return Path(run_git(path, "rev-parse", "--show-toplevel"))


@dataclass
class GitState:
    """What capture_git learned: the snapshot section plus what later steps need."""

    section: GitSection
    root: Path
    commit: str | None
    worktree: bool
    """True when the environment's files are read from the working tree (HEAD + uncommitted)."""
    errors: list[str] = field(default_factory=list)
    """What could not be read (a fetch that failed): the snapshot's ``meta.errors``."""


def _sha256(path: Path) -> str | None:
    """The content hash of a changed file; for a symlink, of its target's name, as git
    hashes it (never followed: a link may loop or point anywhere). None when unreadable."""
    try:
        if path.is_symlink():
            return hashlib.sha256(os.fsencode(path.readlink())).hexdigest()
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 16), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None  # gone, a folder, unreadable: the entry is still recorded


@dataclass(frozen=True)
class StatusEntry:
    """One record of ``git status --porcelain=v1 -z``."""

    code: str
    """The two status letters (``M.``, ``R.``, ``??``, ``!!``…), as git prints them."""
    path: str
    """The path as it is now (for a rename or copy: the destination)."""
    source: str | None = None
    """For a rename or copy: the path it came from."""


def parse_status(out: bytes | None) -> list[StatusEntry]:
    """The records of ``git status --porcelain=v1 -z`` output. A rename or copy is one
    record of two paths (``XY new\0old\0``): the source path that follows is not a record
    of its own."""
    entries = out.decode(errors="surrogateescape").split("\0") if out else []
    records: list[StatusEntry] = []
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        code, name = entry[:2], entry[3:]
        source = None
        if code[0] in "RC" or code[1] in "RC":
            source = entries[i] if i < len(entries) else None
            i += 1
        records.append(StatusEntry(code=code, path=name, source=source))
    return records


def git_status(root: Path, *options: str, paths: Sequence[str] = ()) -> list[StatusEntry]:
    """``git status --porcelain=v1 -z`` in ``root`` with ``options``, parsed; limited to
    ``paths`` when given (taken literally: a ``*`` in a file name is no wildcard)."""
    pathspec = ("--", *paths) if paths else ()
    out = run_git(root, "--literal-pathspecs", "status", "--porcelain=v1", "-z", *options,
                  *pathspec, binary=True)
    return parse_status(out)


def tag_commit(root: Path, tag: str) -> str | None:
    """The commit the tag ``tag`` points at, or None when there is no such tag."""
    sha = run_git(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}",
                  check=False)
    return str(sha) if sha else None


def tag_names(root: Path) -> set[str]:
    """Every tag of the repository."""
    return set((run_git(root, "tag", "--list") or "").split())


def is_valid_tag_name(root: Path, tag: str) -> bool:
    """True when git takes ``tag`` as a tag name (and it cannot be read as an option)."""
    ok = run_git(root, "check-ref-format", f"refs/tags/{tag}", check=False) is not None
    return ok and not tag.startswith("-")


def create_tag(root: Path, tag: str, commit: str) -> None:
    """A lightweight tag ``tag`` at ``commit``."""
    run_git(root, "tag", tag, commit)


def paths_in_commit(root: Path, commit: str, paths: Sequence[str]) -> tuple[str, ...]:
    """Those of ``paths`` that ``commit`` holds."""
    return tuple(p for p in paths
                 if run_git(root, "cat-file", "-e", f"{commit}:{p}", check=False) is not None)


def tracked_paths(root: Path, paths: Sequence[str]) -> set[str]:
    """Those of ``paths`` that git tracks now."""
    out = run_git(root, "ls-files", "-z", "--", *paths, binary=True) or b""
    return {p for p in out.decode(errors="surrogateescape").split("\0") if p}


def _status(root: Path) -> tuple[list[FileState], list[FileState]]:
    dirty: list[FileState] = []
    untracked: list[FileState] = []
    for entry in git_status(root, "--untracked-files=all"):
        # A rename is recorded under its destination: that is what exists now.
        record: FileState = {"path": entry.path, "status": entry.code.strip(),
                  "sha256": _sha256(root / entry.path)}
        (untracked if entry.code == "??" else dirty).append(record)
    return dirty, untracked


def _resolve_commit(root: Path, ref: str) -> str:
    sha = run_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    if not sha:
        raise GitError(f"{root}: no commit found for {ref!r} (is the branch name right?)")
    return str(sha)


def capture_git(source: GitSource, config_root: Path, *, fetch: bool = True) -> GitState:
    """The git section of a snapshot, for a working tree, a branch or a remote branch."""
    start = source.path or config_root
    root = repo_root(start)
    # Keys in the order a reader of the stored snapshot expects: where, which ref, which
    # commit, then what differs from it.
    section: GitSection = {"path": str(root)}  # type: ignore[typeddict-item]  # filled below
    errors: list[str] = []
    if source.remote is not None:
        remote_branch: str = source.branch or "HEAD"
        url = run_git(root, "remote", "get-url", source.remote, check=False)
        if url is None:
            raise GitError(f"{root}: no git remote named {source.remote!r}")
        section["remote"] = source.remote
        section["url"] = _strip_credentials(url)
        section["branch"] = remote_branch
        ref = f"refs/remotes/{source.remote}/{remote_branch}"
        if fetch:
            problem = _fetch(root, source.remote, remote_branch)
            if problem is not None:
                if not run_git(root, "rev-parse", "--verify", "--quiet", ref, check=False):
                    raise GitError(f"{source.remote}/{remote_branch}: {problem}, and it was "
                                   "never fetched before")
                errors.append(f"{problem}; using the last fetched state")
        commit: str | None = _resolve_commit(root, ref)
        worktree = False
    elif source.branch is not None:
        section["branch"] = source.branch
        commit = _resolve_commit(root, source.branch)
        worktree = False
    else:
        head = run_git(root, "rev-parse", "--verify", "--quiet", "HEAD", check=False)
        commit = str(head) if head else None
        branch = run_git(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
        section["branch"] = branch  # None = detached HEAD
        worktree = True
    section["head"] = commit
    if commit:
        section["describe"] = run_git(
            root, "describe", "--tags", "--always", "--long", commit, check=False
        )
        tags = run_git(root, "tag", "--points-at", commit, check=False) or ""
        section["tags"] = sorted(tags.split()) if tags else []
        section["subject"] = run_git(root, "log", "-1", "--format=%s", commit, check=False)
    else:
        section["describe"], section["tags"], section["subject"] = None, [], None
    section["upstream"] = _upstream(root, section.get("branch"), commit) if worktree else None
    section["dirty"], section["untracked"] = _status(root) if worktree else ([], [])
    return GitState(section=section, root=root, commit=commit, worktree=worktree, errors=errors)


FETCH_TIMEOUT_S = 30.0
"""How long a fetch may take before envsync gives up (``ENVSYNC_GIT_TIMEOUT`` overrides)."""


def fetch_timeout() -> float:
    """Seconds a network git operation may take: ``ENVSYNC_GIT_TIMEOUT``, else 30."""
    text = os.environ.get("ENVSYNC_GIT_TIMEOUT", "").strip()
    if not text:
        return FETCH_TIMEOUT_S
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 86400:
        raise GitError(f"ENVSYNC_GIT_TIMEOUT={text!r}: give a positive number of seconds")
    return value


def _fetch(root: Path, remote: str, branch: str) -> str | None:
    """Fetch ``remote``'s ``branch``; None when done, else why not (one line).

    A remote that accepts and never answers is given up after :func:`fetch_timeout`:
    git and the helpers it starts (git-remote-http, ssh) run in their own process group,
    killed together, so no helper is left holding the connection.
    """
    timeout = fetch_timeout()
    argv = ["git", "-C", str(root), "fetch", "--quiet", remote, branch]
    # Never wait for a password prompt that nobody will answer.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GCM_INTERACTIVE": "never"}
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, start_new_session=True)
    except FileNotFoundError:
        raise GitError("git is not installed (no `git` on PATH)") from None
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return (f"git fetch {remote} {branch} got no answer in {timeout:g} s "
                "(ENVSYNC_GIT_TIMEOUT sets the limit)")
    except BaseException:  # Ctrl-C, SIGTERM: no helper left holding the connection
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        raise
    if proc.returncode == 0:
        return None
    reason = err.decode(errors="replace").strip().splitlines()
    last = _URL_USERINFO.sub("://", reason[-1]) if reason else "?"
    return f"git fetch {remote} {branch} failed ({last})"


# git quotes the remote URL in its messages: drop any user:password@ it holds.
_URL_USERINFO = re.compile(r"://[^/\s@'\"]+@")


def _upstream(root: Path, branch: str | None, commit: str | None) -> Upstream | None:
    if not branch or not commit:
        return None
    upstream = run_git(
        root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", f"{branch}@{{upstream}}",
        check=False,
    )
    if not upstream:
        return None
    counts = run_git(root, "rev-list", "--left-right", "--count", f"{upstream}...{commit}",
                     check=False)
    behind, ahead = (int(x) for x in counts.split()) if counts else (None, None)
    return {"ref": upstream, "ahead": ahead, "behind": behind}


def _strip_credentials(url: str) -> str:
    if "://" in url and "@" in url.split("://", 1)[1].split("/", 1)[0]:
        scheme, rest = url.split("://", 1)
        host = rest.split("@", 1)[1]
        return f"{scheme}://{host}"
    return url


def materialise(root: Path, commit: str, dest: Path) -> None:
    """Write the tree of ``commit`` into ``dest`` (no .git), via ``git archive``."""
    try:
        proc = subprocess.Popen(
            ["git", "-C", str(root), "archive", "--format=tar", commit],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (no `git` on PATH)") from None
    assert proc.stdout is not None
    with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
        tar.extractall(dest, filter="data")
    err = proc.stderr.read().decode(errors="replace").strip() if proc.stderr else ""
    if proc.wait() != 0:
        raise GitError(f"git archive {commit[:12]} failed in {root}: {err}")
