"""A dry run (no --execute) changes nothing: the engine's containers and image tags, every
file of the working tree and the snapshots folder, and git's HEAD, refs and tags are
byte-for-byte the same before and after, for every level."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def _files(root: Path) -> dict[str, str]:
    """Every file under ``root`` (the working tree, snapshots and backups included), and
    git's HEAD, refs and packed-refs; .git's index and object store are left out: `git
    status` may refresh the index's stat cache without changing what it records."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or (rel.startswith(".git/") and not (
                rel in (".git/HEAD", ".git/packed-refs") or rel.startswith(".git/refs/"))):
            continue
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _engine(stack: Stack) -> dict[str, Any]:
    containers = {c.id: (c.status, c.image.id, c.attrs["State"]["StartedAt"])
                  for c in stack.project.containers()}
    tags = {ref: stack.client.images.get(ref).id for ref in stack.images.values()}
    # Only this stack's images: other tests build and remove images on the same engine.
    prefix = stack.images["web"].rsplit("-web:", 1)[0]
    mine = stack.client.images.list(filters={"reference": f"{prefix}-*"})
    present = {i.id for i in stack.client.images.list(all=True)}
    return {"containers": containers, "tags": tags,
            # an image another stack built from the same content shares the id: own tags only
            "images": sorted((i.id, tuple(sorted(t for t in i.tags if t.startswith(prefix))))
                             for i in mine),
            "good images present": {s: iid in present for s, iid in stack.good.items()}}


def test_dry_run_changes_nothing(stack: Stack, tmp_path: Path) -> None:
    point = stack.backup()
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: bad"))
    stack.repo.commit("bad config")
    stack.deploy_bad_image("web")
    before_files, before_engine = _files(stack.repo.path), _engine(stack)
    assert any(p.startswith("snapshots/prod/backups/") for p in before_files)
    assert len(before_engine["images"]) == 2  # the tagged ones: good worker, bad web
    for level in ("1", "2", "3"):
        result = stack.cli("rollback", "prod", "--level", level, "--to", point["tag"])
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("#!/usr/bin/env bash\n")
        assert "set -euo pipefail" in result.stdout
        written = stack.cli("rollback", "prod", "--level", level, "--script",
                            str(tmp_path / f"plan{level}.sh"), "--to", point["tag"])
        assert written.exit_code == 0
        assert (tmp_path / f"plan{level}.sh").read_text() == result.stdout
        assert _files(stack.repo.path) == before_files
        assert _engine(stack) == before_engine
    assert not (stack.repo.path / "snapshots" / "prod" / "rollbacks.jsonl").exists()
