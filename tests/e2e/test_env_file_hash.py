"""On the real engine: a service with an ``env_file``, and one whose declared command is the
image's own CMD, deployed from the files unchanged, are not drift; nor is a `$` in a value
(compose's model prints it as `$$`). (`config --hash` on the files dropped env_file entries
while `up` labels the container with the hash of the service whose environment holds them:
every env_file service read as a runtime override.)"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from envsync.capture.compose import resolve
from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo

pytestmark = pytest.mark.docker

COMPOSE = """\
services:
  market-data:
    image: {image}
    command: ["sh"]  # the image's own CMD: capture records it as null
    stdin_open: true
    network_mode: none
    env_file: [env/market-data.env]
    environment:
      LOG_LEVEL: info
  worker:
    image: {image}
    command: ["sh", "-c", "echo $${{PRICE}} && sleep 3600"]
    network_mode: none
    env_file: [env/market-data.env]
"""


def _stage(repo: Repo, project: ComposeProject, image: str) -> None:
    repo.write("docker-compose.yml", COMPOSE.format(image=image))
    repo.write("env/market-data.env", "CACHE_TTL=10\nPRICE=a$$b\nEXCHANGES=binance,okx\n")
    repo.write("envsync.yaml", f"""\
environments:
  local:
    git: .
    compose: {{files: [docker-compose.yml], project: {project.name}}}
""")
    repo.commit("services with an env file")
    project.files = [repo.path / "docker-compose.yml"]
    project.workdir = repo.path
    project.compose("up", "-d", "--no-build")


def _drift(repo: Repo) -> tuple[int, list[dict[str, object]]]:
    result = run_cli("drift", "local", "--format", "json", cwd=repo.path)
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_env_file_service_deployed_from_the_files_has_no_drift(
        repo: Repo, compose_project_factory: Callable[[], ComposeProject],
        busybox_image: str) -> None:
    project = compose_project_factory()
    _stage(repo, project, busybox_image)
    labels = {c.labels["com.docker.compose.service"]: c.labels["com.docker.compose.config-hash"]
              for c in project.containers()}
    # The hash envsync records per service is the one `up` put on its container.
    _, hashes = resolve(repo.path, ("docker-compose.yml",), project=project.name)
    assert hashes == labels
    code, findings = _drift(repo)
    assert findings == []
    assert code == 0


def test_env_file_value_changed_by_hand_is_still_found(
        repo: Repo, compose_project_factory: Callable[[], ComposeProject],
        busybox_image: str) -> None:
    project = compose_project_factory()
    _stage(repo, project, busybox_image)
    env = repo.path / "env/market-data.env"
    original = env.read_text()
    env.write_text(original.replace("CACHE_TTL=10", "CACHE_TTL=99"))
    project.compose("up", "-d", "--no-build", "market-data")  # recreated from an edit...
    env.write_text(original)  # ...that no file holds any more
    code, findings = _drift(repo)
    assert code == 1
    found = {f["path"]: f for f in findings}
    ttl = found["containers.market-data.env.CACHE_TTL"]
    assert (ttl["direction"], ttl["before"], ttl["after"]) == ("runtime-override", "10", "99")
    assert [f for f in findings if f["service"] == "worker"] == []
