"""The bot's settings, read once from the environment at start."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from services.common.env import SettingsError, env_float, env_int, env_list, env_str, env_url

__all__ = ["BotSettings", "SettingsError", "load_settings"]

MODES = ("polling", "webhook")


@dataclass(frozen=True)
class BotSettings:
    """Everything the bot reads from its environment. `allowed_chat_ids` None = everyone."""

    mode: str
    token: str
    api_base: str
    market_data_url: str
    market_data_timeout: float
    host: str
    health_port: int
    webhook_url: str | None
    webhook_secret: str | None
    webhook_port: int
    allowed_chat_ids: frozenset[int] | None
    log_level: str

    @property
    def secrets(self) -> tuple[str, ...]:
        """What the logs must never show: the token and the webhook secret."""
        return tuple(s for s in (self.token, self.webhook_secret) if s)

    @property
    def webhook_path(self) -> str:
        """The path Telegram posts updates to: the path of WEBHOOK_URL."""
        return urlsplit(self.webhook_url or "").path or "/webhook"


def load_settings(env: Mapping[str, str]) -> BotSettings:
    """Build BotSettings from `env`; raise SettingsError naming the first bad variable."""
    mode = env_str(env, "BOT_MODE", "polling").lower()
    if mode not in MODES:
        raise SettingsError(f"BOT_MODE must be polling or webhook, got {mode!r}")
    # Telegram's tokens are "<bot id>:<35 url-safe characters>"; shorter ones in tests.
    token = env_str(env, "TELEGRAM_BOT_TOKEN", pattern=r"[0-9]{1,20}:[A-Za-z0-9_-]{10,}")
    webhook = mode == "webhook"
    return BotSettings(
        mode=mode,
        token=token,
        api_base=env_url(env, "TELEGRAM_API_BASE", "https://api.telegram.org"),
        market_data_url=env_url(env, "MARKET_DATA_URL", "http://127.0.0.1:8001"),
        market_data_timeout=env_float(env, "MARKET_DATA_TIMEOUT", 3.0, lo=0.1, hi=60.0),
        host=env_str(env, "BOT_HOST", "127.0.0.1"),
        health_port=env_int(env, "BOT_HEALTH_PORT", 8080, lo=1, hi=65535),
        webhook_url=env_url(env, "WEBHOOK_URL") if webhook else None,
        # The characters Telegram allows in a secret_token, 1 to 256 of them.
        webhook_secret=env_str(env, "WEBHOOK_SECRET", pattern=r"[A-Za-z0-9_-]{1,256}")
        if webhook else None,
        webhook_port=env_int(env, "WEBHOOK_PORT", 8443, lo=1, hi=65535),
        allowed_chat_ids=_chat_ids(env),
        log_level=env_str(
            env, "LOG_LEVEL", "INFO", pattern="(?i)debug|info|warning|error|critical"
        ).upper(),
    )


def _chat_ids(env: Mapping[str, str]) -> frozenset[int] | None:
    items = env_list(env, "ALLOWED_CHAT_IDS")
    if not items:
        return None
    try:
        return frozenset(int(item) for item in items)
    except ValueError:
        raise SettingsError(
            "ALLOWED_CHAT_IDS must be a comma-separated list of integer chat ids"
        ) from None
