"""A JSONL log that is a symlink (the snapshots folder is kept in git: a repository can
hold ``snapshots/prod/deploys.jsonl -> ~/.bashrc``) or not a regular file. Before: a line
was appended through the link, with the deployed ref in it (``x$(touch …)`` runs when
bash reads that line). Now envsync appends only to a regular file it reaches without a
symlink; here the first run to find a killed deploy (``envsync backup``) logs it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import envsync

CONFIG = ("environments:\n  local:\n    git: .\n    compose: {files: [dc.yml]}\n"
          "    runtime: false\n")
KILLED = {"kind": "deploy", "pid": 999_999_999, "host": "elsewhere",
          "started": "2026-11-29T20:00:00Z", "ref": "x$(touch pwned)", "commit": "a" * 40,
          "restore_point": "local-stable-20261129", "steps": ["recreate web"], "step": 1,
          "logged": False, "moves_tree": False}


@pytest.fixture
def app(repo: Repo) -> Path:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    backups = repo.path / "snapshots" / "local" / "backups"
    backups.mkdir(parents=True)
    (backups / ".envsync-running.json").write_text(json.dumps(KILLED))
    return repo.path


@pytest.mark.malformed_documents  # deploys.jsonl links to a file that is not a log
@pytest.mark.parametrize("kind", ["symlink", "folder", "fifo", "regular"])
def test_a_killed_deploy_is_logged_only_into_a_regular_file(app: Path, tmp_path: Path,
                                                            kind: str) -> None:
    log = app / "snapshots" / "local" / "deploys.jsonl"
    bashrc = tmp_path / "bashrc"
    bashrc.write_text("export PS1='$ '\n")
    if kind == "symlink":
        log.symlink_to(bashrc)
    elif kind == "folder":
        log.mkdir()
    elif kind == "fifo":
        os.mkfifo(log)
    proc = envsync("backup", "local", cwd=app, timeout=30)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr  # the killed deploy, named
    assert "ended without finishing" in lines[0] and "Traceback" not in proc.stderr
    assert bashrc.read_text() == "export PS1='$ '\n"
    if kind == "regular":
        (record,) = [json.loads(x) for x in log.read_text().splitlines()]
        assert record["result"] == "interrupted" and record["ref"] == KILLED["ref"]
    assert not (app / "pwned").exists()


def test_a_dangling_gitignore_link_never_creates_its_target(repo: Repo, tmp_path: Path) -> None:
    """The backups folder's ``.gitignore``, a link to a file that does not exist: envsync
    wrote its two lines there, creating that file (anywhere the link pointed)."""
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    backups = repo.path / "snapshots" / "local" / "backups"
    backups.mkdir(parents=True)
    target = tmp_path / "made-by-envsync"
    (backups / ".gitignore").symlink_to(target)
    proc = envsync("backup", "local", cwd=repo.path)
    assert proc.returncode == 0, proc.stderr
    assert not target.exists()
    assert not (backups / ".gitignore").is_symlink()
    assert (backups / ".gitignore").read_text().endswith("*\n")
