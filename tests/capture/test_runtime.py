"""Runtime capture against the real Docker engine (compose projects on the busybox test image).

Network rule: every container uses ``network_mode: host`` and publishes nothing; the only
traffic is to 127.0.0.1 (the engine socket, a local proxy, sshd, a local HTTP server).
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from envsync.capture.runtime import RuntimeResult, capture_runtime
from envsync.config import Environment, GitSource, HealthCheck
from envsync.secrets import Redactor
from tests.helpers.docker import ComposeProject, free_port
from tests.helpers.httpd import serve

PLANTED = "planted-Secret-9f8e7d6c5b4a"  # must never appear in any result
REDACTOR_KEY = b"test-fingerprint-key"


def _env(docker: str | None = None, health: tuple[HealthCheck, ...] = ()) -> Environment:
    return Environment(name="t", git=GitSource(path=Path()), docker=docker, health=health)


def _capture(project: str, docker: str | None = None,
             health: tuple[HealthCheck, ...] = ()) -> RuntimeResult:
    return capture_runtime(_env(docker, health), project=project,
                           redactor=Redactor(REDACTOR_KEY))


SLEEPERS = f"""
services:
  app:
    image: envsync-test/busybox:1
    command: ["sleep", "600"]
    network_mode: host
    environment:
      PLAIN: hello
      API_TOKEN: {PLANTED}
      PATH: /bin
    labels:
      team: core
      deploy.password: {PLANTED}
    mem_limit: 64m
    restart: on-failure:3
    healthcheck:
      test: ["CMD", "true"]
      interval: 90s
      timeout: 1500ms
      retries: 2
  worker:
    image: envsync-test/busybox:1
    entrypoint: ["sh", "-c", "sleep 600", "--token={PLANTED}"]
    network_mode: host
    volumes: ["data:/data", "./:/src:ro"]
    deploy: {{replicas: 2}}
