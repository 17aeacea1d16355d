"""On the real engine: a service with a relative bind mount (``./data:/data``), running from
the previous commit, is ``not-deployed``, not a hand edit. (Older commits are resolved in a
temp folder: their hashes held the temp folder's path and never matched the container's
config-hash label, so the commit it was created from went unrecognised.)"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo

pytestmark = pytest.mark.docker

COMPOSE = """\
services:
  app:
    image: {image}
    command: ["sleep", "3600"]
    network_mode: none
    volumes: ["./data:/data"]
    environment:
      LOG_LEVEL: info
"""


def test_container_from_the_previous_commit_is_not_deployed(
        repo: Repo, compose_project_factory: Callable[[], ComposeProject],
        busybox_image: str) -> None:
    project = compose_project_factory()
    compose = repo.write("docker-compose.yml", COMPOSE.format(image=busybox_image))
    repo.write("data/.keep", "")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               f"    compose: {{files: [docker-compose.yml], project: {project.name}}}\n")
    repo.commit("app with a bind mount")
    project.files = [compose]
    project.workdir = repo.path
    project.up()
    compose.write_text(compose.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: debug"))
    repo.commit("debug logs, not deployed yet")
    result = run_cli("drift", "local", "--format", "json", cwd=repo.path)
    assert result.exit_code == 1, result.stderr
    found = {f["path"]: f for f in json.loads(result.stdout)["findings"]}
    level = found["containers.app.env.LOG_LEVEL"]
    assert (level["direction"], level["before"], level["after"]) == (
        "not-deployed", "debug", "info")
    assert [p for p in found if p.startswith("containers.app.mounts")] == []
