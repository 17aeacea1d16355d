"""Long polling: PTB's Updater asks the Bot API for updates, starting with those still pending."""

from __future__ import annotations

from starlette.routing import BaseRoute

from services.bot.runtime import BotRuntime

__all__ = ["PollingTransport"]


class PollingTransport:
    mode = "polling"
    with_updater = True

    def routes(self, runtime: BotRuntime) -> list[BaseRoute]:
        return []

    async def start(self, runtime: BotRuntime) -> None:
        updater = runtime.application.updater
        assert updater is not None  # built with_updater=True
        # Telegram keeps what arrived while no bot polled (a restart, a deploy's recreate):
        # answer it rather than drop it. Stopping confirms what was fetched (PTB's last
        # getUpdates), so nothing is answered twice.
        await updater.start_polling(drop_pending_updates=False, allowed_updates=["message"])

    async def stop(self, runtime: BotRuntime) -> None:
        updater = runtime.application.updater
        if updater is not None and updater.running:
            await updater.stop()
