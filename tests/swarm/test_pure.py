"""Stack drift and the stack file, from documents alone (no engine)."""

from __future__ import annotations

import copy
from typing import Any

from envsync.deploy.swarm import stack_file
from envsync.diff import compare
from envsync.diff.drift import drift
from envsync.diff.swarm import HASH_LABEL
from envsync.swarmconfig import UPDATE_DEFAULTS

MODEL: dict[str, Any] = {
    "name": "shop",
    "services": {
        "web": {"image": "shop/web:2", "command": ["serve"], "entrypoint": None,
                "environment": {"MODE": "prod"}, "networks": {"default": None},
                "ports": [{"target": 80, "published": "8080", "protocol": "tcp",
                           "mode": "host"}],
                "deploy": {"replicas": 2, "update_config": {"monitor": "30s"}}},
        "worker": {"image": "shop/worker:2", "networks": {"default": None}},
    },
    "networks": {"default": {"name": "shop_default", "ipam": {}}},
}


def _service(image: str, args: list[str] | None, replicas: int, **extra: Any) -> dict[str, Any]:
    record = {"name": "", "id": "x", "version": 3, "image": image, "command": None,
              "args": args, "env": {}, "user": None, "labels": {}, "container_labels": {},
              "mode": "replicated", "replicas": replicas, "resources": {}, "placement": {},
              "ports": [], "update_config": None, "rollback_config": None,
              "restart_policy": None, "healthcheck": None, "secrets": [], "configs": [],
              "update_status": None, "running": replicas, "desired": replicas,
              "restarts": 0, "tasks": []}
    record.update(extra)
    return record


def _snapshot(**changes: Any) -> dict[str, Any]:
    web = _service("shop/web:2@sha256:" + "a" * 64, ["serve"], 2, env={"MODE": "prod"},
                   ports=["8080->80/tcp (host)"],
                   update_config={"parallelism": 1, "delay": "0s", "failure_action": "pause",
                                  "monitor": "30s", "max_failure_ratio": 0,
                                  "order": "stop-first"},
                   labels={HASH_LABEL: "h-web", "com.docker.stack.namespace": "shop"})
    worker = _service("shop/worker:2", None, 1, labels={HASH_LABEL: "h-worker"})
    swarm = {"stack": "shop", "manager": "unix:///var/run/docker.sock",
             "services": {"web": web, "worker": worker},
             "nodes": {"n1": {"id": "n1", "role": "manager", "availability": "active",
                              "state": "ready", "addr": None, "leader": True,
                              "engine_version": None, "nano_cpus": None,
                              "memory_bytes": None, "labels": {}}},
             "secrets": {}, "configs": {}}
    for path, value in changes.items():
        node: Any = swarm
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return {"meta": {"environment": "prod", "errors": []},
            "git": {"path": "/srv/shop", "head": "c1", "dirty": [], "untracked": []},
            "compose": {"project": "shop", "files": [{"path": "stack.yml", "sha256": None}],
                        "declared": copy.deepcopy(MODEL), "committed": copy.deepcopy(MODEL),
                        "hashes": {"web": "h-web", "worker": "h-worker"},
                        "committed_hashes": {"web": "h-web", "worker": "h-worker"}},
            "env_files": {}, "containers": None, "stats": None, "health": {},
            "limits": {"memory_mb": {}}, "swarm": swarm}


def _findings(snapshot: dict[str, Any], history: set[str] | None = None) -> dict[str, Any]:
    result = drift(snapshot, history=lambda _: history or set())
    return {f.path: f for f in result.findings}


def test_clean_when_the_specs_are_the_files() -> None:
    assert _findings(_snapshot()) == {}


def test_cluster_findings() -> None:
    failed = [{"id": f"t{i}", "slot": 1, "node": "n1", "desired_state": "shutdown",
               "state": "failed", "error": "task: non-zero exit (1)", "message": None,
               "exit_code": 1, "image": "shop/web:2", "time": f"2026-01-01T00:00:0{i}Z"}
              for i in range(3)]
    found = _findings(_snapshot(
        services__web__running=1, services__web__tasks=failed,
        services__web__update_status={"state": "paused", "message": "update paused"},
        nodes__n1__availability="drain", nodes__n1__state="down"))
    assert found["swarm.services.web.running"].message.startswith("web: 1 of 2 replicas")
    assert "flapping" in found["swarm.services.web.tasks.1"].message
    assert "paused" in found["swarm.services.web.update_status"].message
    assert found["swarm.nodes.n1.state"].severity.label == "high"
    assert found["swarm.nodes.n1.availability"].severity.label == "medium"


