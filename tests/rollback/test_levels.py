"""Each rollback level executed for real, on the engine and a real git repository; after
each, `envsync diff <the restore point's snapshot> prod` finds nothing that matters.

Ignores used with that diff, and why:
- levels 1 and 2 only: ``git`` — level 1 restores the files, not the branch, so HEAD stays
  at the bad commit and the restored files show as uncommitted edits against it; level 2
  touches no file at all. Both are what those levels promise. Level 3 needs no ignore:
  HEAD, branch and tree are the restore point's.
Times, container ids and compose's bookkeeping labels are never compared by `diff`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rollback.conftest import HASH_LABEL, Stack

pytestmark = pytest.mark.docker


def _rollback(stack: Stack, *args: str) -> dict[str, object]:
    result = stack.cli("rollback", "prod", *args, "--execute", "--yes", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    outcome: dict[str, object] = json.loads(result.stdout)
    assert outcome["result"] == "ok"
    return outcome


def test_level1_after_a_bad_config_change(stack: Stack) -> None:
    point = stack.backup("--no-images")
    worker_id = stack.container("worker").id
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: debug")
                          .replace("python main_webhook.py", "python main.py"))
    stack.repo.commit("bad config")
    stack.up()
    assert stack.container("web").attrs["Config"]["Cmd"] == ["python", "main.py"]
    code, findings = stack.diff_against(point["snapshot"], "git")
    assert code == 1 and any(f["path"] == "containers.web.command" for f in findings)

    script = stack.cli("rollback", "prod", "--level", "1")
    assert script.exit_code == 0, script.stderr
    assert f"restore --source {point['tag']} --worktree" in script.stdout
    assert "up -d --no-deps -- web)\n" in script.stdout  # only the changed service

    outcome = _rollback(stack, "--level", "1")
    assert outcome["point"] == point["tag"]
    assert [s["returncode"] for s in outcome["steps"]] == [0, 0]  # type: ignore[index]
    assert outcome["health"] == {"api": {"status": "ok", "http_status": 200,
                                         "latency_ms": outcome["health"]["api"]["latency_ms"],  # type: ignore[index]
                                         "error": None}}
    assert stack.container("worker").id == worker_id  # left running, not recreated
    code, findings = stack.diff_against(point["snapshot"], "git")
    assert (code, findings) == (0, [])
    assert "LOG_LEVEL: info" in stack.file.read_text()
    assert stack.repo.git("diff", "--cached", "--name-only") == ""  # nothing left staged
    log = stack.log()
    assert log[-1]["result"] == "ok" and log[-1]["level"] == 1
    assert log[-1]["before_tag"].startswith("prod-before-rollback-")


def test_level2_after_a_bad_image_under_the_same_tag(stack: Stack) -> None:
    point = stack.backup()
    bad = stack.deploy_bad_image("web")
    assert stack.running_image("web") == bad["web"] != stack.good["web"]
    code, findings = stack.diff_against(point["snapshot"], "git")
    assert code == 1 and any(f["path"] == "containers.web.image_id" for f in findings)

    outcome = _rollback(stack, "--level", "2", "--to", point["tag"])
    titles = [s["title"] for s in outcome["steps"]]  # type: ignore[attr-defined]
    assert any(t.startswith("load web") for t in titles)
    assert not any(t.startswith("load worker") for t in titles)  # worker still runs its image
    assert titles[-1] == "recreate web"
    assert stack.running_image("web") == stack.good["web"]
    assert stack.client.images.get(stack.images["web"]).id == stack.good["web"]
    code, findings = stack.diff_against(point["snapshot"], "git")
    assert (code, findings) == (0, [])


def test_level3_after_a_bad_commit(stack: Stack) -> None:
    point = stack.backup("--no-images")
    stack.file.write_text(stack.file.read_text().replace("python -m services.market_data",
                                                         "python -m services.market_data --v2")
                          + f"  extra:\n    image: {stack.images['web']}\n"
                            "    command: python extra.py\n    network_mode: none\n")
    bad_commit = stack.repo.commit("bad release")
    stack.up()
    assert {c.labels["com.docker.compose.service"] for c in stack.project.containers()} == {
        "web", "worker", "extra"}

    script = stack.cli("rollback", "prod", "--level", "3").stdout
    assert "reset --hard" in script and "down --remove-orphans" in script
    assert "--build" not in script  # no service has a build section

    outcome = _rollback(stack, "--level", "3")
    assert len(outcome["steps"]) == 3  # type: ignore[arg-type]
    assert stack.repo.git("rev-parse", "HEAD") == stack.good_commit != bad_commit
    assert {c.labels["com.docker.compose.service"] for c in stack.project.containers()} == {
        "web", "worker"}
    code, findings = stack.diff_against(point["snapshot"])
    assert (code, findings) == (0, [])
    # compose agrees: what runs is what the restored files declare
    labels = {c.labels["com.docker.compose.service"]: c.labels[HASH_LABEL]
              for c in stack.project.containers()}
    snap = json.loads(Path(point["snapshot"]).read_text())
    assert labels == snap["compose"]["hashes"]
