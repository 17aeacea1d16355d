"""`patch --to runtime --execute` takes part in the run journal: it refuses, changing
nothing, while a killed run is on record; a patch killed with `kill -9` half-way is found
by the next deploy and patch (one line naming it, logged once in patches.jsonl), and a
rollback clears it, after which a patch runs again."""

from __future__ import annotations

import json
import socket
import subprocess
from typing import Any

import pytest

from envsync.journal import JOURNAL_NAME
from tests.deploy.test_killed import KILLED, _kill_at, _refused_as_killed
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def _update_memory(stack: Stack, service: str) -> None:
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m",
                    stack.container(service).id], check=True, capture_output=True)


def _lines(stack: Stack, name: str) -> list[dict[str, Any]]:
    path = stack.repo.path / "snapshots" / "prod" / name
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def test_a_killed_deploy_on_record_refuses_the_patch(stack: Stack) -> None:
    _update_memory(stack, "web")
    before = stack.container("web").id
    journal = stack.repo.path / "snapshots" / "prod" / "backups" / JOURNAL_NAME
    journal.parent.mkdir(parents=True, exist_ok=True)
    killed = {"kind": "deploy", "pid": 2**22 + 7, "host": socket.gethostname(),
              "started": "2026-11-30T01:02:03Z", "ref": "v2", "commit": "c0ffee" * 6 + "c0ff",
              "restore_point": "prod-stable-20261130", "moves_tree": True,
              "steps": ["check out v2", "recreate web"], "step": 2, "logged": False}
    journal.write_text(json.dumps(killed) + "\n")

    dry = stack.cli("patch", "prod", "--to", "runtime")  # the plan says it, changes nothing
    assert dry.exit_code == 0 and "--execute would refuse" in dry.stderr, dry.stderr
    result = stack.cli("patch", "prod", "--to", "runtime", "--execute", "--yes")
    assert result.exit_code == 2, result.stdout + result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert KILLED in line and "the deploy of v2" in line and "(nothing was changed)" in line
    assert "`envsync rollback prod --to prod-stable-20261130 --level 3 --execute`" in line
    assert stack.container("web").id == before  # not recreated
    assert stack.container("web").attrs["HostConfig"]["Memory"] == 96 * 2**20
    assert _lines(stack, "patches.jsonl") == []
    (logged,) = _lines(stack, "deploys.jsonl")  # the killed deploy's line, by the patch
    assert logged["result"] == "interrupted" and "found by envsync patch" in logged["failure"]
    assert json.loads(journal.read_text())["logged"] is True


def test_kill_9_of_a_patch_then_rollback(stack: Stack) -> None:
    point = stack.backup("--no-images")["tag"]
    _update_memory(stack, "web")
    patch = ["patch", "prod", "--to", "runtime", "--execute", "--yes"]
    pid = _kill_at(stack.repo.path, patch, "envsync: step 1/", after_s=0.3)
    line = _refused_as_killed(stack.cli, pid, "deploy", "prod", "--execute")
    assert "the runtime patch recreating web" in line and "during step 1/1 (recreate web)" in line
    assert f"`envsync rollback prod --to {point} --level 3 --execute`" in line
    again = stack.cli(*patch)
    assert again.exit_code == 2 and KILLED in again.stderr, again.stdout + again.stderr
    (killed,) = _lines(stack, "patches.jsonl")  # logged once, by the first run that found it
    assert killed["result"] == "interrupted" and killed["interrupted_at"] == 1
    assert f"pid {pid}" in killed["failure"]

    back = stack.cli("rollback", "prod", "--to", point, "--level", "3", "--execute", "--yes")
    assert back.exit_code == 0, back.stdout + back.stderr
    assert not (stack.repo.path / "snapshots" / "prod" / "backups" / JOURNAL_NAME).exists()
    assert {c.status for c in stack.project.containers()} == {"running"}
    _update_memory(stack, "worker")
    done = stack.cli(*patch)
    assert done.exit_code == 0, done.stdout + done.stderr
    assert [x["result"] for x in _lines(stack, "patches.jsonl")] == ["interrupted", "ok"]
    assert not (stack.repo.path / "snapshots" / "prod" / "backups" / JOURNAL_NAME).exists()
