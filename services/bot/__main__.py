"""`python -m services.bot`: read settings, run in BOT_MODE until stopped."""

from __future__ import annotations

import asyncio
import sys

from services.common.startup import EXIT_BAD_SETTING, load_or_explain


def main() -> int:
    """Serve; exit 2 with one line naming the variable when a setting is bad."""
    from services.bot.settings import load_settings

    settings = load_or_explain("telegram-bot", load_settings)
    if settings is None:
        return EXIT_BAD_SETTING

    from services.bot.runtime import Transport, serve

    # Only the chosen transport is imported.
    transport: Transport
    if settings.mode == "webhook":
        from services.bot.webhook import WebhookTransport

        transport = WebhookTransport()
    else:
        from services.bot.polling import PollingTransport

        transport = PollingTransport()
    asyncio.run(serve(settings, transport))
    return 0


if __name__ == "__main__":
    sys.exit(main())
