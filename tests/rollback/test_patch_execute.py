"""`patch --to runtime --execute` runs through the rollback's executor: a log line in
patches.jsonl, SIGTERM handled (exit 143, the services brought back), the result verified."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker

ENVSYNC = str(Path(sys.executable).parent / "envsync")


def _update_memory(stack: Stack, service: str) -> None:
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m",
                    stack.container(service).id], check=True, capture_output=True)


def _log(stack: Stack) -> list[dict[str, Any]]:
    path = stack.repo.path / "snapshots" / "prod" / "patches.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_patch_execute_is_logged_and_verified(stack: Stack) -> None:
    _update_memory(stack, "web")
    result = stack.cli("patch", "prod", "--to", "runtime", "--execute", "--yes")
    assert result.exit_code == 0, result.stdout + result.stderr
    line = _log(stack)[-1]
    assert line["result"] == "ok" and line["differences"] == []
    assert [s["title"] for s in line["steps"]] == ["recreate web"]
    assert stack.container("web").attrs["HostConfig"]["Memory"] == 0


def test_sigterm_during_patch_execute(stack: Stack) -> None:
    _update_memory(stack, "web")
    _update_memory(stack, "worker")
    proc = subprocess.Popen([ENVSYNC, "patch", "prod", "--to", "runtime", "--execute", "--yes"],
                            cwd=stack.repo.path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    err = []
    for line in proc.stderr:
        err.append(line)
        if line.startswith("envsync: step 1/1"):
            proc.send_signal(signal.SIGTERM)
            break
    err.append(proc.stderr.read())
    assert proc.wait(timeout=300) == 143, "".join(err)
    text = "".join(err)
    assert "interrupted by SIGTERM at step 1/1; services brought back" in text
    assert "Traceback" not in text
    line = _log(stack)[-1]
    assert line["result"] == "interrupted" and line["signal"] == "SIGTERM"
    assert line["interrupted_at"] == 1 and [s["returncode"] for s in line["settled"]] == [0]
    assert all(c.status == "running" for c in stack.project.containers())
