"""The market-data service as a process under hostile input: huge bodies, deep nesting."""

from __future__ import annotations

import contextlib
import select
import socket
from collections.abc import Iterator

import httpx
import pytest

from services.market_data.body import json_depth
from tests.fakes.exchange import FakeExchange
from tests.services.procs import PRODUCTION_LIMIT_MB, free_port, rss_mb, service

BIG = 200 * 1024 * 1024


@pytest.fixture(scope="module")
def running() -> Iterator[tuple[str, int, int]]:
    """(base URL, port, pid) of one service process for the module."""
    port = free_port()
    with FakeExchange() as fx, service(
        "services.market_data", {**fx.env(), "MARKET_DATA_PORT": str(port)},
        f"http://127.0.0.1:{port}/health",
    ) as proc:
        yield f"http://127.0.0.1:{port}", port, proc.pid


def push_body(port: int, *, chunked: bool, total: int = BIG) -> tuple[bytes, int]:
    """POST up to `total` bytes to /combined_price over a raw socket, as fast as the service
    takes them, until it answers or hangs up; return (its answer's head, bytes sent)."""
    head = "POST /combined_price HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    head += ("Transfer-Encoding: chunked\r\n" if chunked else f"Content-Length: {total}\r\n")
    piece = b"[" * (1024 * 1024)
    frame = f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall((head + "\r\n").encode())
        while sent < total:
            readable, writable, _ = select.select([sock], [sock], [], 30)
            if readable:
                break
            assert writable, "the service neither read the body nor answered in 30 s"
            try:
                sent += sock.send(frame)
            except (BrokenPipeError, ConnectionResetError):
                break
        answer = b""
        with contextlib.suppress(ConnectionResetError, TimeoutError):
            while b"\r\n\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
    return answer, sent


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_200_mb_body_is_a_413_and_memory_stays_bounded(
    running: tuple[str, int, int], chunked: bool
) -> None:
    url, port, pid = running
    answer, sent = push_body(port, chunked=chunked)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert rss_mb(pid) < PRODUCTION_LIMIT_MB
    # Refused long before the end: the service did not swallow 200 MB first.
    assert sent < BIG // 2
    assert httpx.get(f"{url}/health").status_code == 200


def test_a_body_at_the_limit_is_read(running: tuple[str, int, int]) -> None:
    url, _, _ = running
    padding = " " * (64 * 1024 - 40)
    r = httpx.post(f"{url}/combined_price", content=f'{{"symbol": "BTC"}}{padding}'.encode())
    assert r.status_code == 200, r.text
    r = httpx.post(f"{url}/combined_price", content=f'{{"symbol": "BTC"}}{padding * 2}'.encode())
    assert r.status_code == 413
    assert r.json() == {"error": "request body larger than 64 KiB"}


@pytest.mark.parametrize("levels", [30_000, 33])
def test_deep_nesting_is_a_400_not_a_500(running: tuple[str, int, int], levels: int) -> None:
    url, _, _ = running
    r = httpx.post(f"{url}/combined_price", content=b"[" * levels + b"]" * levels)
    assert r.status_code == 400
    assert r.json() == {"error": "JSON nested deeper than 32 levels"}


def test_100_000_levels_are_refused_by_size_first(running: tuple[str, int, int]) -> None:
    url, _, _ = running
    r = httpx.post(f"{url}/combined_price", content=b"[" * 100_000 + b"]" * 100_000)
    assert r.status_code == 413
    assert httpx.get(f"{url}/health").status_code == 200


def test_nesting_within_the_bound_is_parsed(running: tuple[str, int, int]) -> None:
    url, _, _ = running
    r = httpx.post(f"{url}/combined_price",
                   content=b'{"symbol": "BTC", "x": ' + b"[" * 31 + b"]" * 31 + b"}")
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(("data", "depth"), [
    (b'"x"', 0),
    (b'{"a": [1, {"b": []}]}', 4),
    (b'{"a": "[[[[{{{{"}', 1),
    (b'["\\"[[", ["\\\\"], []]', 2),
    (b'"\\"' * 5000, 0),
])
def test_json_depth_counts_only_brackets_outside_strings(data: bytes, depth: int) -> None:
    assert json_depth(data) == depth
