"""HAProxy 2.6's runtime API: read the servers of a backend, move traffic between them.

The runtime API (``stats socket`` in haproxy.cfg) changes a server's state without a
reload, so no connection is dropped: ``ready`` takes new requests, ``drain`` finishes the
ones it has and takes no new ones, ``maint`` takes nothing. Keep the socket a unix socket
(a file only its owner can open): an admin API published on a TCP port lets anyone on
the host reconfigure the proxy. One command per connection (the API's non-interactive
mode): the proxy closes the connection after its answer.

In a container the API is reached through ``docker exec`` (unix://, tcp:// and ssh://
engines alike). One exec costs 0.3-0.5 s on a busy machine, too slow for a way back that
must be under 2 s, so a deploy keeps ONE ``docker exec -i`` open (:class:`ExecSession`): a
python3 relay in the container reads a command per line and writes each answer followed
by a NUL byte. A session that dies or stops answering is dropped and the command is sent
again the old way (an exec per call); the commands envsync sends are idempotent.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import select
import socket
import subprocess
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from envsync.errors import EnvsyncError

__all__ = ["EXEC_SNIPPET", "RELAY_SNIPPET", "STATES", "ExecSession", "HAProxyRuntime",
           "ProxyError", "Server", "exec_argv"]

STATES = ("ready", "drain", "maint")
_READ = 65536
EXEC_SNIPPET = ("import socket,sys\n"
                "for c in sys.argv[2:]:\n"
                " s=socket.socket(socket.AF_UNIX);s.settimeout(5);s.connect(sys.argv[1])\n"
                " s.sendall(c.encode()+b'\\n')\n"
                " sys.stdout.buffer.write(b''.join(iter(lambda:s.recv(65536),b''))+b'\\0')\n")
"""What ``docker exec`` runs in the proxy's container (argv: the socket, the commands):
each command on its own connection, in order, each answer followed by a NUL byte."""
RELAY_SNIPPET = ("import socket,sys\n"
                 "i,o=sys.stdin.buffer,sys.stdout.buffer\n"
                 "for c in iter(i.readline,b''):\n"
                 " try:\n"
                 "  s=socket.socket(socket.AF_UNIX);s.settimeout(5);s.connect(sys.argv[1])\n"
                 "  s.sendall(c);r=b''.join(iter(lambda:s.recv(65536),b''));s.close()\n"
                 " except OSError as e:r=b'\\1'+str(e).encode()\n"
                 " o.write(r+b'\\0');o.flush()\n")
"""What the long-lived ``docker exec -i`` runs (argv: the socket): a command per line on
stdin, each on its own connection, each answer followed by a NUL byte; an answer starting
with byte 1 is the error that kept the command from the socket. Ends when stdin closes."""


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


def _end_quietly(proc: subprocess.Popen[bytes]) -> None:
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


class ExecSession:
    """One ``docker exec -i`` into the proxy's container running :data:`RELAY_SNIPPET`,
    kept open for many commands (a command costs a round trip, not an exec's start-up).
    :meth:`send` raises ProxyError when the session is gone or silent past ``timeout_s``;
    the session is closed then (the caller falls back to an exec per call)."""

    def __init__(self, argv: list[str], env: dict[str, str], timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        # Its own session: Ctrl-C at the terminal reaches envsync only, which then still
        # needs the API to put the traffic back. It ends when envsync closes its stdin.
        self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env, start_new_session=True)
        self._buffer = b""
        # Forgotten without close(): its stdin closes, the relay and the exec end.
        weakref.finalize(self, _end_quietly, self._proc)

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int:
        """The ``docker exec`` client's process id (0 once closed)."""
        return self._proc.pid if self._proc is not None else 0

    def wait_ended(self, timeout_s: float = 10.0) -> None:
        """Wait (bounded) until the exec has ended on its own."""
        if self._proc is not None:
            self._proc.wait(timeout=timeout_s)

    def send(self, lines: tuple[str, ...]) -> list[str]:
        with self._lock:
            proc = self._proc
            if proc is None or proc.stdin is None or proc.stdout is None:
                raise ProxyError("the exec session is closed")
            try:
                proc.stdin.write("".join(f"{ln}\n" for ln in lines).encode())
                proc.stdin.flush()
                answers = self._read(proc, len(lines))
            except (OSError, ProxyError) as exc:
                said = self._close(proc)
                raise ProxyError(f"the exec session ended: {said or exc}") from None
        for answer in answers:
            if answer.startswith("\1"):  # the relay could not reach the socket
                raise ProxyError(answer[1:])
        return answers

    def _read(self, proc: subprocess.Popen[bytes], count: int) -> list[str]:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        deadline = time.monotonic() + self.timeout_s
        while self._buffer.count(b"\0") < count:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise ProxyError(f"no answer within {self.timeout_s:g} s")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise ProxyError("docker exec ended")
            self._buffer += chunk
        parts = self._buffer.split(b"\0")
        self._buffer = b"\0".join(parts[count:])
        return [p.decode(errors="replace") for p in parts[:count]]

    def _close(self, proc: subprocess.Popen[bytes]) -> str:
        """End the exec; the last line it wrote to stderr (why it ended, if it did)."""
        self._proc = None
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()  # the relay reads EOF and ends
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        said = proc.stderr.read().decode(errors="replace") if proc.stderr is not None else ""
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
        lines = [ln.strip() for ln in said.splitlines() if ln.strip()]
        return lines[-1] if lines else ""

    def close(self) -> None:
        with self._lock:
            if self._proc is not None:
                self._close(self._proc)


class HAProxyRuntime:
    """The runtime API at a unix socket path, or in a container (:meth:`in_container`)."""

    def __init__(self, path: Path, *, timeout_s: float = 5.0) -> None:
        self.path = path
        self.timeout_s = timeout_s
        self.where = str(path)
        self._send: Callable[..., list[str]] = self._unix_all
        self._session: ExecSession | None = None
        self._session_open: Callable[[], ExecSession] | None = None
        self._session_starts = 0
        self._fallback: Callable[..., list[str]] | None = None
        self._open_lock = threading.Lock()

    @classmethod
    def in_container(cls, container: str, socket_path: str, *, docker_host: str | None = None,
                     docker: str = "docker", timeout_s: float = 10.0,
                     session: bool = True) -> HAProxyRuntime:
        """The API at ``socket_path`` inside ``container``, through ``docker exec`` on the
        engine at ``docker_host`` (None: DOCKER_HOST or the local socket). ``session``:
        one long-lived exec for every command (:class:`ExecSession`, opened at the first
        command or at :meth:`open`; :meth:`close` ends it), else an exec per call."""
        runtime = cls(Path(socket_path), timeout_s=timeout_s)
        runtime.where = f"{socket_path} in container {container}"
        env = dict(os.environ)
        if docker_host:
            env["DOCKER_HOST"] = docker_host

        def send_exec(*lines: str) -> list[str]:
            try:
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

        runtime._send = send_exec
        if session:
            argv = [docker, "exec", "-i", container, "python3", "-u", "-c", RELAY_SNIPPET,
                    socket_path]
            runtime._session_open = lambda: ExecSession(argv, env, timeout_s)
            runtime._fallback = send_exec
            runtime._send = runtime._via_session
        return runtime

    # A session is opened at most this often: one that keeps dying (no python3 in the
    # image, an engine that refuses `exec -i`) is not restarted at every command.
    _SESSION_STARTS = 3

    def open(self) -> HAProxyRuntime:
        """Start the exec session now (it takes an exec's start-up, 0.3-0.5 s, to answer):
        the commands that must be fast later find it ready. No-op without a session."""
        with self._open_lock:
            if self._session_open is not None and self._session is None \
                    and self._session_starts < self._SESSION_STARTS:
                self._session_starts += 1
                try:
                    self._session = self._session_open()
                except OSError:  # no docker binary: the exec per call says so
                    self._session_starts = self._SESSION_STARTS
        return self

    @property
    def session(self) -> ExecSession | None:
        """The exec session open now, if any."""
        return self._session

    def close(self) -> None:
        """End the exec session (the relay in the container exits); a later command
        opens a new one."""
        with self._open_lock:
            session, self._session = self._session, None
        if session is not None:
            session.close()

    def __enter__(self) -> HAProxyRuntime:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _via_session(self, *lines: str) -> list[str]:
        assert self._fallback is not None
        self.open()
        session = self._session
        if session is None:
            return self._fallback(*lines)
        try:
            return session.send(lines)
        except ProxyError as exc:
            if session.alive:  # the relay answered: the socket's own error
                raise ProxyError(f"HAProxy runtime API at {self.where}: {exc}") from None
            self._session = None
            return self._fallback(*lines)  # the session died: an exec per call

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
        try:
            rows = list(csv.DictReader(io.StringIO(text.lstrip("# "))))
            out = [Server(backend=r["pxname"], name=r["svname"], status=r["status"],
                          current_sessions=int(r.get("scur") or 0), address=r.get("addr") or "")
                   for r in rows if r.get("pxname") == backend
                   and r.get("svname") not in ("FRONTEND", "BACKEND")]
            if any(not isinstance(x.name, str) or not isinstance(x.status, str) for x in out):
                raise ValueError("a row cut short")  # DictReader fills missing fields: None
        except (csv.Error, KeyError, TypeError, ValueError) as exc:
            # not HAProxy's CSV (another program on the socket, a cut answer): a ProxyError,
            # which every caller handles (the way back included), never an unexpected error
            first = text.strip().splitlines()[0][:80] if text.strip() else "nothing"
            raise ProxyError(f"HAProxy at {self.where}: `show stat` answered no stats table "
                             f"({type(exc).__name__}: {str(exc)[:80]}; it began {first!r})"
                             ) from None
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
