"""A stack on a real single-node Swarm: snapshot, drift clean, then hand changes found."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.swarm.conftest import CANARY, StackApp, docker, wait_converged

pytestmark = [pytest.mark.docker, pytest.mark.slow]


def _drift(app: StackApp, env: str = "prod") -> tuple[int, list[dict[str, Any]], str]:
    result = run_cli("drift", env, "--format", "json", cwd=app.repo.path)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["findings"], result.output


def test_snapshot_drift_and_hand_changes(stack_app: StackApp, docker_client: Any) -> None:
    app = stack_app
    app.deploy_by_hand()
    wait_converged(docker_client, app.stack)

    table = run_cli("snapshot", "prod", cwd=app.repo.path)
    assert table.exit_code == 0, table.output
    assert f"stack {app.stack}" in table.output and "4/4 tasks running" in table.output
    result = run_cli("snapshot", "prod", "--format", "json", cwd=app.repo.path)
    assert result.exit_code == 0, result.output
    assert CANARY not in result.output + table.output
    files = sorted((app.repo.path / "snapshots" / "prod").glob("*.json"))
    text = files[-1].read_text()
    assert CANARY not in text
    snap = json.loads(text)
    swarm = snap["swarm"]
    assert swarm["stack"] == app.stack
    assert set(swarm["services"]) == {"web", "worker", "cache"}
    web = swarm["services"]["web"]
    assert web["replicas"] == 2 and web["running"] == 2 and len(web["tasks"]) == 2
    assert web["env"]["API_TOKEN"].startswith("secret:hmac-sha256:")
    assert web["env"]["MODE"] == "one"
    assert web["resources"]["limits"]["memory_bytes"] == 32 * 1024 * 1024
    assert web["args"] == ["sleep", "3600"]
    assert swarm["services"]["worker"]["labels"]["team"] == "core"
    assert all(t["state"] == "running" and t["node"] for t in web["tasks"])
    (node,) = swarm["nodes"].values()
    assert node["availability"] == "active" and node["state"] == "ready"

    code, findings, output = _drift(app)
    assert (code, findings) == (0, []), output

    # A plain compose environment on the same engine, with the stack's name as its
    # project: the stack's task containers are not its containers.
    code, findings, output = _drift(app, "plain")
    assert not [f for f in findings if f["direction"] == "undeclared"], output

    # By hand: an env value added, and a service scaled.
    docker("service", "update", "--detach", "--env-add", "DEBUG=1", app.service("worker"))
    docker("service", "scale", "--detach", f"{app.service('cache')}=2")
    wait_converged(docker_client, app.stack)
    code, findings, output = _drift(app)
    assert code == 1
    by_path = {f["path"]: f for f in findings}
    env = by_path["swarm.services.worker.env.DEBUG"]
    assert env["direction"] == "runtime-override" and env["after"] == "1"
    replicas = by_path["swarm.services.cache.replicas"]
    assert replicas["direction"] == "runtime-override"
    assert (replicas["before"], replicas["after"]) == (1, 2)
    assert "scaled by hand" in replicas["message"]
    assert CANARY not in output

    # A drained node takes no tasks: the cluster finding, and replicas not converged.
    node_id = next(iter(docker_client.api.nodes()))["ID"]
    docker("node", "update", "--availability", "drain", node_id)
    try:
        code, findings, output = _drift(app)
        paths = {f["path"] for f in findings}
        assert any(p.startswith("swarm.nodes.") and p.endswith(".availability") for p in paths)
    finally:
        docker("node", "update", "--availability", "active", node_id)
