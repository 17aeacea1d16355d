"""Reconcile, both ways, on a real engine: a hand-applied override found by drift →
`patch --to vcs` → git apply → commit → drift clean; and `patch --to runtime` → drift clean."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import make_repo
from tests.helpers.story import SECRET, Story

pytestmark = pytest.mark.docker


def _hand_override(story: Story) -> None:
    original = story.file.read_text()
    story.file.write_text(original.replace("python main_webhook.py", "python main.py")
                          .replace("LOG_LEVEL: info", "LOG_LEVEL: debug"))
    story.up("telegram-bot")
    story.file.write_text(original)
    cid = story.container("telegram-bot").id
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m", cid],
                   check=True, capture_output=True)


def test_patch_to_vcs_then_commit_makes_drift_clean(story: Story) -> None:
    _hand_override(story)
    code, findings, _ = story.drift()
    assert code == 1 and {f["direction"] for f in findings} == {"runtime-override"}
    before = story.file.read_text()
    result = run_cli("patch", "prod", "--to", "vcs", cwd=story.repo.path)
    assert result.exit_code == 0, result.stderr
    diff = result.stdout
    assert diff.startswith("--- a/docker-compose.yml")
    assert story.file.read_text() == before  # printing a patch changes nothing
    assert SECRET not in diff + result.stderr
    patch = story.repo.path / "fix.patch"
    patch.write_text(diff)
    story.repo.git("apply", "--check", "fix.patch")
    story.repo.git("apply", "fix.patch")
    patch.unlink()
    text = story.file.read_text()
    assert "command: python main.py" in text and "LOG_LEVEL: debug" in text
    assert "mem_limit: 96m" in text
    assert "# the committed production file" in text  # comments kept
    story.repo.commit("describe what runs")
    code, findings, _ = story.drift()
    assert findings == [] and code == 0


def test_patch_write_applies_to_the_working_tree(story: Story) -> None:
    _hand_override(story)
    result = run_cli("patch", "prod", "--to", "vcs", "--write", cwd=story.repo.path)
    assert result.exit_code == 0
    assert "wrote" in result.stderr
    _, findings, _ = story.drift()
    # the working tree now describes what runs; only "not committed" remains
    assert findings and {f["direction"] for f in findings} == {"uncommitted"}
    story.repo.commit("describe what runs")
    assert story.drift()[1] == []


def test_patch_to_runtime_recreates_only_the_drifted_service(story: Story) -> None:
    _hand_override(story)
    market_id = story.container("market-data").id
    script = story.repo.path / "fix.sh"
    result = run_cli("patch", "prod", "--to", "runtime", "--out", script, cwd=story.repo.path)
    assert result.exit_code == 0, result.stderr
    text = script.read_text()
    assert text.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in text
    assert "--no-deps" in text and "telegram-bot" in text and "market-data" not in text
    subprocess.run(["bash", str(script)], check=True, capture_output=True)
    script.unlink()
    code, findings, _ = story.drift()
    assert findings == [] and code == 0
    assert story.container("market-data").id == market_id  # left alone


def test_patch_to_runtime_execute(story: Story) -> None:
    _hand_override(story)
    result = run_cli("patch", "prod", "--to", "runtime", "--execute", "--yes",
                     cwd=story.repo.path)
    assert result.exit_code == 0, result.stderr
    assert story.drift()[1] == []


def test_nothing_to_patch_when_clean(story: Story) -> None:
    result = run_cli("patch", "prod", "--to", "vcs", cwd=story.repo.path)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "nothing to patch" in result.stderr


def test_hostile_names_cannot_break_the_runtime_script(
        tmp_path: Path, compose_project_factory: Callable[[], ComposeProject],
        pybox_image: str) -> None:
    folder = tmp_path / "it's a $HOME dir; touch pwned \"x\""
    repo = make_repo(folder)
    story = Story(repo, compose_project_factory(), pybox_image)
    story.up()
    _hand_override(story)
    script = tmp_path / "fix.sh"
    assert run_cli("patch", "prod", "--to", "runtime", "--out", script,
                   cwd=folder).exit_code == 0
    proc = subprocess.run(["bash", str(script)], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()
    assert story.drift()[1] == []
    assert json.loads(run_cli("drift", "prod", "--format", "json",
                              cwd=folder).stdout)["findings"] == []
