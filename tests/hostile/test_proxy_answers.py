"""A HAProxy runtime API that answers garbage (another program on the socket, an answer
cut short, a CSV of the wrong shape). Before: ``show stat`` read as CSV raised KeyError,
ValueError or csv.Error, which no caller handles: in a blue-green deploy that is "a bug"
instead of a refusal, and in the way back it skipped the rest of the undo. Now every such
answer is a ProxyError naming the socket. A real unix socket, served by a thread."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from envsync.proxy.haproxy import HAProxyRuntime, ProxyError

HEADER = "# pxname,svname,qcur,qmax,scur,smax,slim,stot,status,addr\n"
ANSWERS = {
    "not CSV at all": b"Unknown command. Please enter one of the following commands only:\n",
    "binary": b"\x00\xff\xfe\x80garbage\n\x00",
    "a header without status": b"# pxname,svname\napp,blue\n",
    "sessions that are not a number": (HEADER + "app,blue,0,0,many,0,,0,UP,1.2.3.4:80\n")
    .encode(),
    "a field past the CSV limit": (HEADER + "app,blue,0,0,0,0,,0,\"" + "x" * 200_000
                                   + "\",1.2.3.4:80\n").encode(),
    "nothing": b"",
    "a row cut short": (HEADER + "app,blue,0\n").encode(),
}


class _Garbage:
    def __init__(self, path: Path, answer: bytes) -> None:
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.bind(str(path))
        self.sock.listen(8)
        self.answer = answer
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(4096)
                conn.sendall(self.answer)


@pytest.fixture
def runtime(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[HAProxyRuntime]:
    path = tmp_path / "admin.sock"
    server = _Garbage(path, ANSWERS[request.param])
    yield HAProxyRuntime(path, timeout_s=5)
    server.sock.close()


@pytest.mark.parametrize("runtime", sorted(ANSWERS), indirect=True)
def test_a_garbage_answer_is_a_proxy_error(runtime: HAProxyRuntime) -> None:
    for ask in (lambda: runtime.servers("app"), lambda: runtime.server("app", "blue")):
        with pytest.raises(ProxyError) as caught:
            ask()
        text = str(caught.value)
        assert str(runtime.path) in text and "\n" not in text and len(text) < 400