def test_an_older_deploy_is_not_deployed_a_hand_change_is_an_override() -> None:
    older = _snapshot(services__worker__image="shop/worker:1",
                      services__worker__labels={HASH_LABEL: "h-old"})
    assert _findings(older, {"h-old"})["swarm.services.worker.image"].direction == \
        "not-deployed"
    by_hand = _snapshot(services__worker__image="shop/worker:1")
    assert _findings(by_hand)["swarm.services.worker.image"].direction == "runtime-override"


def test_the_stack_file() -> None:
    out = stack_file(MODEL, dict(UPDATE_DEFAULTS), {"web": "h-web"})
    assert "name" not in out
    web, worker = out["services"]["web"], out["services"]["worker"]
    assert "entrypoint" not in web and web["networks"] == {"default": {}}
    # The files' monitor wins; a host-mode port cannot start first.
    assert web["deploy"]["update_config"] == {**UPDATE_DEFAULTS, "monitor": "30s",
                                              "order": "stop-first"}
    assert worker["deploy"]["update_config"]["order"] == "start-first"
    assert web["deploy"]["labels"] == {HASH_LABEL: "h-web"}
    assert MODEL["services"]["web"]["deploy"]["update_config"] == {"monitor": "30s"}


def test_diff_of_two_stacks_compares_their_specs_not_their_state() -> None:
    a = _snapshot()
    b = _snapshot(services__web__env={"MODE": "staging"}, services__web__version=9,
                  services__web__running=1, services__worker__replicas=3,
                  services__worker__labels={HASH_LABEL: "other"})
    found = {f.path: f for f in compare(a, b, a_label="prod", b_label="staging").findings}
    assert set(found) == {"swarm.services.web.env.MODE", "swarm.services.worker.replicas"}
    env = found["swarm.services.web.env.MODE"]
    assert env.service == "web" and "(swarm)" in env.message


def test_watch_window_fails_on_two_rounds_short_of_tasks(monkeypatch: Any) -> None:
    import envsync.deploy.swarm as deploy_swarm
    from envsync.config import ComposeSpec, Environment, GitSource
    from envsync.plan.executor import Interrupts
    from envsync.swarmconfig import SwarmSettings

    env = Environment(name="prod", git=GitSource(), compose=ComposeSpec(files=("s.yml",)),
                      swarm=SwarmSettings(stack="shop"))
    status = {"state": "completed", "message": "update completed", "started": "t1"}
    ok = {"services": {"web": _service("w", None, 2, update_status=status)}}
    short = {"services": {"web": _service("w", None, 2, update_status=status, running=1,
                                          tasks=[{"id": "t9", "slot": 2, "node": "n1",
                                                  "state": "failed", "error": "boom",
                                                  "exit_code": 1}])}}
    rounds = iter([ok, short, ok, short, short, ok, ok])
    monkeypatch.setattr(deploy_swarm, "_capture", lambda _env: next(rounds))
    # no engine here: the tasks' memory (read from the engine) is left out, as when it is down
    import envsync.capture.engine as engine
    from envsync.errors import EngineError

    def no_engine(url: str, **_: Any) -> Any:
        raise EngineError(f"no engine at {url} in this test")

    monkeypatch.setattr(engine, "connect", no_engine)
    interrupts = Interrupts()
    monkeypatch.setattr(interrupts, "sleep", lambda _s: True)
    monkeypatch.setattr(deploy_swarm.time, "monotonic", iter(range(0, 1000, 1)).__next__)
    reason = deploy_swarm.watch_window(env, 30, interrupts)
    assert reason is not None and "web: 1 of 2 replicas running" in reason and "boom" in reason
    # Swarm rolling back on its own during the window is a failure at once.
    rolled = {"services": {"web": _service("w", None, 2, update_status={
        **status, "state": "rollback_completed", "started": "t2"})}}
    rounds = iter([ok, rolled])
    assert "changed on its own" in (deploy_swarm.watch_window(env, 30, interrupts) or "")


def test_escaped_dollars_in_the_files_are_what_the_spec_holds() -> None:
    # compose's resolved model keeps `$$`; docker stack deploy interpolates it to `$`
    snapshot = _snapshot(services__web__args=["sh", "-c", "echo $HOME"],
                         services__web__labels={HASH_LABEL: "h-web", "cost": "$5"})
    for side in ("declared", "committed"):
        web = snapshot["compose"][side]["services"]["web"]
        web["command"] = ["sh", "-c", "echo $$HOME"]
        web["deploy"]["labels"] = {"cost": "$$5"}
    assert _findings(snapshot) == {}
    snapshot["swarm"]["services"]["web"]["args"] = ["sh", "-c", "echo $$HOME"]
    assert "swarm.services.web.command" in _findings(snapshot)
