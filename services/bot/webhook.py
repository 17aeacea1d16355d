"""Webhook: Telegram POSTs updates to WEBHOOK_URL; only requests carrying the secret count."""

from __future__ import annotations

import hmac
import json
import logging

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import Update

from services.bot.runtime import BotRuntime

__all__ = ["WebhookTransport"]

log = logging.getLogger("bot.webhook")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookTransport:
    mode = "webhook"
    with_updater = False

    def routes(self, runtime: BotRuntime) -> list[BaseRoute]:
        secret = (runtime.settings.webhook_secret or "").encode()

        async def receive(request: Request) -> Response:
            given = request.headers.get(SECRET_HEADER, "").encode()
            # Constant-time: the comparison must not leak how much of a guess was right.
            if not secret or not hmac.compare_digest(given, secret):
                log.warning("webhook call without the right secret",
                            extra={"client": request.client.host if request.client else None})
                return PlainTextResponse("forbidden", status_code=403)
            if not runtime.ready:
                # Telegram retries undelivered updates; better later than lost.
                return PlainTextResponse("starting", status_code=503)
            try:
                update = Update.de_json(json.loads(await request.body()), runtime.application.bot)
            except (ValueError, TypeError, KeyError):
                return PlainTextResponse("bad update", status_code=400)
            await runtime.application.update_queue.put(update)
            return PlainTextResponse("ok")

        return [Route(runtime.settings.webhook_path, receive, methods=["POST"])]

    async def start(self, runtime: BotRuntime) -> None:
        settings = runtime.settings
        await runtime.application.bot.set_webhook(
            url=settings.webhook_url or "",
            secret_token=settings.webhook_secret,
            allowed_updates=["message"],
            # What Telegram could not deliver while the bot restarted is delivered now.
            drop_pending_updates=False,
        )

    async def stop(self, runtime: BotRuntime) -> None:
        # The webhook stays registered: a restarting bot should not miss updates meanwhile.
        return None
