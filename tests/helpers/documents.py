"""Every document a test leaves on disk matches its published schema.

Loaded as a plugin: after each test that used ``tmp_path``, the envsync documents under it
(JSON files whose ``schema`` is one envsync publishes, and ``rollbacks.jsonl`` lines) are
validated with the reference validator (``jsonschema``, Draft 2020-12) and with envsync's
own. A test that writes malformed documents on purpose says so with
``@pytest.mark.malformed_documents``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from envsync.errors import EnvsyncError
from envsync.schemas import SCHEMA_NAMES, load_schema, validate

__all__ = ["check_document", "check_documents", "minimal_snapshot"]

_BY_TAG = {tag: name for name, tag in SCHEMA_NAMES.items()}
_SKIP_DIRS = {".git", "node_modules", "__pycache__", ".venv"}
_MAX_BYTES = 64 * 1024 * 1024


def minimal_snapshot(env: str = "prod", time: str = "2026-11-29T07:15:00Z") -> dict[str, Any]:
    """The smallest snapshot of the shape take_snapshot writes: no compose, no runtime."""
    return {
        "schema": "envsync.snapshot/v1",
        "meta": {"environment": env, "project": "demo", "time": time,
                 "envsync_version": "0.1.0", "compose_version": None, "engine": None,
                 "host": "test", "duration_s": 0.1, "errors": []},
        "git": {"path": "/srv/app", "branch": "main", "head": None, "describe": None,
                "tags": [], "subject": None, "upstream": None, "dirty": [], "untracked": []},
        "compose": None, "env_files": {}, "containers": None, "stats": None, "health": None,
        "limits": {"memory_mb": {}},
    }


@cache
def _reference(name: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


def check_document(document: Any, name: str, source: str) -> list[str]:
    """The problems of one document under the schema ``name`` (empty when it is valid):
    the reference validator's and envsync's own must agree."""
    problems = [f"{source}: {'$' + ''.join(f'[{p!r}]' for p in e.absolute_path)}: "
                f"{e.message}" for e in _reference(name).iter_errors(document)]
    try:
        validate(document, name, source)
    except EnvsyncError as exc:
        if not problems:
            problems.append(f"envsync's validator refuses what jsonschema accepts: {exc}")
    else:
        if problems:
            problems.append(f"{source}: envsync's validator accepts what jsonschema refuses")
    return problems[:5]


_LOGS = {"rollbacks.jsonl": "rollback-log", "deploys.jsonl": "deploy-log",
         "patches.jsonl": "patch-log"}
"""The JSON Lines logs envsync appends to → the schema of each line."""


def _files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS]
        for name in files:
            if name.endswith(".json") or name in _LOGS:
                yield Path(folder) / name


def check_documents(root: Path) -> tuple[Counter[str], list[str]]:
    """(how many documents of each schema were found under ``root``, their problems)."""
    seen: Counter[str] = Counter()
    problems: list[str] = []
    for path in _files(root):
        try:
            if not path.is_file() or path.stat().st_size > _MAX_BYTES:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if path.name in _LOGS:
            kind = _LOGS[path.name]
            for number, line in enumerate(text.splitlines(), start=1):
                if not line.strip():
                    continue
                seen[kind] += 1
                try:
                    entry = json.loads(line)
                except ValueError:
                    problems.append(f"{path}:{number}: not valid JSON")
                    continue
                problems += check_document(entry, kind, f"{path}:{number}")
            continue
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            continue  # not a document envsync wrote
        name = _BY_TAG.get(document.get("schema")) if isinstance(document, dict) else None
        if name is not None:
            seen[name] += 1
            problems += check_document(document, name, str(path))
    return seen, problems


@pytest.fixture(autouse=True)
def _written_documents_match_their_schemas(request: pytest.FixtureRequest) -> Iterator[None]:
    if "tmp_path" not in request.fixturenames \
            or request.node.get_closest_marker("malformed_documents"):
        yield
        return
    root: Path = request.getfixturevalue("tmp_path")
    yield
    _, problems = check_documents(root)
    assert not problems, "documents written by this test do not match their schema " \
        "(mark the test malformed_documents if that is on purpose):\n" + "\n".join(problems)
