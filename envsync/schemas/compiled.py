"""The schema validators, generated ahead of time: ``python -m envsync.schemas.compiled``.

Compiling a schema with fastjsonschema at run time costs about 70 ms (half of importing
typer) on every command that loads a snapshot; importing the same code from a module costs
a few. Each generated module, ``_validate_<name>.py`` beside this one, records the sha256 of
the schema it came from: :func:`load` takes it only while the schema file still has that
hash (else the caller compiles at run time), and a test keeps the modules current.
"""

from __future__ import annotations

import hashlib
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["load", "module_text", "write_all"]

HERE = Path(__file__).resolve().parent


def _module_name(name: str) -> str:
    return "_validate_" + name.replace("-", "_")


def schema_sha256(name: str) -> str:
    return hashlib.sha256((HERE / f"{name}.json").read_bytes()).hexdigest()


def load(name: str) -> Callable[[Any], Any] | None:
    """The generated validator of schema ``name``, or None when there is none or it was
    generated from another version of the schema."""
    try:
        module = importlib.import_module(f"envsync.schemas.{_module_name(name)}")
    except ImportError:
        return None
    if getattr(module, "SCHEMA_SHA256", None) != schema_sha256(name):
        return None
    validator: Callable[[Any], Any] = module.validate
    return validator


def module_text(name: str) -> str:
    """The source of ``_validate_<name>.py`` for the schema file as it is now."""
    import fastjsonschema

    from envsync.schemas import load_schema

    schema = load_schema(name)
    code = fastjsonschema.compile_to_code(schema)
    entry = "validate_" + "".join(c if c.isalnum() else "_" for c in schema["$id"])
    if f"def {entry}(" not in code:
        raise RuntimeError(f"{name}: fastjsonschema named its entry point differently")
    return (
        f"# Generated from {name}.json by `python -m envsync.schemas.compiled`: do not edit.\n"
        f"# fastjsonschema {fastjsonschema.VERSION}\n"
        "# mypy: ignore-errors\n"
        "# ruff: noqa\n"
        f"SCHEMA_SHA256 = {schema_sha256(name)!r}\n"
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
