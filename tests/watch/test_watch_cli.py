"""envsync watch's bad input: one line, exit 2, no traceback, no secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import run_cli


def _config(tmp_path: Path, extra: str = "") -> Path:
    (tmp_path / "envsync.yaml").write_text(
        "environments:\n  live: {git: .}\n  decl: {git: {remote: origin, branch: main}}\n"
        "watch:\n  notify: ['tgram://${ENVSYNC_TEST_UNSET_TOKEN}/123']\n" + extra)
    return tmp_path


def test_a_channel_variable_that_is_not_set_is_one_line(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENVSYNC_TEST_UNSET_TOKEN", raising=False)
    result = run_cli("watch", "live", "--once", cwd=_config(tmp_path))
    assert result.exit_code == 2
    out = result.stdout + result.stderr
    assert "${ENVSYNC_TEST_UNSET_TOKEN} is not set in the environment" in out
    assert "Traceback" not in out and len(out.strip().splitlines()) == 1


def test_an_environment_without_a_runtime_cannot_be_watched(tmp_path: Path) -> None:
    result = run_cli("watch", "decl", "--once", cwd=_config(tmp_path))
    assert result.exit_code == 2
    assert "'decl' has no runtime to watch" in result.stdout + result.stderr
