"""Compose config hashes of recent commits: evidence that a running container was created
from a committed file (an older deploy) rather than from a hand edit that no file holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from envsync.capture.compose import resolve
from envsync.capture.git import materialise, run_git
from envsync.config import ComposeSpec
from envsync.errors import EnvsyncError
from envsync.files import ENV_FILE_LIMIT, read_bytes_bounded

__all__ = ["config_hash_history"]


def config_hash_history(root: Path, spec: ComposeSpec, *, limit: int = 10) -> dict[str, set[str]]:
    """service → the ``config --hash`` values it had in the last ``limit`` commits that
    touched the compose files or the env file (commits compose rejects are skipped)."""
    paths = [*spec.files, *([spec.env_file] if spec.env_file else [])]
    log = run_git(root, "log", f"-n{limit}", "--format=%H", "--", *paths, check=False) or ""
    found: dict[str, set[str]] = {}
    for commit in log.split():
        with tempfile.TemporaryDirectory(prefix="envsync-history-") as tmp:
            try:
                materialise(root, commit, Path(tmp))
                if spec.env_file and not (Path(tmp) / spec.env_file).exists() \
                        and (root / spec.env_file).is_file():
                    (Path(tmp) / spec.env_file).write_bytes(read_bytes_bounded(
                        root / spec.env_file, ENV_FILE_LIMIT, "env file"))
                _, hashes = resolve(Path(tmp), spec.files, project=spec.project,
                                    env_file=spec.env_file, profiles=spec.profiles,
                                    origin=root)
            except EnvsyncError:
                continue
        for service, digest in hashes.items():
            found.setdefault(service, set()).add(digest)
    return found
