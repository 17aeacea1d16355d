"""Drift that counts replicas, on a real engine: a missing replica, a container started by
hand beside the declared ones (`docker run` with the project's labels, `compose run`), two
containers with one number; and `patch --to vcs` never copies a stray's values."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo

pytestmark = pytest.mark.docker

COMPOSE = """\
services:
  web:
    image: {image}
    command: sleep 600
    network_mode: none
    environment:
      LOG_LEVEL: info
    deploy:
      replicas: 2
"""


class Stage:
    """A repository whose two-replica service runs on the engine."""

    def __init__(self, repo: Repo, project: ComposeProject, image: str) -> None:
        self.repo, self.project, self.image = repo, project, image
        self.file = repo.write("compose.yml", COMPOSE.format(image=image))
        repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n"
                   f"    compose: {{files: [compose.yml], project: {project.name}}}\n")
        repo.write(".gitignore", "snapshots/\n")
        repo.commit("two replicas")
        project.files, project.workdir = [self.file], repo.path
        project.up()

    def drift(self) -> tuple[int, dict[str, dict[str, Any]]]:
        result = run_cli("drift", "prod", "--format", "json", cwd=self.repo.path)
        assert result.exit_code in (0, 1), result.stderr
        return result.exit_code, {f["path"]: f for f in json.loads(result.stdout)["findings"]}

    def patch(self) -> tuple[str, str]:
        result = run_cli("patch", "prod", "--to", "vcs", cwd=self.repo.path)
        assert result.exit_code == 0, result.stderr
        return result.stdout, result.stderr

    def replica(self, number: int) -> Any:
        return next(c for c in self.project.containers()
                    if c.labels.get("com.docker.compose.container-number") == str(number)
                    and c.labels.get("com.docker.compose.oneoff") != "True")

    def docker_run(self, name: str, *labels: str, env: str = "LOG_LEVEL=debug") -> None:
        """A container started by hand with the project's labels (and any others)."""
        argv = ["docker", "run", "-d", "--name", name, "--network", "none", "-e", env,
                "--label", f"com.docker.compose.project={self.project.name}",
                "--label", "com.docker.compose.service=web"]
        for label in labels:
            argv += ["--label", label]
        subprocess.run([*argv, self.image, "sleep", "601"], check=True, capture_output=True)


@pytest.fixture
def stage(repo: Repo, compose_project: ComposeProject, busybox_image: str) -> Stage:
    return Stage(repo, compose_project, busybox_image)


def test_two_replicas_running_are_clean(stage: Stage) -> None:
    assert stage.drift() == (0, {})


def test_a_missing_replica_is_a_high_finding(stage: Stage) -> None:
    stage.replica(2).remove(force=True)
    code, findings = stage.drift()
    assert code == 1 and list(findings) == ["containers.web#2"]
    found = findings["containers.web#2"]
    assert (found["severity"], found["direction"]) == ("high", "not-running")
    assert found["message"] == "web: 2 replicas declared, 1 runs: replica 2 is missing"


def test_a_container_started_by_hand_is_a_stray_never_copied(stage: Stage) -> None:
    name = f"{stage.project.name}-handmade"
    stage.docker_run(name)
    code, findings = stage.drift()
    assert code == 1 and list(findings) == [f"containers.{name}"]
    found = findings[f"containers.{name}"]
    assert (found["severity"], found["direction"]) == ("high", "undeclared")
    assert "runs beside the 2 declared replicas of web" in found["message"]
    assert "started by hand" in found["message"]
    diff, notes = stage.patch()
    assert diff == "" and "debug" not in diff
    assert f"containers.{name}: undeclared: not patched" in notes


def test_a_compose_run_container_is_a_stray(stage: Stage) -> None:
    stage.project.compose("run", "-d", "--no-deps", "web", "sleep", "602")
    code, findings = stage.drift()
    assert code == 1 and len(findings) == 1
    [found] = findings.values()
    assert found["direction"] == "undeclared" and found["severity"] == "high"
    assert "a one-off container (`compose run`)" in found["message"]


def test_two_containers_with_one_number(stage: Stage) -> None:
    """A hand-made copy with every compose label of replica 1, another command and env:
    one finding for the copy, none for replica 1, and the patch copies nothing of it."""
    labels = [f"{k}={v}" for k, v in stage.replica(1).labels.items()
              if k not in ("com.docker.compose.project", "com.docker.compose.service")]
    name = f"{stage.project.name}-copy"
    stage.docker_run(name, *labels, env="LOG_LEVEL=trace")
    code, findings = stage.drift()
    assert code == 1 and list(findings) == [f"containers.{name}"]
    message = findings[f"containers.{name}"]["message"]
    assert f"claims replica 1, as {stage.project.name}-web-1 does" in message
    diff, _ = stage.patch()
    assert diff == ""
    assert stage.file.read_text() == COMPOSE.format(image=stage.image)


def test_patch_refuses_when_the_replicas_disagree(stage: Stage) -> None:
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m",
                    stage.replica(2).id], check=True, capture_output=True)
    code, findings = stage.drift()
    assert code == 1 and list(findings) == ["containers.web#2.memory_limit_mb"]
    diff, notes = stage.patch()
    assert diff == ""
    assert ("the replicas of web disagree (web unset, web#2 `96 MiB`): not patched"
            in notes.replace("\n", " "))
    # both alike: one edit, from the declared replicas
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m",
                    stage.replica(1).id], check=True, capture_output=True)
    diff, _ = stage.patch()
    assert diff.count("+") - diff.count("+++") >= 1 and diff.count("96m") == 1


def test_patch_to_runtime_brings_a_missing_replica_back_and_names_a_stray(stage: Stage) -> None:
    stage.replica(2).remove(force=True)
    name = f"{stage.project.name}-handmade"
    stage.docker_run(name)
    result = run_cli("patch", "prod", "--to", "runtime", "--execute", "--yes",
                     cwd=stage.repo.path)
    assert result.exit_code == 0, result.stderr
    assert f"docker rm -f {name}" in result.stderr  # the stray is the operator's call
    code, findings = stage.drift()
    assert code == 1 and list(findings) == [f"containers.{name}"]
    assert stage.replica(2).status == "running"
