"""The watcher's side of the sender process (:mod:`envsync.watch.send`).

apprise's plugins cost ~40 MB once loaded, and loading them takes 0.3-3 s: a process per
message made every notification wait for that, and loading them in the watcher would keep
them for good. So one sender process is kept while a notification may be due, and only
then: the watcher calls :meth:`SendWorker.warm` while an alert is pending (bad, not yet
firing) or recovering, or the outbox holds something, and the process is gone
``keep`` seconds after the last such round or message. Its start overlaps the rounds that
make an alert fire, so the message goes out at once. Requests go over a pipe, one JSON line
each way (the URL never on a command line); a sender that hangs is killed after
``timeout_s``, one that dies is started afresh for the next message.
"""

from __future__ import annotations

import contextlib
import json
import queue
import subprocess
import sys
import threading
import time
from typing import IO, Any

__all__ = ["SendWorker"]


class SendWorker:
    """One ``python -m envsync.watch.send`` process at a time, started on demand."""

    def __init__(self, *, keep_s: float = 60.0, timeout_s: float = 60.0) -> None:
        self.keep_s, self.timeout_s = keep_s, timeout_s
        self._lock = threading.Lock()          # one request at a time, start/stop
        self._proc: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._keep_until = 0.0
        self.started = 0                        # processes started (tests, logs)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def warm(self, seconds: float | None = None) -> None:
        """Have a sender ready (start one if none runs, without waiting for it to load),
        and keep it for ``seconds`` (default ``keep_s``) more."""
        keep = self.keep_s if seconds is None else seconds
        self._keep_until = max(self._keep_until, time.monotonic() + keep)
        if self._lock.acquire(blocking=False):  # busy sending: it is running anyway
            try:
                self._ensure()
            finally:
                self._lock.release()

    def _ensure(self) -> subprocess.Popen[str]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self._discard()
        proc = subprocess.Popen([sys.executable, "-m", "envsync.watch.send"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, bufsize=1)
        answers: queue.Queue[str | None] = queue.Queue()
        assert proc.stdout is not None
        threading.Thread(target=_pump, args=(proc.stdout, answers), daemon=True,
                         name="envsync-sender-out").start()
        self._proc, self._answers = proc, answers
        self.started += 1
        return proc

    def send(self, request: dict[str, Any]) -> str | None:
        """Deliver one ``{url, title, body, failure}``; None when delivered, else why not
        (secret-free). Blocks until the sender answers or ``timeout_s`` passes."""
        with self._lock:
            self._keep_until = max(self._keep_until, time.monotonic() + self.keep_s)
            proc = self._ensure()
            assert proc.stdin is not None
            try:
                proc.stdin.write(json.dumps(request) + "\n")
                proc.stdin.flush()
            except OSError:
                code = proc.wait()
                self._discard()
                return f"the sender exited {code}"
            try:
                line = self._answers.get(timeout=self.timeout_s)
            except queue.Empty:
                self._discard()
                return f"the channel did not answer within {self.timeout_s:g} s"
            if line is None:  # the process ended without answering
                code = proc.wait()
                self._discard()
                return f"the sender exited {code}"
            try:
                answer = json.loads(line)
            except ValueError:
                return "the sender answered something unreadable"
            return None if answer.get("ok") else str(answer.get("reason") or "not sent")[:200]

    def reap(self) -> None:
        """End the process once nothing has wanted it for its keep time (called often)."""
        if self._proc is None or time.monotonic() < self._keep_until:
            return
        if self._lock.acquire(blocking=False):
            try:
                self._discard()
            finally:
                self._lock.release()

    def close(self) -> None:
        with self._lock:
            self._discard()

    def _discard(self) -> None:
        """Close stdin (the process ends after its current message), kill it if it lingers."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            if proc.stdin is not None:
                proc.stdin.close()
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _pump(stream: IO[str], answers: queue.Queue[str | None]) -> None:
    for line in stream:
        answers.put(line)
    answers.put(None)
