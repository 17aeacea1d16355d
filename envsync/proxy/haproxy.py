"""HAProxy 2.6's runtime API: read the servers of a backend, move traffic between them.

The runtime API (``stats socket`` in haproxy.cfg) changes a server's state without a
reload, so no connection is dropped: ``ready`` takes new requests, ``drain`` finishes the
ones it has and takes no new ones, ``maint`` takes nothing. Keep the socket a unix socket
(a file only its owner can open): an admin API published on a TCP port lets anyone on
the host reconfigure the proxy. One command per connection (the API's non-interactive
mode): the proxy closes the connection after its answer.
"""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from envsync.errors import EnvsyncError

__all__ = ["EXEC_SNIPPET", "STATES", "HAProxyRuntime", "ProxyError", "Server", "exec_argv"]

STATES = ("ready", "drain", "maint")
_READ = 65536
EXEC_SNIPPET = ("import socket,sys\n"
                "for c in sys.argv[2:]:\n"
                " s=socket.socket(socket.AF_UNIX);s.settimeout(5);s.connect(sys.argv[1])\n"
                " s.sendall(c.encode()+b'\\n')\n"
                " sys.stdout.buffer.write(b''.join(iter(lambda:s.recv(65536),b''))+b'\\0')\n")
"""What ``docker exec`` runs in the proxy's container (argv: the socket, the commands):
each command on its own connection, in order, each answer followed by a NUL byte."""


class ProxyError(EnvsyncError):
    """The proxy's API could not be reached, or refused a command (its answer is kept)."""


@dataclass(frozen=True)
class Server:
    """One server of a backend, as ``show stat`` reports it."""

    backend: str
    name: str
    status: str
    """``UP``, ``DOWN``, ``DRAIN``, ``MAINT``, ``no check``…"""
    current_sessions: int
    address: str


def exec_argv(docker: str, container: str, socket_path: str, *lines: str) -> list[str]:
    """The ``docker exec`` command that sends ``lines`` to the socket in ``container``."""
    return [docker, "exec", container, "python3", "-c", EXEC_SNIPPET, socket_path, *lines]


