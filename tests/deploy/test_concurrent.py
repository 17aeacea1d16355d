"""Two changes of one environment at once, with real processes: while a deploy runs, a
rollback, a backup and a second deploy each exit 2 in one line naming it; while a rollback
runs, a backup does too. Each log keeps one whole line per execution."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from tests.deploy.test_helpers import commit_release, drift_code
from tests.rollback.conftest import Stack
from tests.rollback.test_interrupts import ENVSYNC

pytestmark = pytest.mark.docker


def _while_running(stack: Stack, args: list[str], others: list[list[str]]) -> list[Any]:
    """Start envsync ``args``; once its first step runs, run each of ``others``; their
    results, after ``args`` finished with exit 0."""
    proc = subprocess.Popen([ENVSYNC, *args], cwd=stack.repo.path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    results = []
    try:
        for line in proc.stderr:
            if line.startswith("envsync: step 1/"):
                break
        results = [stack.cli(*other) for other in others]
    finally:
        out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, out + err
    return results


def _one_refusal(result: Any, holder: str) -> None:
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is locked by pid" in lines[0] and holder in lines[0], lines


def _lines(stack: Stack, name: str) -> list[dict[str, Any]]:
    path = stack.repo.path / "snapshots" / "prod" / name
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_one_change_at_a_time(stack: Stack) -> None:
    point = stack.backup("--no-images")["tag"]
    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    others = [["rollback", "prod", "--level", "3", "--to", point, "--execute", "--yes"],
              ["backup", "prod", "--no-images"],
              ["deploy", "prod", "--ref", "v2", "--execute"]]
    for result in _while_running(stack, ["deploy", "prod", "--ref", "v2", "--execute"],
                                 others):
        _one_refusal(result, "(envsync deploy prod --execute)")
    assert [r["result"] for r in _lines(stack, "deploys.jsonl")] == ["ok"]
    assert drift_code(stack) == 0

    rollback = ["rollback", "prod", "--level", "3", "--to", point, "--execute", "--yes"]
    (backup,) = _while_running(stack, rollback, [["backup", "prod", "--no-images"]])
    _one_refusal(backup, "(envsync rollback prod --level 3 --execute)")
    assert [r["result"] for r in _lines(stack, "rollbacks.jsonl")] == ["ok"]
    assert stack.repo.git("rev-parse", "HEAD").strip() == stack.good_commit
