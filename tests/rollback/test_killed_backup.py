"""What a backup killed during `docker save` leaves (a point's folder with archives, no
manifest, no tag) is removed by the next backup, archives only: kept copies and other
points stay."""

from __future__ import annotations

import pytest

from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def test_the_next_backup_removes_a_killed_backups_archives(stack: Stack) -> None:
    old = stack.backup()
    folder = stack.repo.path / "snapshots" / "prod" / "backups"
    old_archives = sorted((folder / old["tag"]).iterdir())
    left = folder / "prod-stable-20200101"  # as a kill -9 mid `docker save` leaves it
    left.mkdir()
    (left / ("a" * 64 + ".tar")).write_bytes(b"\0" * 4096)
    (left / (".b" + "b" * 63 + ".tar.tmp")).write_bytes(b"\0" * 1024)
    (left / "kept-20200101T000000Z").mkdir()
    (left / "kept-20200101T000000Z" / ".env").write_text("A=1\n")
    tagged = folder / "prod-stable-20200102"  # a manifest gone, its tag still there
    tagged.mkdir()
    (tagged / ("c" * 64 + ".tar")).write_bytes(b"\0" * 10)
    stack.repo.git("tag", "prod-stable-20200102")

    stack.backup("--no-images")
    assert sorted(p.name for p in left.rglob("*")) == [".env", "kept-20200101T000000Z"]
    assert (tagged / ("c" * 64 + ".tar")).exists()
    assert sorted((folder / old["tag"]).iterdir()) == old_archives
