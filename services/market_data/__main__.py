"""`python -m services.market_data`: read settings, serve until stopped."""

from __future__ import annotations

import sys

from services.common.startup import EXIT_BAD_SETTING, load_or_explain


def main() -> int:
    """Serve; exit 2 with one line naming the variable when a setting is bad."""
    from services.market_data.settings import load_settings

    settings = load_or_explain("market-data", load_settings)
    if settings is None:
        return EXIT_BAD_SETTING

    import uvicorn

    from services.market_data.app import create_app

    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        # h11 and asyncio are what the image has; naming them avoids probing for others.
        http="h11",
        loop="asyncio",
        lifespan="on",
        timeout_graceful_shutdown=5,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
