"""The services as containers, as compose runs them: images built by scripts/build-images,
the base compose file plus a test overlay (compose_stack.py: the fakes in containers on an
`internal: true` upstream network, every port published on 127.0.0.1 only). Every HTTP
request reaches market-data through the proxy (HAProxy), the bot's own calls included."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.services.compose_stack import ComposeStack, compose_stack, require_engine
from tests.services.procs import REPO

pytestmark = [pytest.mark.docker, pytest.mark.slow]

SERVICES = ("market-data", "telegram-bot", "redis", "proxy", "fake-exchange", "fake-telegram")


@pytest.fixture(scope="module")
def images() -> None:
    require_engine()
    done = subprocess.run([str(REPO / "scripts" / "build-images")], cwd=REPO,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def running(images: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ComposeStack]:
    with compose_stack(tmp_path_factory.mktemp("compose")) as stack:
        yield stack


def answered(text: str, pair: str) -> bool:
    """The bot's reply carries market-data's answer for `pair`: a price, or, on a machine
    too busy for the exchanges' 1.5 s budget, market-data's own "No exchange answered"
    (either way it went through the proxy; "unavailable" would mean it did not)."""
    return text.startswith(f"{pair}: ") or text.startswith(f"No exchange answered for {pair}")


def inspect(stack: ComposeStack) -> dict[str, dict]:  # type: ignore[type-arg]
    ids = stack.compose("ps", "-q").stdout.split()
    info = json.loads(subprocess.run(["docker", "inspect", *ids], capture_output=True,
                                     text=True, check=True).stdout)
    return {c["Config"]["Labels"]["com.docker.compose.service"]: c for c in info}


def test_compose_brings_every_service_to_healthy(running: ComposeStack) -> None:
    states = {c: s["State"]["Health"]["Status"] for c, s in inspect(running).items()}
    assert states == dict.fromkeys(SERVICES, "healthy")


def test_containers_answer_through_the_proxy(running: ComposeStack) -> None:
    md = running.url("public")
    assert httpx.get(f"{md}/health").json()["cache"]["backend"] == "redis"
    for _ in range(5):  # bounded; an answer with every exchange timed out has no price
        price = httpx.post(f"{md}/combined_price", json={"symbol": "BTC/USDT"}, timeout=10)
        assert price.status_code == 200
        if price.json()["price"] is not None:
            break
        time.sleep(1)
    assert price.json()["price"] == 50000.0
    before = len(running.sent())
    running.push("/price BTC", chat_id=99)
    reply = running.wait_sent(before + 1)[-1]
    assert reply["chat_id"] == 99
    assert answered(reply["text"], "BTC/USDT"), reply


def test_the_bots_calls_to_market_data_go_through_the_proxy(running: ComposeStack) -> None:
    def ask(text: str) -> str:
        count = len(running.sent())
        running.push(text, chat_id=5)
        sent = running.wait_sent(count + 1)
        assert len(sent) == count + 1, sent
        return str(sent[-1]["text"])

    served = int(running.stats("market_data")["BACKEND"]["stot"])
    assert answered(ask("/price ETH"), "ETH/USDT")
    assert int(running.stats("market_data")["BACKEND"]["stot"]) > served
    # With the live slot out of service the bot has no other way to market-data.
    assert running.haproxy("set server market_data/blue state maint").strip() == ""
    try:
        assert ask("/price SOL").startswith("Market data is unavailable right now")
    finally:
        running.haproxy("set server market_data/blue state ready")
    for _ in range(50):  # bounded: HAProxy's next check (1 s) brings it back UP
        if running.stats("market_data")["blue"]["status"] == "UP":
            break
        time.sleep(0.2)
    assert answered(ask("/price SOL"), "SOL/USDT")


def test_only_the_preview_can_pin_a_slot(running: ComposeStack) -> None:
    # green is in maint: a request pinned to it gets HAProxy's 503, unless the header is
    # stripped, as the public frontend does.
    assert running.stats("market_data")["green"]["status"] == "MAINT"
    public, preview = running.url("public"), running.url("preview")
    with httpx.Client(timeout=5) as client:
        for colour in ("green", "blue", "purple"):
            r = client.get(f"{public}/health", headers={"x-envsync-server": colour})
            assert r.status_code == 200, colour
        pin = {"x-envsync-backend": "market_data"}
        assert client.get(f"{preview}/health", headers={
            **pin, "x-envsync-server": "green"}).status_code == 503
        assert client.get(f"{preview}/health", headers={
            **pin, "x-envsync-server": "blue"}).status_code == 200
        # No backend named: nothing behind the preview.
        assert client.get(f"{preview}/health").status_code == 503


def test_only_the_proxy_publishes_ports_on_loopback(running: ComposeStack) -> None:
    by_service = inspect(running)
    for name in ("market-data", "telegram-bot", "redis"):
        assert not by_service[name]["HostConfig"]["PortBindings"], name
    bindings = by_service["proxy"]["HostConfig"]["PortBindings"]
    assert sorted(bindings) == ["80/tcp", "8098/tcp"]
    assert {b["HostIp"] for spec in bindings.values() for b in spec} == {"127.0.0.1"}
    # The services are not on the proxy's edge network: only through it.
    assert sorted(by_service["market-data"]["NetworkSettings"]["Networks"]) == [
        f"{running.project}_cache", f"{running.project}_upstream"]


def test_containers_run_unprivileged_with_the_declared_limits(running: ComposeStack) -> None:
    by_service = inspect(running)
    assert by_service["market-data"]["HostConfig"]["Memory"] == 128 * 1024 * 1024
    assert by_service["telegram-bot"]["HostConfig"]["Memory"] == 160 * 1024 * 1024
    assert by_service["proxy"]["HostConfig"]["Memory"] == 48 * 1024 * 1024
    for name in ("market-data", "telegram-bot"):
        assert by_service[name]["Config"]["User"] == "app"
    for name in ("market-data", "telegram-bot", "proxy"):
        assert by_service[name]["HostConfig"]["ReadonlyRootfs"] is True
    # HAProxy's worker dropped to its own user after binding (haproxy.cfg `user haproxy`).
    top = subprocess.run(["docker", "top", by_service["proxy"]["Id"], "-o", "pid,uid,args"],
                         capture_output=True, text=True, check=True).stdout
    uids = {line.split()[1] for line in top.splitlines()[1:] if "haproxy -W" in line}
    assert "0" in uids and len(uids) == 2, top  # the master, and a worker not root


def test_the_proxy_config_is_the_repositorys(running: ComposeStack, tmp_path: Path) -> None:
    mounts = {m["Destination"]: m for m in inspect(running)["proxy"]["Mounts"]}
    cfg = mounts["/etc/haproxy/haproxy.cfg"]
    assert cfg["Source"] == str(REPO / "services" / "proxy" / "haproxy.cfg")
    assert cfg["RW"] is False
