"""The published JSON Schemas of envsync's documents, and the one validator of loaded ones.

Each document envsync writes has a schema file beside this module (Draft 2020-12, shipped
in the wheel): ``snapshot.json`` (``envsync.snapshot/v1``), ``diff.json``
(``envsync.diff/v1``), ``restore-point.json`` (``envsync.restore-point/v1``) and
``rollback-log.json`` (one line of ``rollbacks.jsonl``), ``deploy-log.json`` (one line of
``deploys.jsonl``), ``patch-log.json`` (one line of ``patches.jsonl``), ``history.json``
(``envsync history --format json``), ``run-journal.json`` (``.envsync-running.json``, the
run going on: :mod:`envsync.journal`).

:func:`validate` checks a loaded document and raises one line naming the source and the
JSON path of the first bad field: ``snap.json: $.compose: expected object or null, got
string "oops"``. The schemas use only keywords that mean the same in Draft 2020-12 and in
Draft 7, so fastjsonschema (about 10 ms to import, where the reference ``jsonschema`` costs
more than the whole CLI's import budget) validates at run time, with code generated ahead of
time (``python -m envsync.schemas.compiled`` after editing a schema); the test suite checks
the schemas and documents with ``jsonschema`` as well.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from envsync.errors import EnvsyncError

__all__ = ["SCHEMA_NAMES", "DocumentError", "load_schema", "validate"]

SCHEMA_NAMES = {
    "snapshot": "envsync.snapshot/v1",
    "diff": "envsync.diff/v1",
    "restore-point": "envsync.restore-point/v1",
    "rollback-log": "envsync.rollback-log/v1",
    "deploy-log": "envsync.deploy-log/v1",
    "watch-state": "envsync.watch-state/v1",
    "history": "envsync.history/v1",
    "patch-log": "envsync.patch-log/v1",
    "run-journal": "envsync.run-journal/v1",
}
"""Schema file stem → the document kind it describes."""


class DocumentError(EnvsyncError):
    """A loaded document does not match its published JSON Schema."""


def load_schema(name: str) -> dict[str, Any]:
    """The schema ``name`` (a key of SCHEMA_NAMES) as a JSON object."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"no schema named {name!r} (known: {', '.join(SCHEMA_NAMES)})")
    from importlib import resources

    text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(name: str) -> Any:
    # The validator generated ahead of time (envsync/schemas/compiled.py) when it matches the
    # schema file: compiling here costs about 70 ms per command.
    from envsync.schemas.compiled import load

    generated = load(name)
    if generated is not None:
        return generated
    import fastjsonschema

    from envsync.schemas.violation import JsonSchemaValueException

    compiled = fastjsonschema.compile(load_schema(name))

    def check(document: Any) -> Any:
        try:
            return compiled(document)
        except fastjsonschema.JsonSchemaValueException as exc:  # as the generated code's
            raise JsonSchemaValueException(exc.message, exc.value, exc.name, exc.definition,
                                           exc.rule) from None

    return check


def validate(document: Any, schema_name: str, source: str | Path,
             error: type[EnvsyncError] = DocumentError) -> None:
    """Check ``document`` against the schema ``schema_name``; raise ``error`` (a
    DocumentError unless told) with one line: ``SOURCE: $.json.path: what is wrong``."""
    from envsync.schemas.violation import JsonSchemaValueException

    try:
        _validator(schema_name)(document)
    except JsonSchemaValueException as exc:
        where, value = _locate(document, str(exc.name))
        raise error(f"{source}: {where}: {_problem(exc, value)}") from None


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def _locate(document: Any, name: str) -> tuple[str, Any]:
    """fastjsonschema's name of the bad value (``data.env_files..env.A``: keys joined with
    dots, so a key holding a dot is ambiguous) → ``$.env_files[".env"].A`` and the value,
    found by walking the document itself."""
    steps = _walk(document, name.removeprefix("data"))
    if steps is None:  # cannot happen for a name fastjsonschema built from this document
        return "$" + name.removeprefix("data"), None
    where, value = "$", document
    for step in steps:
        if isinstance(step, int):
            where += f"[{step}]"
        else:
            where += f".{step}" if _IDENTIFIER.match(step) else f"[{json.dumps(step)}]"
        value = value[step]
    return where, value


def _walk(value: Any, rest: str) -> list[str | int] | None:
    """The keys and indices that spell ``rest`` inside ``value`` (longest key first)."""
    if not rest:
        return []
    if isinstance(value, list):
        match = re.match(r"\[(\d+)\]", rest)
        if match and int(match[1]) < len(value):
            sub = _walk(value[int(match[1])], rest[match.end():])
            if sub is not None:
                return [int(match[1]), *sub]
        return None
    if isinstance(value, dict) and rest.startswith("."):
        keys = [k for k in value if isinstance(k, str) and rest.startswith(k, 1)]
        for key in sorted(keys, key=len, reverse=True):
            sub = _walk(value[key], rest[1 + len(key):])
            if sub is not None:
                return [key, *sub]
    return None


def _problem(exc: Any, value: Any) -> str:
    rule, expected, definition = exc.rule, exc.rule_definition, exc.definition or {}
    if rule == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        return f"expected {' or '.join(kinds)}, got {_describe(value)}"
    if rule == "required" and isinstance(value, dict):
        missing = [k for k in expected if k not in value]
        return f"missing key {', '.join(json.dumps(k) for k in missing)}"
    if rule == "additionalProperties" and isinstance(value, dict):
        known = set(definition.get("properties") or {})
        extra = [k for k in value if k not in known]
        return f"unknown key {', '.join(json.dumps(str(k)) for k in extra[:3])}"
    if rule == "const":
        return f"expected {json.dumps(expected)}, got {_describe(value)}"
    if rule == "enum":
        return f"expected one of {', '.join(map(str, expected))}, got {_describe(value)}"
    if rule == "pattern":
        return f"{_describe(value)} is not of the expected form ({expected})"
    # Other rules (minimum, minItems, not…): fastjsonschema's wording, minus its "data" name.
    return str(exc.message).removeprefix(str(exc.name)).strip() or f"breaks the {rule} rule"


def _describe(value: Any) -> str:
    """A value for an error line; text is shortened, and kept out when it may be a secret."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {json.dumps(value)}"
    if isinstance(value, int | float):
        return f"number {value}"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    text = str(value)
    from envsync.secrets import looks_secret

    if looks_secret("", text):
        return "string (not shown: it may be a secret)"
    shown = json.dumps(text[:40] + ("…" if len(text) > 40 else ""), ensure_ascii=False)
    return f"string {shown}"
