"""The closed-loop load client (:mod:`tests.helpers.load`) in a process of its own.

Why: a process that starts another (``subprocess``: `envsync deploy`, `docker compose`)
holds its GIL until the child has exec'd; on a loaded 2-core machine the child may wait
for a CPU for most of a second, and a load client's threads in that same process stop
sending for as long. bench/deploy.py measured those pauses as 0.5-1.4 s "gaps" that began
at the instant it started `envsync deploy` (or even `python3 -c pass`), before envsync
had run a line: the bench's own, not what users would see. Here the load runs beside the
process that starts the deploy, as users' traffic does.

    with LoadProcess(url, method="POST", json={...}, workers=4) as load:
        load.wait_first_success()
        ...                                  # start the deploy
    report = load.report                     # a LoadReport, as LoadClient gives

``started`` is the child's ``time.monotonic()`` at its start: CLOCK_MONOTONIC is one clock
for the whole machine on Linux, so it compares with this process's.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.helpers.load import LoadClient, LoadReport

__all__ = ["LoadProcess"]

ROOT = Path(__file__).resolve().parents[2]


class LoadProcess:
    """:class:`LoadClient`'s arguments; the same ``report`` once stopped."""

    def __init__(self, url: str, **options: Any) -> None:
        LoadClient(url, **options)  # the same checks (loopback only), here and now
        self.args = {"url": url, **options}
        self.report = LoadReport()
        self.started = 0.0
        self._proc: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str] = queue.Queue()
        self._first_ok = False

    def start(self) -> LoadProcess:
        if self._proc is not None:
            return self
        self._proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.load_process",
                                       json.dumps(self.args)], cwd=ROOT, text=True,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        threading.Thread(target=self._read, daemon=True).start()
        first = self._next(30.0)
        if not first.startswith("started "):
            self.stop()
            raise RuntimeError(f"the load process did not start: {first!r}")
        self.started = float(first.split()[1])
        return self

    def wait_first_success(self, timeout_s: float = 30.0) -> bool:
        end = time.monotonic() + timeout_s
        while not self._first_ok and time.monotonic() < end:
            if self._next(max(0.0, end - time.monotonic())) == "first-ok":
                self._first_ok = True
        return self._first_ok

    def stop(self) -> LoadReport:
        proc = self._proc
        if proc is None or proc.stdin is None or proc.stdin.closed:
            return self.report
        proc.stdin.write("stop\n")
        proc.stdin.close()
        end = time.monotonic() + 60
        while time.monotonic() < end:
            line = self._next(max(0.0, end - time.monotonic()))
            if line.startswith("report "):
                data = json.loads(line.removeprefix("report "))
                self.report = LoadReport(
                    requests=data["requests"], ok=data["ok"],
                    failures=[(t, why) for t, why in data["failures"]],
                    longest_gap_s=data["longest_gap_s"], seconds=data["seconds"],
                    bodies=data["bodies"], gaps=[(t, g) for t, g in data["gaps"]])
                break
            if not line and proc.poll() is not None:
                break
        proc.wait(timeout=30)
        return self.report

    def __enter__(self) -> LoadProcess:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        for line in self._proc.stdout:
            self._lines.put(line.strip())
        self._lines.put("")

    def _next(self, timeout_s: float) -> str:
        try:
            return self._lines.get(timeout=timeout_s)
        except queue.Empty:
            return ""


def _main(raw: str) -> None:
    args = json.loads(raw)
    client = LoadClient(args.pop("url"), **args).start()
    print(f"started {client._started!r}", flush=True)

    def first() -> None:
        if client.wait_first_success(600):
            print("first-ok", flush=True)

    threading.Thread(target=first, daemon=True).start()
    sys.stdin.readline()  # "stop", or EOF when the parent went away
    report = client.stop()
    print("report " + json.dumps({
        "requests": report.requests, "ok": report.ok, "failures": report.failures,
        "longest_gap_s": report.longest_gap_s, "seconds": report.seconds,
        "bodies": report.bodies, "gaps": report.gaps}), flush=True)


if __name__ == "__main__":
    _main(sys.argv[1])
