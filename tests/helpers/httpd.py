"""Loopback HTTP servers the tests run in a thread, made safe to shut down.

``socketserver``'s ``serve_forever`` selects on the listening socket, then accepts. When
the connection it saw goes away before the accept (a client that gave up and reset it),
a blocking ``accept()`` waits for the next one, forever, and ``shutdown()`` (which waits
for the loop) hangs the test session at teardown: a CI run stopped that way in a fixture's
``server.shutdown()`` with its thread in ``accept()``. A timeout on the listening socket
bounds that wait; the connections it accepts stay blocking (CPython gives an accepted
socket no timeout when there is no default one).
"""

from __future__ import annotations

import socketserver
import threading

__all__ = ["serve"]

ACCEPT_TIMEOUT_S = 1.0


def serve(server: socketserver.BaseServer) -> threading.Thread:
    """Start ``server.serve_forever`` in a daemon thread, its accept bounded."""
    sock = getattr(server, "socket", None)
    if sock is not None:
        sock.settimeout(ACCEPT_TIMEOUT_S)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
