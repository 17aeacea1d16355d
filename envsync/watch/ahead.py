"""Container stats read ahead of the round that uses them.

The engine answers a stats call on its next 1 s collection tick (one-shot, API 1.41+) or its
second (older engines): the slow part of a round, by far. The watcher starts the reads a
little before each round (:attr:`StatsAhead.lead`, learnt from the previous reads), so the
round finds them in and takes about as long as its HTTP checks; the memory it judges was
sampled just before the round. A container whose read is late is left out of that round
(its memory alerts keep their state) rather than holding the round up; its answer, when it
comes, is the next round's if that round's own read lacks the container.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from envsync.types import StatsRecord

__all__ = ["StatsAhead"]

TICK_S = 1.0
"""The engine's stats collection period (hard-coded in dockerd): a read can take all of it."""


@dataclass
class _Batch:
    """One read of every running container's stats."""

    started: float
    results: dict[str, StatsRecord] = field(default_factory=dict)
    done: threading.Event = field(default_factory=threading.Event)
    error: str | None = None
    finished: float | None = None
    taken: bool = False


class StatsAhead:
    """The stats reads of one compose project, started before the round that takes them.

    :meth:`start` begins a read in a thread (not when one is still running: a hung engine
    gets one read at a time); :meth:`take` hands the round what came in, waiting at most
    the time it is given, and detaches that read (the next round gets a fresh one).
    """

    def __init__(self, url: str, project: str, *, one_shot: bool = True) -> None:
        self.url, self.project, self.one_shot = url, project, one_shot
        self._lock = threading.Lock()
        self._batch: _Batch | None = None
        self._thread: threading.Thread | None = None
        self._took: deque[float] = deque(maxlen=8)   # how long the last complete reads took
        self._cold = True
        self._late: dict[str, StatsRecord] = {}    # came in after their round took the read
        self._client: Any = None
        self._client_lock = threading.Lock()

    @property
    def lead(self) -> float:
        """Seconds before a round to start its read: the slowest of the last reads and a
        margin (a read waits for the engine's next tick: 0.6-1 s, varying, on 20.10)."""
        return max([*self._took, TICK_S]) + 0.15

    @property
    def warm(self) -> bool:
        """True once a read has completed."""
        return not self._cold

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start a read now unless one is running or waiting to be taken; True if started."""
        with self._lock:
            if self.busy() or self._batch is not None:
                return False
            batch = _Batch(started=time.monotonic())
            self._batch = batch
            self._thread = threading.Thread(target=self._read, args=(batch,),
                                            name=f"stats-{self.project}", daemon=True)
            self._thread.start()
            return True

    def _read(self, batch: _Batch) -> None:
        from envsync.capture.engine import describe, engine_errors
        from envsync.capture.runtime import read_project_stats

        def sink(cid: str, record: StatsRecord) -> None:
            with self._lock:
                if batch.taken:  # late for its round: newer than anything a round used
                    self._late[cid] = record
                else:
                    batch.results[cid] = record

        try:
            read_project_stats(self.url, self.project, sink, one_shot=self.one_shot,
                               client=self.client())
        except engine_errors() as exc:
            batch.error = describe(exc)
            client, self._client = self._client, None   # reconnect next time
            if client is not None:
                with contextlib.suppress(*engine_errors()):
                    client.close()
        finally:
            batch.finished = time.monotonic()
            if batch.error is None and self._cold:
                self._cold = False  # the engine's first stats of a container take longer
            elif batch.error is None:
                self._took.append(batch.finished - batch.started)
            batch.done.set()

    def take(self, wait: float) -> dict[str, StatsRecord] | None:
        """What the current read has brought in after at most ``wait`` seconds, and for a
        container it lacks, what came in late for the previous round (newer than what that
        round used); None when no read was started and nothing came late; empty when the
        engine did not answer. The read is detached either way."""
        with self._lock:
            batch = self._batch
        if batch is not None:
            batch.done.wait(max(0.0, wait))
        with self._lock:
            self._batch = None
            if batch is None and not self._late:
                return None
            got = dict(self._late)
            self._late.clear()
            if batch is not None:
                batch.taken = True
                got.update(batch.results)
            return got

    def client(self) -> Any:
        """The engine client kept for this project (connected now if none is): the rounds'
        captures use it too. Raises one of engine_errors() when the engine is unreachable."""
        from envsync.capture.engine import connect

        with self._client_lock:  # not the results' lock: a round's take() never waits on it
            if self._client is None:
                self._client = connect(self.url)
            return self._client

    def drop_client(self) -> None:
        """Forget the kept client (the engine failed): the next use connects afresh."""
        self.close()

    def close(self) -> None:
        """Close the kept client (a read still running fails and is dropped)."""
        from envsync.capture.engine import engine_errors

        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(*engine_errors()):
                client.close()
