"""Helpers for the deploy tests: a release commit tagged v2, drift's exit code."""

from __future__ import annotations

from tests.rollback.conftest import Stack

__all__ = ["commit_release", "drift_code"]


def commit_release(stack: Stack, old: str, new: str, count: int = -1) -> str:
    """Commit the compose file with ``old`` replaced, tag it ``v2``, and put the working
    tree back at the commit that runs (as a production checkout is before a deploy)."""
    running = stack.repo.git("rev-parse", "HEAD").strip()
    text = stack.file.read_text()
    assert old in text
    stack.file.write_text(text.replace(old, new, count))
    release = stack.repo.commit("release 2")
    stack.repo.git("tag", "v2")
    stack.repo.git("reset", "--hard", running)
    return release


def drift_code(stack: Stack) -> int:
    result = stack.cli("drift", "prod", "--fail-on", "low")
    assert result.exit_code in (0, 1), result.stderr
    if result.exit_code:
        print(result.stdout)
    return int(result.exit_code)
