"""Unlucky file systems, for real: a read-only folder and a nearly full disk.

As root (the test machines), both are small tmpfs mounts: permission bits do not stop
root, a read-only mount does. Elsewhere a read-only folder is a chmod 555 folder.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

__all__ = ["full_disk", "readonly_dir"]


def _mount_tmpfs(path: Path, options: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        pytest.fail(f"cannot mount a tmpfs at {path}: {proc.stderr.strip()}")


@pytest.fixture
def readonly_dir(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """``readonly_dir(path)`` makes ``path`` a folder nobody (root included) can write."""
    mounted: list[Path] = []
    chmodded: list[Path] = []

    def make(path: Path) -> Path:
        if os.geteuid() == 0:
            _mount_tmpfs(path, "ro,size=64k")
            mounted.append(path)
        else:
            path.mkdir(parents=True, exist_ok=True)
            path.chmod(0o555)
            chmodded.append(path)
        return path

    yield make
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=False)
    for path in chmodded:
        path.chmod(0o755)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """``full_disk(path)`` makes ``path`` a 64 KiB file system with no space left."""
    mounted: list[Path] = []

    def make(path: Path) -> Path:
        if os.geteuid() != 0:
            pytest.skip("a full disk is a tmpfs mount: needs root")
        _mount_tmpfs(path, "size=64k")
        mounted.append(path)
        fd = os.open(path / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
        finally:
            os.close(fd)
        return path

    yield make
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=False)
