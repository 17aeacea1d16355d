"""The sender process: apprise loaded once per process, messages over a pipe, a process
only while one may be due. Real processes, a loopback receiver."""

from __future__ import annotations

import os
import signal
import time

from envsync.watch.sender import SendWorker
from tests.watch.conftest import TOKEN, Receiver


def _request(receiver: Receiver, title: str, *, path: str = "notify") -> dict[str, object]:
    return {"url": f"json://127.0.0.1:{receiver.port}/{path}/{TOKEN}", "title": title,
            "body": "body", "failure": True}


def test_one_process_sends_every_message_and_is_gone_after_its_keep_time(
        receiver: Receiver) -> None:
    worker = SendWorker(keep_s=0.2)
    try:
        assert worker.send(_request(receiver, "one")) is None
        assert worker.send(_request(receiver, "two")) is None
        assert [m["title"] for m in receiver.apprise()] == ["one", "two"]
        assert worker.started == 1 and worker.running
        time.sleep(0.3)
        worker.reap()
        assert not worker.running
        assert worker.send(_request(receiver, "three")) is None   # started afresh
        assert worker.started == 2
    finally:
        worker.close()
    assert not worker.running


def test_warm_starts_the_process_before_the_first_message(receiver: Receiver) -> None:
    worker = SendWorker(keep_s=30)
    try:
        worker.warm()
        assert worker.running and worker.started == 1
        worker.reap()                    # wanted for 30 s more: kept
        assert worker.running
        assert worker.send(_request(receiver, "warm")) is None
        assert worker.started == 1
    finally:
        worker.close()


def test_a_refused_message_and_a_dead_sender_are_reasons_without_the_url(
        receiver: Receiver) -> None:
    worker = SendWorker()
    try:
        receiver.stop()                  # nothing listens on the port
        problem = worker.send(_request(receiver, "lost"))
        assert problem == "the channel did not accept the message"
        odd = worker.send({"url": f"nosuchscheme://{TOKEN}", "title": "t", "body": "b",
                           "failure": False})
        assert odd == "apprise does not understand this URL"
        receiver.start()
        proc = worker._proc
        assert proc is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert worker.send(_request(receiver, "after")) is None  # a new process
        assert worker.started == 2
        assert [m["title"] for m in receiver.apprise()] == ["after"]
    finally:
        worker.close()
