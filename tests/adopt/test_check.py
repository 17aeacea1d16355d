"""``envsync check`` and the pre-commit hook that runs it: offline, no engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

ROOT = Path(__file__).resolve().parents[2]

COMPOSE = """\
services:
  web:
    image: busybox:1
    command: ["sleep", "${SLEEP:-60}"]
"""


def _project(repo: Repo) -> None:
    repo.write("docker-compose.yml", COMPOSE)
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n"
               "    compose: {files: [docker-compose.yml], env_file: .env.prod}\n"
               "  docs:\n    git: .\n")
    repo.write(".envsyncignore", "containers.*.labels\n")


def test_a_good_project_passes_without_an_engine(repo: Repo,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _project(repo)
    monkeypatch.setenv("DOCKER_HOST", "tcp://127.0.0.1:9")  # nothing listens there
    result = run_cli("check", cwd=repo.path)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "prod: docker-compose.yml resolve (web)" in result.stdout
    assert "prod: .env.prod not present; checked without it" in result.stdout
    assert ".envsyncignore: 1 rule(s)" in result.stdout
    assert "docs: no compose files" in result.stdout


def test_a_broken_compose_file_or_ignore_line_fails(repo: Repo) -> None:
    _project(repo)
    repo.write("docker-compose.yml", COMPOSE + "    ports: [\"not a port\"]\n")
    bad = run_cli("check", "prod", cwd=repo.path)
    assert bad.exit_code == 2
    assert "prod:" in bad.stderr and "Traceback" not in bad.stderr
    repo.write("docker-compose.yml", COMPOSE)
    repo.write(".envsyncignore", "a..b\n")
    bad = run_cli("check", cwd=repo.path)
    assert bad.exit_code == 2 and ".envsyncignore:1:" in bad.stderr


def test_the_pre_commit_hook_runs_check_on_the_right_files() -> None:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "envsync-check")
    assert hook["entry"] == "envsync check" and hook["pass_filenames"] is False
    pattern = re.compile(hook["files"])
    for name in ("envsync.yaml", "deploy/docker-compose.prod.yml", "compose.yaml",
                 ".envsyncignore"):
        assert pattern.search(name), name
    assert not pattern.search("src/app.py")
