"""`envsync deploy prod --from staging`: staging is a second working tree of the same
repository (checked out at the release) with its own compose project on the engine."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.deploy.test_helpers import commit_release, drift_code
from tests.helpers.docker import ComposeProject
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def _staging(stack: Stack, make: Callable[[], ComposeProject], tmp_path: Path) -> ComposeProject:
    project = make()
    yaml = stack.repo.path / "envsync.yaml"
    yaml.write_text(yaml.read_text() + f"""\
  staging:
    git: ../staging
    compose: {{files: [docker-compose.yml], project: {project.name}, env_file: .env}}
""")
    stack.repo.commit("a staging environment")
    release = commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    staging = tmp_path / "staging"
    stack.repo.git("worktree", "add", "--detach", str(staging), release)
    shutil.copyfile(stack.repo.path / ".env", staging / ".env")
    project.files, project.workdir = [staging / "docker-compose.yml"], staging
    project.compose("--env-file", ".env", "up", "-d", "--no-build")
    return project


def test_promotes_what_staging_runs(stack: Stack, tmp_path: Path,
                                    compose_project_factory: Callable[[], ComposeProject]
                                    ) -> None:
    _staging(stack, compose_project_factory, tmp_path)
    release = stack.repo.git("rev-parse", "v2").strip()
    plan = stack.cli("deploy", "prod", "--from", "staging")
    assert plan.exit_code == 0, plan.stderr
    assert "to what staging runs" in plan.stdout and f"reset --hard {release}" in plan.stdout
    result = stack.cli("deploy", "prod", "--from", "staging", "--execute")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "LOG_LEVEL=debug" in stack.container("web").attrs["Config"]["Env"]
    assert stack.repo.git("rev-parse", "HEAD").strip() == release
    assert drift_code(stack) == 0


def test_refused_when_staging_has_drift(stack: Stack, tmp_path: Path,
                                        compose_project_factory: Callable[[], ComposeProject]
                                        ) -> None:
    staging = _staging(stack, compose_project_factory, tmp_path)
    hotfix = tmp_path / "hotfix.yml"
    hotfix.write_text("services:\n  web:\n    command: python main.py\n")
    staging.compose("--env-file", ".env", "-f", str(staging.files[0]), "-f", str(hotfix),
                    "up", "-d", "--no-build", "web")
    web = stack.container("web").id
    result = stack.cli("deploy", "prod", "--from", "staging", "--execute")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "--from staging: staging has drift" in result.stderr
    assert "envsync drift staging" in result.stderr
    assert stack.container("web").id == web  # nothing changed
    both = stack.cli("deploy", "prod", "--from", "staging", "--ref", "v2")
    assert both.exit_code == 2 and "choose one" in both.stderr
