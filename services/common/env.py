"""Read typed settings from the environment, failing with one line that names the variable."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

__all__ = ["SettingsError", "env_float", "env_int", "env_list", "env_str", "env_url"]


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the variable and says why."""


def env_str(
    env: Mapping[str, str], name: str, default: str | None = None, *, pattern: str | None = None
) -> str:
    """Return the variable's stripped value, or `default`; raise SettingsError when it is
    required (no default) and unset/empty, or when it does not match `pattern`."""
    raw = env.get(name, "").strip()
    if not raw:
        if default is None:
            raise SettingsError(f"{name} is required but not set")
        return default
    if pattern is not None and not re.fullmatch(pattern, raw):
        raise SettingsError(f"{name} is malformed: expected {pattern}")
    return raw


def env_int(env: Mapping[str, str], name: str, default: int, *, lo: int, hi: int) -> int:
    """Return the variable as an int within [lo, hi], or `default` when unset."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from None
    if not lo <= value <= hi:
        raise SettingsError(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def env_float(env: Mapping[str, str], name: str, default: float, *, lo: float, hi: float) -> float:
    """Return the variable as a float within [lo, hi], or `default` when unset."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if not lo <= value <= hi:
        raise SettingsError(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def env_list(env: Mapping[str, str], name: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Return a comma-separated variable as a tuple of non-empty, stripped items."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    return tuple(item.strip() for item in raw.split(",") if item.strip())


def env_url(
    env: Mapping[str, str],
    name: str,
    default: str | None = None,
    *,
    schemes: tuple[str, ...] = ("http", "https"),
) -> str:
    """Return an absolute URL with one of `schemes` and a host, without a trailing slash."""
    raw = env_str(env, name, default)
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise SettingsError(f"{name} is not a valid URL: {exc}") from None
    if parts.scheme not in schemes or not parts.hostname:
        # The value is quoted to help, but never the credentials a URL may carry.
        shown = re.sub(r"//[^/@]*@", "//***@", raw)
        raise SettingsError(
            f"{name} must be a {'/'.join(schemes)} URL with a host, got {shown!r}"
        )
    return raw.rstrip("/")


def environ() -> Mapping[str, str]:
    """The process environment (a seam for tests)."""
    return os.environ
