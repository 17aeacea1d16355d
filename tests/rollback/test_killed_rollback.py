"""`kill -9` of a real `rollback --execute` right after its `compose down`: nothing runs.
The next deploy and backup refuse in one line naming it and the command that finishes it;
its line is logged once; running that command brings everything back and clears it."""

from __future__ import annotations

import json

import pytest

from tests.deploy.test_killed import KILLED, _kill_at, _refused_as_killed
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def test_kill_9_after_compose_down(stack: Stack) -> None:
    point = stack.backup("--no-images")["tag"]
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    stack.repo.commit("bad config")
    stack.up()
    rollback = ["rollback", "prod", "--level", "3", "--to", point, "--execute", "--yes"]
    pid = _kill_at(stack.repo.path, rollback, "envsync: step 2/", after_s=0.3)
    line = _refused_as_killed(stack.cli, pid, "deploy", "prod", "--execute")
    assert f"the rollback to {point} (level 3)" in line and "during step 2/3" in line
    assert f"finish it with `envsync rollback prod --to {point} --level 3 --execute`" in line
    backup = stack.cli("backup", "prod")  # no `stable` point of an environment half down
    assert backup.exit_code == 2 and KILLED in backup.stderr
    log = stack.repo.path / "snapshots" / "prod" / "rollbacks.jsonl"
    (killed,) = [json.loads(x) for x in log.read_text().splitlines()]
    assert killed["result"] == "interrupted" and killed["interrupted_at"] == 2
    assert killed["before_tag"].startswith("prod-before-rollback-")

    again = stack.cli(*rollback)
    assert again.exit_code == 0, again.stdout + again.stderr
    assert {c.status for c in stack.project.containers()} == {"running"}
    assert len(stack.project.containers()) == 2
    assert "LOG_LEVEL=info" in stack.container("web").attrs["Config"]["Env"]
    assert stack.repo.git("rev-parse", "HEAD").strip() == stack.good_commit
    assert [json.loads(x)["result"] for x in log.read_text().splitlines()] == [
        "interrupted", "ok"]
    deploy = stack.cli("deploy", "prod", "--execute")
    assert deploy.exit_code == 0, deploy.stdout + deploy.stderr
