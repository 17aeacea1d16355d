"""Two environments on one engine, as two compose projects from two branches: `envsync diff`
reports what runs differently as well as what the files say. And an engine that cannot be
reached is reported, never hidden."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo

BASE = """\
services:
  bot:
    image: {image}
    command: python main.py
    network_mode: none
    environment: {{LOG_LEVEL: info}}
"""
PROD = """\
services:
  bot:
    command: python main_webhook.py
    environment: {{LOG_LEVEL: warning}}
    mem_limit: 80m
  cache:
    image: {image}
    command: python cache.py
    network_mode: none
"""


@pytest.mark.docker
def test_two_compose_projects_from_two_branches(
    repo: Repo, compose_project_factory: Callable[[], ComposeProject], pybox_image: str,
    tmp_path: Path,
) -> None:
    local, prod = compose_project_factory(), compose_project_factory()
    repo.write("docker-compose.yml", BASE.format(image=pybox_image))
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "aws")
    repo.write("docker-compose.aws.yml", PROD.format(image=pybox_image))
    repo.commit("prod overlay")
    repo.git("checkout", "-q", "main")
    repo.write("envsync.yaml", f"""\
environments:
  local:
    git: .
    compose: {{files: [docker-compose.yml], project: {local.name}}}
  prod:
    git: {{path: ., branch: aws}}
    compose: {{files: [docker-compose.yml, docker-compose.aws.yml], project: {prod.name}}}
""")
    local.workdir = repo.path
    local.files = [repo.path / "docker-compose.yml"]
    local.up()
    checkout = tmp_path / "aws-checkout"
    repo.git("worktree", "add", "-q", str(checkout), "aws")
    prod.workdir = checkout
    prod.files = [checkout / "docker-compose.yml", checkout / "docker-compose.aws.yml"]
    prod.up()

    result = run_cli("diff", "local", "prod", "--format", "json", cwd=repo.path)
    assert result.exit_code == 1, result.stderr
    found = {f["path"]: f for f in json.loads(result.stdout)["findings"]}
    # what the files say
    assert found["services.bot.command"]["severity"] == "critical"
    # what runs
    cmd = found["containers.bot.command"]
    assert (cmd["before"], cmd["after"], cmd["severity"]) == (
        "python main.py", "python main_webhook.py", "critical")
    assert found["containers.bot.env.LOG_LEVEL"]["after"] == "warning"
    assert found["containers.bot.memory_limit_mb"]["after"] == 80.0
    assert found["containers.cache"]["kind"] == "added"
    assert "running" in cmd["message"]
    # names, ids and times of the two projects' containers are not differences
    assert not any(p.endswith((".name", ".image_id", ".started_at")) for p in found)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_engine_is_reported_and_strict_fails(repo: Repo) -> None:
    repo.write("docker-compose.yml", "services:\n  bot:\n    image: busybox\n")
    repo.write("envsync.yaml", f"""\
environments:
  prod:
    git: .
    compose: {{files: [docker-compose.yml], project: p}}
    docker: tcp://127.0.0.1:{_closed_port()}
""")
    repo.commit()
    result = run_cli("snapshot", "prod", cwd=repo.path)
    assert result.exit_code == 0
    assert "envsync: warning: prod:" in result.stderr
    assert "not captured" in result.stdout
    stored = list((repo.path / "snapshots" / "prod").iterdir())
    assert len(stored) == 1
    doc = json.loads(stored[0].read_text())
    parts = {e["part"] for e in doc["meta"]["errors"]}
    assert parts & {"engine", "containers"}
    strict = run_cli("snapshot", "prod", "--strict", cwd=repo.path)
    assert strict.exit_code == 2
    assert not [p for p in (repo.path / "snapshots").rglob("*") if p.name.endswith(".tmp")]
    assert doc["containers"] is None and doc["stats"] is None  # unknown, not "none running"
    # a diff still works on what could be captured, and says what could not
    diff = run_cli("diff", "prod", "prod", cwd=repo.path)
    assert diff.exit_code == 0
    assert "not captured" in diff.stdout
    # drift compares the files only, and does not claim the services stopped
    drift = run_cli("drift", "prod", "--format", "json", cwd=repo.path)
    report = json.loads(drift.stdout)
    assert report["findings"] == [] and drift.exit_code == 0
    assert any("files compared only" in n for n in report["notes"])


def test_killed_capture_leaves_no_partial_file(repo: Repo) -> None:
    """A kill of the capturing process leaves either no snapshot or a whole one."""
    repo.write("docker-compose.yml", "services:\n  bot:\n    image: busybox\n")
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n"
               "    compose: {files: [docker-compose.yml], project: p}\n    runtime: false\n")
    repo.commit()
    envsync = Path(sys.executable).parent / "envsync"
    proc = subprocess.Popen([str(envsync), "snapshot", "prod"], cwd=repo.path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=0.3)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    folder = repo.path / "snapshots" / "prod"
    for path in folder.iterdir() if folder.exists() else []:
        assert path.suffix == ".json"
        json.loads(path.read_text())  # whole, or not there at all
