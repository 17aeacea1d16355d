"""Serve an ASGI app with uvicorn on a free loopback port, in a thread of the test process.

Real HTTP in and out, like the deployed service, while tests can still reach the fakes'
Python objects and the run stays cheap (no interpreter start per test)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

from tests.services.procs import free_port

__all__ = ["serve_app"]


@contextlib.contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """Run `app` (lifespan included) until the block ends; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False,
                            lifespan="on", http="h11", loop="asyncio")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise AssertionError("in-process server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
