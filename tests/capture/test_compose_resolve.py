"""How :func:`envsync.capture.compose.resolve` runs compose: the hash run (which reads the
resolved model from stdin) is started before the config run ends, so their start-ups
overlap; every compose process it starts is reaped, also when compose rejects the files."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from envsync.capture import compose
from envsync.capture.compose import resolve
from envsync.errors import ComposeError

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
