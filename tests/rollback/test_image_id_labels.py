"""An image whose label holds another image's id (scripts/build-images labels the redis and
haproxy images with their base's id): the id is no secret, and `envsync backup` saves the
other image. The scrubbed id once replaced the real one in the snapshot, and `docker save
secret:hmac-sha256:…` stopped backup and deploy with exit 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.rollback.conftest import Stack, build_variant

pytestmark = pytest.mark.docker


def test_backup_saves_an_image_whose_id_another_image_labels(
        stack_factory: Callable[..., Stack]) -> None:
    stack = stack_factory()
    base = stack.good["web"]
    labels = {"envsync.base": base,  # as build-images writes it
              "build.signing-key": base}  # a secret-looking key: still an id
    dockerfile = "".join(f"LABEL {k}={v}\n" for k, v in labels.items())
    worker = build_variant(stack.client, stack.images["web"], stack.images["worker"],
                           "labelled\n", extra=dockerfile)
    stack.up("--force-recreate", "worker")

    point = stack.backup()
    assert point["images"]["web"]["image_id"] == base
    assert point["images"]["worker"]["image_id"] == worker
    assert sorted(point["saved"]) == sorted([base, worker])
    folder = Path(point["manifest"]).parent
    assert (folder / point["images"]["web"]["archive"]).stat().st_size > 0
    snapshot = json.loads(Path(point["snapshot"]).read_text())
    assert snapshot["containers"]["web"]["image_id"] == base
    stored = snapshot["containers"]["worker"]["labels"]
    assert stored["envsync.base"] == stored["build.signing-key"] == base
