"""Shared test setup: a pinned git identity, a fixed fingerprint key, the corpus path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.corpus import CORPUS

pytest_plugins = [
    "tests.helpers.git", "tests.helpers.docker", "tests.helpers.pybox", "tests.helpers.fs",
    "tests.helpers.documents",
]


@pytest.fixture(scope="session", autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Git identity and config, and the fingerprint key, fixed for every test."""
    home = tmp_path_factory.mktemp("config")
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = envsync tests\n\temail = tests@envsync.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
        "[tag]\n\tgpgsign = false\n[advice]\n\tdetachedHead = false\n"
    )
    saved = dict(os.environ)
    os.environ.update(
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        ENVSYNC_FINGERPRINT_KEY="envsync-test-key",
        XDG_CONFIG_HOME=str(home),
        XDG_STATE_HOME=str(home / "state"),  # crash logs of tests stay in the temp folder
        NO_COLOR="1",
        COLUMNS="200",
    )
    os.environ.pop("ENVSYNC_CONFIG", None)
    os.environ.pop("DOCKER_HOST", None) if os.environ.get("DOCKER_HOST", "").startswith("ssh") else None
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real-world cases kept in the repository (tests/corpus; see its README)."""
    return CORPUS