class HAProxyRuntime:
    """The runtime API at a unix socket path, or in a container (:meth:`in_container`)."""

    def __init__(self, path: Path, *, timeout_s: float = 5.0) -> None:
        self.path = path
        self.timeout_s = timeout_s
        self.where = str(path)
        self._send: Callable[..., list[str]] = self._unix_all

    @classmethod
    def in_container(cls, container: str, socket_path: str, *, docker_host: str | None = None,
                     docker: str = "docker", timeout_s: float = 10.0) -> HAProxyRuntime:
        """The API at ``socket_path`` inside ``container``, through ``docker exec`` on the
        engine at ``docker_host`` (None: DOCKER_HOST or the local socket)."""
        runtime = cls(Path(socket_path), timeout_s=timeout_s)
        runtime.where = f"{socket_path} in container {container}"

        def send(*lines: str) -> list[str]:
            env = dict(os.environ)
            if docker_host:
                env["DOCKER_HOST"] = docker_host
            try:
                # Its own session: Ctrl-C at the terminal reaches envsync only, which
                # then still needs the API to put the traffic back.
                done = subprocess.run(exec_argv(docker, container, socket_path, *lines),
                                      capture_output=True, env=env, timeout=timeout_s,
                                      stdin=subprocess.DEVNULL, check=False,
                                      start_new_session=True)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise ProxyError(f"HAProxy runtime API at {runtime.where}: {exc}") from None
            if done.returncode != 0:
                said = [ln.strip() for ln in done.stderr.decode(errors="replace").splitlines()
                        if ln.strip()]
                why = said[-1] if said else f"docker exec exited {done.returncode}"
                raise ProxyError(f"HAProxy runtime API at {runtime.where}: {why}")
            return done.stdout.decode(errors="replace").split("\0")[:len(lines)]

        runtime._send = send
        return runtime

    def command(self, line: str) -> str:
        """Send one command, return the whole answer."""
        return self.commands(line)[0]

    def commands(self, *lines: str) -> list[str]:
        """Send each command in order (one connection each; through ``docker exec``, one
        exec for all: what must follow at once, like the way back, is not held up by the
        exec's start-up), return their answers."""
        for line in lines:
            if "\n" in line or ";" in line or "\0" in line:
                raise ProxyError(f"one command per call, without ';' or a newline: {line!r}")
        answers = self._send(*lines)
        if len(answers) < len(lines):
            raise ProxyError(f"HAProxy runtime API at {self.where}: "
                             f"{len(answers)} answers to {len(lines)} commands")
        return answers

    def _unix_all(self, *lines: str) -> list[str]:
        return [self._unix(line) for line in lines]

    def _unix(self, line: str) -> str:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(self.timeout_s)
                sock.connect(str(self.path))
                sock.sendall(line.encode() + b"\n")
                chunks = []
                while chunk := sock.recv(_READ):
                    chunks.append(chunk)
        except OSError as exc:
            raise ProxyError(f"HAProxy runtime API at {self.path}: "
                             f"{exc.strerror or exc}") from None
        return b"".join(chunks).decode(errors="replace")

    def servers(self, backend: str) -> list[Server]:
        """The servers of ``backend`` (ProxyError when there is no such backend)."""
        text = self.command("show stat")
        rows = list(csv.DictReader(io.StringIO(text.lstrip("# "))))
        out = [Server(backend=r["pxname"], name=r["svname"], status=r["status"],
                      current_sessions=int(r.get("scur") or 0), address=r.get("addr") or "")
               for r in rows if r.get("pxname") == backend
               and r.get("svname") not in ("FRONTEND", "BACKEND")]
        if not out and not any(r.get("pxname") == backend for r in rows):
            raise ProxyError(f"HAProxy at {self.where} has no backend {backend!r}")
        return out

    def set_state(self, backend: str, server: str, state: str) -> None:
        """``set server BACKEND/SERVER state STATE``; ProxyError with HAProxy's answer when
        it refuses (an unknown server)."""
        if state not in STATES:
            raise ValueError(f"state {state!r}: choose {', '.join(STATES)}")
        answer = self.command(f"set server {backend}/{server} state {state}").strip()
        if answer:  # success is an empty answer
            raise ProxyError(f"HAProxy refused to set {backend}/{server} {state}: "
                             f"{answer.splitlines()[0]}")

    def set_states(self, *changes: tuple[str, str, str]) -> None:
        """``set server B/S state X`` for each (backend, server, state), in order, in one
        go; ProxyError with HAProxy's answer when it refuses one (the ones before it are
        done)."""
        for _, _, state in changes:
            if state not in STATES:
                raise ValueError(f"state {state!r}: choose {', '.join(STATES)}")
        answers = self.commands(*(f"set server {b}/{s} state {x}" for b, s, x in changes))
        for (b, server, state), answer in zip(changes, answers, strict=True):
            if answer.strip():
                raise ProxyError(f"HAProxy refused to set {b}/{server} {state}: "
                                 f"{answer.strip().splitlines()[0]}")

    def server(self, backend: str, name: str) -> Server:
        """One server of ``backend`` (ProxyError when it has none of that name)."""
        for found in self.servers(backend):
            if found.name == name:
                return found
        raise ProxyError(f"HAProxy at {self.where}: backend {backend!r} has no server {name!r}")

    def set_address(self, backend: str, server: str, address: str, port: int) -> None:
        """``set server BACKEND/SERVER addr ADDRESS port PORT`` (its answer says what
        changed; an error answer raises)."""
        answer = self.command(f"set server {backend}/{server} addr {address} port {port}")
        first = answer.strip().splitlines()[0] if answer.strip() else ""
        if first and not first.startswith(("IP changed", "no need to change", "port changed")):
            raise ProxyError(f"HAProxy refused to set {backend}/{server} addr {address}: {first}")

    def enable_health(self, backend: str, server: str) -> None:
        """``enable health BACKEND/SERVER``: its checks run (and decide UP/DOWN) again."""
        answer = self.command(f"enable health {backend}/{server}").strip()
        if answer:
            raise ProxyError(f"HAProxy refused to enable health on {backend}/{server}: "
                             f"{answer.splitlines()[0]}")
