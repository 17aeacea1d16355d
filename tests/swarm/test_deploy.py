"""envsync deploy on a Swarm stack: Swarm does the rolling update; envsync guards, records
a restore point, waits for convergence, and reports a rollback Swarm made on its own."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.git import git
from tests.swarm.conftest import CANARY, StackApp, wait_converged

pytestmark = [pytest.mark.docker, pytest.mark.slow]
NEW_IMAGE = "envsync-swarm-test/busybox:v2"


@pytest.fixture
def new_image(docker_client: Any, busybox_image: str) -> Iterator[str]:
    """Another tag of the test image: a new image ref for the stack to move to."""
    docker_client.images.get(busybox_image).tag(NEW_IMAGE)
    yield NEW_IMAGE


def _spec(client: Any, service: str) -> dict[str, Any]:
    return dict(client.api.inspect_service(service)["Spec"])


def test_deploy_converges_then_swarm_rolls_a_failing_one_back(
        stack_app: StackApp, docker_client: Any, new_image: str) -> None:
    app = stack_app
    first = git(app.repo.path, "rev-parse", "HEAD")
    app.deploy_by_hand()
    wait_converged(docker_client, app.stack)
    backup = run_cli("backup", "prod", cwd=app.repo.path)
    assert backup.exit_code == 0, backup.output
    (at_first,) = git(app.repo.path, "tag", "--list", "prod-stable-*").split()

    app.write_stack(image=new_image)
    good = app.repo.commit("the new image")
    dry = run_cli("deploy", "prod", cwd=app.repo.path)
    assert dry.exit_code == 0, dry.output
    assert "docker stack deploy" in dry.stdout and "--prune" in dry.stdout
    assert CANARY not in dry.output

    result = run_cli("deploy", "prod", "--execute", "--format", "json", cwd=app.repo.path)
    assert result.exit_code == 0, result.output
    assert CANARY not in result.output
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "ok" and outcome["restore_point"]
    for name in ("web", "worker", "cache"):
        spec = _spec(docker_client, app.service(name))
        assert spec["TaskTemplate"]["ContainerSpec"]["Image"] == new_image
    web = _spec(docker_client, app.service("web"))
    assert web["UpdateConfig"]["Order"] == "start-first"
    assert web["UpdateConfig"]["FailureAction"] == "rollback"
    tasks = docker_client.api.tasks(filters={"service": app.service("web"),
                                             "desired-state": "running"})
    assert [t["Status"]["State"] for t in tasks] == ["running", "running"]
    drift = run_cli("drift", "prod", cwd=app.repo.path)
    assert drift.exit_code == 0, drift.output

    # A command that exits at once: the tasks fail, Swarm rolls web back on its own.
    app.write_stack(image=new_image, web_command='["sh", "-c", "exit 1"]')
    bad = app.repo.commit("web exits at once")
    result = run_cli("deploy", "prod", "--execute", "--format", "json", cwd=app.repo.path)
    assert result.exit_code == 1, result.output
    assert CANARY not in result.output
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "failed"
    assert "Swarm rolled web back on its own" in outcome["failure"]
    assert "non-zero exit (1)" in outcome["failure"]
    assert outcome["rollback"]["result"] == "ok", outcome["rollback"]
    web = _spec(docker_client, app.service("web"))
    assert web["TaskTemplate"]["ContainerSpec"]["Args"] == ["sleep", "3600"]
    # Deployed from the commit checked out: the files stay, drift says what is not running.
    assert git(app.repo.path, "rev-parse", "HEAD") == bad != good
    drift = run_cli("drift", "prod", "--format", "json", cwd=app.repo.path)
    findings = json.loads(drift.stdout)["findings"]
    command = next(f for f in findings if f["path"] == "swarm.services.web.command")
    assert command["direction"] == "not-deployed", findings
    # The stack file (env values in clear) is gone after each deploy.
    assert not list(Path(tempfile.gettempdir()).glob(f"envsync-prod-{app.stack}-*.yml"))
    log = (app.repo.path / "snapshots" / "prod" / "deploys.jsonl").read_text()
    assert CANARY not in log and len(log.splitlines()) == 2

    # Level 3: the point taken at the first commit: its files checked out, redeployed.
    result = run_cli("rollback", "prod", "--to", at_first, "--level", "3",
                     "--execute", "--yes", cwd=app.repo.path)
    assert result.exit_code == 0, result.output
    assert git(app.repo.path, "rev-parse", "HEAD") == first
    for name in ("web", "worker", "cache"):
        spec = _spec(docker_client, app.service(name))
        assert spec["TaskTemplate"]["ContainerSpec"]["Image"] == app.image
    # Level 2: each service's previous spec, which Swarm keeps: the new image again.
    result = run_cli("rollback", "prod", "--level", "2", "--execute", "--yes",
                     cwd=app.repo.path)
    assert result.exit_code == 0, result.output
    assert "docker service rollback" in result.output
    web = _spec(docker_client, app.service("web"))
    assert web["TaskTemplate"]["ContainerSpec"]["Image"] == new_image
    assert CANARY not in result.output
