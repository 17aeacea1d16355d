"""The bundled services as compose runs them in tests: the real compose files (base, plus the
production overlay when asked) and a test overlay that

- runs the fakes (tests/fakes) in containers on the stack's own `upstream` network, made
  `internal: true`, so the services reach them by name and nothing leaves the machine;
- publishes every port on 127.0.0.1 only, on ports the engine picks (no clash with another
  run): the proxy's public and preview frontends, the fakes' control APIs;
- shortens the health-check intervals.

The host talks to 127.0.0.1 only: to the proxy, and to the fakes' control API
(`POST /_fake/push`, `GET /_fake/sent`, `POST /_fake/mode`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.fakes.telegram import DEFAULT_TOKEN
from tests.services.procs import REPO, compose_binary, free_port

__all__ = ["FAKE_IMAGE", "WEBHOOK_SECRET", "ComposeStack", "compose_stack", "copy_services",
           "require_engine", "write_overlay"]

SERVICES_DIR = REPO / "services"
# The services' own image (python, stdlib enough for the fakes): a deploy's restore point
# saves one image fewer than with a base image of their own.
FAKE_IMAGE = os.environ.get("SERVICES_IMAGE", "envsync/services:dev")
WEBHOOK_SECRET = "test-webhook-secret_proxy"
_FAST = {"interval": "1s", "timeout": "3s", "retries": 30, "start_period": "0s"}
# One command to HAProxy's runtime socket, run inside the proxy container (the image has
# python3): the way envsync reaches it on any engine.
_SOCKET_CLIENT = (
    "import socket, sys\n"
    "s = socket.socket(socket.AF_UNIX)\n"
    "s.settimeout(5)\n"
    "s.connect('/run/haproxy/admin.sock')\n"
    "s.sendall(sys.argv[1].encode() + b'\\n')\n"
    "out = b''\n"
    "while chunk := s.recv(65536):\n"
    "    out += chunk\n"
    "sys.stdout.write(out.decode())\n"
)


def require_engine() -> None:
    """Fail (never skip) when no Docker engine answers."""
    import pytest

    try:
        done = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"no Docker engine: {exc}")
    if done.returncode != 0:
        pytest.fail(f"no Docker engine answers: {done.stderr.strip()}")


@dataclass
class ComposeStack:
    """A running stack: its compose command line and where the host reaches it."""

    project: str
    cmd: list[str]
    env: dict[str, str]
    ports: dict[str, int] = field(default_factory=dict)
    """'public' (market-data through the proxy), 'preview', 'webhook' (production only),
    'telegram' and 'exchange' (the fakes' control APIs)."""

    def compose(self, *args: str, check: bool = True,
                timeout: float = 180) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*self.cmd, *args], capture_output=True, text=True,
                              timeout=timeout, env=self.env)
        if check and done.returncode != 0:
            raise AssertionError(f"compose {' '.join(args)}: {done.stderr}")
        return done

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def container(self, service: str) -> str:
        """The id of the service's one running container."""
        ids = self.compose("ps", "-q", service).stdout.split()
        assert len(ids) == 1, f"{service}: {ids}"
        return ids[0]

    def haproxy(self, command: str) -> str:
        """One runtime API command, through `docker exec` into the proxy container."""
        done = subprocess.run(["docker", "exec", self.container("proxy"), "python3", "-c",
                               _SOCKET_CLIENT, command],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def stats(self, backend: str) -> dict[str, dict[str, str]]:
        """`show stat` rows of `backend`: server name (and BACKEND) → its columns."""
        rows = csv.DictReader(io.StringIO(self.haproxy("show stat").lstrip("# ")))
        return {r["svname"]: r for r in rows if r["pxname"] == backend}

    # --- the fake Bot API in its container ----------------------------------------------
    def push(self, text: str, chat_id: int = 42) -> dict[str, Any]:
        """A user's message: queued at the fake for getUpdates."""
        doc: dict[str, Any] = httpx.post(f"{self.url('telegram')}/_fake/push",
                                         json={"text": text, "chat_id": chat_id},
                                         timeout=5).json()
        return doc

    def update(self, text: str, chat_id: int = 42) -> dict[str, Any]:
        """A fresh update (not queued), to post to the webhook as Telegram would."""
        doc: dict[str, Any] = httpx.post(f"{self.url('telegram')}/_fake/update",
                                         json={"text": text, "chat_id": chat_id},
                                         timeout=5).json()
        return doc

    def sent(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = httpx.get(f"{self.url('telegram')}/_fake/sent",
                                              timeout=5).json()
        return out

    def polls(self) -> list[dict[str, Any]]:
        """Each getUpdates answered: {"fresh": first since a getMe, "returned": [ids]}."""
        out: list[dict[str, Any]] = httpx.get(f"{self.url('telegram')}/_fake/polls",
                                              timeout=5).json()
        return out

    def wait_sent(self, count: int, timeout: float = 30) -> list[dict[str, Any]]:
        """Every message sent, once at least `count` were (polled, bounded)."""
        deadline = time.monotonic() + timeout
        while True:
            sent = self.sent()
            if len(sent) >= count or time.monotonic() > deadline:
                return sent
            time.sleep(0.2)


def _fake(module: str, port: int, published: int) -> dict[str, Any]:
    return {
        "image": FAKE_IMAGE,
        "command": ["python", "-m", module, "--host", "0.0.0.0", "--port", str(port)],
        "working_dir": "/src",
        "volumes": [f"{REPO / 'tests'}:/src/tests:ro"],
        # upstream for the services, edge for the control port published on 127.0.0.1.
        "networks": ["upstream", "edge"],
        "ports": [f"127.0.0.1:{published}:{port}"],
        "healthcheck": {**_FAST, "test": [
            "CMD", "python", "-c",
            f"import socket; socket.create_connection(('127.0.0.1', {port}), 2)"]},
    }


def copy_services(dest: Path) -> Path:
    """The services' compose files, proxy config and env files copied under dest/services
    (a repository a deploy test commits); returns that folder."""
    out = dest / "services"
    out.mkdir(parents=True)
    for path in SERVICES_DIR.glob("docker-compose*.yml"):
        shutil.copy2(path, out / path.name)
    for folder in ("proxy", "env"):
        shutil.copytree(SERVICES_DIR / folder, out / folder)
    return out


def write_overlay(path: Path, *, production: bool = False, bot_mode: str = "polling",
                  bot_env: dict[str, str] | None = None) -> dict[str, int]:
    """Write the test overlay; returns the host ports it publishes (free ones, fixed in the
    file so what runs is what the file says)."""
    ports = {"public": free_port(), "preview": free_port(), "telegram": free_port(),
             "exchange": free_port()}
    if production:
        ports["webhook"] = free_port()
    path.write_text(_overlay(production, bot_mode, ports, bot_env or {}))
    return ports


def _overlay(production: bool, bot_mode: str, ports: dict[str, int],
             bot_env: dict[str, str]) -> str:
    """The test overlay as YAML text (JSON values; `!override` replaces a list)."""
    proxy_ports = [f"127.0.0.1:{ports['public']}:80", f"127.0.0.1:{ports['preview']}:8098"]
    if production:
        proxy_ports.append(f"127.0.0.1:{ports['webhook']}:443")
    exchange = "http://fake-exchange:9100"
    services: dict[str, dict[str, Any]] = {
        "fake-exchange": _fake("tests.fakes.exchange", 9100, ports["exchange"]),
        "fake-telegram": _fake("tests.fakes.telegram", 9200, ports["telegram"]),
        "market-data": {
            "environment": {"BINANCE_BASE_URL": exchange, "BINANCE_FUTURES_BASE_URL": exchange,
                            "BYBIT_BASE_URL": exchange, "OKX_BASE_URL": exchange},
            "healthcheck": _FAST,
        },
        "telegram-bot": {
            "environment": {"TELEGRAM_API_BASE": "http://fake-telegram:9200",
                            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN, "BOT_MODE": bot_mode,
                            "WEBHOOK_SECRET": WEBHOOK_SECRET, "LOG_LEVEL": "INFO",
                            **bot_env},
            "healthcheck": _FAST,
            "depends_on": {"fake-telegram": {"condition": "service_healthy"}},
        },
        "redis": {"healthcheck": _FAST},
        "proxy": {"healthcheck": _FAST},
    }
    lines = ["services:"]
    for name, body in services.items():
        lines.append(f"  {name}:")
        lines += [f"    {key}: {json.dumps(value)}" for key, value in body.items()]
        if name == "proxy":
            lines.append(f"    ports: !override {json.dumps(proxy_ports)}")
        if name == "redis":
            lines.append("    ports: !reset []")
    lines += ["networks:", "  upstream: {internal: true}"]
    return "\n".join(lines) + "\n"


def stack_files(services_dir: Path, overlay: Path, production: bool) -> list[Path]:
    files = [services_dir / "docker-compose.base.yml"]
    if production:
        files.append(services_dir / "docker-compose.aws.yml")
    return [*files, overlay]


@contextlib.contextmanager
def compose_stack(workdir: Path, *, production: bool = False, bot_mode: str = "polling",
                  env: dict[str, str] | None = None, services_dir: Path = SERVICES_DIR,
                  overlay: Path | None = None, ports: dict[str, int] | None = None,
                  project: str | None = None) -> Iterator[ComposeStack]:
    """The services up and healthy under a unique project name; removed at the end.
    `production` adds docker-compose.aws.yml (the webhook behind TLS: give WEBHOOK_TLS_CERT
    and WEBHOOK_TLS_KEY in `env`). A deploy test passes the copy it committed
    (`services_dir`, and the `overlay` and `ports` write_overlay made there)."""
    if overlay is None or ports is None:
        overlay = workdir / "docker-compose.test.yml"
        ports = write_overlay(overlay, production=production, bot_mode=bot_mode)
    files = stack_files(services_dir, overlay, production)
    project = project or f"envsync-psvc-{uuid.uuid4().hex[:8]}"
    cmd = [compose_binary(), "-p", project, "--project-directory", str(services_dir)]
    for path in files:
        cmd += ["-f", str(path)]
    full_env = {**os.environ, **(env or {})}
    stack = ComposeStack(project, cmd, full_env, dict(ports))
    try:
        up = stack.compose("up", "-d", "--wait", "--wait-timeout", "120", check=False,
                           timeout=300)
        if up.returncode != 0:
            logs = stack.compose("logs", "--no-color", check=False).stdout
            raise AssertionError(f"compose up: {up.stderr}\n{logs[-4000:]}")
        yield stack
    finally:
        stack.compose("down", "-v", "--remove-orphans", "-t", "5", check=False, timeout=120)
