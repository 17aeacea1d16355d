"""Environment names: each becomes a folder under snapshots/, part of git tags and a
command-line argument, so only a safe alphabet is allowed."""

from __future__ import annotations

import re

__all__ = ["ENV_NAME_RULE", "env_name_problem"]

ENV_NAME_RULE = "letters, digits, '-', '_' and '.' ('-' and '.' not first), at most 64 characters"
# No '/', no leading dot (hidden, '..'), no leading '-' (read as an option).
_ENV_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")


def env_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be an environment name, or None when it can."""
    if _ENV_NAME.fullmatch(name):
        return None
    return f"{name!r} is not a valid environment name (use {ENV_NAME_RULE})"
