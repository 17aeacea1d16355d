"""The `swarm:` block of envsync.yaml: read, and each mistake named with file:line (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from envsync.config import load_config
from envsync.errors import ConfigError
from envsync.swarmconfig import UPDATE_DEFAULTS, go_seconds
from tests.helpers.cli import run_cli

BASE = """\
environments:
  prod:
    git: .
    compose: {files: [stack.yml]}
"""


def _write(tmp_path: Path, swarm: str, base: str = BASE) -> Path:
    path = tmp_path / "envsync.yaml"
    path.write_text(base + swarm)
    return path


def test_a_stack_with_defaults_and_overrides(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, "    swarm: {stack: shop, update: {monitor: 30s, "
                                          "parallelism: 2}}\n"))
    env = config.environment("prod")
    assert env.swarm is not None and env.swarm.stack == "shop"
    assert env.swarm.update == {**UPDATE_DEFAULTS, "monitor": "30s", "parallelism": 2}
    assert env.compose is not None and env.compose.project == "shop"
    short = load_config(_write(tmp_path, "    swarm: shop\n")).environment("prod")
    assert short.swarm is not None and short.swarm.update == UPDATE_DEFAULTS


@pytest.mark.parametrize(("swarm", "line", "needle"), [
    ("    swarm: {update: {order: start-first}}\n", 5, "swarm.stack: missing"),
    ("    swarm: {stack: 'no spaces'}\n", 5, "is not a stack name"),
    ("    swarm:\n      stack: s\n      update: {order: sideways}\n", 7, "'sideways'"),
    ("    swarm:\n      stack: s\n      update: {monitor: soon}\n", 7, "not a duration"),
    ("    swarm:\n      stack: s\n      update: {parallelism: -1}\n", 7, "whole number"),
    ("    swarm:\n      stack: s\n      replicas: 3\n", 7, "unknown key"),
    ("    swarm:\n      stack: s\n      converge_timeout: 0\n", 7, "positive number"),
])
def test_mistakes_name_file_and_line(tmp_path: Path, swarm: str, line: int,
                                     needle: str) -> None:
    path = _write(tmp_path, swarm)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert f"{path}:{line}:" in str(caught.value) and needle in str(caught.value)
    result = run_cli("--config", path, "snapshot", "prod")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_stack_needs_its_compose_files(tmp_path: Path) -> None:
    path = _write(tmp_path, "    swarm: {stack: s}\n", base="environments:\n  prod:\n    git: .\n")
    with pytest.raises(ConfigError, match=r"envsync.yaml:4: swarm: .*needs `compose"):
        load_config(path)


def test_go_durations() -> None:
    assert go_seconds("1m30s") == 90 and go_seconds("500ms") == 0.5
    assert go_seconds("10") is None and go_seconds("abc") is None
