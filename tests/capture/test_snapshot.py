"""Snapshots of git + compose + env files, from real repositories and the real compose binary."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from envsync.capture import take_snapshot
from envsync.config import load_config
from envsync.diff.normalise import normalise
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

COMPOSE = """\
services:
  bot:
    image: envsync-test/bot:1   # the bot
    command: python main_webhook.py
    environment:
      LOG_LEVEL: info
"""


def _worktree_app(repo: Repo) -> None:
    repo.write("docker-compose.yml", COMPOSE)
    repo.write(".env", "DB_PASSWORD=hunter2-but-longer\nLOG=1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [docker-compose.yml], project: demo}\n    runtime: false\n")
    repo.commit("app")


def test_uncommitted_compose_edit_shows_between_declared_and_committed(repo: Repo) -> None:
    _worktree_app(repo)
    repo.write("docker-compose.yml", COMPOSE.replace("main_webhook.py", "main.py"))
    config = load_config(repo.path / "envsync.yaml")
    snap = take_snapshot(config, config.environment("local"))
    declared = snap["compose"]["declared"]["services"]["bot"]["command"]
    committed = snap["compose"]["committed"]["services"]["bot"]["command"]
    assert declared == ["python", "main.py"]
    assert committed == ["python", "main_webhook.py"]
    assert snap["compose"]["hashes"]["bot"] != snap["compose"]["committed_hashes"]["bot"]
    assert [d["path"] for d in snap["git"]["dirty"]] == ["docker-compose.yml"]
    table = run_cli("snapshot", "local", cwd=repo.path)
    assert "uncommitted  bot" in table.stdout


def test_git_section(repo: Repo, tmp_path: Path) -> None:
    _worktree_app(repo)
    repo.git("tag", "v1.0")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    repo.git("remote", "add", "origin", str(remote))
    repo.git("push", "-q", "-u", "origin", "main")
    repo.write("notes.txt", "scratch")
    repo.commit("ahead by one")
    repo.write("untracked.txt", "u")
    config = load_config(repo.path / "envsync.yaml")
    git = take_snapshot(config, config.environment("local"))["git"]
    assert git["branch"] == "main"
    assert git["head"] == repo.git("rev-parse", "HEAD")
    assert git["describe"].startswith("v1.0-1-g")
    assert git["upstream"] == {"ref": "origin/main", "ahead": 1, "behind": 0}
    untracked = {u["path"]: u["sha256"] for u in git["untracked"]}
    assert len(untracked["untracked.txt"]) == 64
    assert git["tags"] == []


def test_remote_environment_read_without_touching_the_worktree(repo: Repo, tmp_path: Path) -> None:
    _worktree_app(repo)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    repo.git("remote", "add", "origin", str(remote))
    repo.git("push", "-q", "origin", "main")
    # The remote moves on; the local tree has its own uncommitted edit.
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "-q", str(remote), str(other)], check=True)
    (other / "docker-compose.yml").write_text(COMPOSE.replace("info", "debug"))
    subprocess.run(["git", "-C", str(other), "commit", "-qam", "remote change"], check=True)
    subprocess.run(["git", "-C", str(other), "push", "-q"], check=True)
    repo.write("docker-compose.yml", COMPOSE.replace("info", "warning"))
    cfg = repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text() + "  github:\n    git: {remote: origin, branch: main}\n"
                   "    compose: {files: [docker-compose.yml], project: demo}\n")
    before = (repo.path / "docker-compose.yml").read_text(), repo.git("status", "--porcelain")
    config = load_config(cfg)
    snap = take_snapshot(config, config.environment("github"))
    env = snap["compose"]["declared"]["services"]["bot"]["environment"]
    assert env["LOG_LEVEL"] == "debug"
    assert snap["git"]["head"] == subprocess.run(
        ["git", "-C", str(other), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    assert snap["containers"] is None and snap["git"]["dirty"] == []
    assert ((repo.path / "docker-compose.yml").read_text(), repo.git("status", "--porcelain")) \
        == before


def test_snapshot_records_files_hashes_and_env_files(repo: Repo) -> None:
    _worktree_app(repo)
    config = load_config(repo.path / "envsync.yaml")
    snap = take_snapshot(config, config.environment("local"))
    assert snap["schema"] == "envsync.snapshot/v1"
    assert snap["compose"]["files"][0]["path"] == "docker-compose.yml"
    assert len(snap["compose"]["files"][0]["sha256"]) == 64
    assert snap["compose"]["project"] == "demo"
    assert "hunter2-but-longer" not in json.dumps(snap)
    assert snap["meta"]["compose_version"]
    # runtime: false → no containers and nothing claimed about them
    assert snap["containers"] is None


def test_snapshot_without_runtime_says_why(repo: Repo) -> None:
    _worktree_app(repo)
    cfg = repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text().replace("    runtime: false\n", ""))
    config = load_config(cfg)
    snap = take_snapshot(config, config.environment("local"), runtime=False)
    reasons = {e["part"]: e["reason"] for e in snap["meta"]["errors"]}
    assert "--no-runtime" in reasons["runtime"]


def test_normalised_paths_are_relative_to_the_checkout(repo: Repo) -> None:
    repo.write("docker-compose.yml", COMPOSE + "    volumes: ['./data:/data']\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [docker-compose.yml]}\n    runtime: false\n")
    repo.commit()
    config = load_config(repo.path / "envsync.yaml")
    snap = take_snapshot(config, config.environment("local"))
    assert normalise(snap)["services"]["bot"]["volumes"] == {"/data": "bind:./data"}
    assert normalise(snap, source="committed")["services"] == normalise(snap)["services"]
