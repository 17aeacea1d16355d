"""One change at a time per environment: real envsync processes run side by side.

Two backups at once both complete, one after the other (--wait), and neither deletes the
other's archives; two level-3 rollbacks at once run one after the other and leave the
environment up; without --wait the second exits 2 naming the holder; a lock left by a
killed process is no obstacle (the kernel releases a flock with its process).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from envsync.config import load_config
from envsync.lock import LOCK_NAME, environment_lock
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker

ENVSYNC = str(Path(sys.executable).parent / "envsync")


def _start(stack: Stack, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([ENVSYNC, *args], cwd=stack.repo.path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=600)
    return proc.returncode, out, err


def test_two_backups_at_once_both_complete_and_keep_their_archives(stack: Stack) -> None:
    """Both are made to meet at the lock (held here until each says it waits): started
    side by side, one could otherwise finish before the other had started on a busy
    machine (a CI run saw no wait at all)."""
    import threading

    config = load_config(stack.repo.path / "envsync.yaml")
    errs: list[list[str]] = [[], []]
    with environment_lock(config, "prod", "the test, until both backups wait"):
        procs = [_start(stack, "backup", "prod", "--wait", "300", "--format", "json")
                 for _ in range(2)]

        def read(n: int) -> None:
            assert procs[n].stderr is not None
            errs[n].extend(procs[n].stderr)

        readers = [threading.Thread(target=read, args=(n,), daemon=True) for n in (0, 1)]
        for reader in readers:
            reader.start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(
                any("waiting up to 300 s: prod is locked by pid" in line for line in err)
                for err in errs):
            time.sleep(0.1)
    outs = [p.stdout.read() if p.stdout is not None else "" for p in procs]
    codes = [p.wait(timeout=600) for p in procs]
    for reader in readers:
        reader.join(timeout=30)
    results = [(code, out, "".join(err)) for code, out, err in zip(codes, outs, errs,
                                                                   strict=True)]
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    points = [json.loads(out) for _, out, _ in results]
    assert sorted(p["tag"] for p in points)[1] == sorted(p["tag"] for p in points)[0] + "-2"
    assert all("waiting up to 300 s: prod is locked by pid" in err for _, _, err in results)
    for point in points:
        folder = Path(point["manifest"]).parent
        for rec in point["images"].values():
            assert (folder / rec["archive"]).stat().st_size == rec["size"] > 0
        assert stack.repo.git("rev-parse", f"{point['tag']}^{{commit}}") == stack.good_commit
    listed = stack.cli("backup", "prod", "--list", "--format", "json")
    assert sorted(p["tag"] for p in json.loads(listed.stdout)) == sorted(
        p["tag"] for p in points)


def test_the_second_run_names_the_holder_and_exits_2(stack: Stack) -> None:
    config = load_config(stack.repo.path / "envsync.yaml")
    with environment_lock(config, "prod", "envsync rollback prod --level 3 --execute"):
        code, _, err = _finish(_start(stack, "backup", "prod"))
        assert code == 2, err
        assert err.count("\n") == 1
        assert (f"prod is locked by pid {os.getpid()} on host {socket.gethostname()} since "
                in err)
        assert "(envsync rollback prod --level 3 --execute)" in err and "--wait" in err
        code, _, err = _finish(_start(stack, "rollback", "prod", "--level", "3", "--execute",
                                      "--yes"))
        assert code == 2 and "prod is locked by pid" in err
        code, _, err = _finish(_start(stack, "patch", "prod", "--to", "runtime", "--execute",
                                      "--yes"))
        assert code == 2 and "prod is locked by pid" in err
    # nothing was recorded while the lock was held
    assert stack.repo.git("tag", "--list") == ""
    assert not list((stack.repo.path / "snapshots" / "prod" / "backups").glob("*.json"))


def test_a_lock_left_by_a_killed_process_is_stale(stack: Stack) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom pathlib import Path\n"
         "from envsync.config import load_config\n"
         "from envsync.lock import environment_lock\n"
         "with environment_lock(load_config(Path(sys.argv[1])), 'prod', 'held then killed'):\n"
         "    print('held', flush=True)\n"
         "    time.sleep(600)\n",
         str(stack.repo.path / "envsync.yaml")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    blocked = stack.cli("backup", "prod", "--no-images")
    assert blocked.exit_code == 2 and f"pid {holder.pid}" in blocked.stderr
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    lock_file = stack.repo.path / "snapshots" / "prod" / "backups" / LOCK_NAME
    assert "held then killed" in lock_file.read_text()  # what it wrote stays...
    result = stack.cli("backup", "prod", "--no-images")  # ...but is no obstacle
    assert result.exit_code == 0, result.stderr


def test_two_level3_rollbacks_at_once_run_one_after_the_other(stack: Stack) -> None:
    point = stack.backup("--no-images")
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    stack.repo.commit("bad config")
    stack.up()
    args = ("rollback", "prod", "--level", "3", "--to", point["tag"], "--execute", "--yes",
            "--format", "json")
    procs = [_start(stack, *args, "--wait", "300") for _ in range(2)]
    results = [_finish(p) for p in procs]
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    assert any("waiting up to 300 s" in err for _, _, err in results)
    outcomes = sorted((json.loads(out) for _, out, _ in results), key=lambda o: o["started"])
    assert all(o["result"] == "ok" for o in outcomes)
    assert outcomes[0]["before_tag"] != outcomes[1]["before_tag"]
    for c in stack.project.containers():
        assert c.status == "running", (c.name, c.status)
    assert {c.labels["com.docker.compose.service"] for c in stack.project.containers()} == {
        "web", "worker"}
    assert stack.diff_against(point["snapshot"]) == (0, [])
    # without --wait, while one runs, the other is refused at once
    first = _start(stack, *args)
    time.sleep(0.5)
    deadline = time.monotonic() + 60
    lock_file = stack.repo.path / "snapshots" / "prod" / "backups" / LOCK_NAME
    while "envsync rollback" not in lock_file.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    second = _finish(_start(stack, *args))
    assert second[0] == 2 and "prod is locked by pid" in second[2]
    assert _finish(first)[0] == 0
