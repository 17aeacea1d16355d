"""The snapshot and finding types, and their schema versions.

A snapshot is kept as the plain JSON document it is stored as (a ``dict``): it is read,
normalised and diffed as data. Findings are typed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from envsync.types import DriftEvidence

__all__ = [
    "DIFF_SCHEMA",
    "SNAPSHOT_SCHEMA",
    "Direction",
    "Finding",
    "Kind",
    "Severity",
    "Snapshot",
]

SNAPSHOT_SCHEMA = "envsync.snapshot/v1"
DIFF_SCHEMA = "envsync.diff/v1"

Snapshot = dict[str, Any]
"""One snapshot document, as stored (schema ``envsync.snapshot/v1``)."""


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so ``>=`` means "at least as bad"."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        """``"high"`` → ``Severity.HIGH``; raises ``ValueError`` naming the choices."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {text!r} (choose from {choices})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Kind(enum.StrEnum):
    """What happened to a value between the two sides."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Direction(enum.StrEnum):
    """For drift: which of committed / declared / running disagrees."""

    UNCOMMITTED = "uncommitted"
    RUNTIME_OVERRIDE = "runtime-override"
    NOT_DEPLOYED = "not-deployed"
    CONFLICT = "conflict"
    NOT_RUNNING = "not-running"
    UNDECLARED = "undeclared"


@dataclass
class Finding:
    """One difference between two sides, classified and explained."""

    path: str
    kind: Kind
    category: str
    severity: Severity
    message: str
    service: str | None = None
    before: Any = None
    after: Any = None
    direction: Direction | None = None
    expected: bool = False
    rule: str = ""
    extra: DriftEvidence | None = None
    """A running container's drift: the values and config hashes ``patch`` plans from."""
    segments: tuple[str, ...] = ()
    """The path as keys (a key may hold dots, e.g. a label); used for matching globs."""
    host: str | None = None
    """The host of a fleet (its name in ``engines:``) whose containers this is about."""

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON object of ``envsync.diff/v1``."""
        data: dict[str, Any] = {
            "path": self.path,
            "service": self.service,
            "kind": self.kind.value,
            "category": self.category,
            "severity": self.severity.label,
            "before": self.before,
            "after": self.after,
            "message": self.message,
            "direction": self.direction.value if self.direction else None,
            "expected": self.expected,
            "rule": self.rule,
        }
        if self.extra:
            data["extra"] = self.extra
        if self.host is not None:
            data["host"] = self.host
        return data
