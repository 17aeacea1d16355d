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

getUpdates keeps Telegram's documented semantics, which a bot restarted by a deploy relies
on: an update stays queued until a getUpdates call with a higher `offset` confirms it (so an
unconfirmed one is delivered again); a negative offset keeps only the last -offset updates;
`limit` (1-100, default 100) caps one answer; a second getUpdates while one waits ends the
first with 409 Conflict ("terminated by other getUpdates request"); getUpdates while a
webhook is set is a 409 too.

As a process (inside a container on a network the test made), with a control API beside
the Bot API for the test, reached through a port published on 127.0.0.1:
    python -m tests.fakes.telegram --host 0.0.0.0 --port 9200
    POST /_fake/push {"text": "/price BTC", "chat_id": 42}   -> the update
    POST /_fake/update {"text": ..., "chat_id": ...}         -> an update, not queued (to post
                                                                to a webhook)
    GET  /_fake/sent                                          -> every sendMessage so far
    GET  /_fake/calls                                         -> calls per method
    GET  /_fake/polls            -> each getUpdates answered: {"fresh": the first since a
                                    getMe (a bot process starting), "returned": [update ids]}
"""

from __future__ import annotations

import argparse
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
                 max_poll_seconds: float = 1.0, host: str = "127.0.0.1") -> None:
        self.token = token
        self.sent: list[dict[str, Any]] = []
        self.calls: Counter[str] = Counter()
        self.webhook: dict[str, Any] | None = None
        self.webhook_history: list[dict[str, Any]] = []
        self.delete_webhook_params: list[dict[str, Any]] = []
        self.get_updates_params: list[dict[str, Any]] = []
        self.polls: list[dict[str, Any]] = []
        self._fresh = False
        self.down = False
        # Long polls are capped so a stopping bot is never held for the client's full timeout.
        self.max_poll_seconds = max_poll_seconds
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1000
        self._next_message_id = 1
        self._failures: Counter[str] = Counter()
        # Each getUpdates takes the next number; a waiting one whose number is no longer the
        # last was overtaken by another poller (Telegram's 409 Conflict).
        self._polls = 0
        self._cond = threading.Condition()
        self._http = FakeHttpServer(self, port, host)

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
        if request.path.startswith("/_fake/"):
            return self._control(request)
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
        try:
            result = handler(params) if handler else True
        except _Conflict as exc:
            return json_reply({"ok": False, "error_code": 409,
                               "description": f"Conflict: {exc}"}, 409)
        return json_reply({"ok": True, "result": result})

    def _control(self, request: Request) -> Reply:
        doc = json.loads(request.body) if request.body else {}
        if request.path == "/_fake/push" and request.method == "POST":
            return json_reply(self.push_text(doc["text"], int(doc.get("chat_id", 42))))
        if request.path == "/_fake/update" and request.method == "POST":
            return json_reply(self.make_update(doc["text"], int(doc.get("chat_id", 42))))
        if request.path == "/_fake/sent":
            with self._cond:
                return json_reply([{k: v for k, v in m.items() if k != "at"}
                                   for m in self.sent])
        if request.path == "/_fake/polls":
            with self._cond:
                return json_reply(self.polls)
        if request.path == "/_fake/calls":
            with self._cond:
                return json_reply(dict(self.calls))
        return json_reply({"error": f"fake Bot API has no {request.path}"}, 404)

    def _m_getMe(self, params: dict[str, Any]) -> Any:
        with self._cond:
            self._fresh = True
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
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        wait = min(float(params.get("timeout") or 0), self.max_poll_seconds)
        with self._cond:
            self.get_updates_params.append(params)
            if self.webhook and self.webhook.get("url"):
                raise _Conflict("can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
            self._polls += 1
            mine = self._polls
            self._cond.notify_all()
            if offset < 0:
                # The last -offset updates; every earlier one is forgotten.
                self._updates = self._updates[offset:]
            else:
                # An offset confirms every update before it, as in the real API.
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self._cond.wait_for(lambda: bool(self._updates) or self._polls != mine, wait)
            if self._polls != mine:
                raise _Conflict("terminated by other getUpdates request; make sure that only "
                                "one bot instance is running")
            answer = self._updates[:limit]
            self.polls.append({"fresh": self._fresh,
                               "returned": [u["update_id"] for u in answer]})
            self._fresh = False
            return answer

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


class _Conflict(Exception):
    """Telegram's 409: the description follows "Conflict: "."""


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    args = parser.parse_args()
    fake = FakeBotApi(port=args.port, host=args.host, token=args.token).start()
    print(fake.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
