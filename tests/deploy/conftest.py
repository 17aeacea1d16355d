"""The rollback tests' production stack (a git repository, two services on the engine)
serves the deploy tests too; tests/deploy/bg.py has the blue-green one (a proxy in front)."""

from __future__ import annotations

from tests.deploy.bg import bg_app_image, bg_stack, bg_stack_factory
from tests.rollback.conftest import health_url, stack, stack_factory

__all__ = ["bg_app_image", "bg_stack", "bg_stack_factory", "health_url", "stack", "stack_factory"]
