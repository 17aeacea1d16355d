"""stdout that cannot take the output: a full device (/dev/full), a closed descriptor.
One line on stderr, exit 2, no traceback and no 'this is a bug' (the machine's fault)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

ENVSYNC = str(Path(sys.executable).parent / "envsync")
CONFIG = """\
environments:
  local:
    git: .
    compose: {files: [dc.yml]}
    runtime: false
"""


@pytest.fixture
def app(repo: Repo) -> Repo:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=repo.path).exit_code == 0
    return repo


def _commands(app: Repo) -> list[list[str]]:
    (snap,) = (app.path / "snapshots" / "local").glob("*.json")
    return [["diff", str(snap), str(snap), "--format", "json"], ["history", "local"],
            ["check"], ["--help"], ["diff", "--help"]]


def _assert_one_line(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert len(lines) == 1 and lines[0].startswith("envsync: error: "), proc.stderr
    assert "bug" not in lines[0] and "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0]


def test_stdout_on_a_full_device(app: Repo) -> None:
    for argv in _commands(app):
        with Path("/dev/full").open("w") as full:
            proc = subprocess.run([ENVSYNC, *argv], cwd=app.path, stdout=full,
                                  stderr=subprocess.PIPE, text=True, check=False)
        _assert_one_line(proc, "output", "no space left")


def test_stdout_closed(app: Repo) -> None:
    for argv in _commands(app):
        proc = subprocess.run([ENVSYNC, *argv], cwd=app.path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, check=False,
                              preexec_fn=lambda: os.close(1))
        _assert_one_line(proc, "output")
