"""The published schemas and what envsync really writes agree: one run on the engine that
writes every kind of document (snapshots with containers, stats and health; restore-point
manifests; diff, drift and gate JSON; a rollback log line), each checked with the reference
validator (jsonschema, Draft 2020-12) and with envsync's own."""

from __future__ import annotations

import json

import pytest

from tests.helpers.documents import check_document, check_documents
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def test_every_document_of_a_real_run_matches_its_schema(stack: Stack) -> None:
    taken = stack.cli("snapshot", "prod")  # with runtime: containers, stats, health
    assert taken.exit_code == 0, taken.stderr
    point = stack.backup("--no-images")
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: debug"))
    stack.repo.commit("bad config")
    stack.up()

    outputs = {
        "diff": stack.cli("diff", point["snapshot"], "prod", "--format", "json"),
        "drift": stack.cli("drift", "prod", "--format", "json"),
        "gate": stack.cli("gate", "prod", "--baseline", point["snapshot"], "--format", "json"),
    }
    for command, result in outputs.items():
        assert result.exit_code in (0, 1), (command, result.stderr)
        document = json.loads(result.stdout)
        assert check_document(document, "diff", f"envsync {command} --format json") == []
    assert json.loads(outputs["diff"].stdout)["findings"], "the diff should find the change"

    rolled = stack.cli("rollback", "prod", "--level", "1", "--to", point["tag"], "--execute",
                       "--yes")
    assert rolled.exit_code == 0, rolled.stdout + rolled.stderr

    seen, problems = check_documents(stack.repo.path)
    assert problems == []
    # snapshot + backup + before-rollback; two manifests; one log line
    assert seen["snapshot"] >= 3 and seen["restore-point"] >= 2 and seen["rollback-log"] == 1
    stored = [json.loads(p.read_text())
              for p in (stack.repo.path / "snapshots" / "prod").glob("2*.json")]
    assert any(s["containers"] and s["stats"] and s["health"] for s in stored)
