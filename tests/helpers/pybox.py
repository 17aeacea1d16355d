"""`envsync-test/pybox:1`: the busybox test image plus a `python` that just sleeps, so a
compose file can say `command: python main.py` as the production one did."""

from __future__ import annotations

import io
import tarfile
from typing import Any

import pytest

PYBOX_IMAGE = "envsync-test/pybox:1"
_PYTHON = b"#!/bin/sh\n# stands in for python: runs until stopped\nexec sleep 2147483647\n"


def _context(base: str) -> io.BytesIO:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data, mode in (
            ("Dockerfile", f"FROM {base}\nCOPY python /bin/python\n".encode(), 0o644),
            ("python", _PYTHON, 0o755),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = mode
            tar.addfile(info, io.BytesIO(data))
    buf.seek(0)
    return buf


@pytest.fixture(scope="session")
def pybox_image(docker_client: Any, busybox_image: str) -> str:
    """The tag of the pybox image, built (offline, from the local busybox one) if missing."""
    import docker.errors

    try:
        docker_client.images.get(PYBOX_IMAGE)
    except docker.errors.ImageNotFound:
        docker_client.images.build(fileobj=_context(busybox_image), custom_context=True,
                                   tag=PYBOX_IMAGE, rm=True)
    return PYBOX_IMAGE
