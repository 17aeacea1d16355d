"""The memory of a stack's tasks on the manager's own node (this single-node Swarm): a task
at 80 % of its limit fails the deploy's watch window, and the stack goes back to its
previous specs; ``envsync watch`` on the stack fires its memory alert on that task."""

from __future__ import annotations

import io
import json
import time
from typing import Any

import pytest

from envsync.capture.swarm_memory import task_memory
from envsync.config import load_config
from envsync.watch.loop import Watcher
from tests.helpers.cli import run_cli
from tests.swarm.conftest import CANARY, StackApp, wait_converged

pytestmark = [pytest.mark.docker, pytest.mark.slow]

# 27 MiB in /dev/shm (tmpfs pages count in the task's memory) of web's 32M limit: ~86 %,
# with room left, so the kernel does not kill it. `$$` is compose's escaped `$`.
FILL = ('["sh", "-c", "k=x; for n in 1 2 3 4 5 6 7 8 9 10; do k=$$k$$k; done; i=0; '
        'while [ $$i -lt 27648 ]; do echo $$k; i=$$((i+1)); done > /dev/shm/fill; '
        'exec sleep 3600"]')


def test_a_task_near_its_memory_limit_fails_the_watch_window(
        stack_app: StackApp, docker_client: Any) -> None:
    app = stack_app
    app.deploy_by_hand()
    wait_converged(docker_client, app.stack)
    config = (app.repo.path / "envsync.yaml").read_text()
    app.repo.write("envsync.yaml", config.replace("deploy: {watch_window: 3}",
                                                  "deploy: {watch_window: 10}"))
    app.write_stack(web_command=FILL)
    app.repo.commit("web fills most of its memory")

    # --force: a stack deployed by hand carries no config hash, so its command reads as
    # changed by hand (docs/swarm.md)
    result = run_cli("deploy", "prod", "--execute", "--force", "--format", "json",
                     cwd=app.repo.path)

    assert result.exit_code == 1, result.output
    assert result.stdout.strip(), result.output
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "failed"
    assert "watch window: web." in outcome["failure"], outcome["failure"]
    assert "memory at 8" in outcome["failure"] and "of 32 MiB" in outcome["failure"]
    assert outcome["rollback"]["result"] == "ok", outcome["rollback"]
    assert CANARY not in result.output
    # back to the previous spec (sleep): the same reading now finds web well within its
    # limit (here the limit of envsync.yaml's limits, as no services are given)
    wait_converged(docker_client, app.stack)
    rows = [r for r in task_memory(docker_client, app.stack, {}, {"web": 32.0})
            if r.service == "web"]
    assert sorted(r.task for r in rows) == ["web.1", "web.2"]
    assert all(r.ratio is not None and r.ratio < 0.5 for r in rows), rows


def test_watch_on_a_stack_fires_memory_high_on_the_task(
        stack_app: StackApp, docker_client: Any) -> None:
    app = stack_app
    app.write_stack(web_command=FILL)
    app.repo.commit("web fills most of its memory")
    app.deploy_by_hand()
    wait_converged(docker_client, app.stack)
    deadline = time.monotonic() + 30
    while not [r for r in task_memory(docker_client, app.stack, None, {})
               if r.service == "web" and (r.ratio or 0) >= 0.8]:
        assert time.monotonic() < deadline, "web never filled its memory"
        time.sleep(0.5)
    log = io.StringIO()
    watcher = Watcher(config=load_config(app.repo.path / "envsync.yaml"), envs=["prod"],
                      interval=0.5, drift_interval=3600, out=log)

    watcher.run(once=True)  # one bad round: pending
    watcher.run(once=True)  # the second: firing

    lines = [json.loads(line) for line in log.getvalue().splitlines()]
    firing = {x["alert"] for x in lines if x["event"] == "alert firing"}
    assert {"prod/memory_warning/web.1", "prod/memory_warning/web.2"} <= firing, lines
    assert not any("memory" in a and "/web." not in a for a in firing)  # cache, worker: no limit
    detail = next(x["detail"] for x in lines if x.get("alert") == "prod/memory_warning/web.1"
                  and x["event"] == "alert firing")
    assert "web.1: memory at 8" in detail and "of 32 MiB" in detail
