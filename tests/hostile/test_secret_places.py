"""Secrets in places a compose file allows and nobody thinks of: a token as a label key, a
password in an image reference's user part, a learned secret inside a bind-mount path.
None may reach a stored snapshot or any report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

LABEL_KEY_TOKEN = "ghp_Lk9xQ2mW7vB4nR8tY3pZ6sD1fG5hJ0aE"
IMAGE_PASSWORD = "Zq8vN3xR7mK2pW9t"
DB_PASSWORD = "Hx4bT9qL2vM7nR3kQ"
CANARIES = (LABEL_KEY_TOKEN, IMAGE_PASSWORD, DB_PASSWORD)

COMPOSE = f"""\
services:
  web:
    image: "deploy:{IMAGE_PASSWORD}@registry.example.com/team/web:1"
    labels:
      "{LABEL_KEY_TOKEN}": "yes"
    volumes:
      - "/srv/data/{DB_PASSWORD}/pg:/data"
    env_file: [.env]
"""
CONFIG = """\
environments:
  local:
    git: .
    compose: {files: [docker-compose.yml], env_file: .env}
    runtime: false
"""


def _stored_text(root: Path) -> str:
    return "".join(p.read_text() for p in (root / "snapshots").rglob("*.json"))


def _assert_clean(text: str) -> None:
    for canary in CANARIES:
        pieces = {canary[i:i + 8] for i in range(len(canary) - 7)}
        leaked = [p for p in pieces if p in text]
        assert not leaked, (canary, leaked)


@pytest.fixture
def app(repo: Repo) -> Repo:
    repo.write("docker-compose.yml", COMPOSE)
    repo.write(".env", f"DB_PASSWORD={DB_PASSWORD}\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    return repo


def test_snapshot_keeps_no_secret_in_odd_places(app: Repo) -> None:
    result = run_cli("snapshot", "local", "--no-runtime", cwd=app.path)
    assert result.exit_code == 0, result.stderr
    _assert_clean(result.stdout + result.stderr + _stored_text(app.path))
    stored = _stored_text(app.path)
    # the rest of the reference stays readable, so drift of it is still visible
    assert "@registry.example.com/team/web:1" in stored
    assert "/srv/data/" in stored


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "sarif", "junit", "github"])
def test_drift_of_odd_places_shows_no_secret(app: Repo, fmt: str) -> None:
    assert run_cli("snapshot", "local", "--no-runtime", cwd=app.path).exit_code == 0
    app.write("docker-compose.yml", COMPOSE.replace('"yes"', '"no"').replace(":1\"", ":2\""))
    result = run_cli("diff", "local@latest", "local", "--no-runtime", "--format", fmt,
                     cwd=app.path)
    assert result.exit_code in (0, 1), result.stderr
    _assert_clean(result.stdout + result.stderr + _stored_text(app.path))


def test_image_digest_and_tag_stay_intact(repo: Repo) -> None:
    """``name:tag@sha256:…`` is no user and password: it must stay comparable."""
    ref = "busybox:1.36@sha256:" + "ab" * 32
    repo.write("docker-compose.yml", f"services:\n  web:\n    image: \"{ref}\"\n")
    repo.write("envsync.yaml", CONFIG.replace(", env_file: .env", ""))
    repo.commit("app")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=repo.path).exit_code == 0
    assert ref in _stored_text(repo.path)


SHORT_SECRET = "Mn4bV7cX1zL9kJ3h"  # too short for the entropy rule: only its place tells
MORE_PLACES = {
    "a label written as a list": "    labels: ['team=core', 'TOKEN=@S@']\n",
    "a password in an x- block": None,
    "curl -u in sh -c": "    command: ['sh', '-c', 'curl -u admin:@S@ http://api']\n",
    "curl --user as a string": "    command: curl --user admin:@S@ http://api\n",
    "curl -u as arguments": "    command: ['curl', '-u', 'admin:@S@', 'http://api']\n",
}


@pytest.mark.parametrize("case", sorted(MORE_PLACES))
def test_secret_known_by_its_place(repo: Repo, case: str) -> None:
    extra = MORE_PLACES[case]
    if extra is None:
        text = ("x-creds:\n  db:\n    password: @S@\n"
                "services:\n  web:\n    image: busybox:1\n")
    else:
        text = "services:\n  web:\n    image: busybox:1\n" + extra
    repo.write("docker-compose.yml", text.replace("@S@", SHORT_SECRET))
    repo.write("envsync.yaml", CONFIG.replace(", env_file: .env", ""))
    repo.commit("app")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    stored = _stored_text(repo.path)
    assert SHORT_SECRET[:8] not in stored and SHORT_SECRET[-8:] not in stored
    assert "busybox:1" in stored


def test_uid_gid_and_plain_options_stay(repo: Repo) -> None:
    repo.write("docker-compose.yml", "services:\n  web:\n    image: busybox:1\n"
               "    command: ['sh', '-c', 'sort -u a:b; docker run -u 1000:1000 x; python -u m']\n"
               "    labels: {maintainer: core-team}\n")
    repo.write("envsync.yaml", CONFIG.replace(", env_file: .env", ""))
    repo.commit("app")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=repo.path).exit_code == 0
    stored = _stored_text(repo.path)
    assert "sort -u a:b; docker run -u 1000:1000 x; python -u m" in stored
    assert "core-team" in stored
