"""The exception the generated validators raise, without importing fastjsonschema.

The code ``python -m envsync.schemas.compiled`` generates raises fastjsonschema's
exceptions; importing fastjsonschema for two classes costs about 4 ms (its generators and
``decimal``) on every command that loads a document. These classes take the same
arguments and keep the attributes :func:`envsync.schemas.validate` reads.
"""

from __future__ import annotations

from typing import Any

__all__ = ["JsonSchemaValueException", "JsonSchemaValuesException"]


class JsonSchemaValueException(ValueError):
    """One value breaks one rule: ``name`` is its place (``data.compose.services``),
    ``rule`` the keyword it breaks, ``definition`` the schema part holding the rule."""

    def __init__(self, message: str, value: Any = None, name: str | None = None,
                 definition: Any = None, rule: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.name = name
        self.definition = definition
        self.rule = rule

    @property
    def rule_definition(self) -> Any:
        if not self.rule or not self.definition:
            return None
        return self.definition.get(self.rule)


class JsonSchemaValuesException(ValueError):
    """Several broken rules at once (only raised when fast_fail is off, as it never is
    here; the generated code names it)."""

    def __init__(self, errors: list[JsonSchemaValueException]) -> None:
        self.message = "; ".join(error.message for error in errors)
        super().__init__(self.message)
        self.errors = errors
