"""A full disk under the backups folder (a 256 KiB tmpfs, filled): backup and rollback
each say so in one line and exit 2, leave no tag without its manifest, and change nothing.
Needs root (to mount the tmpfs), as the engine does."""

from __future__ import annotations

import contextlib
import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "backups"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                   check=True, capture_output=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with contextlib.suppress(OSError):
        (folder / "filler2").write_bytes(b"\0" * 64)  # the last partial page


def _tags(stack: Stack) -> set[str]:
    return set(stack.repo.git("tag", "--list").split())


def test_full_backups_folder(stack: Stack, small_disk: Path) -> None:
    config = stack.repo.path / "envsync.yaml"
    config.write_text(f"backups: {small_disk}\n" + config.read_text())
    stack.repo.commit("backups on their own disk")

    # the images do not fit: docker save runs out of space
    result = stack.cli("backup", "prod")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "no space left on device" in result.stderr.lower() and "no restore point" in result.stderr
    assert _tags(stack) == set()
    assert not list((small_disk / "prod").glob("*.json"))
    assert [p.name for p in (small_disk / "prod").iterdir() if not p.name.startswith(".")] == []

    point = stack.backup("--no-images")  # a manifest still fits
    before = _tags(stack)
    assert before == {point["tag"]}
    _fill(small_disk)

    for _ in range(2):  # each try used to leave a tag behind
        result = stack.cli("backup", "prod", "--no-images")
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "could not be recorded" in result.stderr
        assert "no space left on device" in result.stderr.lower()
        assert "bug" not in result.stderr
    assert _tags(stack) == before
    assert [p.name for p in (small_disk / "prod").glob("*.json")] == [f"{point['tag']}.json"]

    web_id = stack.container("web").id
    for level in ("1", "3"):
        result = stack.cli("rollback", "prod", "--level", level, "--to", point["tag"],
                           "--execute", "--yes", "--force")
        assert result.exit_code == 2, result.stdout + result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "no space left on device" in result.stderr.lower()
        assert "nothing was changed" in result.stderr
        assert _tags(stack) == before  # no before-rollback tag without its manifest
        assert stack.log()[-1]["result"] == "precondition-failed"
    assert stack.container("web").id == web_id and stack.container("web").status == "running"
    assert stack.repo.git("status", "--porcelain") == ""
