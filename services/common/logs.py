"""Structured logs: one JSON object per line on stderr, so log shippers need no parser."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

__all__ = ["REDACTED", "redact", "setup_logging"]

REDACTED = "[redacted]"

# A Telegram bot token: "<bot id>:<secret>", in a Bot API URL path (".../bot<token>/getMe")
# or alone. Libraries log such URLs at DEBUG (python-telegram-bot: "Set Bot API URL: ...").
_BOT_TOKEN = re.compile(r"(bot)?[0-9]{3,20}(?::|%3A)[A-Za-z0-9_-]{10,}", re.IGNORECASE)

# Attributes every LogRecord has; anything else was passed through `extra=` and is logged.
_STANDARD = set(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's ANSI-coloured copy of msg
}


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every value of `secrets` (also URL-encoded) and anything shaped like a bot
    token replaced by REDACTED; the rest stays readable."""
    for secret in secrets:
        # As given, as it sits in a URL, and as it sits inside a JSON string.
        for form in {secret, quote(secret, safe=""), json.dumps(secret)[1:-1]}:
            text = text.replace(form, REDACTED)
    return _BOT_TOKEN.sub(lambda m: (m.group(1) or "") + REDACTED, text)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line with time, level, logger, message and extras, with
    secrets redacted from the whole line (message, extras and traceback alike)."""

    def __init__(self, service: str, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._service = service
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "service": self._service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                doc[key] = value
        if record.exc_info:
            doc["exc"] = self.formatException(record.exc_info)
        return redact(json.dumps(doc, default=str), self._secrets)


def setup_logging(service: str, level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    """Send all logs to stderr as JSON lines at `level`, `secrets` redacted at every level;
    quiet the chattier libraries."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # httpx logs every request at INFO: one line per exchange call drowns the signal.
    for noisy in ("httpx", "httpcore", "telegram.ext.Updater", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
