"""Start-up shared by both services: settings from the environment, then logging."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Protocol, TypeVar

from services.common.env import SettingsError, environ
from services.common.logs import setup_logging

__all__ = ["EXIT_BAD_SETTING", "load_or_explain"]

EXIT_BAD_SETTING = 2


class _HasLogLevel(Protocol):
    @property
    def log_level(self) -> str: ...

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values never to be logged, at any level."""
        ...


S = TypeVar("S", bound=_HasLogLevel)


def load_or_explain(service: str, loader: Callable[[Mapping[str, str]], S]) -> S | None:
    """The service's settings, with JSON logging set up at their level; or None after
    printing one line naming the bad variable (the caller exits EXIT_BAD_SETTING)."""
    try:
        settings = loader(environ())
    except SettingsError as exc:
        print(f"{service}: {exc}", file=sys.stderr)
        return None
    setup_logging(service, settings.log_level, settings.secrets)
    return settings
