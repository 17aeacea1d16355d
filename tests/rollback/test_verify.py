"""After the steps the executor compares what runs with the target, on the real engine:
a container left exited or unhealthy, or a field that differs, is exit 1 with the
difference named; and level 1 recreates a service whose container was changed with
`docker update` (compose's config hash does not see that)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from envsync.config import load_config
from envsync.plan.verify import verify
from envsync.store import load_snapshot
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def _update_memory(stack: Stack, service: str) -> None:
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m",
                    stack.container(service).id], check=True, capture_output=True)


def test_verify_names_what_differs_from_the_point(stack: Stack) -> None:
    point = stack.backup("--no-images")
    config = load_config(stack.repo.path / "envsync.yaml")
    env = config.environment("prod")
    target = load_snapshot(Path(point["snapshot"]))
    assert verify(config, env, target=target, wait_s=0) == []
    _update_memory(stack, "web")
    stack.container("worker").stop(timeout=0)
    found = verify(config, env, target=target, wait_s=0)
    assert any(d.startswith("worker: ") and "exited, not running" in d for d in found), found
    assert any("containers.web.memory_limit_mb" in d for d in found), found
    # level 1 compares everything but images; level 2 only images
    assert any("memory_limit_mb" in d
               for d in verify(config, env, target=target, skip=("image_id",), wait_s=0))
    assert not any("memory_limit_mb" in d
                   for d in verify(config, env, target=target, only=("image_id",), wait_s=0))


def test_level1_recreates_a_container_changed_by_docker_update(stack: Stack) -> None:
    point = stack.backup("--no-images")
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    stack.repo.commit("bad config")
    stack.up()
    _update_memory(stack, "worker")  # same config hash as at the point
    script = stack.cli("rollback", "prod", "--level", "1", "--to", point["tag"])
    assert "--force-recreate -- web worker" in script.stdout, script.stdout
    result = stack.cli("rollback", "prod", "--level", "1", "--to", point["tag"], "--execute",
                       "--yes", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "ok" and outcome["differences"] == []
    assert stack.container("worker").attrs["HostConfig"]["Memory"] == 0
    assert stack.diff_against(point["snapshot"], "git") == (0, [])


HEALTHY = """\
    volumes: ["./health:/health:ro"]
    healthcheck:
      test: ["CMD", "test", "-f", "/health/ok"]
      interval: 1s
      timeout: 1s
      retries: 1
"""


def test_a_rollback_that_leaves_a_service_unhealthy_exits_1(stack: Stack) -> None:
    (stack.repo.path / "health").mkdir()
    (stack.repo.path / "health" / "ok").write_text("ok\n")
    stack.repo.write(".gitignore", (stack.repo.path / ".gitignore").read_text() + "/health/\n")
    text = stack.file.read_text().replace("    stop_grace_period: 1s  #",
                                          HEALTHY + "    stop_grace_period: 1s  #", 1)
    stack.file.write_text(text)
    stack.repo.commit("web has a health check")
    stack.up()
    for _ in range(60):
        stack.container("web").reload()
        if stack.container("web").attrs["State"]["Health"]["Status"] == "healthy":
            break
        time.sleep(0.5)
    point = stack.backup("--no-images")
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    stack.repo.commit("bad config")
    stack.up()
    (stack.repo.path / "health" / "ok").unlink()  # what the service needs is gone now

    result = stack.cli("rollback", "prod", "--level", "3", "--to", point["tag"], "--execute",
                       "--yes", "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "verify-failed"
    assert any(d.startswith("web: ") and "unhealthy" in d for d in outcome["differences"])
    assert "web" in outcome["failure"] and "unhealthy" in outcome["failure"]
    assert stack.log()[-1]["result"] == "verify-failed"
    table = stack.cli("rollback", "prod", "--level", "3", "--to", point["tag"], "--execute",
                      "--yes")
    assert table.exit_code == 1 and "differs: web: " in table.stdout
