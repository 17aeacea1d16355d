"""The fake Bot API keeps Telegram's getUpdates semantics, which the polling bot's restart
(a deploy's recreate) relies on: updates wait until a higher offset confirms them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.fakes.telegram import FakeBotApi


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi(max_poll_seconds=2.0) as fake:
        yield fake


def call(api: FakeBotApi, method: str, **params: Any) -> httpx.Response:
    return httpx.post(f"{api.url}/bot{api.token}/{method}", json=params, timeout=10)


def ids(answer: httpx.Response) -> list[int]:
    assert answer.status_code == 200, answer.text
    return [u["update_id"] for u in answer.json()["result"]]


def test_updates_stay_until_a_higher_offset_confirms_them(api: FakeBotApi) -> None:
    first, second, third = (api.push_text(f"/price {c}")["update_id"] for c in "ABC")
    assert ids(call(api, "getUpdates")) == [first, second, third]
    # Not confirmed: delivered again (a bot that died before confirming sees them again).
    assert ids(call(api, "getUpdates", offset=first)) == [first, second, third]
    assert ids(call(api, "getUpdates", offset=second + 1)) == [third]
    # Confirmed ones never come back, even with a lower offset later.
    assert ids(call(api, "getUpdates", offset=first)) == [third]
    assert ids(call(api, "getUpdates", offset=third + 1, timeout=0)) == []


def test_limit_and_negative_offset(api: FakeBotApi) -> None:
    pushed = [api.push_text(str(n))["update_id"] for n in range(5)]
    assert ids(call(api, "getUpdates", limit=2)) == pushed[:2]
    # -2: the last two; every earlier one is forgotten.
    assert ids(call(api, "getUpdates", offset=-2)) == pushed[3:]
    assert ids(call(api, "getUpdates")) == pushed[3:]


def test_a_second_poller_ends_the_first_with_409(api: FakeBotApi) -> None:
    answers: list[httpx.Response] = []
    first = threading.Thread(target=lambda: answers.append(call(api, "getUpdates", timeout=2)))
    first.start()
    api.wait_call("getUpdates", timeout=5)
    second = call(api, "getUpdates", timeout=0)
    first.join(10)
    assert second.status_code == 200
    assert answers[0].status_code == 409
    assert "terminated by other getUpdates request" in answers[0].json()["description"]


def test_get_updates_while_a_webhook_is_set_is_409(api: FakeBotApi) -> None:
    assert call(api, "setWebhook", url="https://bot.example.com/hook").status_code == 200
    answer = call(api, "getUpdates")
    assert answer.status_code == 409
    assert "webhook is active" in answer.json()["description"]
    call(api, "deleteWebhook")
    assert ids(call(api, "getUpdates")) == []


def test_control_api_for_a_fake_in_a_container(api: FakeBotApi) -> None:
    pushed = httpx.post(f"{api.url}/_fake/push", json={"text": "/start", "chat_id": 7}).json()
    assert ids(call(api, "getUpdates")) == [pushed["update_id"]]
    call(api, "sendMessage", chat_id=7, text="hi")
    assert httpx.get(f"{api.url}/_fake/sent").json()[0]["text"] == "hi"
    assert httpx.get(f"{api.url}/_fake/calls").json()["sendMessage"] == 1
