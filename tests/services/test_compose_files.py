"""The compose files resolve with compose itself, and the overlays differ where they should."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from envsync.capture.compose import resolve
from tests.services.procs import REPO, compose_binary

SERVICES_DIR = REPO / "services"


def resolved(overlay: str) -> dict[str, Any]:
    done = subprocess.run(
        [compose_binary(), "-f", str(SERVICES_DIR / "docker-compose.base.yml"),
         "-f", str(SERVICES_DIR / overlay), "config", "--format", "json"],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    model: dict[str, Any] = json.loads(done.stdout)
    return model


@pytest.fixture(scope="module")
def local() -> dict[str, Any]:
    return resolved("docker-compose.yml")


@pytest.fixture(scope="module")
def aws() -> dict[str, Any]:
    return resolved("docker-compose.aws.yml")


def test_both_overlays_have_the_four_services(local: dict[str, Any], aws: dict[str, Any]) -> None:
    for model in (local, aws):
        assert sorted(model["services"]) == ["market-data", "proxy", "redis", "telegram-bot"]
        for service in model["services"].values():
            assert service["healthcheck"]["test"]
            assert int(service["mem_limit"]) > 0


def test_bot_mode_differs(local: dict[str, Any], aws: dict[str, Any]) -> None:
    assert local["services"]["telegram-bot"]["environment"]["BOT_MODE"] == "polling"
    prod = aws["services"]["telegram-bot"]["environment"]
    assert prod["BOT_MODE"] == "webhook"
    assert prod["WEBHOOK_URL"].startswith("https://")
    assert prod["WEBHOOK_SECRET"]


def test_ports_are_loopback_and_differ(local: dict[str, Any], aws: dict[str, Any]) -> None:
    def published(model: dict[str, Any], name: str) -> list[tuple[str, str]]:
        return [(p.get("host_ip", ""), p["published"])
                for p in model["services"][name].get("ports", [])]

    assert published(local, "telegram-bot") == [("127.0.0.1", "8080")]
    # market-data and the webhook publish nothing: the proxy does it for them (a second
    # container of a service can then run beside the first during a blue-green deploy).
    assert published(aws, "telegram-bot") == []
    assert published(local, "market-data") == published(aws, "market-data") == []
    edge = [("127.0.0.1", "8001"), ("127.0.0.1", "8098")]
    assert published(local, "proxy") == edge
    # Production's webhook is public (Telegram posts to it), and TLS only.
    assert published(aws, "proxy") == [*edge, ("", "443")]


def test_the_bot_reaches_market_data_through_the_proxy(local: dict[str, Any],
                                                       aws: dict[str, Any]) -> None:
    for model in (local, aws):
        assert model["services"]["telegram-bot"]["environment"]["MARKET_DATA_URL"] == (
            "http://proxy")
        assert "edge" not in model["services"]["market-data"]["networks"]
        assert sorted(model["services"]["proxy"]["networks"]) == ["edge", "upstream"]


def test_production_limits_fit_a_1_gb_vm(local: dict[str, Any], aws: dict[str, Any]) -> None:
    limits = {name: int(s["mem_limit"]) for name, s in aws["services"].items()}
    mib = 1024 * 1024
    # Running: 304 MiB. A blue-green deploy runs one service twice for its watch window:
    # the largest one more still leaves half the VM to the kernel, dockerd and sshd.
    assert sum(limits.values()) <= 310 * mib
    assert sum(limits.values()) + max(limits["market-data"], limits["telegram-bot"]) <= 512 * mib
    for name in ("market-data", "telegram-bot", "redis", "proxy"):
        assert int(aws["services"][name]["mem_limit"]) < int(local["services"][name]["mem_limit"])
        assert aws["services"][name]["restart"] == "always"
        assert aws["services"][name]["healthcheck"]["test"]


def test_env_files_differ(local: dict[str, Any], aws: dict[str, Any]) -> None:
    # compose merges env_file into environment: each overlay's file shows in its values.
    dev = local["services"]["telegram-bot"]["environment"]
    prod = aws["services"]["telegram-bot"]["environment"]
    assert "your-token" in dev["TELEGRAM_BOT_TOKEN"]
    assert "production-token" in prod["TELEGRAM_BOT_TOKEN"]
    assert (local["services"]["market-data"]["environment"]["CACHE_TTL"],
            aws["services"]["market-data"]["environment"]["CACHE_TTL"]) == ("5", "10")


ENV_FILES = ["env/market-data.env", "env/telegram-bot.dev.env", "env/telegram-bot.prod.env"]


@pytest.mark.parametrize("name", ENV_FILES)
def test_env_files_document_every_key_and_hold_no_secret(name: str) -> None:
    def keys(path: Path) -> list[str]:
        return [line.split("=", 1)[0] for line in path.read_text().splitlines()
                if line and not line.startswith("#")]

    example = SERVICES_DIR / f"{name}.example"
    assert keys(SERVICES_DIR / name) == keys(example)
    documented = False
    for line in example.read_text().splitlines():
        # A key is documented by the comment heading its block (a block ends at a blank line).
        if line.startswith("#"):
            documented = True
        elif not line.strip():
            documented = False
        else:
            assert documented, f"{name}.example: {line} has no comment"
    for path in (example, SERVICES_DIR / name):
        values = dict(line.split("=", 1) for line in path.read_text().splitlines()
                      if line and not line.startswith("#"))
        for key in ("TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET"):
            assert values.get(key, "") == "" or "replace-me" in values[key]


@pytest.mark.parametrize(("overlay", "env_file"), [
    ("docker-compose.yml", "services/env/telegram-bot.dev.env"),
    ("docker-compose.aws.yml", "services/env/telegram-bot.prod.env"),
])
def test_each_service_gets_only_its_own_settings(overlay: str, env_file: str) -> None:
    # Resolved the way envsync resolves an environment (envsync.yaml's env_file included).
    model, _ = resolve(REPO, ("services/docker-compose.base.yml", f"services/{overlay}"),
                       env_file=env_file)
    market = model["services"]["market-data"]["environment"]
    bot = model["services"]["telegram-bot"]["environment"]
    assert [k for k in market if k.startswith(("TELEGRAM_", "WEBHOOK_"))] == []
    assert "TELEGRAM_BOT_TOKEN" in bot
    assert [k for k in bot if k.startswith(("BINANCE_", "BYBIT_", "OKX_", "EXCHANGE"))] == []
    assert market["EXCHANGES"] == "binance,bybit,okx"


def test_envsync_yaml_names_files_that_exist() -> None:
    text = (REPO / "envsync.yaml").read_text()
    named = [line.split(":", 1)[1].strip() for line in text.splitlines()
             if line.strip().startswith("env_file:")]
    assert named and all((REPO / path).is_file() for path in named)
