"""Files the compose files make compose read (env_file, label_file, include, extends) that
are a device, a pipe or a folder: compose read ``/dev/zero`` until it held 17 GB, and waited
on a pipe until its 120 s timeout. Each is now refused before compose runs, naming the
file. And SIGTERM stops envsync like Ctrl-C: exit 143, no git or compose left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.capture.test_git_timeout import SilentServer
from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

CONFIG = """\
environments:
  local:
    git: .
    compose: {files: [dc.yml]}
    runtime: false
"""
WEB = "services:\n  web:\n    image: busybox:1\n"

CASES = {
    "env_file /dev/zero": (WEB + "    env_file: [/dev/zero]\n", "/dev/zero", "device"),
    "env_file a pipe": (WEB + "    env_file: [fifo]\n", "fifo", "pipe"),
    "env_file a folder": (WEB + "    env_file: [sub]\n", "sub", "folder"),
    "env_file as a mapping": (WEB + "    env_file: [{path: /dev/zero}]\n", "/dev/zero",
                              "device"),
    "label_file /dev/urandom": (WEB + "    label_file: /dev/urandom\n", "/dev/urandom",
                                "device"),
    "include /dev/zero": ("include: [/dev/zero]\n" + WEB, "/dev/zero", "device"),
    "include's env_file": ("include: [{path: sub/inc.yml, env_file: /dev/zero}]\n" + WEB,
                           "/dev/zero", "device"),
    "an included file's env_file": ("include: [sub/inc.yml]\n" + WEB, "fifo", "pipe"),
    "extends a pipe": (WEB + "    extends: {file: fifo, service: web}\n", "fifo", "pipe"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", [("check",), ("snapshot", "local", "--no-runtime")])
def test_a_file_compose_would_read_forever_is_refused(repo: Repo, case: str,
                                                      command: tuple[str, ...]) -> None:
    compose, name, kind = CASES[case]
    repo.write("envsync.yaml", CONFIG)
    repo.write("dc.yml", compose)
    repo.write("sub/inc.yml", "services:\n  side:\n    image: busybox:1\n"
               "    env_file: ../fifo\n")
    repo.commit("app")
    os.mkfifo(repo.path / "fifo")
    line = _assert_one_line_error(run_cli(*command, cwd=repo.path), name, kind)
    assert "regular file" in line or "folder" in line
    assert not (repo.path / "snapshots").exists()


def test_a_regular_env_file_outside_the_tree_still_resolves(repo: Repo, tmp_path: Path) -> None:
    (tmp_path / "shared.env").write_text("MODE=shared\n")
    repo.write("envsync.yaml", CONFIG)
    repo.write("dc.yml", WEB + f"    env_file: [{tmp_path / 'shared.env'}]\n")
    repo.commit("app")
    result = run_cli("check", cwd=repo.path)
    assert result.exit_code == 0, result.stderr


def _children_holding(port: int) -> str:
    return subprocess.run(["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True,
                          text=True, check=False).stdout.strip()


def test_sigterm_stops_envsync_and_what_it_started(repo: Repo) -> None:
    """SIGTERM used to end envsync at once, leaving git's helpers (or compose) running."""
    server = SilentServer()
    try:
        repo.write("app.yml", WEB)
        repo.write("envsync.yaml", "environments:\n  github:\n"
                   "    git: {remote: origin, branch: main}\n    compose: {files: [app.yml]}\n")
        repo.commit("app")
        repo.git("remote", "add", "origin", f"http://127.0.0.1:{server.port}/app.git")
        env = {**os.environ, "ENVSYNC_GIT_TIMEOUT": "60"}
        proc = subprocess.Popen([str(Path(sys.executable).parent / "envsync"), "snapshot",
                                 "github"], cwd=repo.path, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(300):  # until git's helper is connected
            if server.accepted and _children_holding(server.port):
                break
            time.sleep(0.1)
        assert _children_holding(server.port), "git never connected"
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 143, stderr
        assert stderr.strip().splitlines() == ["envsync: error: terminated (SIGTERM)"]
        assert _children_holding(server.port) == ""
    finally:
        server.close()
