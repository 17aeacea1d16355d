"""Where a report is written: ``diff A B --output sarif=A`` replaced the snapshot it had just
read, ``report --html`` over a stored snapshot lost it, ``--out -`` wrote a file named ``-``.
A usage error (an unknown option, a bad value) was click's four lines; it is one now."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture
def stored(repo: Repo) -> tuple[Repo, Path]:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=repo.path).exit_code == 0
    (snap,) = (repo.path / "snapshots" / "local").glob("*.json")
    return repo, snap


def _commands(snap: Path) -> dict[str, tuple[str, ...]]:
    return {
        "diff --output": ("diff", str(snap), str(snap), "--output", f"sarif={snap}"),
        "diff --out": ("diff", str(snap), str(snap), "--out", str(snap)),
        "drift --out": ("drift", "local", "--snapshot", "local@latest", "--out", str(snap)),
        "report --html": ("report", "--stored", "--html", str(snap)),
        "history --plot": ("history", "local", "--plot", str(snap.with_suffix(".svg"))),
    }


@pytest.mark.parametrize("case", sorted(_commands(Path("x"))))
def test_a_report_never_replaces_a_stored_snapshot(stored: tuple[Repo, Path],
                                                   case: str) -> None:
    repo, snap = stored
    if case == "history --plot":  # a snapshot kept under a chart's name
        snap = snap.rename(snap.with_suffix(".svg"))
    before = snap.read_bytes()
    result = run_cli(*_commands(snap)[case], cwd=repo.path)
    line = (result.stderr.strip().splitlines() or [""])[-1]
    assert result.exit_code == 2, result.stderr
    assert "stored data" in line and "Traceback" not in result.stderr
    assert snap.read_bytes() == before


def test_a_report_may_replace_its_own_earlier_file(stored: tuple[Repo, Path]) -> None:
    repo, snap = stored
    out = repo.path / "drift.json"
    for _ in range(2):
        result = run_cli("diff", snap, snap, "--format", "json", "--out", out, cwd=repo.path)
        assert result.exit_code == 0, result.stderr
    assert '"envsync.diff/v1"' in out.read_text()


def test_a_dash_is_not_a_file_name(stored: tuple[Repo, Path]) -> None:
    repo, snap = stored
    _assert_one_line_error(run_cli("diff", snap, snap, "--out", "-", cwd=repo.path),
                           "'-'", "file name")
    assert not (repo.path / "-").exists()


@pytest.mark.parametrize("args", [("diff", "--bogus"), ("frobnicate",),
                                  ("history", "local", "--limit", "x"), ("diff", "a"),
                                  ("diff", "a", "b", "--out", "/")])
def test_a_usage_error_is_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run_cli(*args, cwd=tmp_path)
    line = _assert_one_line_error(result)
    assert line.endswith(" -h"), line
