"""Commands that need what runs, given an engine that does not answer (or ``runtime: false``):
``health`` said "healthy", exit 0, with memory limits it could not read; ``patch --to vcs``
said "nothing to patch", exit 0; ``deploy`` ended its line in "?". Each is now exit 2 with
one line saying what could not be read."""

from __future__ import annotations

import socket

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _app(repo: Repo, runtime: str) -> Repo:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               f"    compose: {{files: [dc.yml]}}\n    {runtime}\n"
               "    limits: {memory_mb: {web: 10}}\n")
    repo.commit("app")
    return repo


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_health_with_no_engine_is_unknown_not_healthy(repo: Repo, fmt: str) -> None:
    _app(repo, f"docker: tcp://127.0.0.1:{_closed_port()}")
    result = run_cli("health", "local", "--format", fmt, cwd=repo.path)
    _assert_one_line_error(result, "local: health unknown", "engine")
    assert "local: healthy" not in result.stdout
    if fmt == "json":
        assert '"healthy": false' in result.stdout


@pytest.mark.parametrize("runtime", ["docker: tcp://127.0.0.1:{port}", "runtime: false"])
@pytest.mark.parametrize("command", [("patch", "local", "--to", "vcs"),
                                     ("patch", "local", "--to", "runtime"),
                                     ("deploy", "local")])
def test_what_needs_the_containers_says_it_cannot_read_them(
        repo: Repo, runtime: str, command: tuple[str, ...]) -> None:
    _app(repo, runtime.format(port=_closed_port()))
    line = _assert_one_line_error(run_cli(*command, cwd=repo.path), "cannot read")
    assert line.rstrip().endswith("?") is False
    assert ("runtime: false" in line) == ("runtime: false" in runtime)


def test_health_of_a_declared_only_environment_is_still_fine(repo: Repo) -> None:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [dc.yml]}\n    runtime: false\n")
    repo.commit("app")
    result = run_cli("health", "local", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
