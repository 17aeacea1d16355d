"""A small production stack for backup and rollback tests: a git repository whose compose
project (two services, each on its own image, `network_mode: none`) runs on the engine.

Each stack tags its own images (``envsync-test/rb-<hex>-web:1``, ``…-worker:1``) from the
pybox image, so a test can deploy a bad image under the same tag without touching the
images other tests use. Everything is removed at the end.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import secrets
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo, make_repo
from tests.helpers.httpd import serve

COMPOSE = """\
# production
services:
  web:
    image: {web}
    command: python main_webhook.py
    network_mode: none
    stop_grace_period: 1s  # pybox's python ignores SIGTERM: do not wait 10 s per recreate
    environment:
      LOG_LEVEL: info
      TELEGRAM_TOKEN: ${{TELEGRAM_TOKEN}}
  worker:
    image: {worker}
    command: python -m services.market_data
    network_mode: none
    stop_grace_period: 1s
"""
SECRET = "5550001111:AAE-rollback-secret-never-printed"
HASH_LABEL = "com.docker.compose.config-hash"


def build_variant(client: Any, base: str, tag: str, content: str, extra: str = "") -> str:
    """An image FROM ``base`` with ``/variant`` holding ``content`` (so each is distinct)
    and ``extra`` Dockerfile lines; returns its id."""
    buf = io.BytesIO()
    dockerfile = f"FROM {base}\nCOPY variant /variant\n{extra}"
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in (("Dockerfile", dockerfile.encode()),
                           ("variant", content.encode())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    buf.seek(0)
    image, _ = client.images.build(fileobj=buf, custom_context=True, tag=tag, rm=True)
    return str(image.id)


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *_: Any) -> None:
        pass


class Stack:
    """The repository, its compose project, and helpers to break and inspect it."""

    def __init__(self, repo: Repo, project: ComposeProject, base_image: str,
                 health_url: str | None, compose_name: str = "docker-compose.yml",
                 env_file: str = ".env", env_extra: str = "") -> None:
        self.repo = repo
        self.project = project
        self.client = project.client
        self.env_name = "prod"
        token = secrets.token_hex(4)
        self.images = {s: f"envsync-test/rb-{token}-{s}:1" for s in ("web", "worker")}
        self.good = {s: build_variant(self.client, base_image, ref, f"good {s} {token}\n")
                     for s, ref in self.images.items()}
        self.base_image = base_image
        self.compose_name = compose_name
        self.env_file = env_file
        self.file = repo.path / self.compose_name
        repo.write(self.compose_name, COMPOSE.format(**self.images))
        repo.write(self.env_file, f"TELEGRAM_TOKEN={SECRET}\n{env_extra}")
        # git's ignore syntax: a leading backslash keeps `#`/`!` literal; no globs used here
        repo.write(".gitignore", f"/{self.env_file}\nsnapshots/\n")
        health = (f"\n    health:\n      - {{name: api, url: '{health_url}'}}"
                  if health_url else "")
        files, env_path = json.dumps([self.compose_name]), json.dumps(self.env_file)
        repo.write("envsync.yaml", f"""\
environments:
  prod:
    git: .
    compose: {{files: {files}, project: {project.name}, env_file: {env_path}}}{health}
""")
        self.good_commit = repo.commit("production config")
        project.files = [self.file]
        project.workdir = repo.path

    def cli(self, *args: str) -> Any:
        result = run_cli(*args, cwd=self.repo.path)
        assert SECRET not in result.stdout + result.stderr
        return result

    def up(self, *args: str) -> None:
        self.project.compose("--env-file", self.env_file, "up", "-d", "--no-build", *args)

    def container(self, service: str) -> Any:
        return next(c for c in self.project.containers()
                    if c.labels.get("com.docker.compose.service") == service)

    def running_image(self, service: str) -> str:
        return str(self.container(service).image.id)

    def backup(self, *args: str) -> dict[str, Any]:
        result = self.cli("backup", self.env_name, "--format", "json", *args)
        assert result.exit_code == 0, result.stderr
        data: dict[str, Any] = json.loads(result.stdout)
        return data

    def deploy_bad_image(self, *services: str) -> dict[str, str]:
        """Build a different image for each service, tag it over the ref, recreate."""
        bad = {s: build_variant(self.client, self.base_image, self.images[s], f"bad {s}\n")
               for s in services}
        self.up("--force-recreate", *services)
        return bad

    def diff_against(self, snapshot: str, *ignores: str) -> tuple[int, list[dict[str, Any]]]:
        args = ["diff", snapshot, self.env_name, "--format", "json"]
        for glob in ignores:
            args += ["--ignore", glob]
        result = self.cli(*args)
        assert result.exit_code in (0, 1), result.stderr
        return result.exit_code, json.loads(result.stdout)["findings"]

    def log(self) -> list[dict[str, Any]]:
        path = self.repo.path / "snapshots" / self.env_name / "rollbacks.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines()]

    def cleanup(self) -> None:
        import docker.errors

        self.project.cleanup()
        for ref in self.images.values():
            with contextlib.suppress(docker.errors.APIError):
                self.client.images.remove(ref, force=True)


@pytest.fixture
def health_url() -> Iterator[str]:
    """A health endpoint on 127.0.0.1 that answers 200."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/health"
    server.shutdown()
    server.server_close()


@pytest.fixture
def stack_factory(tmp_path: Path, compose_project_factory: Callable[[], ComposeProject],
                  pybox_image: str) -> Iterator[Callable[..., Stack]]:
    made: list[Stack] = []

    def make(folder: str = "app", health_url: str | None = None, **names: str) -> Stack:
        stack = Stack(make_repo(tmp_path / folder), compose_project_factory(), pybox_image,
                      health_url, **names)
        made.append(stack)
        stack.up()
        return stack

    yield make
    for stack in made:
        stack.cleanup()


@pytest.fixture
def stack(stack_factory: Callable[..., Stack], health_url: str) -> Stack:
    return stack_factory(health_url=health_url)
