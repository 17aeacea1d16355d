"""The `story` fixture: the production story's compose project, up on the real engine."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo
from tests.helpers.story import Story


@pytest.fixture
def story(repo: Repo, compose_project_factory: Callable[[], ComposeProject],
          pybox_image: str) -> Story:
    s = Story(repo, compose_project_factory(), pybox_image)
    s.up()
    return s
