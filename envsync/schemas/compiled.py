"""The schema validators, generated ahead of time: ``python -m envsync.schemas.compiled``.

Compiling a schema with fastjsonschema at run time costs about 70 ms (half of importing
typer) on every command that loads a snapshot; importing the same code from a module costs
a few. Each generated module, ``_validate_<name>.py`` beside this one, records the checksum
of the schema it came from: :func:`load` takes it only while the schema file still has that
checksum (else the caller compiles at run time), and a test keeps the modules current.

The generated code imports neither fastjsonschema nor ``decimal`` (together about 5 ms per
command): its exceptions come from :mod:`envsync.schemas.violation`, and ``Decimal`` is
never a value of a document read from or written as JSON (``json.dumps`` refuses one).
"""

from __future__ import annotations

import importlib
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["load", "module_text", "write_all"]

HERE = Path(__file__).resolve().parent


def _module_name(name: str) -> str:
    return "_validate_" + name.replace("-", "_")


def schema_checksum(name: str) -> str:
    # A check for a schema edited and not regenerated, not against forgery: CRC-32 finds
    # any edit, and needs no hashlib (OpenSSL: about 3 ms to load).
    return f"crc32:{zlib.crc32((HERE / f'{name}.json').read_bytes()):08x}"


def load(name: str) -> Callable[[Any], Any] | None:
    """The generated validator of schema ``name``, or None when there is none or it was
    generated from another version of the schema."""
    try:
        module = importlib.import_module(f"envsync.schemas.{_module_name(name)}")
    except ImportError:
        return None
    if getattr(module, "SCHEMA_CHECKSUM", None) != schema_checksum(name):
        return None
    validator: Callable[[Any], Any] = module.validate
    return validator


_IMPORTS = {
    "from decimal import Decimal\n": "Decimal = float  # no document holds a Decimal\n",
    "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n":
        "from envsync.schemas.violation import JsonSchemaValueException, "
        "JsonSchemaValuesException\n",
}
"""Lines of fastjsonschema's generated code → what the generated module has instead."""


def module_text(name: str) -> str:
    """The source of ``_validate_<name>.py`` for the schema file as it is now."""
    import fastjsonschema

    from envsync.schemas import load_schema

    schema = load_schema(name)
    code = fastjsonschema.compile_to_code(schema)
    entry = "validate_" + "".join(c if c.isalnum() else "_" for c in schema["$id"])
    if f"def {entry}(" not in code:
        raise RuntimeError(f"{name}: fastjsonschema named its entry point differently")
    for line, replacement in _IMPORTS.items():
        if line not in code:
            raise RuntimeError(f"{name}: fastjsonschema's code no longer has {line!r}")
        code = code.replace(line, replacement, 1)
    return (
        f"# Generated from {name}.json by `python -m envsync.schemas.compiled`: do not edit.\n"
        f"# fastjsonschema {fastjsonschema.VERSION}\n"
        "# mypy: ignore-errors\n"
        "# ruff: noqa\n"
        f"SCHEMA_CHECKSUM = {schema_checksum(name)!r}\n"
        f"{code}\n"
        f"validate = {entry}\n"
    )


def write_all() -> list[Path]:
    """(Re)write every generated module; returns the paths written."""
    from envsync.schemas import SCHEMA_NAMES

    written = []
    for name in SCHEMA_NAMES:
        path = HERE / f"{_module_name(name)}.py"
        path.write_text(module_text(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all():
        sys.stdout.write(f"wrote {path}\n")
