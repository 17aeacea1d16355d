"""Issue 10: the webhook bot behind the proxy (production's overlay: TLS at the proxy) is
deployed blue-green; updates Telegram posts during the deploy all get 200 and are all
answered, each once. The bundled services on the real engine (compose_stack: the fakes in
containers, every port on 127.0.0.1); the test plays Telegram, posting to the proxy."""

from __future__ import annotations

import json
import ssl
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.helpers.cli import run_cli
from tests.helpers.git import make_repo
from tests.services.compose_stack import (
    WEBHOOK_SECRET,
    compose_stack,
    copy_services,
    require_engine,
    write_overlay,
)
from tests.services.test_proxy_tls import self_signed

pytestmark = [pytest.mark.docker, pytest.mark.slow]


def test_webhook_updates_posted_during_a_blue_green_deploy_all_answered(
        tmp_path: Path) -> None:
    require_engine()
    repo = make_repo(tmp_path / "app")
    services = copy_services(repo.path)
    overlay = services / "docker-compose.test.yml"
    ports = write_overlay(overlay, production=True, bot_mode="webhook")
    cert, key = self_signed(tmp_path)
    # compose's own environment (interpolation): where the certificate and key are.
    tls = {"WEBHOOK_TLS_CERT": str(cert), "WEBHOOK_TLS_KEY": str(key)}
    repo.write("services/tls.env", "".join(f"{k}={v}\n" for k, v in tls.items()))
    project = f"envsync-psvc-{uuid.uuid4().hex[:8]}"
    repo.write("envsync.yaml", f"""\
environments:
  prod:
    git: .
    compose:
      files: [services/docker-compose.base.yml, services/docker-compose.aws.yml,
              services/docker-compose.test.yml]
      project: {project}
      env_file: services/tls.env
    deploy:
      strategy: {{telegram-bot: blue-green}}
      health_timeout: 120  # a new bot's start on a busy 2-core machine
      watch_window: 3
      restore_images: none
      proxy:
        service: proxy
        preview_url: http://127.0.0.1:{ports['preview']}
        backends: {{telegram-bot: bot_webhook}}
      smoke:
        telegram-bot:
          - {{method: GET, path: /health, expect: 200}}
""")
    repo.write(".gitignore", "snapshots/\n")
    repo.commit("production")
    with compose_stack(tmp_path, production=True, bot_mode="webhook", env=tls,
                       services_dir=services, overlay=overlay, ports=ports,
                       project=project) as stack:
        old_bot = stack.container("telegram-bot")
        overlay.write_text(overlay.read_text().replace('"LOG_LEVEL": "INFO"',
                                                       '"LOG_LEVEL": "WARNING"'))
        repo.commit("release 2")

        url = f"https://127.0.0.1:{ports['webhook']}/telegram/webhook"
        answers: list[tuple[int, int | str]] = []
        stop = threading.Event()

        def telegram() -> None:  # Telegram posting an update every 100 ms, one chat each
            trusted = ssl.create_default_context(cafile=str(cert))
            with httpx.Client(verify=trusted, timeout=10) as client:
                chat = 2000
                while not stop.is_set():
                    update = stack.update("/start", chat_id=chat)
                    try:
                        status: int | str = client.post(url, json=update, headers={
                            "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}).status_code
                    except httpx.HTTPError as exc:
                        status = type(exc).__name__
                    answers.append((chat, status))
                    chat += 1
                    time.sleep(0.1)

        poster = threading.Thread(target=telegram)
        poster.start()
        try:
            time.sleep(1)
            result = run_cli("deploy", "prod", "--execute", "--format", "json", cwd=repo.path)
            time.sleep(1)
        finally:
            stop.set()
            poster.join(20)
        assert result.exit_code == 0, result.stdout + result.stderr
        outcome = json.loads(result.stdout)
        (record,) = outcome["blue_green"]
        assert record["service"] == "telegram-bot" and record["phase"] == "retired"
        assert stack.container("telegram-bot") != old_bot
        assert [a for a in answers if a[1] != 200] == [], "an update was not taken"
        sent = stack.wait_sent(len(answers), timeout=60)
        answered = Counter(m["chat_id"] for m in sent)
        assert sorted(answered) == sorted(chat for chat, _ in answers)
        assert [c for c, n in answered.items() if n > 1] == []
