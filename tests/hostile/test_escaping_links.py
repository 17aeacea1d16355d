"""A symlink committed where envsync writes its own files (snapshots/ENV/approved.json,
.envsyncignore) pointing out of the project: approve and baseline wrote through it,
replacing the file it pointed at. Now refused in one line; the target is untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


@pytest.fixture
def app(repo: Repo) -> Repo:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [dc.yml]}\n    runtime: false\n")
    repo.commit("app")
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:2\n")  # drift to baseline
    return repo


@pytest.mark.parametrize(("command", "link"), [
    (("approve", "local"), "snapshots/local/approved.json"),
    (("baseline", "local"), ".envsyncignore"),
])
def test_a_link_out_of_the_project_is_not_written_through(
        app: Repo, tmp_path: Path, command: tuple[str, ...], link: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (app.path / link).parent.mkdir(parents=True, exist_ok=True)
    (app.path / link).symlink_to(victim)
    _assert_one_line_error(run_cli(*command, cwd=app.path), link, "symlink", str(victim))
    assert victim.read_text() == "keep me\n"


def test_a_link_inside_the_snapshots_folder_is_still_followed(app: Repo) -> None:
    folder = app.path / "snapshots" / "local"
    folder.mkdir(parents=True)
    (folder / "approved.json").symlink_to("kept.json")
    result = run_cli("approve", "local", cwd=app.path)
    assert result.exit_code == 0, result.stderr
    assert '"envsync.snapshot/v1"' in (folder / "kept.json").read_text()
