"""Adopting envsync on a running system: ``approve`` + ``gate``, ``baseline`` + ``drift``,
on the real engine."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.story import SECRET, Story

pytestmark = pytest.mark.docker


def _hand_fix(story: Story, old: str, new: str) -> None:
    """A command changed on the host and the container recreated, the file put back."""
    original = story.file.read_text()
    story.file.write_text(original.replace(old, new))
    story.up("telegram-bot")
    story.file.write_text(original)


def test_approve_then_gate_passes_until_something_changes(story: Story) -> None:
    cwd = story.repo.path
    missing = run_cli("gate", "prod", cwd=cwd)
    assert missing.exit_code == 2 and "envsync approve prod" in missing.stderr
    # the system already drifts when envsync arrives: approve it as it is
    _hand_fix(story, "python main_webhook.py", "python main_webhook.py --hotfix")
    approved = run_cli("approve", "prod", cwd=cwd)
    assert approved.exit_code == 0, approved.stderr
    path = cwd / "snapshots" / "prod" / "approved.json"
    assert str(path) in approved.stdout
    assert "market-data, telegram-bot" in approved.stdout
    assert SECRET not in approved.stdout + path.read_text()
    assert json.loads(path.read_text())["schema"] == "envsync.snapshot/v1"
    assert not list(path.parent.glob("*.tmp"))

    ok = run_cli("gate", "prod", "--fail-on", "low", cwd=cwd)
    assert ok.exit_code == 0, ok.stdout
    assert json.loads(ok.stdout)["findings"] == []
    # history lists the stored snapshots, not the approval
    assert "approved.json" not in run_cli("history", "prod", cwd=cwd).stdout

    _hand_fix(story, "python main_webhook.py", "python main.py")
    bad = run_cli("gate", "prod", "--fail-on", "high", "--output", "junit=ci/gate.xml",
                  "--output", "json=ci/gate.json", cwd=cwd)
    assert bad.exit_code == 1
    found = {f["path"]: f["severity"] for f in json.loads(bad.stdout)["findings"]}
    assert found["containers.telegram-bot.command"] == "critical"
    # the files hold the same capture as stdout
    assert json.loads((cwd / "ci" / "gate.json").read_text()) == json.loads(bad.stdout)
    suite = ET.parse(cwd / "ci" / "gate.xml").getroot()
    assert "containers.telegram-bot.command" in {
        c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None}


def test_baseline_hides_todays_drift_and_reports_tomorrows(story: Story) -> None:
    cwd = story.repo.path
    _hand_fix(story, "python main_webhook.py", "python main_webhook.py --hotfix")
    code, today, _ = story.drift()
    assert code == 1 and today
    done = run_cli("baseline", "prod", cwd=cwd)
    assert done.exit_code == 0, done.stderr
    rules = (cwd / ".envsyncignore").read_text()
    for finding in today:
        assert finding["path"] in rules  # each of today's findings became a rule
    assert SECRET not in rules + done.stdout

    code, after, _ = story.drift()
    assert (code, after) == (0, [])
    again = run_cli("baseline", "prod", cwd=cwd)
    assert "no finding to accept" in again.stdout
    assert (cwd / ".envsyncignore").read_text() == rules

    # tomorrow: the memory limit is raised by hand on the other service
    story.container("market-data").update(mem_limit="96m", memswap_limit="96m")
    code, tomorrow, _ = story.drift()
    assert code == 1
    assert {f["path"] for f in tomorrow} == {"containers.market-data.memory_limit_mb"}
    # --strict still reports everything
    code, strict, _ = story.drift("--strict")
    assert {f["path"] for f in today} | {f["path"] for f in tomorrow} <= \
        {f["path"] for f in strict}
