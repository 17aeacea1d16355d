"""The services as containers: images built by scripts/build-images, run by docker compose
with the base file and a test overlay (host networking, loopback ports, the fakes)."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.fakes.exchange import FakeExchange
from tests.fakes.telegram import FakeBotApi
from tests.services.procs import REPO, compose_binary, free_port

pytestmark = [pytest.mark.docker, pytest.mark.slow]

BASE = REPO / "services" / "docker-compose.base.yml"
SERVICES = ("market-data", "telegram-bot", "redis")


def require_engine() -> None:
    """Fail (never skip) when no Docker engine answers: these tests are the proof."""
    try:
        done = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"no Docker engine: {exc}")
    if done.returncode != 0:
        pytest.fail(f"no Docker engine answers: {done.stderr.strip()}")


@pytest.fixture(scope="module")
def images() -> None:
    require_engine()
    done = subprocess.run([str(REPO / "scripts" / "build-images")], cwd=REPO,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr


def overlay(path: Path, fx: FakeExchange, api: FakeBotApi, ports: dict[str, int]) -> None:
    """A compose overlay: host networking, every listener on a test-chosen loopback port."""
    fast = {"interval": "1s", "timeout": "3s", "retries": 30, "start_period": "0s"}
    doc = {"services": {
        "market-data": {
            "network_mode": "host",
            "environment": {**fx.env(), "MARKET_DATA_HOST": "127.0.0.1",
                            "MARKET_DATA_PORT": str(ports["md"]),
                            "REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/0",
                            "EXCHANGE_TIMEOUT": "0.5"},
            "healthcheck": fast,
        },
        "telegram-bot": {
            "network_mode": "host",
            "environment": {**api.env(), "BOT_MODE": "polling", "BOT_HOST": "127.0.0.1",
                            "BOT_HEALTH_PORT": str(ports["bot"]),
                            "MARKET_DATA_URL": f"http://127.0.0.1:{ports['md']}"},
            "healthcheck": fast,
        },
        "redis": {
            "network_mode": "host",
            "command": ["redis-server", "--bind", "127.0.0.1", "--port", str(ports["redis"]),
                        "--save", "", "--appendonly", "no"],
            "healthcheck": {**fast, "test": ["CMD", "redis-cli", "-p", str(ports["redis"]),
                                             "ping"]},
        },
    }}
    # JSON is YAML: no YAML library needed to write it.
    path.write_text(json.dumps(doc, indent=2))


def health_of(project: str) -> dict[str, str]:
    out = subprocess.run(
        ["docker", "ps", "--filter", f"label=com.docker.compose.project={project}",
         "--format", '{{.Label "com.docker.compose.service"}} {{.Status}}'],
        capture_output=True, text=True, check=True).stdout
    states = {}
    for line in out.splitlines():
        name, _, status = line.partition(" ")
        states[name] = "healthy" if "(healthy)" in status else status
    return states


@pytest.fixture(scope="module")
def running(images: None, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[FakeExchange, FakeBotApi, dict[str, int]]]:
    ports = {"md": free_port(), "bot": free_port(), "redis": free_port()}
    project = f"envsync-test-{uuid.uuid4().hex[:8]}"
    test_file = tmp_path_factory.mktemp("compose") / "docker-compose.test.yml"
    with FakeExchange() as fx, FakeBotApi() as api:
        overlay(test_file, fx, api, ports)
        cmd = [compose_binary(), "-p", project, "-f", str(BASE), "-f", str(test_file)]
        try:
            up = subprocess.run([*cmd, "up", "-d", "--wait", "--wait-timeout", "120"],
                                capture_output=True, text=True, timeout=300)
            logs = subprocess.run([*cmd, "logs", "--no-color"], capture_output=True,
                                  text=True).stdout
            assert up.returncode == 0, f"{up.stderr}\n{logs}"
            yield fx, api, {**ports, "project": project}  # type: ignore[dict-item]
        finally:
            subprocess.run([*cmd, "down", "-v", "--remove-orphans", "-t", "5"],
                           capture_output=True, timeout=120)


def test_compose_brings_every_service_to_healthy(running: tuple) -> None:  # type: ignore[type-arg]
    _, _, ports = running
    assert health_of(ports["project"]) == dict.fromkeys(SERVICES, "healthy")


def test_containers_answer_on_loopback(running: tuple) -> None:  # type: ignore[type-arg]
    _, api, ports = running
    md = f"http://127.0.0.1:{ports['md']}"
    assert httpx.get(f"{md}/health").json()["cache"]["backend"] == "redis"
    price = httpx.post(f"{md}/combined_price", json={"symbol": "BTC/USDT"}).json()
    assert price["price"] == 50000.0
    bot = httpx.get(f"http://127.0.0.1:{ports['bot']}/health").json()
    assert (bot["status"], bot["mode"]) == ("ok", "polling")
    api.push_text("/price BTC", chat_id=99)
    reply = api.wait_sent(1, timeout=20)[0]
    assert reply["chat_id"] == 99
    assert reply["text"].startswith("BTC/USDT: 50,000.00 (median of 3 exchanges)")


def test_containers_run_unprivileged_with_the_declared_limits(running: tuple) -> None:  # type: ignore[type-arg]
    _, _, ports = running
    ids = subprocess.run(["docker", "ps", "-q", "--filter",
                          f"label=com.docker.compose.project={ports['project']}"],
                         capture_output=True, text=True, check=True).stdout.split()
    info = json.loads(subprocess.run(["docker", "inspect", *ids], capture_output=True,
                                     text=True, check=True).stdout)
    by_service = {c["Config"]["Labels"]["com.docker.compose.service"]: c for c in info}
    assert by_service["market-data"]["HostConfig"]["Memory"] == 128 * 1024 * 1024
    assert by_service["telegram-bot"]["HostConfig"]["Memory"] == 160 * 1024 * 1024
    for name in ("market-data", "telegram-bot"):
        assert by_service[name]["Config"]["User"] == "app"
        assert by_service[name]["HostConfig"]["ReadonlyRootfs"] is True
