"""A tiny threaded HTTP server on 127.0.0.1 that hands each request to a Python object.

The fakes run as real servers (real sockets, real HTTP/1.1 keep-alive) so the code under test
uses its ordinary HTTP client; threads let a "slow" answer hold one connection while others
are served."""

from __future__ import annotations

import json
import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

__all__ = ["FakeHttpServer", "Reply", "Request", "json_reply"]


@dataclass
class Request:
    """One request as the fake sees it; `query` keeps the last value of each parameter."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    """What to answer; `hangup=True` closes the connection without any answer."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    hangup: bool = False


def json_reply(doc: Any, status: int = 200) -> Reply:
    """A JSON answer."""
    return Reply(status=status, body=json.dumps(doc).encode())


class App(Protocol):
    def handle(self, request: Request) -> Reply: ...


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _serve(self) -> None:
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        query = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        request = Request(self.command, url.path, query,
                          {k.lower(): v for k, v in self.headers.items()}, body)
        try:
            reply = self.server.app.handle(request)
        except Exception as exc:  # a bug in a fake must show, not hang the client
            reply = Reply(500, f"fake server error: {exc!r}".encode(), "text/plain")
        if reply.hangup:
            self.close_connection = True
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass  # tests read the fakes' own request logs instead


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Bursts from benchmarks open many connections at once.
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], app: App) -> None:
        super().__init__(address, _Handler)
        self.app = app

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-answer (a bot stopping during a long poll) is normal.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class FakeHttpServer:
    """Serves `app` on 127.0.0.1 (port 0 = a free one) in a background thread."""

    def __init__(self, app: App, port: int = 0, host: str = "127.0.0.1") -> None:
        self._server = _Server((host, port), app)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeHttpServer:
        # a bounded accept, so stop() cannot hang (tests/helpers/httpd.py says why)
        self._server.socket.settimeout(1.0)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
