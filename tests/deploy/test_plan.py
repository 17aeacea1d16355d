"""The deploy planner and its settings, without an engine: order, strategies, quoting."""

from __future__ import annotations

from pathlib import Path

import pytest

from envsync.config import ComposeSpec, Environment, GitSource, load_config
from envsync.deploy.plan import Target, dependency_order, plan_deploy
from envsync.deploy.preflight import mem_limit_mb
from envsync.errors import ConfigError
from envsync.plan import render_script
from envsync.rollback.plan import HASH_LABEL, Tools

MODEL = {"services": {
    "bot": {"image": "bot:2", "depends_on": {"market-data": {"condition": "service_healthy"}}},
    "market-data": {"image": "md:2", "depends_on": {"redis": {}}, "ports": [{"target": 8001}]},
    "redis": {"image": "redis:7"},
}}
ENV = Environment(name="prod", git=GitSource(path=Path("/srv/app")),
                  compose=ComposeSpec(files=("docker-compose.yml",), project="p"))


def _plan(current: dict[str, object] | None = None, head: str = "a" * 40,
          strategy: dict[str, str] | None = None) -> str:
    target = Target(ref="v2; rm -rf /", commit="b" * 40, model=MODEL,
                    hashes={"bot": "h-bot", "market-data": "h-md", "redis": "h-redis"},
                    image_ids={"bot": "sha256:bot", "market-data": "sha256:md",
                               "redis": "sha256:redis"})
    dp = plan_deploy(env=ENV, project="p", root="/srv/my app", tools=Tools(compose=("docker",
                     "compose")), target=target, current=current or {}, head=head,
                     files_clean=True, strategy=strategy or {})
    return render_script(dp.plan)


def test_dependency_order() -> None:
    assert dependency_order(MODEL) == ["redis", "market-data", "bot"]
    cyclic = {"services": {"a": {"depends_on": {"b": {}}}, "b": {"depends_on": {"a": {}}}}}
    with pytest.raises(ValueError, match="cycle"):
        dependency_order(cyclic)


def test_script_quotes_every_argument_and_orders_services() -> None:
    script = _plan()
    assert "# envsync deploy of prod to v2; rm -rf / (commit bbbbbbbbbbbb)" in script
    assert "(cd '/srv/my app' && docker compose" in script
    assert f"reset --hard {'b' * 40}" in script
    order = [script.index(f"-- {s})\n") for s in ("redis", "market-data", "bot")]
    assert order == sorted(order)


def test_unchanged_services_are_left_running_and_no_checkout_at_the_same_commit() -> None:
    current = {"containers": {"p-redis-1": {"service": "redis", "state": "running",
                                            "image_id": "sha256:redis",
                                            "labels": {HASH_LABEL: "h-redis"}}}}
    script = _plan(current, head="b" * 40)
    assert "reset --hard" not in script
    assert "-- redis)\n" not in script and "-- bot)\n" in script and "left running: redis" in script


def test_blue_green_is_named_in_the_plan() -> None:
    assert "market-data: blue-green is not possible here" in _plan(
        strategy={"market-data": "blue-green"})


@pytest.mark.parametrize(("service", "mib"), [
    ({"mem_limit": "268435456"}, 256.0), ({"mem_limit": 134217728}, 128.0),
    ({"mem_limit": "96m"}, 96.0), ({"deploy": {"resources": {"limits": {"memory": "1g"}}}},
                                   1024.0), ({}, None), ({"mem_limit": "lots"}, None)])
def test_mem_limit(service: dict[str, object], mib: float | None) -> None:
    assert mem_limit_mb(service) == mib


def test_deploy_settings_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "envsync.yaml"
    path.write_text("environments:\n  prod:\n    git: .\n    deploy:\n      strategy: "
                    "{redis: recreate}\n      host_memory_mb: 1024\n")
    env = load_config(path).environments["prod"]
    assert env.deploy.strategy == {"redis": "recreate"}
    assert env.deploy.host_memory_mb == 1024.0 and env.deploy.health_timeout_s == 60.0
    path.write_text("environments:\n  prod:\n    git: .\n    deploy:\n      strategy:\n"
                    "        redis: rolling\n")
    with pytest.raises(ConfigError, match=r"envsync.yaml:6: redis: .*'rolling' is not a "
                       "strategy"):
        load_config(path)