volumes: {{data: {{}}}}
"""


@pytest.fixture
def sleepers(compose_project: ComposeProject) -> ComposeProject:
    compose_project.write(SLEEPERS)
    compose_project.up()
    return compose_project


pytestmark = pytest.mark.docker


def test_containers_are_keyed_by_service_and_replica(sleepers: ComposeProject) -> None:
    result = _capture(sleepers.name)

    assert result.errors == []
    assert sorted(result.containers) == ["app", "worker", "worker#2"]
    assert result.engine["version"] and result.engine["api_version"]
    app = result.containers["app"]
    assert app["name"] == f"{sleepers.name}-app-1"
    assert app["service"] == "app"
    assert app["image"] == "envsync-test/busybox:1"
    assert app["image_id"].startswith("sha256:")
    assert app["state"] == "running"
    assert app["restart_count"] == 0
    assert app["started_at"]
    assert app["restart_policy"] == "on-failure:3"
    assert app["memory_limit_mb"] == 64.0
    assert app["network_mode"] == "host"
    assert app["user"] is None
    assert app["ports"] == []
    assert app["healthcheck"] == {"test": ["CMD", "true"], "interval": "1m30s",
                                  "timeout": "1.5s", "retries": 2}
    assert result.containers["worker#2"]["name"] == f"{sleepers.name}-worker-2"


def test_command_and_env_compared_with_image_defaults(sleepers: ComposeProject) -> None:
    result = _capture(sleepers.name)
    app, worker = result.containers["app"], result.containers["worker"]

    assert app["command"] == ["sleep", "600"]
    assert app["entrypoint"] is None  # the image's own (none)
    # an overridden entrypoint clears the image's Cmd: recorded as [] rather than "default"
    assert worker["command"] == []
    assert worker["entrypoint"][:3] == ["sh", "-c", "sleep 600"]
    # PATH=/bin and ENVSYNC_IMAGE_DEFAULT=1 are exactly the image's: not counted
    assert set(app["env"]) == {"PLAIN", "API_TOKEN"}
    assert app["env"]["PLAIN"] == "hello"
    assert worker["env"] == {}
    assert worker["healthcheck"] is None


def test_labels_keep_the_compose_config_hash(sleepers: ComposeProject) -> None:
    hashes = dict(
        line.split() for line in sleepers.compose("config", "--hash", "*").stdout.splitlines()
    )
    result = _capture(sleepers.name)

    for key in ("app", "worker", "worker#2"):
        labels = result.containers[key]["labels"]
        service = result.containers[key]["service"]
        assert labels["com.docker.compose.config-hash"] == hashes[service]
        assert labels["com.docker.compose.project"] == sleepers.name
    assert result.containers["app"]["labels"]["team"] == "core"


def test_mounts_are_normalised(sleepers: ComposeProject) -> None:
    mounts = _capture(sleepers.name).containers["worker"]["mounts"]

    assert mounts == [
        {"type": "volume", "source": f"{sleepers.name}_data", "target": "/data",
         "read_only": False},
        {"type": "bind", "source": str(sleepers.workdir), "target": "/src", "read_only": True},
    ]


def test_no_secret_value_appears_anywhere(sleepers: ComposeProject) -> None:
    result = _capture(sleepers.name)
    text = json.dumps(result.__dict__)

    assert PLANTED not in text
    assert result.containers["app"]["env"]["API_TOKEN"].startswith("secret:hmac-sha256:")
    assert result.containers["app"]["labels"]["deploy.password"].startswith("secret:")
    assert result.containers["worker"]["entrypoint"][3].startswith("--token=secret:")


def test_docker_update_memory_is_seen(sleepers: ComposeProject) -> None:
    name = f"{sleepers.name}-app-1"
    subprocess.run(["docker", "update", "--memory", "48m", "--memory-swap", "96m", name],
                   check=True, capture_output=True)
    result = _capture(sleepers.name)

    assert result.containers["app"]["memory_limit_mb"] == 48.0
    assert result.stats["app"]["memory_limit_mb"] == 48.0
    assert result.containers["worker"]["memory_limit_mb"] is None


def test_stats_for_each_running_container(sleepers: ComposeProject) -> None:
    result = _capture(sleepers.name)

    assert sorted(result.stats) == sorted(result.containers)
    for key, stats in result.stats.items():
        assert stats["pids"] >= 1, key
        assert 0 < stats["memory_used_mb"] < stats["memory_limit_mb"], key
        assert stats["cpu_percent"] is not None and stats["cpu_percent"] >= 0, key


def test_stats_are_read_in_parallel(compose_project: ComposeProject) -> None:
    compose_project.write(
        "services:\n  s:\n    image: envsync-test/busybox:1\n    command: [sleep, '600']\n"
        "    network_mode: host\n    deploy: {replicas: 8}\n"
    )
    compose_project.up()
    started = time.perf_counter()
    result = _capture(compose_project.name)
    elapsed = time.perf_counter() - started

    assert len(result.stats) == 8
    # one stats call takes 1-2 s: read one after another, 8 would take 8 s or more
    assert elapsed < 5.0


def test_stopped_and_extra_containers(sleepers: ComposeProject, docker_client: Any) -> None:
    sleepers.compose("stop", "-t", "0", "app")
    extra = docker_client.containers.run(
        "envsync-test/busybox:1", ["sleep", "600"], detach=True, network_mode="host",
        labels={"com.docker.compose.project": sleepers.name}, name=f"{sleepers.name}-byhand",
    )
    result = _capture(sleepers.name)

    assert result.errors == []
    assert result.containers["app"]["state"] == "exited"
    assert "app" not in result.stats  # a stopped container has no stats: not an error
    by_hand = result.containers[extra.name]
    assert by_hand["service"] is None
    assert by_hand["command"] == ["sleep", "600"]
    assert extra.name in result.stats


def test_empty_project_is_empty_not_an_error() -> None:
    result = _capture("envsync-t-no-such-project")

    assert result.containers == {} and result.stats == {} and result.errors == []


@pytest.mark.parametrize("url", ["unix:///nonexistent.sock", "tcp://127.0.0.1:{closed}"])
def test_unreachable_engine_gives_errors_not_exceptions(url: str) -> None:
    url = url.format(closed=free_port())
    started = time.perf_counter()
    result = _capture("anything", docker=url)

    assert time.perf_counter() - started < 10
    parts = {e["part"]: e["reason"] for e in result.errors}
    assert set(parts) == {"engine", "containers", "stats"}
    assert url in parts["engine"]
    assert result.engine == {"url": url, "version": None, "api_version": None}
    assert result.containers == {} and result.stats == {}


def test_docker_host_is_used_when_the_environment_names_no_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"tcp://127.0.0.1:{free_port()}"
    monkeypatch.setenv("DOCKER_HOST", url)
    result = _capture("anything")

    assert result.engine["url"] == url
    assert any(e["part"] == "engine" for e in result.errors)


class _DyingEngineProxy:
    """127.0.0.1:PORT → the engine's unix socket, until the first stats request: then every
    connection is cut and the port closed, as if the engine died mid-capture."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.conns: list[socket.socket] = []
        self.lock = threading.Lock()
        self.dead = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.dead.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_UNIX)
            upstream.connect("/var/run/docker.sock")
            with self.lock:
                self.conns += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, watch: bool) -> None:
        try:
            while data := src.recv(65536):
                if watch and b"/stats" in data:
                    self.kill()
                    return
                dst.sendall(data)
        except OSError:
            pass

    def kill(self) -> None:
        self.dead.set()
        with self.lock:
            for s in [self.listener, *self.conns]:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()


