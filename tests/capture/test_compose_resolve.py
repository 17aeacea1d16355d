"""How :func:`envsync.capture.compose.resolve` runs compose: the hash run (which reads the
resolved model from stdin) is started before the config run ends, so their start-ups
overlap; every compose process it starts is reaped, also when compose rejects the files.
A commit resolved from a temp folder reads (model and hashes) as if resolved in the project."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from envsync.capture import compose, take_snapshot
from envsync.capture.compose import resolve
from envsync.capture.history import config_hash_history
from envsync.config import Config, load_config
from envsync.errors import ComposeError
from tests.helpers.git import Repo

FILE = """\
services:
  app:
    image: envsync-test/busybox:1
    env_file: [app.env]
"""


class _Recorder:
    """Wraps subprocess.Popen: logs when each compose run starts and when it ends."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []
        self.procs: list[tuple[str, subprocess.Popen[Any]]] = []

    def popen(self, argv: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        what = "hash" if "--hash" in argv else "config" if "config" in argv else "other"
        proc = _REAL_POPEN(argv, **kwargs)
        self.procs.append((what, proc))
        self.events.append(("start", what))
        real_communicate = proc.communicate

        def communicate(*args: Any, **kw: Any) -> Any:
            out = real_communicate(*args, **kw)
            self.events.append(("end", what))
            return out

        proc.communicate = communicate  # type: ignore[method-assign]
        return proc


_REAL_POPEN = subprocess.Popen


@pytest.fixture()
def recorder(monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    rec = _Recorder()
    monkeypatch.setattr(compose.subprocess, "Popen", rec.popen)
    return rec


def test_hash_run_starts_before_the_config_run_ends(tmp_path: Path, recorder: _Recorder) -> None:
    (tmp_path / "compose.yml").write_text(FILE)
    (tmp_path / "app.env").write_text("TTL=10\n")
    model, hashes = resolve(tmp_path, ("compose.yml",), project="p")
    assert model["services"]["app"]["environment"] == {"TTL": "10"}
    assert set(hashes) == {"app"} and len(hashes["app"]) == 64
    assert recorder.events.index(("start", "hash")) < recorder.events.index(("end", "config"))
    assert all(p.returncode is not None for _, p in recorder.procs)


def test_rejected_files_leave_no_compose_running(tmp_path: Path, recorder: _Recorder) -> None:
    (tmp_path / "compose.yml").write_text("services:\n  app:\n    image: [not, a, string]\n")
    with pytest.raises(ComposeError, match="compose rejected the files"):
        resolve(tmp_path, ("compose.yml",), project="p")
    assert [what for what, _ in recorder.procs if what != "other"] == ["hash", "config"]
    assert all(p.returncode is not None for _, p in recorder.procs)


def test_no_services_leaves_no_compose_running(tmp_path: Path, recorder: _Recorder) -> None:
    (tmp_path / "compose.yml").write_text("services: {}\n")
    assert resolve(tmp_path, ("compose.yml",), project="p")[1] == {}
    assert all(p.returncode is not None for _, p in recorder.procs)


BIND = """\
services:
  app:
    image: envsync-test/busybox:1
    volumes: ["./data:/data"]
    environment:
      LOG_LEVEL: info
"""


def _bind_repo(repo: Repo) -> Config:
    repo.write("deploy/compose.yml", BIND)
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [deploy/compose.yml], project: binds}\n    runtime: false\n")
    repo.commit("app with a bind mount")
    return load_config(repo.path / "envsync.yaml")


def test_commit_resolved_in_a_temp_folder_hashes_as_in_the_project(repo: Repo) -> None:
    """HEAD is resolved from a copy in a temp folder: its relative bind mount must point
    into the project (as `up` there made it), so a clean tree's two hashes are equal."""
    config = _bind_repo(repo)
    compose_section = take_snapshot(config, config.environment("local"))["compose"]
    assert compose_section is not None and compose_section["committed"] is not None
    source = compose_section["committed"]["services"]["app"]["volumes"][0]["source"]
    assert source == str(Path(os.path.realpath(repo.path)) / "deploy" / "data")
    assert compose_section["committed_hashes"] == compose_section["hashes"]


def test_older_commit_hashes_are_the_ones_up_gave_in_the_project(repo: Repo) -> None:
    """A container created from an older commit carries that commit's hash, made in the
    project folder: the history of hashes must hold it, or drift calls it a hand edit."""
    config = _bind_repo(repo)
    spec = config.environment("local").compose
    assert spec is not None
    _, deployed = resolve(repo.path, spec.files, project=spec.project)
    repo.write("deploy/compose.yml", BIND.replace("info", "debug"))
    repo.commit("debug")
    history = config_hash_history(repo.path, spec)
    assert deployed["app"] in history["app"]
    assert len(history["app"]) == 2
