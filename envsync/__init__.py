"""envsync: find and fix configuration drift between the environments of a Compose app."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
