"""The user's working tree under `deploy --execute`: an uncommitted edit the checkout's
`git reset --hard` would throw away, and an untracked file where the release has one, are
refused (exit 2, one line naming them, nothing changed); with --force they are
overwritten only after a copy of each is kept in the restore point's folder."""

from __future__ import annotations

import pytest

from tests.deploy.test_helpers import commit_release, drift_code
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def test_edits_and_untracked_files_are_refused_or_kept(stack: Stack) -> None:
    stack.repo.write("README", "committed\n")
    stack.repo.commit("readme")
    running = stack.repo.git("rev-parse", "HEAD").strip()
    stack.repo.write("notes.txt", "release notes\n")  # the release adds notes.txt
    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    (stack.repo.path / "README").write_text("my uncommitted edit\n")
    (stack.repo.path / "notes.txt").write_text("my own notes, never committed\n")
    web = stack.container("web").id

    refused = stack.cli("deploy", "prod", "--ref", "v2", "--execute")
    assert refused.exit_code == 2, refused.stdout + refused.stderr
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "README (uncommitted edits)" in lines[0], lines
    assert "notes.txt (untracked)" in lines[0] and "--force" in lines[0]
    assert stack.repo.git("rev-parse", "HEAD").strip() == running
    assert (stack.repo.path / "README").read_text() == "my uncommitted edit\n"
    assert (stack.repo.path / "notes.txt").read_text() == "my own notes, never committed\n"
    assert stack.container("web").id == web

    forced = stack.cli("deploy", "prod", "--ref", "v2", "--execute", "--force")
    assert forced.exit_code == 0, forced.stdout + forced.stderr
    kept = next((stack.repo.path / "snapshots" / "prod" / "backups").glob("*/kept-*"))
    assert (kept / "README").read_text() == "my uncommitted edit\n"
    assert (kept / "notes.txt").read_text() == "my own notes, never committed\n"
    assert (stack.repo.path / "notes.txt").read_text() == "release notes\n"
    assert drift_code(stack) == 0
