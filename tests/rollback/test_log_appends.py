"""The JSONL logs (deploys, rollbacks, patches) under two writers and a full disk: every
line whole, none lost; a disk that fills mid-line leaves no half line; a half line left
by a crash never swallows the next record."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest

from envsync.errors import StorageError
from envsync.files import read_json_lines
from envsync.plan.executor import append_log


def _writer(path: str, who: int, count: int) -> None:
    for n in range(count):
        append_log(Path(path), {"who": who, "n": n, "pad": "x" * (300 + 97 * who)})


def test_two_writers_lose_and_tear_nothing(tmp_path: Path) -> None:
    log = tmp_path / "snapshots" / "prod" / "events.jsonl"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(log), who, 150)) for who in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    docs, problems = read_json_lines(log, 1 << 24, "log")
    assert problems == []
    assert sorted((d["who"], d["n"]) for _, d in docs) == [
        (who, n) for who in (1, 2) for n in range(150)]


def test_a_full_disk_mid_line_leaves_no_half_line(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "events.jsonl"
    append_log(log, {"n": 1})
    before = log.read_bytes()
    real_write = os.write

    def short_write(fd: int, data: Any) -> int:
        return real_write(fd, bytes(data)[:7])  # then the disk was full

    monkeypatch.setattr(os, "write", short_write)
    with pytest.raises(StorageError, match=r"events\.jsonl.*No space left"):
        append_log(log, {"n": 2, "pad": "y" * 100})

    def no_space(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", no_space)
    with pytest.raises(StorageError, match="No space left"):
        append_log(log, {"n": 3})
    assert log.read_bytes() == before


def test_a_torn_line_does_not_swallow_the_next(tmp_path: Path) -> None:
    log = tmp_path / "other.jsonl"
    append_log(log, {"n": 1})
    with log.open("ab") as fh:
        fh.write(b'{"n": 2, "cut sho')  # a crash mid-line, by some other writer
    append_log(log, {"n": 3})
    docs, problems = read_json_lines(log, 1 << 20, "log")
    assert [d["n"] for _, d in docs] == [1, 3]
    assert len(problems) == 1 and ":2:" in problems[0]
    assert json.loads(log.read_text().splitlines()[-1]) == {"n": 3}
