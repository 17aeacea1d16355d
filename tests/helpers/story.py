"""The production story's stage: a repository whose compose project runs on the engine,
with one secret in its env file. Shared by the drift, patch and report tests."""

from __future__ import annotations

import json
from typing import Any

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo

__all__ = ["COMPOSE", "SECRET", "Story"]

COMPOSE = """\
# the committed production file
services:
  telegram-bot:
    image: {image}
    command: python main_webhook.py
    network_mode: none
    environment:
      LOG_LEVEL: info
      TELEGRAM_TOKEN: ${{TELEGRAM_TOKEN}}
    mem_limit: 64m
  market-data:
    image: {image}
    command: python -m services.market_data
    network_mode: none
"""
SECRET = "5550001111:AAE-runtime-secret-never-printed"


class Story:
    """A repository whose compose project runs on the engine."""

    def __init__(self, repo: Repo, project: ComposeProject, image: str) -> None:
        self.repo = repo
        self.project = project
        self.file = repo.path / "docker-compose.yml"
        repo.write("docker-compose.yml", COMPOSE.format(image=image))
        repo.write(".env", f"TELEGRAM_TOKEN={SECRET}\n")
        repo.write(".gitignore", ".env\nsnapshots/\n")
        repo.write("envsync.yaml", f"""\
environments:
  prod:
    git: .
    compose: {{files: [docker-compose.yml], project: {project.name}, env_file: .env}}
""")
        repo.commit("production config")
        project.files = [self.file]
        project.workdir = repo.path

    def up(self, *services: str) -> None:
        self.project.compose("--env-file", ".env", "up", "-d", "--no-build", *services)

    def drift(self, *args: str) -> tuple[int, list[dict[str, Any]], str]:
        result = run_cli("drift", "prod", "--format", "json", *args, cwd=self.repo.path)
        assert result.exit_code in (0, 1), result.stderr
        assert SECRET not in result.stdout + result.stderr
        return result.exit_code, json.loads(result.stdout)["findings"], result.stderr

    def container(self, service: str) -> Any:
        return next(c for c in self.project.containers()
                    if c.labels.get("com.docker.compose.service") == service)