def test_blue_green_settings_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "envsync.yaml"
    head = "environments:\n  prod:\n    git: .\n    deploy:\n"
    path.write_text(head + """\
      strategy: {market-data: blue-green}
      watch_window: 4
      proxy:
        service: proxy
        preview_url: http://127.0.0.1:8098/
        backends: {market-data: market_data}
      smoke:
        market-data:
          - {method: post, path: /combined_price, json: {symbol: BTCUSDT}, expect: 200}
""")
    deploy = load_config(path).environments["prod"].deploy
    assert deploy.watch_window_s == 4.0
    assert deploy.proxy is not None and deploy.proxy.socket == "/run/haproxy/admin.sock"
    assert deploy.proxy.preview_url == "http://127.0.0.1:8098"
    assert deploy.proxy.backends == {"market-data": "market_data"}
    (smoke,) = deploy.smoke["market-data"]
    assert (smoke.method, smoke.path, smoke.json, smoke.expect) == (
        "POST", "/combined_price", {"symbol": "BTCUSDT"}, 200)
    for bad, message in (
            ("      proxy: {service: proxy, preview_url: x, colour: blue}\n", r":5: colour: unknown"),
            ("      proxy: {service: proxy}\n", r":5: proxy: .*preview_url: missing"),
            ("      proxy: {service: p, preview_url: 'http://h', backends: {a: 'b c'}}\n",
             r":5: a: .*'b c' is not a HAProxy backend"),
            ("      watch_window: -1\n", r":5: watch_window: .*positive"),
            ("      health_timeout: 30s\n", r":5: health_timeout: .*number of seconds \(60, "
                                           r"not '1m' or '60s'\), got '30s'"),
            ("      smoke:\n        a:\n          - {path: health}\n", r":7: path: .*start with /"),
            ("      smoke:\n        a:\n          - {path: /h, expect: 999}\n",
             r":7: expect: .*HTTP status")):
        path.write_text(head + bad)
        with pytest.raises(ConfigError, match=message):
            load_config(path)


def _bg_env(proxy: bool = True) -> Environment:
    from envsync.deploy.settings import DeploySettings, ProxySettings

    settings = DeploySettings(strategy={"md": "blue-green"}, proxy=ProxySettings(
        service="proxy", preview_url="http://127.0.0.1:8098", backends={"md": "market_data"})
        if proxy else None)
    return Environment(name="prod", git=GitSource(path=Path("/srv/app")),
                       compose=ComposeSpec(files=("c.yml",), project="p"),
                       deploy_node=settings, docker="unix:///nonexistent.sock")


@pytest.mark.parametrize(("service", "proxy", "running", "line", "code"), [
    ({"image": "md"}, False, True, "needs environments.prod.deploy.proxy", 2),
    ({"image": "md", "container_name": "md-1"}, True, True, "container_name 'md-1'", 2),
    ({"image": "md", "ports": [{"target": 8001, "published": "8001",
                                "host_ip": "127.0.0.1"}]}, True, True,
     "a fixed host port (127.0.0.1:8001:8001)", 2),
    ({"image": "md"}, True, False, "the proxy service 'proxy' is not running", 1),
], ids=["no-proxy", "container_name", "fixed-port", "proxy-down"])
def test_blue_green_preflight_refusals(service: dict[str, object], proxy: bool, running: bool,
                                       line: str, code: int) -> None:
    from envsync.deploy.preflight import blue_green_problems

    current = {"containers": {"proxy": {"service": "proxy", "name": "p-proxy-1",
                                        "state": "running" if running else "exited"}}}
    (refusal,) = blue_green_problems(_bg_env(proxy), model={"services": {"md": service}},
                                     current=current, services=["md"],
                                     strategies={"md": "blue-green"})
    assert line in refusal.line and refusal.code == code


def test_memory_budget_counts_blue_green_beside_the_old_one() -> None:
    from dataclasses import replace

    from envsync.deploy.preflight import memory_budget
    from envsync.deploy.settings import DeploySettings

    env = replace(ENV, deploy_node=DeploySettings(host_memory_mb=300))
    current = {"containers": {"p-md-1": {"service": "md", "state": "running"}},
               "stats": {"p-md-1": {"memory_used_mb": 100}}}
    model = {"services": {"md": {"mem_limit": "150m"}}}
    # 300 - 100 used = 200 free: recreate frees the old 100 first, blue-green does not
    recreate = memory_budget(env, current=current, model=model, services=["md"],
                             strategies={"md": "recreate"})
    assert recreate.refusals == []
    model = {"services": {"md": {"mem_limit": "250m"}}}
    (refusal,) = memory_budget(env, current=current, model=model, services=["md"],
                               strategies={"md": "blue-green"}).refusals
    assert "md needs 250 MiB beside the running one (blue-green)" in refusal.line
    assert "50 MiB short" in refusal.line
