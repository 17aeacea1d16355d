"""The production story, on a real engine: a command applied by hand to a running service,
in no file. `envsync drift` must find it, and each other kind of drift, with its direction."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.story import SECRET, Story

pytestmark = pytest.mark.docker

def _by_path(findings: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["path"]: f for f in findings}


def test_clean_deploy_has_no_drift(story: Story) -> None:
    code, findings, _ = story.drift()
    assert findings == []
    assert code == 0


def test_hand_applied_command_is_a_critical_runtime_override(story: Story) -> None:
    original = story.file.read_text()
    story.file.write_text(original.replace("python main_webhook.py", "python main.py"))
    story.up("telegram-bot")  # recreated by hand from an edited file...
    story.repo.git("checkout", "--", "docker-compose.yml")  # ...and the edit reverted
    assert story.file.read_text() == original
    code, findings, _ = story.drift()
    assert code == 1
    found = _by_path(findings)
    cmd = found["containers.telegram-bot.command"]
    assert cmd["severity"] == "critical"
    assert cmd["direction"] == "runtime-override"
    assert cmd["after"] == "python main.py" and cmd["before"] == "python main_webhook.py"
    assert "no file holds it" in cmd["message"]
    assert [f for f in findings if f["service"] == "market-data"] == []
    # --fail-on above critical is impossible; at critical it still fails
    assert run_cli("drift", "prod", "--fail-on", "critical",
                   cwd=story.repo.path).exit_code == 1


def test_env_value_changed_by_hand_run_recreate(story: Story) -> None:
    original = story.file.read_text()
    story.file.write_text(original.replace("LOG_LEVEL: info", "LOG_LEVEL: debug"))
    story.up("telegram-bot")
    story.file.write_text(original)
    _, findings, _ = story.drift()
    env = _by_path(findings)["containers.telegram-bot.env.LOG_LEVEL"]
    assert env["direction"] == "runtime-override"
    assert (env["before"], env["after"]) == ("info", "debug")


def test_memory_limit_changed_with_docker_update(story: Story) -> None:
    cid = story.container("telegram-bot").id
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m", cid],
                   check=True, capture_output=True)
    _, findings, _ = story.drift()
    mem = _by_path(findings)["containers.telegram-bot.memory_limit_mb"]
    assert mem["direction"] == "runtime-override"
    assert (mem["before"], mem["after"]) == (64.0, 96.0)
    assert "docker update" in mem["message"]  # the config hash still matches: changed after


def test_stopped_container_and_extra_container(story: Story, pybox_image: str) -> None:
    story.container("market-data").stop(timeout=0)
    extra = story.project.client.containers.run(
        pybox_image, ["python", "worker.py"], detach=True, network_mode="none",
        labels={"com.docker.compose.project": story.project.name}, name=f"{story.project.name}-x")
    try:
        _, findings, _ = story.drift()
        found = _by_path(findings)
        state = found["containers.market-data.state"]
        assert (state["direction"], state["severity"], state["after"]) == (
            "not-running", "high", "exited")
        undeclared = found[f"containers.{story.project.name}-x"]
        assert undeclared["direction"] == "undeclared"
        assert undeclared["severity"] == "high"
    finally:
        extra.remove(force=True)


def test_uncommitted_edit_not_yet_deployed(story: Story) -> None:
    story.file.write_text(story.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    _, findings, _ = story.drift()
    env = _by_path(findings)["containers.telegram-bot.env.LOG_LEVEL"]
    assert env["direction"] == "uncommitted"
    assert "not deployed" in env["message"]
    assert env["severity"] == "medium"


def test_committed_change_not_yet_deployed(story: Story) -> None:
    story.file.write_text(story.file.read_text().replace("python -m services.market_data",
                                                         "python -m services.market_data --v2"))
    story.repo.commit("market-data v2")
    _, findings, _ = story.drift()
    cmd = _by_path(findings)["containers.market-data.command"]
    assert cmd["direction"] == "not-deployed"
    assert cmd["after"] == "python -m services.market_data"


def test_declared_service_not_running(story: Story) -> None:
    story.project.compose("rm", "-sf", "market-data")
    _, findings, _ = story.drift()
    gone = _by_path(findings)["containers.market-data"]
    assert (gone["direction"], gone["kind"]) == ("not-running", "removed")


def test_runtime_secret_change_is_reported_without_the_value(story: Story) -> None:
    (story.repo.path / ".env").write_text(f"TELEGRAM_TOKEN={SECRET}-rotated\n")
    story.up("telegram-bot")
    (story.repo.path / ".env").write_text(f"TELEGRAM_TOKEN={SECRET}\n")
    _, findings, _ = story.drift()
    tok = _by_path(findings)["containers.telegram-bot.env.TELEGRAM_TOKEN"]
    assert tok["before"].startswith("secret:") and tok["after"].startswith("secret:")
    assert tok["before"] != tok["after"]
    snap = run_cli("snapshot", "prod", "--format", "json", cwd=story.repo.path)
    assert SECRET not in snap.stdout
