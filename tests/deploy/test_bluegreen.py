"""Blue-green deploys on the real engine behind a real HAProxy (tests/deploy/bg.py): under
a closed-loop load through the proxy on 127.0.0.1, a good release switches with 0 failed
requests and `drift` clean; a release that is never healthy or fails in the watch window
leaves (or puts back) the old container serving, says why and logs it."""

from __future__ import annotations

import json

import pytest

from tests.deploy.bg import BlueGreenStack
from tests.helpers.load import LoadClient

pytestmark = pytest.mark.docker


def _load(stack: BlueGreenStack) -> LoadClient:
    load = LoadClient(stack.url + "/combined_price", method="POST", json={"symbol": "BTCUSDT"},
                      workers=2).start()
    assert load.wait_first_success()
    return load


def test_a_good_release_switches_with_no_failed_request(bg_stack: BlueGreenStack) -> None:
    release = bg_stack.release()
    old = {c.id for c in bg_stack.apps()}
    with _load(bg_stack) as load:
        result = bg_stack.cli("deploy", "prod", "--ref", "v2", "--execute", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    report = load.report
    assert report.failed == 0, report.failures[:5]
    assert {json.loads(b)["version"] for b in report.bodies} == {"1", "2"}
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "ok" and outcome["commit"] == release
    (record,) = outcome["blue_green"]
    assert record["phase"] == "retired" and {record["from"], record["to"]} == {"blue", "green"}
    apps = bg_stack.apps()
    assert len(apps) == 1 and apps[0].id not in old and apps[0].status == "running"
    assert "VERSION=2" in apps[0].attrs["Config"]["Env"]
    assert bg_stack.drift_code() == 0
    assert bg_stack.log()[-1]["result"] == "ok"


def _proxy_states(stack: BlueGreenStack) -> dict[str, str]:
    from envsync.proxy.haproxy import HAProxyRuntime

    proxy = next(c for c in stack.project.containers()
                 if c.labels.get("com.docker.compose.service") == "proxy")
    runtime = HAProxyRuntime.in_container(proxy.name, "/run/haproxy/admin.sock")
    return {s.name: f"{s.status} {s.address}" for s in runtime.servers("app")}


def _engine(stack: BlueGreenStack) -> dict[str, object]:
    return {c.id: (c.status, c.image.id, c.attrs["State"]["StartedAt"],
                   c.labels.get("com.docker.compose.config-hash"))
            for c in stack.project.containers()}


def test_dry_run_prints_the_switch_and_changes_nothing(bg_stack: BlueGreenStack) -> None:
    from tests.rollback.test_dry_run import _files

    bg_stack.release()
    before = (_files(bg_stack.repo.path), _engine(bg_stack), _proxy_states(bg_stack))
    result = bg_stack.cli("deploy", "prod", "--ref", "v2")
    assert result.exit_code == 0, result.stderr
    script = result.stdout
    assert "--no-recreate --pull never --no-build --scale app=2 -- app" in script
    assert "-H 'x-envsync-server: green'" in script  # the preview pinned to the idle slot
    ready = script.index('"set server app/green state ready"')
    drain = script.index('"set server app/blue state drain"')
    assert ready < drain  # never zero ready servers
    assert script.index('"set server app/blue state maint"') > drain
    assert "docker stop " in script and "--scale app=1 -- app" in script
    assert (_files(bg_stack.repo.path), _engine(bg_stack), _proxy_states(bg_stack)) == before


def test_a_release_never_healthy_never_gets_traffic(bg_stack: BlueGreenStack) -> None:
    bg_stack.release("BAD: health")
    (old,) = bg_stack.apps()
    started = old.attrs["State"]["StartedAt"]
    with _load(bg_stack) as load:
        result = bg_stack.cli("deploy", "prod", "--ref", "v2", "--execute", "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert load.report.failed == 0, load.report.failures[:5]
    assert {json.loads(b)["version"] for b in load.report.bodies} == {"1"}
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "failed" and "not healthy within 15 s" in outcome["failure"]
    assert outcome["blue_green"][0]["phase"] == "restored"
    assert outcome["rollback"]["files_only"] and outcome["rollback"]["result"] == "ok"
    (still,) = bg_stack.apps()  # the new one removed, the old never stopped
    assert still.id == old.id and still.attrs["State"]["StartedAt"] == started
    assert _proxy_states(bg_stack)["green"].startswith("MAINT")
    assert bg_stack.repo.git("rev-parse", "HEAD").strip() == bg_stack.good
    assert bg_stack.log()[-1]["failure"] == outcome["failure"]
    assert bg_stack.drift_code() == 0

