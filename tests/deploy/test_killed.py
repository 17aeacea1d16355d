"""`kill -9` of a real `envsync deploy --execute` (no handler runs, no log line is written
by it): the environment still serves, the restore point is listed and whole, the next
deploy and backup refuse in one line naming the killed run (pid, step, the rollback that
goes back), the killed run's line is logged once, and the rollback returns exactly the
files and containers of before, after which a deploy runs again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.bg import BlueGreenStack
from tests.deploy.test_helpers import commit_release, drift_code
from tests.helpers.documents import check_documents
from tests.rollback.conftest import Stack, build_variant
from tests.rollback.test_interrupts import ENVSYNC

pytestmark = pytest.mark.docker

KILLED = "ended without finishing"


def _kill_at(cwd: Any, args: list[str], marker: str, after_s: float = 0.0) -> int:
    """Start envsync, SIGKILL it once a stderr line starts with ``marker``; its pid. The
    run journal it leaves matches its schema (a later run removes it: the check after
    the test would not see it)."""
    proc = subprocess.Popen([ENVSYNC, *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith(marker):
            time.sleep(after_s)
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)
    found, problems = check_documents(Path(cwd))
    assert found["run-journal"] == 1 and not problems, problems
    return proc.pid


def _refused_as_killed(cli: Any, pid: int, *args: str) -> str:
    """Run ``args`` until the lock a killed run's step holds is free: each try exits 2 in
    one line, naming the killed pid; the last names the killed deploy. Its stderr."""
    deadline = time.monotonic() + 90
    while True:
        result = cli(*args)
        assert result.exit_code == 2, result.stdout + result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"pid {pid}" in lines[0]
        if KILLED in lines[0]:
            return str(lines[0])
        # the step the killed envsync started still runs, and holds the lock
        assert "it has ended; a step it started" in lines[0], lines[0]
        assert time.monotonic() < deadline
        time.sleep(1)


def _deploy_log(path: Any) -> list[dict[str, Any]]:
    log = path / "snapshots" / "prod" / "deploys.jsonl"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_kill_9_mid_recreate_then_rollback(stack: Stack) -> None:
    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    pid = _kill_at(stack.repo.path, ["deploy", "prod", "--ref", "v2", "--execute"],
                   "envsync: step 2/", after_s=0.5)  # compose is recreating web
    line = _refused_as_killed(stack.cli, pid, "deploy", "prod", "--ref", "v2", "--execute")
    assert "during step 2/2 (recreate web)" in line
    point = line.split("--to ")[1].split()[0]
    assert f"envsync rollback prod --to {point} --level 3 --execute" in line
    assert {c.status for c in stack.project.containers()} == {"running"}
    listed = stack.cli("backup", "prod", "--list", "--format", "json")
    assert listed.exit_code == 0 and point in listed.stdout
    backup = stack.cli("backup", "prod")  # a half-deployed state is no `stable` point
    assert backup.exit_code == 2 and KILLED in backup.stderr
    assert len(backup.stderr.strip().splitlines()) == 1
    killed = [r for r in _deploy_log(stack.repo.path) if r["result"] == "interrupted"]
    assert len(killed) == 1, killed  # logged once, by the first run that found it
    assert killed[0]["restore_point"] == point and KILLED in killed[0]["failure"]
    history = stack.cli("history", "prod", "--format", "json")
    assert history.exit_code == 0, history.stderr
    assert "interrupted" in [d["result"] for d in json.loads(history.stdout)["deploys"]]

    back = stack.cli("rollback", "prod", "--to", point, "--level", "3", "--execute", "--yes")
    assert back.exit_code == 0, back.stdout + back.stderr
    assert stack.repo.git("rev-parse", "HEAD").strip() == stack.good_commit
    assert "LOG_LEVEL=info" in stack.container("web").attrs["Config"]["Env"]
    assert drift_code(stack) == 0  # (a deploy after it: the two tests below)


def test_kill_9_of_an_image_deploy_then_level_2(stack: Stack) -> None:
    good = stack.running_image("web")
    stack.backup()
    # a new image under the tag web runs: the deploy of HEAD recreates web, files unmoved
    bad = build_variant(stack.client, stack.base_image, stack.images["web"], "bad web\n")
    pid = _kill_at(stack.repo.path, ["deploy", "prod", "--execute"], "envsync: step 1/",
                   after_s=0.3)
    line = _refused_as_killed(stack.cli, pid, "deploy", "prod", "--execute")
    assert "(recreate web)" in line
    point = line.split("--to ")[1].split()[0]
    back = stack.cli("rollback", "prod", "--to", point, "--level", "2", "--execute", "--yes")
    assert back.exit_code == 0, back.stdout + back.stderr
    assert stack.running_image("web") == good != bad
    # the killed deploy never moved the files: level 2 undid all it did
    assert not list((stack.repo.path / "snapshots" / "prod" / "backups").glob(".envsync-running*"))
    again = stack.cli("deploy", "prod", "--execute")
    assert again.exit_code == 0, again.stdout + again.stderr


def test_kill_9_in_the_watch_window(bg_stack_factory: Any) -> None:
    import httpx

    stack: BlueGreenStack = bg_stack_factory(window=4)
    stack.release()
    pid = _kill_at(stack.repo.path, ["deploy", "prod", "--ref", "v2", "--execute"],
                   "envsync: step 5/", after_s=1.0)  # watch app: both containers run
    # the new container took the traffic; the old one is drained, not stopped
    assert httpx.get(stack.url + "/health", timeout=5).status_code == 200
    line = _refused_as_killed(stack.cli, pid, "deploy", "prod", "--ref", "v2", "--execute")
    assert "(watch app for 4 s)" in line
    point = line.split("--to ")[1].split()[0]
    back = stack.cli("rollback", "prod", "--to", point, "--level", "3", "--execute", "--yes")
    assert back.exit_code == 0, back.stdout + back.stderr
    apps = stack.apps()
    assert len(apps) == 1 and 'VERSION=1' in apps[0].attrs["Config"]["Env"]
    assert stack.repo.git("rev-parse", "HEAD").strip() == stack.good
    assert httpx.get(stack.url + "/health", timeout=5).status_code == 200
    assert stack.drift_code() == 0
