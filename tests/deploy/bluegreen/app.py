"""The blue-green fixture's app (runs in envsync/python-base:3.11, stdlib only).

GET /health and POST /combined_price answer 200 with VERSION. A bad release is an env var:
BAD=health: /health answers 500 (never healthy); BAD=smoke: /combined_price answers 500
from FAIL_AFTER seconds after the first POST of users' traffic (the x-test-public header
the proxy's public frontend sets: only after the switch); BAD=memory: from then on,
ALLOC_MB MiB are allocated and kept; BAD=exit: the process exits (code 3) then, once per
container (a file marks it): a crash its restart policy hides (the restarted one serves).
"""

import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

VERSION = os.environ.get("VERSION", "?")
BAD = os.environ.get("BAD", "")
FAIL_AFTER = float(os.environ.get("FAIL_AFTER", "0"))
PUBLIC = []  # when the first users' POST came
KEPT = []
CRASHED = Path("/tmp/envsync-test-crashed")


def _late():
    return bool(PUBLIC) and time.monotonic() - PUBLIC[0] >= FAIL_AFTER


def _allocate():
    while not _late():
        time.sleep(0.1)
    if BAD == "exit":
        if not CRASHED.exists():
            CRASHED.touch()
            os._exit(3)
        return
    KEPT.append(bytearray(int(os.environ.get("ALLOC_MB", "44")) * 1024 * 1024))
    for i in range(0, len(KEPT[0]), 4096):  # touch every page: resident, not just reserved
        KEPT[0][i] = 1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self, code):
        body = json.dumps({"version": VERSION, "ok": code == 200}).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/health":
            self._answer(500 if BAD == "health" else 200)
        else:
            self._answer(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if not PUBLIC and self.headers.get("x-test-public"):
            PUBLIC.append(time.monotonic())
        self._answer(500 if BAD == "smoke" and _late() else 200)

    def log_message(self, *_):
        pass


if __name__ == "__main__":
    if BAD in ("memory", "exit"):
        threading.Thread(target=_allocate, daemon=True).start()
    server = ThreadingHTTPServer(("0.0.0.0", 8001), Handler)
    server.daemon_threads = True
    server.serve_forever()
