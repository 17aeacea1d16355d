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
import socket
from dataclasses import dataclass
from pathlib import Path

from envsync.errors import EnvsyncError

__all__ = ["STATES", "HAProxyRuntime", "ProxyError", "Server"]

STATES = ("ready", "drain", "maint")
_READ = 65536


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


class HAProxyRuntime:
    """The runtime API at a unix socket path."""

    def __init__(self, path: Path, *, timeout_s: float = 5.0) -> None:
        self.path = path
        self.timeout_s = timeout_s

    def command(self, line: str) -> str:
        """Send one command, return the whole answer."""
        if "\n" in line or ";" in line:
            raise ProxyError(f"one command per call, without ';' or a newline: {line!r}")
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
            raise ProxyError(f"HAProxy at {self.path} has no backend {backend!r}")
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
