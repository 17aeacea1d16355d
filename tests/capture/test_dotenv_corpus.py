"""The python-dotenv cases of the test corpus parse as python-dotenv says they do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from envsync.capture.envfiles import parse_env_text, read_env_file
from envsync.secrets import Redactor


def _cases(corpus: Path) -> dict[str, Any]:
    return json.loads((corpus / "dotenv/python-dotenv/cases_simplified.json").read_text())


def test_parse_stream_cases(corpus: Path) -> None:
    cases = _cases(corpus)["parse_stream_cases"]
    assert len(cases) >= 40
    for case in cases:
        values, bad = parse_env_text(case["input"])
        expected: dict[str, Any] = {}
        for b in case["bindings"]:
            if b["key"] is not None and not b["error"]:
                expected[b["key"]] = b["value"]
        assert values == expected, case["input"]
        assert bool(bad) == any(b["error"] for b in case["bindings"]), case["input"]


def test_dotenv_values_cases_without_interpolation(corpus: Path) -> None:
    # envsync records a file's literal values: interpolating from the shell running envsync
    # would make a snapshot depend on who took it.
    cases = [c for c in _cases(corpus)["dotenv_values_cases"] if not c["interpolate"]]
    assert cases
    for case in cases:
        values, _ = parse_env_text(case["string"])
        assert values == case["expected"], case["string"]


def test_corpus_input_files_read_through_the_file_reader(corpus: Path) -> None:
    cases = _cases(corpus)["parse_stream_cases"]
    folder = corpus / "dotenv/python-dotenv/inputs"
    files = sorted(folder.glob("parser_*.env"))
    assert files
    redactor = Redactor(b"k")
    for path in files:
        index = int(path.stem.split("_")[1]) - 1  # the files are numbered from 1
        expected = {b["key"]: b["value"] for b in cases[index]["bindings"]
                    if b["key"] is not None and not b["error"]}
        parsed = read_env_file(path, redactor)
        assert {k: v for k, v in parsed.values.items() if not (v or "").startswith("secret:")} \
            == {k: v for k, v in expected.items() if parsed.values.get(k) == v}, path.name
        assert set(parsed.values) == set(expected), path.name


@pytest.mark.parametrize("name", ["correct.env", "complicated.env"])
def test_dotenv_linter_fixtures_parse(corpus: Path, name: str) -> None:
    path = corpus / "dotenv/dotenv-linter/tests/fixes/fixtures" / name
    if not path.exists():
        path = next((corpus / "dotenv/dotenv-linter").rglob(name))
    values, _ = parse_env_text(path.read_text())
    assert values  # every fixture defines keys
