"""`envsync init` on this repository's layout and on real projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from envsync.config import load_config
from tests.helpers.cli import run_cli
from tests.helpers.corpus import real_project
from tests.helpers.git import Repo


def test_init_groups_base_overlays_and_env_files(repo: Repo) -> None:
    for name in ("docker-compose.base.yml", "docker-compose.yml", "docker-compose.aws.yml"):
        repo.write(f"services/{name}", "services:\n  bot:\n    image: busybox\n")
    repo.write("services/.env.dev", "A=1\n")
    repo.write("services/.env.prod", "A=2\n")
    repo.commit()
    repo.git("remote", "add", "origin", "https://example.invalid/x.git")
    result = run_cli("init", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    config = load_config(repo.path / "envsync.yaml")
    local, aws = config.environment("local"), config.environment("aws")
    assert local.compose and local.compose.files == (
        "services/docker-compose.base.yml", "services/docker-compose.yml")
    assert local.compose.env_file == "services/.env.dev"
    assert aws.compose and aws.compose.files[-1] == "services/docker-compose.aws.yml"
    assert aws.compose.env_file == "services/.env.prod"
    github = config.environment("github")
    assert github.git.remote == "origin" and github.git.branch == "main"
    again = run_cli("init", cwd=repo.path)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert run_cli("init", "--force", cwd=repo.path).exit_code == 0


def test_init_without_compose_files(repo: Repo) -> None:
    result = run_cli("init", cwd=repo.path)
    assert result.exit_code == 2
    assert "no compose files found" in result.stderr
    assert not (repo.path / "envsync.yaml").exists()


@pytest.mark.parametrize("project", ["testdrivenio__django-on-docker", "DonAlexandro__nodejs-bot",
                                     "005-bot__tg-bot", "fastapi__full-stack-fastapi-template"])
def test_init_on_real_projects_writes_a_config_that_snapshots(
        repo: Repo, project: str) -> None:
    shutil.copytree(real_project(project), repo.path, dirs_exist_ok=True)
    repo.commit()
    assert run_cli("init", cwd=repo.path).exit_code == 0
    config = load_config(repo.path / "envsync.yaml")
    assert len(config.environments) >= 2
    local = config.environment("local")
    assert local.compose and all((repo.path / f).is_file() for f in local.compose.files)


def test_init_without_git_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No git installed: init still writes a config (without a remote), no error."""
    (tmp_path / "docker-compose.yml").write_text("services:\n  bot:\n    image: busybox\n")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run_cli("init", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert load_config(tmp_path / "envsync.yaml").environment("local").compose is not None
