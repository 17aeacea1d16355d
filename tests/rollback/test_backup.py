"""`envsync backup`: a snapshot, a tag per day (-2, -3), the running images saved with
their ids, a manifest; --list and --prune."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from envsync.human import size
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def test_backup_records_a_restore_point(stack: Stack) -> None:
    first = stack.backup()
    assert first["tag"].startswith("prod-stable-") and first["tag"].count("-") == 2
    assert first["commit"] == stack.good_commit
    assert stack.repo.git("rev-parse", f"{first['tag']}^{{commit}}") == stack.good_commit
    assert Path(first["snapshot"]).is_file()
    manifest = Path(first["manifest"])
    assert json.loads(manifest.read_text())["tag"] == first["tag"]
    for service in ("web", "worker"):
        rec = first["images"][service]
        assert rec["image_id"] == stack.good[service]
        assert rec["ref"] == stack.images[service]
        archive = manifest.parent / rec["archive"]
        assert archive.stat().st_size == rec["size"] > 0
        listing = subprocess.run(["tar", "-tf", str(archive)], capture_output=True, text=True,
                                 check=True).stdout
        assert "manifest.json" in listing
    assert sorted(first["saved"]) == sorted(stack.good.values())
    # the backups folder is never committed, and is not drift of the application
    assert (manifest.parent / ".gitignore").read_text().strip().endswith("*")
    assert stack.repo.git("status", "--porcelain") == ""

    second = stack.backup()
    third = stack.backup("--no-images")
    assert second["tag"] == first["tag"] + "-2"
    assert third["tag"] == first["tag"] + "-3"
    # the same image again is linked, not saved again
    assert second["saved"] == [] and sorted(second["reused"]) == sorted(stack.good.values())
    assert all(r["archive"] is None for r in third["images"].values())
    assert all(r["image_id"] for r in third["images"].values())

    listed = stack.cli("backup", "prod", "--list")
    assert listed.exit_code == 0
    for point in (first, second, third):
        assert point["tag"] in listed.stdout
    assert first["commit"][:12] in listed.stdout


def test_prune_keeps_the_newest(stack: Stack) -> None:
    points = [stack.backup() for _ in range(3)]
    refused = stack.cli("backup", "prod", "--prune", "1")  # CliRunner answers nothing: no
    assert refused.exit_code != 0 or "nothing pruned" in refused.stdout
    folder = Path(points[0]["manifest"]).parent
    assert all((folder / r["archive"]).is_file() for p in points for r in p["images"].values())
    result = stack.cli("backup", "prod", "--prune", "1", "--yes", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["pruned"] == [points[0]["tag"], points[1]["tag"]]
    listed = json.loads(stack.cli("backup", "prod", "--list", "--format", "json").stdout)
    by_tag = {p["tag"]: p for p in listed}
    for old in points[:2]:
        assert all(r["archive"] is None and r["pruned"] for r in by_tag[old["tag"]]["images"].values())
        assert not (folder / old["tag"]).exists()
    newest = by_tag[points[2]["tag"]]
    assert all((folder / r["archive"]).is_file() for r in newest["images"].values())


def test_prune_reports_the_bytes_really_freed(stack: Stack) -> None:
    """Points share an image's archive through hard links: deleting a link that a kept
    point still holds frees nothing, and the report says so."""
    first = stack.backup()
    second = stack.backup()  # both archives hard-linked from the first point
    stack.deploy_bad_image("web")
    third = stack.backup()  # web saved anew, worker linked a third time
    folder = Path(first["manifest"]).parent
    assert third["saved"] and third["reused"] == [stack.good["worker"]]
    web = folder / first["images"]["web"]["archive"]
    worker = folder / third["images"]["worker"]["archive"]
    assert web.stat().st_nlink == 2 and worker.stat().st_nlink == 3
    assert second["images"]["web"]["size"] == web.stat().st_size

    # keep the newest: the good web image goes (its two links are both pruned); the
    # worker's archive is still linked from the kept point, so its two links free nothing
    result = stack.cli("backup", "prod", "--prune", "1", "--yes")
    assert result.exit_code == 0, result.stderr
    assert (f"freed {size(first['images']['web']['size'])}"
            " (2 archives shared with kept points freed nothing)") in result.stdout
    assert not web.exists() and worker.stat().st_nlink == 1

    last = stack.cli("backup", "prod", "--prune", "0", "--yes", "--format", "json")
    freed = json.loads(last.stdout)
    kept_bytes = sum({r["archive"]: r["size"] for r in third["images"].values()}.values())
    assert (freed["freed_bytes"], freed["shared_archives"]) == (kept_bytes, 0)
