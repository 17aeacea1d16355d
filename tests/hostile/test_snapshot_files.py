"""Snapshot files that are valid JSON and still hostile: a lone surrogate escape
(``"\\ud800"``: JSON allows it, UTF-8 cannot encode it), in a value or in a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

pytestmark = pytest.mark.malformed_documents  # hostile documents, on purpose

CONFIG = """\
environments:
  local:
    git: .
    compose: {files: [dc.yml]}
    runtime: false
"""


@pytest.fixture
def stored(repo: Repo) -> Path:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=repo.path).exit_code == 0
    (path,) = (repo.path / "snapshots" / "local").glob("*.json")
    return path


@pytest.mark.parametrize("escape", ['busy\\ud800box', 'x\\udfff', '\\udbff'])
@pytest.mark.parametrize("fmt", ["table", "json", "sarif"])
def test_lone_surrogate_is_one_line(stored: Path, escape: str, fmt: str) -> None:
    bad = stored.with_name("bad.json")
    bad.write_text(stored.read_text().replace('"busybox:1"', f'"{escape}"', 1))
    assert bad.read_text() != stored.read_text()
    result = run_cli("diff", stored, bad, "--format", fmt, cwd=stored.parents[2])
    _assert_one_line_error(result, str(bad), "surrogate")


def test_lone_surrogate_in_a_key(stored: Path) -> None:
    bad = stored.with_name("bad.json")
    bad.write_text(stored.read_text().replace('"web"', '"w\\ud800"', 1))
    result = run_cli("diff", stored, bad, cwd=stored.parents[2])
    _assert_one_line_error(result, str(bad), "surrogate")


def test_escaped_pair_is_an_emoji_and_loads(stored: Path) -> None:
    ok = stored.with_name("ok.json")
    ok.write_text(stored.read_text().replace('"busybox:1"', '"busybox:\\ud83d\\ude00"', 1))
    result = run_cli("diff", stored, ok, "--format", "json", cwd=stored.parents[2])
    assert result.exit_code == 1, result.stderr
    assert "\U0001f600" in result.stdout or "\\ud83d\\ude00" in result.stdout
