"""A snapshot with the right schema tag and the wrong shape: one line naming the file,
exit 2, in every command that reads stored snapshots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.cli.test_faults import worktree_app  # noqa: F401 - a fixture
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

pytestmark = pytest.mark.malformed_documents  # wrong shapes, on purpose

BREAKAGES = {
    "compose": "oops",
    "containers": ["not", "a", "mapping"],
    "env_files": 7,
    "git": "main",
    "stats": "lots",
}


def _stored(repo: Repo) -> Path:
    result = run_cli("snapshot", "local", "--no-runtime", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    (path,) = (repo.path / "snapshots" / "local").glob("*.json")
    return path


def _broken_copy(good: Path, key: str, name: str) -> Path:
    data = json.loads(good.read_text())
    data[key] = BREAKAGES[key]
    bad = good.with_name(name)
    bad.write_text(json.dumps(data))
    return bad


@pytest.mark.parametrize("key", sorted(BREAKAGES))
def test_diff_of_a_wrong_shape(worktree_app: Repo, key: str) -> None:  # noqa: F811
    good = _stored(worktree_app)
    bad = _broken_copy(good, key, "bad.json")
    for a, b in ((bad, good), (good, bad)):
        result = run_cli("diff", a, b, cwd=worktree_app.path)
        _assert_one_line_error(result, str(bad), key)
    result = run_cli("drift", "local", "--snapshot", bad, cwd=worktree_app.path)
    _assert_one_line_error(result, str(bad), key)


@pytest.mark.parametrize("key", sorted(BREAKAGES))
def test_history_names_the_file_it_cannot_read(worktree_app: Repo, key: str) -> None:  # noqa: F811
    good = _stored(worktree_app)
    bad = _broken_copy(good, key, "20991231T235959Z.json")
    result = run_cli("history", "local", "--format", "json", cwd=worktree_app.path)
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr and "bug" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(bad) in lines[0], result.stderr
    assert [row["file"] for row in json.loads(result.stdout)["snapshots"]] == [str(good)]
