"""The Telegram bot: one command core, two transports (long polling, webhook)."""

from __future__ import annotations

__version__ = "0.1.0"
