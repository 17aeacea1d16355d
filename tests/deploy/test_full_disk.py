"""`deploy --execute` with its backups folder on a full disk (a 256 KiB tmpfs, filled):
one line, exit 2, no step runs, no tag or half-written point, the older point untouched,
the refusal logged. Needs root (to mount the tmpfs), as the engine does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.deploy.test_helpers import commit_release
from tests.rollback.conftest import Stack
from tests.rollback.test_full_disk import _fill, small_disk

pytestmark = pytest.mark.docker

__all__ = ["small_disk"]


def test_deploy_with_a_full_backups_disk(stack: Stack, small_disk: Path) -> None:
    config = stack.repo.path / "envsync.yaml"
    config.write_text(f"backups: {small_disk}\n" + config.read_text())
    stack.repo.commit("backups on their own disk")
    old = stack.backup("--no-images")
    manifest = Path(old["manifest"])
    kept = manifest.read_bytes()
    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    head = stack.repo.git("rev-parse", "HEAD").strip()
    web = stack.container("web").id
    _fill(small_disk)

    result = stack.cli("deploy", "prod", "--ref", "v2", "--execute")
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no space left on device" in lines[0].lower(), lines
    assert "the deploy did not start" in lines[0] and "Traceback" not in result.stderr
    assert stack.repo.git("rev-parse", "HEAD").strip() == head
    assert stack.container("web").id == web
    assert set(stack.repo.git("tag", "--list").split()) == {old["tag"], "v2"}
    assert manifest.read_bytes() == kept
    assert sorted(p.name for p in (small_disk / "prod").glob("*.json")) == [manifest.name]
    assert not list((small_disk / "prod").glob(".envsync-running*"))
    log = stack.repo.path / "snapshots" / "prod" / "deploys.jsonl"
    assert [json.loads(line)["result"] for line in log.read_text().splitlines()] == ["refused"]


def test_deploy_and_rollback_with_a_full_snapshots_disk(stack: Stack,
                                                        small_disk: Path) -> None:
    """The snapshots folder (the restore point's snapshot, the logs) on the full disk: the
    one line says why the deploy did not start, and that its log line was not written."""
    config = stack.repo.path / "envsync.yaml"
    backups = small_disk.parent / "backups-elsewhere"
    config.write_text(f"snapshots: {small_disk}\nbackups: {backups}\n" + config.read_text())
    stack.repo.commit("snapshots on their own disk")
    point = stack.backup("--no-images")["tag"]
    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    head = stack.repo.git("rev-parse", "HEAD").strip()
    _fill(small_disk)
    result = stack.cli("deploy", "prod", "--ref", "v2", "--execute")
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "the deploy did not start" in lines[0], lines
    assert "could not be recorded" in lines[0] and "log line was not written" in lines[0]
    assert stack.repo.git("rev-parse", "HEAD").strip() == head
    result = stack.cli("rollback", "prod", "--level", "3", "--to", point, "--execute",
                       "--yes")
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "the rollback did not start" in lines[0], lines
    assert "log line was not written" in lines[0]
    assert stack.repo.git("rev-parse", "HEAD").strip() == head
