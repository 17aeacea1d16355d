"""Restore-point manifests are validated: their schema, names that match the file, and
paths that stay inside the backups folder (archives) and the snapshots folder (the
snapshot). A bad one is reported in one line naming the file and skipped: `--list`, a
new backup, a rollback to another point and `--prune` go on, and its paths never reach
`rm` or `docker load`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from envsync.rollback.points import list_points
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.malformed_documents  # bad manifests, on purpose

TAG = "prod-stable-20261129"


def _good(folder: Path, snapshots: Path, tag: str = TAG) -> dict[str, Any]:
    return {"schema": "envsync.restore-point/v1", "tag": tag, "environment": "prod",
            "kind": "backup", "time": "2026-11-29T07:15:00.000000Z", "commit": "c" * 40,
            "snapshot": str(snapshots / "prod" / "20261129T071500Z.json"), "dirty": False,
            "images": {"web": {"service": "web", "ref": "app:1",
                               "image_id": "sha256:" + "a" * 64, "digests": [],
                               "archive": f"{tag}/{'a' * 64}.tar", "size": 3,
                               "pruned": False}}}


def _write(folder: Path, name: str, data: Any) -> None:
    text = data if isinstance(data, str) else json.dumps(data)
    (folder / f"{name}.json").write_text(text)


@pytest.mark.parametrize(("name", "edit", "problem"), [
    ("prod-stable-20261101", lambda d: d["images"]["web"].update(
        archive="../../../../victim.txt"), "points outside the backups folder"),
    ("prod-stable-20261111", lambda d: d["images"]["web"].update(
        archive="/etc/passwd"), "points outside the backups folder"),
    ("prod-stable-20261102", lambda d: d["images"]["web"].update(
        archive="prod-stable-20261129/aaa.tar"), "is outside"),
    ("prod-stable-20261103", lambda d: d.update(snapshot="/etc/passwd"), "is outside"),
    ("prod-stable-20261104", lambda d: d.update(tag="prod-stable-20261199"),
     "does not match the file name"),
    ("x..y", lambda d: d.update(tag="x..y"), "not a valid git tag name"),
    ("prod-stable-20261105", lambda d: d.update(tag="--upload-pack=evil"), "$.tag"),
    ("prod-stable-20261106", lambda d: d.update(environment="staging"),
     "does not match the folder"),
    ("prod-stable-20261107", lambda d: d.update(schema="envsync.restore-point/v9"),
     "$.schema"),
    ("prod-stable-20261108", lambda d: d.update(time="yesterday"), "$.time"),
    ("prod-stable-20261109", lambda d: d.pop("images"), 'missing key "images"'),
    ("prod-stable-20261110", lambda d: "{not json", "not valid JSON"),
    ("prod-stable-20261112", lambda d: "[" * 5000, "nested deeper than"),
])
def test_a_bad_manifest_is_reported_and_skipped(tmp_path: Path, name: str, edit: Any,
                                                problem: str) -> None:
    snapshots = tmp_path / "snapshots"
    folder = snapshots / "prod" / "backups"
    folder.mkdir(parents=True)
    _write(folder, TAG, _good(folder, snapshots))
    bad = _good(folder, snapshots, name)
    out = edit(bad)  # edits the manifest in place, or returns the file's text
    _write(folder, name, out if isinstance(out, str) else bad)
    warnings: list[str] = []
    points = list_points(folder, snapshots_dir=snapshots, warn=warnings.append)
    assert [p.tag for p in points] == [TAG]
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert warnings[0].startswith(str(folder / f"{name}.json"))
    assert problem in warnings[0] and warnings[0].endswith("skipped")


def test_an_archive_symlinked_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    snapshots = tmp_path / "snapshots"
    folder = snapshots / "prod" / "backups"
    (folder / TAG).mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (folder / TAG / f"{'a' * 64}.tar").symlink_to(victim)
    _write(folder, TAG, _good(folder, snapshots))
    warnings: list[str] = []
    assert list_points(folder, snapshots_dir=snapshots, warn=warnings.append) == []
    assert "is outside" in warnings[0]


@pytest.mark.docker
def test_a_hostile_manifest_blocks_nothing_and_deletes_nothing(stack: Stack,
                                                               tmp_path: Path) -> None:
    first = stack.backup()
    folder = Path(first["manifest"]).parent
    victim = tmp_path / "victim.txt"
    victim.write_text("not an archive\n")
    hostile = json.loads(Path(first["manifest"]).read_text())
    hostile["tag"] = "prod-stable-19990101"
    for rec in hostile["images"].values():
        rec["archive"] = "../" * (len(folder.relative_to(tmp_path).parts)) + "victim.txt"
    _write(folder, "prod-stable-19990101", hostile)
    _write(folder, "prod-stable-19990102", "{garbage")

    listed = stack.cli("backup", "prod", "--list")
    assert listed.exit_code == 0, listed.stderr
    assert first["tag"] in listed.stdout and "19990101" not in listed.stdout
    warnings = [ln for ln in listed.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 2
    assert any("prod-stable-19990101.json" in w and "archive" in w for w in warnings)

    second = stack.backup()  # a new backup, reusing the good point's archives
    assert sorted(second["reused"]) == sorted(stack.good.values())

    stack.deploy_bad_image("web")
    back = stack.cli("rollback", "prod", "--level", "2", "--to", first["tag"], "--execute",
                     "--yes")
    assert back.exit_code == 0, back.stdout + back.stderr
    assert stack.running_image("web") == stack.good["web"]
    refused = stack.cli("rollback", "prod", "--level", "2", "--to", "prod-stable-19990101")
    assert refused.exit_code == 2 and "no restore point" in refused.stderr

    pruned = stack.cli("backup", "prod", "--prune", "0", "--yes")
    assert pruned.exit_code == 0, pruned.stderr
    assert victim.read_text() == "not an archive\n"
    assert (folder / "prod-stable-19990101.json").is_file()  # reported, never rewritten
