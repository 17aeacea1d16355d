"""The executor runs compose with the environment's settings, never the operator's shell
(a shell variable must not reach a container through compose's interpolation), and a
service name is never read as an option."""

from __future__ import annotations

import subprocess

import pytest

from envsync.plan.executor import child_env
from tests.rollback.conftest import SECRET, Stack

pytestmark = pytest.mark.docker

SHELL_VALUE = "from-the-operators-shell"


def _env(stack: Stack, service: str) -> dict[str, str]:
    stack.container(service).reload()
    pairs = stack.container(service).attrs["Config"]["Env"]
    return dict(p.split("=", 1) for p in pairs)


def test_child_env_passes_only_what_tools_need(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("API_SECRET", "x")
    monkeypatch.setenv("COMPOSE_PROFILES", "debug")
    monkeypatch.setenv("GIT_DIR", "/elsewhere/.git")
    monkeypatch.setenv("DOCKER_HOST", "tcp://shell:2375")
    env = child_env("unix:///run/env.sock", (("EXTRA", "1"),))
    assert env["DOCKER_HOST"] == "unix:///run/env.sock"
    assert env["EXTRA"] == "1" and env["PATH"]
    for name in ("API_SECRET", "COMPOSE_PROFILES", "GIT_DIR"):
        assert name not in env


def test_shell_variables_do_not_reach_the_containers(
        stack: Stack, monkeypatch: pytest.MonkeyPatch) -> None:
    point = stack.backup("--no-images")
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    stack.repo.commit("bad config")
    stack.up()
    # compose prefers the shell's value over the env file's when it interpolates
    monkeypatch.setenv("TELEGRAM_TOKEN", SHELL_VALUE)
    monkeypatch.setenv("COMPOSE_PROFILES", "nothing-declares-this")
    result = stack.cli("rollback", "prod", "--level", "3", "--to", point["tag"], "--execute",
                       "--yes")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert _env(stack, "web")["TELEGRAM_TOKEN"] == SECRET
    assert _env(stack, "web")["LOG_LEVEL"] == "info"

    # the same through `patch --to runtime --execute`
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m",
                    stack.container("web").id], check=True, capture_output=True)
    patched = stack.cli("patch", "prod", "--to", "runtime", "--execute", "--yes")
    assert patched.exit_code == 0, patched.stdout + patched.stderr
    assert "recreate web" in patched.stderr
    assert _env(stack, "web")["TELEGRAM_TOKEN"] == SECRET
    assert stack.container("web").attrs["HostConfig"]["Memory"] == 0


def test_a_service_named_like_an_option_stays_a_service(stack: Stack) -> None:
    text = stack.file.read_text()
    odd = (f"  --remove-orphans:\n    image: {stack.images['worker']}\n"
           "    command: python odd.py\n    network_mode: none\n    stop_grace_period: 1s\n")
    stack.file.write_text(text + odd + f"  stray:\n    image: {stack.images['worker']}\n"
                          "    command: python stray.py\n    network_mode: none\n")
    stack.up()
    stack.file.write_text(text + odd)  # `stray` is an orphan now: --remove-orphans would drop it
    stack.repo.commit("odd service name")
    odd_id = stack.container("--remove-orphans").id
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m", odd_id],
                   check=True, capture_output=True)
    script = stack.cli("patch", "prod", "--to", "runtime")
    assert script.exit_code == 0, script.stderr
    assert "--force-recreate -- --remove-orphans" in script.stdout
    result = stack.cli("patch", "prod", "--to", "runtime", "--execute", "--yes")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert stack.container("--remove-orphans").id != odd_id  # recreated as a service
    assert stack.container("stray").status == "running"  # not removed as an orphan


def test_patch_to_runtime_without_an_engine_is_an_error(stack: Stack) -> None:
    config = stack.repo.path / "envsync.yaml"
    config.write_text(config.read_text().replace(
        "    git: .\n", "    git: .\n    docker: unix:///nonexistent/docker.sock\n"))
    result = stack.cli("patch", "prod", "--to", "runtime")
    assert result.exit_code == 2
    assert "cannot read the running containers" in result.stderr
    assert "nothing to" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
