"""A git remote that accepts the connection and never answers: the fetch is given up after
ENVSYNC_GIT_TIMEOUT, with one line saying so, and no git helper is left behind."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


class SilentServer:
    """A TCP server on 127.0.0.1 that accepts connections, reads, and never says a word."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._open: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            self._open.append(conn)  # held open, never answered

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for conn in self._open:
            conn.close()
        self.sock.close()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


CONFIG = """\
environments:
  github:
    git: {remote: origin, branch: main}
    compose: {files: [app.yml]}
"""


@pytest.fixture
def remote_app(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo.write("app.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    monkeypatch.setenv("ENVSYNC_GIT_TIMEOUT", "2")
    return repo


def _url(kind: str, port: int) -> str:
    return f"git://127.0.0.1:{port}/app.git" if kind == "git" else \
        f"http://user:hunter2-remote-pw@127.0.0.1:{port}/app.git"


@pytest.mark.parametrize("kind", ["git", "http"])
def test_silent_remote_never_fetched(remote_app: Repo, silent_server: SilentServer,
                                     kind: str) -> None:
    remote_app.git("remote", "add", "origin", _url(kind, silent_server.port))
    result = run_cli("snapshot", "github", cwd=remote_app.path)
    line = _assert_one_line_error(result, "origin/main", "no answer in 2 s", "ENVSYNC_GIT_TIMEOUT",
                                  "never fetched before")
    assert "hunter2-remote-pw" not in line
    assert silent_server.accepted >= 1  # it really connected, and then waited
    assert not (remote_app.path / "snapshots").exists()


def test_silent_remote_falls_back_to_the_last_fetch(remote_app: Repo,
                                                     silent_server: SilentServer) -> None:
    remote_app.git("remote", "add", "origin", _url("http", silent_server.port))
    remote_app.git("update-ref", "refs/remotes/origin/main", "HEAD")  # an earlier fetch
    result = run_cli("snapshot", "github", "--format", "json", cwd=remote_app.path)
    assert result.exit_code == 0, result.stderr
    warnings = [ln for ln in result.stderr.splitlines() if "git fetch" in ln]
    assert len(warnings) == 1 and "no answer in 2 s" in warnings[0]
    assert "using the last fetched state" in warnings[0]
    assert "hunter2-remote-pw" not in result.stderr + result.stdout
    result = run_cli("snapshot", "github", "--strict", cwd=remote_app.path)
    assert result.exit_code == 2


def test_no_git_helper_outlives_the_timeout(remote_app: Repo, silent_server: SilentServer,
                                            tmp_path: Path) -> None:
    """As a subprocess over http (git starts git-remote-http): when envsync has answered,
    no process still holds a connection to the silent server."""
    remote_app.git("remote", "add", "origin", _url("http", silent_server.port))
    env = {**os.environ, "ENVSYNC_GIT_TIMEOUT": "2"}
    proc = subprocess.run([str(Path(sys.executable).parent / "envsync"), "snapshot", "github"],
                          cwd=remote_app.path, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 2 and "no answer in 2 s" in proc.stderr, proc.stderr
    helpers = subprocess.run(["pgrep", "-f", f"127.0.0.1:{silent_server.port}"],
                             capture_output=True, text=True, check=False)
    assert helpers.stdout.strip() == "", helpers.stdout


@pytest.mark.parametrize("value", ["soon", "-1", "0"])
def test_a_bad_timeout_value_is_named(remote_app: Repo, monkeypatch: pytest.MonkeyPatch,
                                      value: str) -> None:
    remote_app.git("remote", "add", "origin", "git://127.0.0.1:9/none.git")
    monkeypatch.setenv("ENVSYNC_GIT_TIMEOUT", value)
    result = run_cli("snapshot", "github", cwd=remote_app.path)
    _assert_one_line_error(result, f"ENVSYNC_GIT_TIMEOUT={value!r}", "positive number of seconds")
