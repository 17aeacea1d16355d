"""Pure diffing: normalise snapshots, run deepdiff, classify, filter. No I/O here."""

from __future__ import annotations

from typing import Any

from envsync.diff.engine import DiffResult, apply_filters, diff_normalised
from envsync.diff.normalise import normalise
from envsync.model import Snapshot

__all__ = ["DiffResult", "compare"]


def compare(
    a: Snapshot,
    b: Snapshot,
    *,
    a_label: str,
    b_label: str,
    ignore: tuple[str, ...] = (),
    expect_different: tuple[str, ...] = (),
) -> DiffResult:
    """Every difference between two snapshots that matters, classified and filtered."""
    na: dict[str, Any] = normalise(a)
    nb: dict[str, Any] = normalise(b)
    result = diff_normalised(na, nb, a_label=a_label, b_label=b_label)
    return apply_filters(result, ignore=ignore, expect_different=expect_different)
