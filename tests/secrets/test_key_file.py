"""The fingerprint key: an empty or unreadable key file is refused in one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from envsync.errors import EnvsyncError
from envsync.secrets import Redactor
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


@pytest.fixture
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("ENVSYNC_FINGERPRINT_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "config" / "envsync" / "fingerprint.key"
    path.parent.mkdir(parents=True)
    return path


@pytest.mark.parametrize("content", [b"", b"   \n\t\n"])
def test_an_empty_key_file_is_refused(key_file: Path, content: bytes) -> None:
    key_file.write_bytes(content)
    with pytest.raises(EnvsyncError, match=f"{key_file}: the fingerprint key file is empty"):
        Redactor()
    assert key_file.read_bytes() == content  # left as it was: the user decides


def test_an_empty_environment_key_counts_as_unset(key_file: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    key_file.write_bytes(b"file-key")
    monkeypatch.setenv("ENVSYNC_FINGERPRINT_KEY", "  ")
    assert Redactor().fingerprint("v") == Redactor(b"file-key").fingerprint("v")
    monkeypatch.setenv("ENVSYNC_FINGERPRINT_KEY", "env-key")
    assert Redactor().fingerprint("v") == Redactor(b"env-key").fingerprint("v")


def test_a_symlink_loop_as_key_file_is_one_line(key_file: Path) -> None:
    key_file.symlink_to(key_file.name)  # points at itself
    with pytest.raises(EnvsyncError, match=f"{key_file}: cannot read or create the fingerprint"):
        Redactor()


def test_a_folder_as_key_file_is_one_line(key_file: Path) -> None:
    key_file.mkdir()
    with pytest.raises(EnvsyncError, match=f"{key_file}: cannot read or create"):
        Redactor()


def test_the_cli_says_it_in_one_line_with_exit_2(key_file: Path, repo: Repo) -> None:
    key_file.write_bytes(b"\n")
    repo.write("app.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
                               "    compose: {files: [app.yml]}\n")
    repo.commit("app")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=repo.path)
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "fingerprint key file is empty" in lines[0]
    assert str(key_file) in lines[0] and "Traceback" not in result.stderr
