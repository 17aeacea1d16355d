"""The env file is parsed in one pass of python-dotenv's parser (a 440 KB file of 50,000
keys took four passes, about 40 s of a 109 s snapshot); the values and bad lines are
exactly what ``dotenv_values(interpolate=False)`` and its warnings give."""

from __future__ import annotations

import io
import logging

import pytest
from dotenv import dotenv_values

from envsync.capture.envfiles import parse_env_text

CASES = [
    "A=1\nB\n=x\nexport C=\"q\nr\"\nD='x'#c\nE=${A}\n  F = 2  # c\nG=\"unterminated\nH=3\n",
    "K=1\nK=2\n",
    "a b=1\nc=2",
    "\ufeffA=1\r\nB=2\r\n",
    "X-API-KEY=v\nκλειδί=2\nA=1\x00B=2\n",
]


@pytest.mark.parametrize("text", CASES)
def test_one_pass_reads_what_dotenv_reads(text: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="dotenv.main"):
        expected = dict(dotenv_values(stream=io.StringIO(text), interpolate=False))
    warned = sorted(int(r.getMessage().rsplit(" ", 1)[-1]) for r in caplog.records)
    values, bad = parse_env_text(text)
    assert values == expected
    assert bad == warned
