"""Env files, read with python-dotenv; secret values become fingerprints."""

from __future__ import annotations

import io
from pathlib import Path

from envsync.errors import CaptureError
from envsync.secrets import Redactor

__all__ = ["ParsedEnvFile", "parse_env_text", "read_env_file"]


class ParsedEnvFile:
    """The keys of one env file (values redacted) and the lines dotenv could not parse."""

    def __init__(self, values: dict[str, str | None], bad_lines: list[int]) -> None:
        self.values = values
        self.bad_lines = bad_lines


def parse_env_text(text: str) -> tuple[dict[str, str | None], list[int]]:
    """Every key's literal value as python-dotenv reads it (no interpolation from the host
    environment, which would make the result depend on the shell), and the bad lines.

    One pass of dotenv's parser gives both (what ``dotenv_values(interpolate=False)`` does
    inside): it costs about 100 µs a line, and a 1 MiB file has 100,000 lines."""
    from dotenv.parser import parse_stream

    values: dict[str, str | None] = {}
    bad: list[int] = []
    for binding in parse_stream(io.StringIO(text)):
        if binding.error:
            bad.append(binding.original.line)
        elif binding.key is not None:
            values[binding.key] = binding.value
    return values, bad


def read_env_file(path: Path, redactor: Redactor) -> ParsedEnvFile:
    """Read ``path``; raises CaptureError naming the file when it cannot be read."""
    from envsync.files import ENV_FILE_LIMIT, read_text_bounded

    text = read_text_bounded(path, ENV_FILE_LIMIT, "env file", CaptureError, "utf-8-sig")
    values, bad = parse_env_text(text)
    return ParsedEnvFile(redactor.mapping(values), bad)
