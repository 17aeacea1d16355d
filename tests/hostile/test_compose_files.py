"""Compose files that compose accepts and that are odd: an optional env file that is not
there (``required: false``), dotted service names, profiles, a merge from an x- block."""

from __future__ import annotations

import json

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

CONFIG = """\
environments:
  local:
    git: .
    compose: {files: [dc.yml]}
    runtime: false
"""

ACCEPTED = {
    "optional env file missing": "services:\n  web:\n    image: busybox:1\n    env_file:\n"
                                 "      - path: missing.env\n        required: false\n",
    "dotted service name": "services:\n  web.v1:\n    image: busybox:1\n",
    "profiles": "services:\n  web:\n    image: busybox:1\n    profiles: [debug]\n"
                "  db:\n    image: busybox:1\n",
    "x- merge": "x-common: &c\n  image: busybox:1\nservices:\n  web:\n    <<: *c\n",
    "healthcheck disabled": "services:\n  web:\n    image: busybox:1\n"
                            "    healthcheck: {disable: true}\n",
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_what_compose_accepts_is_captured(repo: Repo, case: str) -> None:
    repo.write("dc.yml", ACCEPTED[case])
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    assert run_cli("check", cwd=repo.path).exit_code == 0


def test_optional_env_file_is_read_when_there(repo: Repo) -> None:
    repo.write("dc.yml", ACCEPTED["optional env file missing"])
    repo.write("missing.env", "MODE=dev\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    (path,) = (repo.path / "snapshots" / "local").glob("*.json")
    assert "missing.env" in json.loads(path.read_text())["env_files"]
