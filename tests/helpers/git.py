"""Real git repositories in temp folders, with a pinned identity and config."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

__all__ = ["Repo", "git", "make_repo"]


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd``; its stdout. Fails the test with git's message."""
    proc = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout.strip()


class Repo:
    """A working tree under a temp folder, with helpers to write and commit files."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, rel: str, text: str) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
        return target

    def commit(self, message: str = "change") -> str:
        git(self.path, "add", "-A")
        git(self.path, "commit", "-q", "--allow-empty", "-m", message)
        return git(self.path, "rev-parse", "HEAD")

    def git(self, *args: str) -> str:
        return git(self.path, *args)


def make_repo(path: Path) -> Repo:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return Repo(path)


@pytest.fixture
def repo_factory(tmp_path: Path) -> Callable[[str], Repo]:
    """``repo_factory("app")`` → a fresh repository at ``tmp_path/app``."""
    return lambda name="repo": make_repo(tmp_path / name)


@pytest.fixture
def repo(repo_factory: Callable[[str], Repo]) -> Repo:
    return repo_factory("repo")
