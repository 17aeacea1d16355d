"""A compose file that no longer parses (conflict markers committed by a merge gone
wrong) does not block the rollback that fixes it: levels 1 and 3 plan from the restore
point's snapshot and git objects, and find what runs by the project's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker

MARKERS = """\
<<<<<<< HEAD
      LOG_LEVEL: info
=======
      LOG_LEVEL: debug
>>>>>>> feature
"""


@pytest.mark.parametrize("level", ["1", "3"])
def test_conflict_markers_in_the_compose_file(stack: Stack, level: str) -> None:
    point = stack.backup("--no-images")
    good = stack.file.read_text()
    stack.file.write_text(good.replace("      LOG_LEVEL: info\n", MARKERS))
    stack.repo.commit("merge feature")
    assert stack.cli("snapshot", "prod").exit_code == 2  # compose rejects the file
    running = {c.id for c in stack.project.containers()}

    dry = stack.cli("rollback", "prod", "--level", level, "--to", point["tag"])
    assert dry.exit_code == 0, dry.stderr
    assert "the compose files do not parse now" in dry.stdout
    level2 = stack.cli("rollback", "prod", "--level", "2", "--to", point["tag"])
    assert level2.exit_code == 2 and "levels 1 and 3 restore them" in level2.stderr

    result = stack.cli("rollback", "prod", "--level", level, "--to", point["tag"],
                       "--execute", "--yes", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["result"] == "ok"
    assert stack.file.read_text() == good
    if level == "1":
        # the containers run the point's config already: none is recreated
        assert {c.id for c in stack.project.containers()} == running
        assert stack.diff_against(point["snapshot"], "git") == (0, [])
    else:
        assert stack.repo.git("rev-parse", "HEAD") == point["commit"]
        assert stack.diff_against(point["snapshot"]) == (0, [])
    # the state left is recorded too: what ran, without a compose part
    before = json.loads(Path(outcome["before_snapshot"]).read_text())
    assert before["compose"] is None
    assert {c["service"] for c in before["containers"].values()} == {"web", "worker"}
    assert any(e["part"] == "compose" for e in before["meta"]["errors"])
