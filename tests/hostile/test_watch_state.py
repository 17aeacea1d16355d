"""A watch-state.json in a hostile state, and bad /metrics URLs. Before: a state file
nested 10^5 deep was "unexpected RecursionError … a bug", and ``watch.metrics`` URLs
that are not http(s) or have no valid port were taken and never read. Now: one line
naming the file, exit 2; a symlinked state file is never written through."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import assert_refused, envsync

STATES = {
    "nested 10^5 deep": (b"[" * 100_000, "nested deeper"),
    "a lone surrogate": (b'{"a": "\\ud800"}', "surrogate"),
    "not UTF-8": (b"garbage\xff", "not UTF-8"),
    "wrong types": (b'{"alerts": {"x": {"status": 1}}, "outbox": [1]}', "watch-state.json"),
    "a number of 10^5 digits": (b"1" * 100_000, "not valid JSON"),
}


@pytest.fixture
def app(repo: Repo, compose_project: ComposeProject) -> Repo:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               f"    compose: {{files: [dc.yml], project: {compose_project.name}}}\n")
    repo.commit("app")
    (repo.path / "snapshots" / "local").mkdir(parents=True)
    return repo


@pytest.mark.docker
@pytest.mark.malformed_documents  # the state files are bad on purpose
def test_a_hostile_watch_state_is_one_line(app: Repo) -> None:
    path = app.path / "snapshots" / "local" / "watch-state.json"
    for data, needle in STATES.values():
        path.write_bytes(data)
        proc = envsync("watch", "local", "--once", cwd=app.path)
        assert_refused(proc, str(path), needle)
        assert path.read_bytes() == data  # left for the user to look at


@pytest.mark.docker
def test_a_symlinked_watch_state_is_never_written_through(app: Repo, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("the user's data\n")
    (app.path / "snapshots" / "local" / "watch-state.json").symlink_to(precious)
    assert_refused(envsync("watch", "local", "--once", cwd=app.path), "not valid JSON")
    assert precious.read_text() == "the user's data\n"


@pytest.mark.parametrize("url", ["ftp://x/metrics", "http://127.0.0.1:99999/metrics",
                                 "http://[::1/metrics", "http:///metrics"])
def test_a_metrics_url_that_cannot_be_read(repo: Repo, url: str) -> None:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               f"    compose: {{files: [dc.yml]}}\nwatch:\n  metrics: {{local: ['{url}']}}\n")
    repo.commit("app")
    assert_refused(envsync("check", cwd=repo.path), "envsync.yaml:6", "watch.metrics.local")
