"""The rollback tests' production stack (a git repository, two services on the engine)
serves the deploy tests too."""

from __future__ import annotations

from tests.rollback.conftest import health_url, stack, stack_factory

__all__ = ["health_url", "stack", "stack_factory"]
