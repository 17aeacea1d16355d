"""Exit codes, everywhere (as diff(1))."""

from __future__ import annotations

__all__ = ["CLEAN", "FINDINGS", "INTERRUPTED", "TROUBLE"]

CLEAN = 0
"""No finding at or above ``--fail-on``."""
FINDINGS = 1
"""Findings at or above ``--fail-on``."""
TROUBLE = 2
"""Bad input, an unreachable source, or a bug."""
INTERRUPTED = 130
"""Interrupted (Ctrl-C)."""
