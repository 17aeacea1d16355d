"""How an ssh:// engine connection reaches the engine (envsync/capture/sshdial.py), against
real sshd processes on 127.0.0.1 and this machine's engine: through the engine's socket on
a streamlocal channel (no process on the server), or ``docker system dial-stdio`` where the
server refuses that.

Which processes a connection starts on the "server" is read from the process tree of the
test's own sshd, so other test runs on the machine do not change the answer.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from envsync.capture import sshdial
from envsync.capture.engine import connect
from envsync.capture.runtime import capture_engine
from envsync.secrets import Redactor
from tests.helpers.docker import ComposeProject, _sshd

pytestmark = [pytest.mark.docker, pytest.mark.ssh]

TWO = """
services:
  app:
    image: envsync-test/busybox:1
    command: ["sleep", "600"]
    network_mode: none
    deploy: {replicas: 2}
"""


def _server_commands(url: str) -> list[str]:
    """The command lines of every process below the sshd listening at ``url``'s port."""
    port = str(urlsplit(url).port)
    rows = [line.split(None, 2) for line in
            subprocess.run(["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True,
                           check=True).stdout.splitlines() if line.strip()]
    rows = [row + [""] * (3 - len(row)) for row in rows]
    tree = {int(pid) for pid, _, args in rows
            if "sshd" in args and f"-p {port} " in f"{args} "}
    assert tree, f"no sshd on port {port}"
    grew = True
    while grew:
        below = {int(pid) for pid, ppid, _ in rows if int(ppid) in tree} - tree
        tree |= below
        grew = bool(below)
    return [args for pid, _, args in rows if int(pid) in tree]


@contextlib.contextmanager
def _connected(url: str) -> Iterator[Any]:
    client = connect(url)
    try:
        yield client
    finally:
        client.close()


def _capture(project: str, url: str) -> Any:
    return capture_engine(url, project=project, redactor=Redactor(b"k"))


@pytest.fixture
def two(compose_project: ComposeProject) -> ComposeProject:
    compose_project.write(TWO)
    compose_project.up()
    return compose_project


def test_engine_socket_is_reached_without_a_process_on_the_server(
    two: ComposeProject, sshd_engine_url: str,
) -> None:
    with _connected(sshd_engine_url) as client:
        ids = [c["Id"] for c in client.api.containers(
            filters={"label": f"com.docker.compose.project={two.name}"})]
        for cid in ids:  # several API connections at once would each be a dial-stdio
            client.api.inspect_container(cid)
        route = sshdial.route_of(client.api)
        running = _server_commands(sshd_engine_url)

    assert len(ids) == 2
    assert route == "/var/run/docker.sock"
    assert not [c for c in running if "dial-stdio" in c]
    remote, local = _capture(two.name, sshd_engine_url), _capture(two.name, "unix:///var/run/docker.sock")
    assert remote.errors == []
    assert remote.containers == local.containers and len(remote.stats) == 2


def test_refused_forwarding_falls_back_to_dial_stdio(
    two: ComposeProject, sshd_no_streamlocal_url: str, capfd: pytest.CaptureFixture[str],
) -> None:
    with _connected(sshd_no_streamlocal_url) as client:
        client.api.containers()
        route = sshdial.route_of(client.api)
        running = _server_commands(sshd_no_streamlocal_url)
    remote = _capture(two.name, sshd_no_streamlocal_url)

    assert route == sshdial.DIAL_STDIO
    assert [c for c in running if "dial-stdio" in c]
    assert remote.errors == [] and len(remote.containers) == 2 and len(remote.stats) == 2
    assert "open FAILED" not in capfd.readouterr().err  # paramiko's log of the refusal


def test_remote_docker_host_names_the_socket(tmp_path: Path, docker_client: Any) -> None:
    # the server's DOCKER_HOST (as its sessions see it) names the socket to forward to
    link = tmp_path / "engine.sock"
    link.symlink_to("/var/run/docker.sock")
    (tmp_path / "sshd").mkdir()
    with _sshd(tmp_path / "sshd", f"SetEnv=DOCKER_HOST=unix://{link}") as url, \
            _connected(url) as client:
        assert client.api.version()["ApiVersion"]
        assert sshdial.route_of(client.api) == str(link)


@pytest.mark.parametrize("setting", ["DOCKER_HOST=tcp://127.0.0.1:1",
                                     "DOCKER_CONTEXT=envsync-t-no-such-context"])
def test_remote_cli_going_elsewhere_is_left_to_dial_stdio(tmp_path: Path, docker_client: Any,
                                                          setting: str) -> None:
    # the server's docker CLI would not use /var/run/docker.sock: dial-stdio follows it (to
    # nothing here), where forwarding to the default socket would wrongly have answered
    with _sshd(tmp_path, f"SetEnv={setting}") as url:
        result = _capture("envsync-t-none", url)
    assert [e["part"] for e in result.errors][:1] == ["engine"]
    assert result.engine["version"] is None


def test_a_paramiko_whose_internals_moved_falls_back_to_dial_stdio(
    sshd_engine_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # open_streamlocal does what paramiko's open_channel does, with its private members
    def moved(*_args: Any) -> Any:
        raise AttributeError("'Transport' object has no attribute '_next_channel'")

    monkeypatch.setattr(sshdial, "open_streamlocal", moved)
    with _connected(sshd_engine_url) as client:
        assert client.api.containers(limit=1) is not None
        assert sshdial.route_of(client.api) == sshdial.DIAL_STDIO
