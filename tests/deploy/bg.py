"""The blue-green fixture: a git repository whose compose project runs a real HAProxy
(envsync/haproxy:2.6, the contract's config: tests/deploy/bluegreen/haproxy.cfg) in front of
a small app (tests/deploy/bluegreen/app.py on envsync/python-base:3.11), the app on an
``internal: true`` network, the proxy's public and preview frontends published on
127.0.0.1 on free ports. A release is a commit changing the app's env (VERSION, BAD, ...)."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject, free_port
from tests.helpers.git import Repo, make_repo

HERE = Path(__file__).parent / "bluegreen"
BASE_IMAGE = "envsync/python-base:3.11"
# Tagged by app.py's content: helpers and CI runs on one engine with different app.py
# versions must not re-tag each other's image mid-run.
APP_IMAGE = "envsync-test/bg-app:" + hashlib.sha256((HERE / "app.py").read_bytes()).hexdigest()[:12]
PROXY_IMAGE = "envsync/haproxy:2.6"
PROBE = "import urllib.request as u; u.urlopen('http://127.0.0.1:8001/health', timeout=2)"
COMPOSE = """\
services:
  app:
    image: {app_image}
    command: [python3, /app/app.py]
    environment:
      VERSION: "1"
    networks: [up]
    mem_limit: 64m
    stop_grace_period: 2s
    healthcheck:
      test: [CMD, python3, -c, "{probe}"]
      interval: 1s
      timeout: 5s
      retries: 3
      start_period: 30s
  proxy:
    image: {proxy_image}
    depends_on: {{app: {{condition: service_healthy}}}}
    networks: [up, edge]
    tmpfs: [/run/haproxy]
    ports: ["127.0.0.1:{public}:8080", "127.0.0.1:{preview}:8098"]
    volumes: ["./haproxy.cfg:/etc/haproxy/haproxy.cfg:ro"]
networks:
  up: {{internal: true}}
  edge: {{}}
"""
ENVSYNC_YAML = """\
environments:
  prod:
    git: .
    compose: {{files: [docker-compose.yml], project: {project}}}
    health:
      - {{name: app, url: "http://127.0.0.1:{public}/health"}}
    deploy:
      strategy: {{app: blue-green}}
      health_timeout: 15
      restore_images: none  # docker save of 400 MB per test: the rollback tests cover it
      watch_window: {window}
      proxy:
        service: proxy
        preview_url: http://127.0.0.1:{preview}
        backends: {{app: app}}
      smoke:
        app:
          - {{method: POST, path: /combined_price, json: {{symbol: BTCUSDT}}, expect: 200}}
"""


class BlueGreenStack:
    """The repository, its compose project, and what the tests read."""

    def __init__(self, repo: Repo, project: ComposeProject, window: float = 4) -> None:
        self.repo, self.project, self.client = repo, project, project.client
        self.public, self.preview = free_port(), free_port()
        shutil.copyfile(HERE / "haproxy.cfg", repo.path / "haproxy.cfg")
        self.file = repo.path / "docker-compose.yml"
        self.file.write_text(COMPOSE.format(app_image=APP_IMAGE, proxy_image=PROXY_IMAGE,
                                            probe=PROBE,
                                            public=self.public, preview=self.preview))
        repo.write(".gitignore", "snapshots/\n")
        repo.write("envsync.yaml", ENVSYNC_YAML.format(project=project.name, public=self.public,
                                                       preview=self.preview, window=window))
        self.good = repo.commit("production")
        project.files, project.workdir = [self.file], repo.path
        self.url = f"http://127.0.0.1:{self.public}"

    def up(self) -> None:
        self.project.compose("up", "-d", "--no-build", "--wait", "--wait-timeout", "60")
        import httpx

        # bounded: HAProxy's first check of the app (inter 1 s); a slot that could not
        # resolve `app` at the proxy's start does within a second (resolvers)
        for _ in range(120):
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        proxy = next(c for c in self.project.containers()
                     if c.labels.get("com.docker.compose.service") == "proxy")
        pytest.fail(f"the proxy never answered 200: {proxy.logs(tail=20).decode()[-800:]}")

    def release(self, *env: str) -> str:
        """Commit the app's env with ``VERSION: "2"`` and ``env`` lines (``BAD: smoke``),
        tag it v2, and put the working tree back at what runs."""
        text = self.file.read_text()
        extra = "".join(f"\n      {line}" for line in env)
        self.file.write_text(text.replace('VERSION: "1"', 'VERSION: "2"' + extra))
        release = self.repo.commit("release 2")
        self.repo.git("tag", "v2")
        self.repo.git("reset", "--hard", self.good)
        return release

    def cli(self, *args: str) -> Any:
        return run_cli(*args, cwd=self.repo.path)

    def apps(self) -> list[Any]:
        return [c for c in self.project.containers()
                if c.labels.get("com.docker.compose.service") == "app"]

    def log(self) -> list[dict[str, Any]]:
        path = self.repo.path / "snapshots" / "prod" / "deploys.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines()]

    def drift_code(self) -> int:
        result = self.cli("drift", "prod", "--fail-on", "low")
        assert result.exit_code in (0, 1), result.stderr
        if result.exit_code:
            print(result.stdout)
        return int(result.exit_code)


def _app_image(client: Any) -> str:
    """``envsync-test/bg-app:<app.py's hash>``: app.py on the python base (built offline, FROM a local
    image). Its own image, not the base: the HAProxy image carries the base's id as a
    label value, and envsync's redactor then treats that id as a secret."""
    import io
    import tarfile

    for image in (BASE_IMAGE, PROXY_IMAGE):
        if not client.images.list(name=image):
            pytest.fail(f"{image} is not in the engine: run scripts/build-images")
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in (("Dockerfile", f"FROM {BASE_IMAGE}\nCOPY app.py /app/app.py\n"
                            .encode()), ("app.py", (HERE / "app.py").read_bytes())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    buf.seek(0)
    client.images.build(fileobj=buf, custom_context=True, tag=APP_IMAGE, rm=True)
    return APP_IMAGE


@pytest.fixture(scope="session")
def bg_app_image(docker_client: Any) -> str:
    return _app_image(docker_client)


@pytest.fixture
def bg_stack_factory(tmp_path: Path, compose_project_factory: Callable[[], ComposeProject],
                     bg_app_image: str) -> Iterator[Callable[..., BlueGreenStack]]:
    def make(window: float = 4) -> BlueGreenStack:
        stack = BlueGreenStack(make_repo(tmp_path / "app"), compose_project_factory(),
                               window=window)
        stack.up()
        return stack

    yield make


@pytest.fixture
def bg_stack(bg_stack_factory: Callable[..., BlueGreenStack]) -> BlueGreenStack:
    return bg_stack_factory()
