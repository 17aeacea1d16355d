"""A step that fails stops the rollback, says what failed and how to go back, and leaves a
restore point of the state it left, from which the rollback itself is rolled back.
A failed precondition changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envsync.config import load_config
from envsync.plan import Step
from envsync.rollback.execute import execute_rollback, prepare_rollback
from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker


def test_archive_deleted_after_the_plan_was_made(stack: Stack) -> None:
    point = stack.backup()
    bad = stack.deploy_bad_image("web", "worker")
    config = load_config(stack.repo.path / "envsync.yaml")
    prepared = prepare_rollback(config=config, env_name="prod", level=2, to=point["tag"])
    titles = [s.title for s in prepared.rollback.plan.steps]
    assert titles[:4] == [f"load web's image from {point['tag']}",
                          f"tag {stack.good['web'][7:19]} as {stack.images['web']}",
                          f"load worker's image from {point['tag']}",
                          f"tag {stack.good['worker'][7:19]} as {stack.images['worker']}"]
    worker_archive = Path(point["manifest"]).parent / point["images"]["worker"]["archive"]

    def delete_when_step_3_starts(n: int, step: Step) -> None:
        if n == 3:  # the plan and its preconditions were fine; the archive goes now
            worker_archive.unlink()

    outcome = execute_rollback(prepared=prepared, on_step=delete_when_step_3_starts)
    assert outcome.result == "failed"
    assert [s["returncode"] == 0 for s in outcome.steps] == [True, True, False]
    assert outcome.not_run == [titles[3], "recreate web, worker"]
    assert outcome.failure is not None and "step 3/5" in outcome.failure
    assert "load worker's image" in outcome.failure
    # nothing was recreated; the web tag already points back at the good image
    assert stack.running_image("web") == bad["web"]
    assert stack.client.images.get(stack.images["web"]).id == stack.good["web"]
    log = stack.log()[-1]
    assert log["result"] == "failed" and log["failure"] == outcome.failure

    # the way back, as the summary prints it
    assert outcome.go_back == (f"envsync rollback prod --to {outcome.before_tag} --level 2 "
                               "--execute")
    back = stack.cli(*outcome.go_back.split()[1:], "--yes", "--format", "json")
    assert back.exit_code == 0, back.stdout + back.stderr
    assert json.loads(back.stdout)["result"] == "ok"
    # ...restores the state the failed rollback left: the tags back on the images that run
    assert stack.client.images.get(stack.images["web"]).id == bad["web"]
    assert stack.running_image("web") == bad["web"]
    assert outcome.before_snapshot is not None
    code, findings = stack.diff_against(outcome.before_snapshot)
    assert (code, findings) == (0, [])


def test_rendered_failure_says_what_failed_and_how_to_go_back(stack: Stack) -> None:
    point = stack.backup()
    stack.deploy_bad_image("web")
    for archive in (Path(point["manifest"]).parent / point["tag"]).iterdir():
        archive.unlink()
    before = stack.repo.git("tag", "--list")
    result = stack.cli("rollback", "prod", "--level", "2", "--execute", "--yes")
    assert result.exit_code == 2
    assert "is missing (pruned or deleted)" in result.stderr
    assert "nothing was changed" in result.stderr
    assert stack.repo.git("tag", "--list") == before  # no before-rollback point either
    assert stack.log()[-1]["result"] == "precondition-failed"


def test_uncommitted_edits_block_unless_forced(stack: Stack) -> None:
    point = stack.backup("--no-images")
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    stack.up()
    result = stack.cli("rollback", "prod", "--level", "1", "--to", point["tag"], "--execute",
                       "--yes")
    assert result.exit_code == 2 and "uncommitted edits" in result.stderr
    assert "LOG_LEVEL: warn" in stack.file.read_text()
    forced = stack.cli("rollback", "prod", "--level", "1", "--to", point["tag"], "--execute",
                       "--yes", "--force")
    assert forced.exit_code == 0, forced.stdout + forced.stderr
    assert "to go back:" in forced.stdout and "--force" in forced.stdout
    assert stack.repo.git("status", "--porcelain") == ""
    assert stack.diff_against(point["snapshot"]) == (0, [])


def test_rollback_without_a_point_or_with_an_unknown_one(stack: Stack) -> None:
    result = stack.cli("rollback", "prod", "--level", "1")
    assert result.exit_code == 2 and "no restore points" in result.stderr
    stack.backup("--no-images")
    unknown = stack.cli("rollback", "prod", "--level", "1", "--to", "prod-stable-19990101")
    assert unknown.exit_code == 2 and "no restore point" in unknown.stderr
    # a point exists, but what runs now started before it: nothing older to go back to
    default = stack.cli("rollback", "prod", "--level", "1")
    assert default.exit_code == 2 and "older than what runs now" in default.stderr
