"""The engine adapter's image calls (used by backup and the rollback's checks) against the
real engine, and the health polling the rollback waits on, against real HTTP on loopback."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from envsync.capture.engine import has_image, image_digests, save_image
from envsync.capture.health import wait_for_checks
from envsync.config import HealthCheck
from envsync.secrets import Redactor
from tests.helpers.httpd import serve

MISSING = "sha256:" + "0" * 64


@pytest.mark.docker
def test_save_image_writes_a_whole_archive(docker_client: Any, busybox_image: str,
                                           tmp_path: Path) -> None:
    image_id = docker_client.images.get(busybox_image).id
    dest = tmp_path / "img.tar"
    save_image(docker_client, image_id, dest)
    with tarfile.open(dest) as tar:
        assert "manifest.json" in tar.getnames()
    assert [p.name for p in tmp_path.iterdir()] == ["img.tar"]  # no temp file left
    assert has_image(docker_client, image_id)
    assert isinstance(image_digests(docker_client, image_id), list)


@pytest.mark.docker
def test_a_missing_image_leaves_no_file(docker_client: Any, tmp_path: Path) -> None:
    assert not has_image(docker_client, MISSING)
    assert image_digests(docker_client, MISSING) == []
    from envsync.capture.engine import engine_errors

    with pytest.raises(engine_errors()):
        save_image(docker_client, MISSING, tmp_path / "x.tar")
    assert list(tmp_path.iterdir()) == []


class _Flaky(BaseHTTPRequestHandler):
    answers: ClassVar[list[int]] = []

    def do_GET(self) -> None:
        code = self.answers.pop(0) if self.answers else 200
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def flaky() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/health"
    server.shutdown()
    server.server_close()


def test_checks_are_retried_until_they_pass(flaky: str) -> None:
    _Flaky.answers = [503, 503]
    slept: list[float] = []
    results = wait_for_checks((HealthCheck(name="api", url=flaky),), Redactor(b"test-key"), wait_s=30,
                              sleep=lambda s: slept.append(s) or True)
    assert results["api"]["status"] == "ok"
    assert len(slept) == 2


def test_a_signal_stops_the_wait_with_the_results_so_far(flaky: str) -> None:
    _Flaky.answers = [503, 503, 503]
    results = wait_for_checks((HealthCheck(name="api", url=flaky),), Redactor(b"test-key"), wait_s=30,
                              sleep=lambda s: False)
    assert results["api"]["status"] == "failed"
    assert results["api"]["http_status"] == 503


def test_no_checks_no_wait() -> None:
    assert wait_for_checks((), Redactor(b"test-key"), wait_s=30, sleep=lambda s: False) == {}
