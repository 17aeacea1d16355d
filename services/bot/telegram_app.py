"""The one python-telegram-bot Application both transports run: message in, core, reply out.

Only this module and the transports import telegram; the core never does."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from services.bot.core import Registry
from services.bot.metrics import CommandMetrics
from services.bot.settings import BotSettings

__all__ = ["Counters", "build_application", "send_reply"]

log = logging.getLogger("bot.telegram")

SEND_ATTEMPTS = 4
SEND_BACKOFF = 0.5
MAX_RETRY_AFTER = 10.0


@dataclass
class Counters:
    """What /health reports about traffic."""

    updates: int = 0
    replies: int = 0
    send_failures: int = 0


def build_application(
    settings: BotSettings, registry: Registry, counters: Counters, *, with_updater: bool,
    metrics: CommandMetrics | None = None,
) -> Application:  # type: ignore[type-arg]
    """The Application for either mode: polling needs PTB's Updater, a webhook receives
    updates itself and feeds `application.update_queue`, so it goes without one. Each
    answered command's time goes to `metrics` (/metrics)."""
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        # PTB appends the token: methods land on {TELEGRAM_API_BASE}/bot{token}/{method}.
        .base_url(f"{settings.api_base}/bot")
        .base_file_url(f"{settings.api_base}/file/bot")
        # One chat's slow lookup must not hold up the others.
        .concurrent_updates(True)
    )
    if not with_updater:
        builder = builder.updater(None)
    application = builder.build()

    async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        received = time.monotonic()
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None or not message.text:
            return
        counters.updates += 1
        reply = await registry.dispatch(message.text, chat.id)
        if reply is None:
            return
        command = registry.command_of(message.text) or "unknown"
        if await send_reply(application, chat.id, reply):
            counters.replies += 1
            if metrics is not None:
                metrics.observe(command, time.monotonic() - received)
        else:
            counters.send_failures += 1
            if metrics is not None:
                metrics.failed(command)

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Log and carry on: one bad update or Bot API hiccup must not stop the bot.
        log.error("update failed", exc_info=context.error)

    application.add_handler(MessageHandler(filters.TEXT, on_message))
    application.add_error_handler(on_error)
    return application


async def send_reply(application: Application, chat_id: int, text: str) -> bool:  # type: ignore[type-arg]
    """Send `text` to `chat_id`, retrying network trouble and flood waits with backoff.
    True when sent; False (logged) when Telegram refused it or kept failing."""
    for attempt in range(SEND_ATTEMPTS):
        try:
            await application.bot.send_message(chat_id=chat_id, text=text)
            return True
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait)
            delay = min(seconds, MAX_RETRY_AFTER)
        except (BadRequest, Forbidden) as exc:
            # Not transient (chat gone, bot blocked, text rejected): retrying cannot help.
            log.warning("reply refused", extra={"chat_id": chat_id, "error": str(exc)})
            return False
        except NetworkError as exc:
            delay = SEND_BACKOFF * 2**attempt
            log.warning("reply failed, retrying",
                        extra={"chat_id": chat_id, "attempt": attempt + 1, "error": str(exc)})
        if attempt + 1 < SEND_ATTEMPTS:
            await asyncio.sleep(delay)
    log.error("reply given up", extra={"chat_id": chat_id})
    return False
