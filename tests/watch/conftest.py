"""A loopback HTTP receiver standing in for notification channels, and a watched stack."""

from __future__ import annotations

import http.server
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.docker import ComposeProject
from tests.helpers.git import make_repo
from tests.helpers.httpd import serve


class Receiver:
    """Records every POST (path, JSON body) on 127.0.0.1:``port``; start/stop at will."""

    def __init__(self, port: int = 0) -> None:
        self.port = port
        self.posts: list[tuple[str, Any]] = []
        self.raw: list[str] = []
        self._server: http.server.ThreadingHTTPServer | None = None

    def start(self) -> Receiver:
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                owner.raw.append(body)
                owner.posts.append((self.path, json.loads(body)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = int(self._server.server_address[1])
        serve(self._server)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def apprise(self) -> list[dict[str, Any]]:
        """What arrived through apprise's json:// (title, message, type)."""
        return [b for p, b in self.posts if p.startswith("/notify")]

    def alertmanager(self) -> list[dict[str, Any]]:
        return [a for p, b in self.posts if p.startswith("/api/v2/alerts") for a in b]

    def wait(self, predicate: Callable[[], bool], timeout: float = 60.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return True
            time.sleep(0.1)
        return predicate()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()


@dataclass
class Stack:
    """A compose project of busybox services in a git repo, with an envsync.yaml."""

    project: ComposeProject
    root: Path
    extra: list[str] = field(default_factory=list)

    def config(self, receiver_port: int, *, watch: str = "", health: str = "") -> Path:
        text = (f"project: t\nenvironments:\n  live:\n    git: .\n"
                f"    compose: {{files: [compose.yml], project: {self.project.name}}}\n"
                f"{health}"
                "watch:\n"
                "  notify: ['json://127.0.0.1:${ENVSYNC_TEST_RECEIVER_PORT}/notify/"
                "${ENVSYNC_TEST_ALERT_TOKEN}']\n"
                "  alertmanager: ['http://127.0.0.1:${ENVSYNC_TEST_RECEIVER_PORT}"
                "/api/v2/alerts']\n" + watch)
        path = self.root / "envsync.yaml"
        path.write_text(text)
        return path


COMPOSE = """services:
  api:
    image: envsync-test/busybox:1
    command: ["sleep", "100000"]
    network_mode: host
    mem_limit: 40m
  worker:
    image: envsync-test/busybox:1
    command: ["sleep", "100000"]
    network_mode: host
"""

TOKEN = "tok-9f8e7d6c5b4a39281706"


@pytest.fixture
def stack(compose_project: ComposeProject, monkeypatch: pytest.MonkeyPatch,
          receiver: Receiver) -> Stack:
    compose_project.write(COMPOSE)
    repo = make_repo(compose_project.workdir)
    (repo.path / ".gitignore").write_text("snapshots/\n")
    repo.commit("stack")
    compose_project.up()
    monkeypatch.setenv("ENVSYNC_TEST_RECEIVER_PORT", str(receiver.port))
    monkeypatch.setenv("ENVSYNC_TEST_ALERT_TOKEN", TOKEN)
    return Stack(project=compose_project, root=repo.path)
