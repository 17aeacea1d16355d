"""Env files, read with python-dotenv; secret values become fingerprints."""

from __future__ import annotations

import io
from pathlib import Path

from envsync.errors import CaptureError, os_reason
from envsync.secrets import Redactor

__all__ = ["ParsedEnvFile", "parse_env_text", "read_env_file"]


class ParsedEnvFile:
    """The keys of one env file (values redacted) and the lines dotenv could not parse."""

    def __init__(self, values: dict[str, str | None], bad_lines: list[int]) -> None:
        self.values = values
        self.bad_lines = bad_lines


def parse_env_text(text: str) -> tuple[dict[str, str | None], list[int]]:
    """Every key's literal value as python-dotenv reads it (no interpolation from the host
    environment, which would make the result depend on the shell), and the bad lines."""
    from dotenv import dotenv_values
    from dotenv.parser import parse_stream

    bad = [b.original.line for b in parse_stream(io.StringIO(text)) if b.error]
    values = dict(dotenv_values(stream=io.StringIO(text), interpolate=False))
    return values, bad


def read_env_file(path: Path, redactor: Redactor) -> ParsedEnvFile:
    """Read ``path``; raises CaptureError naming the file when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CaptureError(f"{path}: env file not found") from None
    except OSError as exc:
        raise CaptureError(f"{path}: cannot read env file: {os_reason(exc)}") from None
    except UnicodeDecodeError as exc:
        raise CaptureError(f"{path}: cannot read env file: not UTF-8 text ({exc.reason} "
                           f"at byte {exc.start})") from None
    values, bad = parse_env_text(text)
    return ParsedEnvFile(redactor.mapping(values), bad)
