"""The environment's lock file (``<backups>/ENV/.envsync.lock``) in a hostile state.
Before: a lock file that was a symlink was followed and the file it pointed at truncated
(``envsync backup`` emptied a file of the user's). Now a symlink or anything but a regular
file is one line naming it, exit 2, and nothing is written through it; a garbage lock file
is simply taken over; a holder's details with a newline, an escape or a token are shown on
one line, without them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import assert_refused, envsync

CONFIG = ("environments:\n  local:\n    git: .\n    compose: {files: [dc.yml]}\n"
          "    runtime: false\n")


@pytest.fixture
def lock(repo: Repo) -> Path:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    path = repo.path / "snapshots" / "local" / "backups" / ".envsync.lock"
    path.parent.mkdir(parents=True)
    return path


def test_a_symlinked_lock_file_never_truncates_its_target(lock: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("the user's data\n")
    lock.symlink_to(precious)
    assert_refused(envsync("backup", "local", cwd=lock.parents[3]), str(lock), "symlink")
    assert precious.read_text() == "the user's data\n"


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_lock_file_that_is_not_a_file(lock: Path, kind: str) -> None:
    lock.mkdir() if kind == "folder" else os.mkfifo(lock)
    assert_refused(envsync("backup", "local", cwd=lock.parents[3], timeout=30), str(lock))


def test_a_garbage_lock_file_is_taken_over(lock: Path) -> None:
    lock.write_bytes(b"\x00\xff garbage {\n" * 1000)
    proc = envsync("backup", "local", cwd=lock.parents[3])
    assert proc.returncode == 0, proc.stderr
    assert lock.read_bytes() == b""  # released: emptied, never deleted


def test_a_hostile_holder_is_one_line(lock: Path) -> None:
    lock.write_text('{"pid": 1, "host": "h\\nsecond line\\u001b[2J", "since": "' + "9" * 5000
                    + '", "command": "envsync deploy --token=LkTok5521zxQw"}')
    hold = ("import fcntl, os, sys, time\nfd = os.open(sys.argv[1], os.O_RDWR)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(30)\n")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(lock)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        line = assert_refused(envsync("backup", "local", cwd=lock.parents[3]), "locked by")
        assert "LkTok55" not in line
    finally:
        holder.kill()
        holder.wait()
