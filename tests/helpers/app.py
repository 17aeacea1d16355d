"""A small compose application in a real git repository: a base file, one overlay and one
env file per environment, each environment on its own branch."""

from __future__ import annotations

from tests.helpers.git import Repo

__all__ = ["BASE", "PLANTED_SECRET", "write_two_branch_app"]

PLANTED_SECRET = "7302912345:AAH-planted-S3cr3t-value-do-not-leak"

BASE = """\
# shared by every environment
services:
  telegram-bot:
    image: envsync-test/bot:${BOT_TAG:-1}
    command: python main_webhook.py
    env_file: [.env]
    restart: unless-stopped
  market-data:
    image: envsync-test/market:1
    ports: ["127.0.0.1:8001:8001"]
    environment:
      LOG_LEVEL: info
"""

LOCAL_OVERLAY = """\
services:
  telegram-bot:
    environment:
      BOT_MODE: webhook
"""

PROD_OVERLAY = """\
services:
  telegram-bot:
    command: python main.py
    environment:
      BOT_MODE: polling
  market-data:
    image: envsync-test/market:2
    ports: !override ["127.0.0.1:9001:8001"]
"""


def write_two_branch_app(repo: Repo) -> None:
    """main: the base file; branch `local`: local overlay + .env; branch `prod`: prod overlay
    + .env with another value, one key fewer and the planted secret changed."""
    repo.write("services/docker-compose.base.yml", BASE)
    repo.write("services/.env", f"TELEGRAM_TOKEN={PLANTED_SECRET}\nCACHE_TTL=5\nFEATURE_X=on\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "local")
    repo.write("services/docker-compose.local.yml", LOCAL_OVERLAY)
    repo.write("services/.env.local", "BOT_TAG=1\n")
    repo.commit("local overlay")
    repo.git("checkout", "-q", "main")
    repo.git("checkout", "-q", "-b", "prod")
    repo.write("services/docker-compose.local.yml", PROD_OVERLAY)
    repo.write("services/.env.local", "BOT_TAG=2\nREGION=eu\n")
    repo.write("services/.env",
               f"TELEGRAM_TOKEN={PLANTED_SECRET}-rotated\nCACHE_TTL=60\n")
    repo.commit("prod overlay")
    repo.git("checkout", "-q", "main")
    repo.write("envsync.yaml", """\
project: demo
environments:
  local:
    git: {path: ., branch: local}
    compose: {files: [services/docker-compose.base.yml, services/docker-compose.local.yml],
              project: demo-local, env_file: services/.env.local}
  prod:
    git: {path: ., branch: prod}
    compose: {files: [services/docker-compose.base.yml, services/docker-compose.local.yml],
              project: demo-prod, env_file: services/.env.local}
""")