def test_engine_dying_mid_capture_is_reported(sleepers: ComposeProject) -> None:
    proxy = _DyingEngineProxy()
    try:
        result = _capture(sleepers.name, docker=f"tcp://127.0.0.1:{proxy.port}")
    finally:
        proxy.kill()

    assert proxy.dead.is_set()
    assert result.engine["version"]  # it answered before it died
    parts = {e["part"] for e in result.errors}
    assert "stats" in parts
    assert all(isinstance(e["reason"], str) and e["reason"] for e in result.errors)
    assert PLANTED not in json.dumps(result.__dict__)


@pytest.mark.ssh
def test_engine_over_ssh_gives_the_same_containers(
    sleepers: ComposeProject, sshd_engine_url: str,
) -> None:
    local = _capture(sleepers.name)
    remote = _capture(sleepers.name, docker=sshd_engine_url)

    assert remote.errors == []
    assert remote.engine["url"] == sshd_engine_url
    assert remote.engine["version"] == local.engine["version"]
    assert remote.containers == local.containers
    assert sorted(remote.stats) == sorted(local.stats)


# --- health checks ----------------------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.0)
        self._answer(500 if self.path == "/broken" else 200, b'{"ok": true}')

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self._answer(200 if body == {"symbol": "BTC/USDT"} else 400, b"{}")

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_health_checks(http_server: str) -> None:
    closed = free_port()
    checks = (
        HealthCheck(name="up", url=f"{http_server}/health"),
        HealthCheck(name="broken", url=f"{http_server}/broken"),
        HealthCheck(name="price", method="POST", url=f"{http_server}/combined_price",
                    json={"symbol": "BTC/USDT"}, expect_status=200),
        HealthCheck(name="down", url=f"http://127.0.0.1:{closed}/health", timeout_s=2),
        HealthCheck(name="token", url=f"http://127.0.0.1:{closed}/?token={PLANTED}"),
    )
    result = _capture("envsync-t-no-such-project", health=checks)
    h = result.health

    assert h["up"]["status"] == "ok" and h["up"]["http_status"] == 200 and h["up"]["error"] is None
    assert h["up"]["latency_ms"] >= 0
    assert h["broken"]["status"] == "failed" and h["broken"]["http_status"] == 500
    assert "expected HTTP 200" in h["broken"]["error"]
    assert h["price"]["status"] == "ok"
    assert h["down"]["status"] == "error" and h["down"]["http_status"] is None
    assert h["down"]["error"]
    assert {e["part"] for e in result.errors} == {"health"}
    assert PLANTED not in json.dumps(result.__dict__)


def test_health_checks_run_in_parallel(http_server: str) -> None:
    checks = tuple(HealthCheck(name=f"slow{i}", url=f"{http_server}/slow") for i in range(4))
    started = time.perf_counter()
    result = _capture("envsync-t-no-such-project", health=checks)

    assert all(h["status"] == "ok" for h in result.health.values())
    assert time.perf_counter() - started < 3.0  # four 1 s answers, one after another: 4 s


@pytest.mark.ssh
def test_many_containers_over_ssh_use_several_connections(
    compose_project: ComposeProject, sshd_engine_url: str,
) -> None:
    compose_project.write(
        "services:\n  s:\n    image: envsync-test/busybox:1\n    command: [sleep, '600']\n"
        "    network_mode: none\n    deploy: {replicas: 12}\n"
    )
    compose_project.up()
    result = _capture(compose_project.name, docker=sshd_engine_url)

    assert result.errors == []
    assert len(result.containers) == 12 and len(result.stats) == 12
