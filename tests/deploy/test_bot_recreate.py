"""Issue 10: a polling bot cannot run twice (two pollers of one token conflict at Telegram),
so `envsync deploy` recreates it; Telegram keeps the updates nobody fetched, so no message
is lost. Proved with the bundled services on the real engine (compose_stack: the fakes in
containers, every port on 127.0.0.1): messages sent through the fake Bot API all through a
deploy that recreates the bot are each answered exactly once."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.git import make_repo
from tests.services.compose_stack import compose_stack, copy_services, require_engine, write_overlay

pytestmark = [pytest.mark.docker, pytest.mark.slow]


def test_a_recreated_polling_bot_answers_every_message_once(tmp_path: Path) -> None:
    require_engine()
    repo = make_repo(tmp_path / "app")
    services = copy_services(repo.path)
    overlay = services / "docker-compose.test.yml"
    ports = write_overlay(overlay, bot_env={"ALLOWED_CHAT_IDS": ""})
    project = f"envsync-psvc-{uuid.uuid4().hex[:8]}"
    repo.write("envsync.yaml", f"""\
environments:
  local:
    git: .
    compose:
      files: [services/docker-compose.base.yml, services/docker-compose.test.yml]
      project: {project}
    deploy:
      strategy: {{telegram-bot: recreate}}
      health_timeout: 60
      restore_images: none  # docker save of four images would be most of the test's time
""")
    repo.write(".gitignore", "snapshots/\nbackups/\n")
    repo.commit("the services")
    with compose_stack(tmp_path, services_dir=services, overlay=overlay, ports=ports,
                       project=project) as stack:
        bot_before = stack.container("telegram-bot")
        # The release: a new setting for the bot only (the others keep running).
        overlay.write_text(overlay.read_text().replace('"LOG_LEVEL": "INFO"',
                                                       '"LOG_LEVEL": "WARNING"'))
        repo.commit("release 2")

        pushed: list[int] = []
        stop = threading.Event()

        def send() -> None:  # a user writing every 100 ms, each message its own chat
            chat = 1000
            while not stop.is_set():
                stack.push("/price BTC", chat_id=chat)
                pushed.append(chat)
                chat += 1
                time.sleep(0.1)

        sender = threading.Thread(target=send)
        sender.start()
        try:
            time.sleep(1)
            result = run_cli("deploy", "local", "--execute", "--format", "json", cwd=repo.path)
            time.sleep(1)
        finally:
            stop.set()
            sender.join(10)
        assert result.exit_code == 0, result.stdout + result.stderr
        outcome = json.loads(result.stdout)
        assert outcome["result"] == "ok"
        assert stack.container("telegram-bot") != bot_before  # recreated

        sent = stack.wait_sent(len(pushed), timeout=60)
        answered = Counter(m["chat_id"] for m in sent)
        assert sorted(answered) == sorted(pushed), "a message was never answered"
        assert [c for c, n in answered.items() if n > 1] == [], "a message answered twice"
        assert all(m["text"] for m in sent)
        # Some were sent while no bot polled: the new bot's first poll fetched them.
        first_polls = [p for p in stack.polls() if p["fresh"]]
        assert len(first_polls) == 2  # the first bot, then the recreated one
        assert first_polls[1]["returned"], "nothing was pending when the new bot started"
