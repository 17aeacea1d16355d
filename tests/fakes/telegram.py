"""A fake Telegram Bot API as a real HTTP server on 127.0.0.1.

Methods are served at /bot<token>/<method>, as python-telegram-bot calls them when its
base URL (TELEGRAM_API_BASE) points here. Implemented: getMe, setWebhook, deleteWebhook,
getWebhookInfo, getUpdates (long polling over updates the test feeds), sendMessage (recorded);
any other method answers ok/true. Parameters are read from form, multipart-free form or JSON
bodies (PTB sends forms, so `chat_id` arrives as a string).

Use in tests:
    with FakeBotApi() as api:
        env = api.env()                # TELEGRAM_API_BASE, TELEGRAM_BOT_TOKEN
        api.push_text("/price BTC", chat_id=42)
        sent = api.wait_sent(1)        # [{"chat_id": 42, "text": ...}]
Faults: `api.fail_next("sendMessage", 2)` answers the next two sendMessage calls with 502;
`api.down = True` makes every call answer 502.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from typing import Any
from urllib.parse import parse_qs

from tests.fakes._server import FakeHttpServer, Reply, Request, json_reply

__all__ = ["DEFAULT_TOKEN", "FakeBotApi"]

DEFAULT_TOKEN = "123456789:TEST-token-for-the-fake-bot-api"
BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "Fake", "username": "fake_envsync_bot",
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False}


class FakeBotApi:
    """The fake; all state behind one condition variable, so tests can wait on it."""

    def __init__(self, *, token: str = DEFAULT_TOKEN, port: int = 0,
                 max_poll_seconds: float = 1.0) -> None:
        self.token = token
        self.sent: list[dict[str, Any]] = []
        self.calls: Counter[str] = Counter()
        self.webhook: dict[str, Any] | None = None
        self.webhook_history: list[dict[str, Any]] = []
        self.delete_webhook_params: list[dict[str, Any]] = []
        self.get_updates_params: list[dict[str, Any]] = []
        self.down = False
        # Long polls are capped so a stopping bot is never held for the client's full timeout.
        self.max_poll_seconds = max_poll_seconds
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1000
        self._next_message_id = 1
        self._failures: Counter[str] = Counter()
        self._cond = threading.Condition()
        self._http = FakeHttpServer(self, port)

    # --- control -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self._http.url

    def env(self) -> dict[str, str]:
        """The bot's Telegram settings pointing at this fake."""
        return {"TELEGRAM_API_BASE": self.url, "TELEGRAM_BOT_TOKEN": self.token}

    def make_update(self, text: str, chat_id: int = 42) -> dict[str, Any]:
        """An Update with a private-chat text message, as Telegram would send it."""
        with self._cond:
            self._next_update_id += 1
            self._next_message_id += 1
            update_id, message_id = self._next_update_id, self._next_message_id
        entities = []
        if text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return {"update_id": update_id, "message": {
            "message_id": message_id, "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Tester"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Tester"},
            "text": text, "entities": entities,
        }}

    def push_text(self, text: str, chat_id: int = 42) -> dict[str, Any]:
        """Queue a message for getUpdates; returns the update."""
        update = self.make_update(text, chat_id)
        with self._cond:
            self._updates.append(update)
            self._cond.notify_all()
        return update

    def fail_next(self, method: str, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with HTTP 502."""
        with self._cond:
            self._failures[method] += times

    def wait_sent(self, count: int = 1, timeout: float = 15.0) -> list[dict[str, Any]]:
        """Block until at least `count` messages were sent; return all sent so far."""
        return self._wait(lambda: len(self.sent) >= count, timeout,
                          lambda: f"{count} sendMessage calls; got {self.sent!r}")[:]

    def wait_call(self, method: str, timeout: float = 15.0) -> None:
        """Block until `method` was called at least once."""
        self._wait(lambda: self.calls[method] > 0, timeout, lambda: f"a {method} call")

    def _wait(self, ready: Any, timeout: float, what: Any) -> list[dict[str, Any]]:
        with self._cond:
            if not self._cond.wait_for(ready, timeout):
                raise AssertionError(f"fake Bot API: waited {timeout} s for {what()}")
            return self.sent

    def start(self) -> FakeBotApi:
        self._http.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._cond.notify_all()
        self._http.stop()

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- serving -------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        prefix = f"/bot{self.token}/"
        if not request.path.startswith(prefix):
            return json_reply({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        method = request.path[len(prefix):]
        params = _params(request)
        with self._cond:
            self.calls[method] += 1
            self._cond.notify_all()
            failing = self.down or self._failures[method] > 0
            if self._failures[method] > 0:
                self._failures[method] -= 1
        if failing:
            return json_reply({"ok": False, "error_code": 502, "description": "Bad Gateway"}, 502)
        handler = getattr(self, f"_m_{method}", None)
        result = handler(params) if handler else True
        return json_reply({"ok": True, "result": result})

    def _m_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    def _m_setWebhook(self, params: dict[str, Any]) -> Any:
        with self._cond:
            self.webhook = params
            self.webhook_history.append(params)
            self._cond.notify_all()
        return True

    def _m_deleteWebhook(self, params: dict[str, Any]) -> Any:
        with self._cond:
            self.webhook = None
            self.delete_webhook_params.append(params)
            if _truthy(params.get("drop_pending_updates")):
                self._updates.clear()
        return True

    def _m_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), self.max_poll_seconds)
        with self._cond:
            self.get_updates_params.append(params)
            # An offset confirms every update before it, as in the real API.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self._cond.wait_for(lambda: bool(self._updates), wait)
            return list(self._updates)

    def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        with self._cond:
            self._next_message_id += 1
            message = {"message_id": self._next_message_id, "date": int(time.time()),
                       "chat": {"id": chat_id, "type": "private"}, "text": params.get("text", ""),
                       "from": BOT_USER}
            self.sent.append({"chat_id": chat_id, "text": params.get("text", ""),
                              "params": params, "at": time.monotonic()})
            self._cond.notify_all()
        return message


def _params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    kind = request.headers.get("content-type", "")
    if not request.body:
        return params
    if "json" in kind:
        params.update(json.loads(request.body))
    else:
        form = parse_qs(request.body.decode(), keep_blank_values=True)
        for key, values in form.items():
            value: Any = values[-1]
            # PTB encodes lists and objects (allowed_updates, reply_markup) as JSON strings.
            if value[:1] in ("[", "{"):
                with contextlib.suppress(ValueError):
                    value = json.loads(value)
            params[key] = value
    return params


def _truthy(value: Any) -> bool:
    return value in (True, "true", "True", "1", 1)
