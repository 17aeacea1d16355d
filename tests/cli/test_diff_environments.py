"""Two environments of one compose application, on two branches, diffed for real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.app import PLANTED_SECRET, write_two_branch_app
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


@pytest.fixture
def app_repo(repo: Repo) -> Repo:
    write_two_branch_app(repo)
    return repo


def _findings(repo: Repo, *args: str) -> tuple[int, dict[str, dict[str, object]]]:
    result = run_cli("diff", "local", "prod", "--format", "json", *args, cwd=repo.path)
    doc = json.loads(result.stdout)
    assert doc["schema"] == "envsync.diff/v1"
    return result.exit_code, {f["path"]: f for f in doc["findings"]}


def test_diff_reports_command_env_port_and_image_with_severities(app_repo: Repo) -> None:
    code, found = _findings(app_repo)
    assert code == 1
    cmd = found["services.telegram-bot.command"]
    assert cmd["severity"] == "critical"
    assert cmd["service"] == "telegram-bot"
    assert cmd["message"] == (
        "telegram-bot: command is `python main.py` in prod, `python main_webhook.py` in local"
    )
    assert found["services.telegram-bot.environment.BOT_MODE"]["severity"] == "medium"
    missing = found["services.telegram-bot.environment.FEATURE_X"]
    assert (missing["kind"], missing["severity"]) == ("removed", "high")
    assert found["services.telegram-bot.environment.CACHE_TTL"]["before"] == "5"
    assert found["services.telegram-bot.environment.CACHE_TTL"]["after"] == "60"
    image = found["services.telegram-bot.image"]
    assert (image["before"], image["after"], image["severity"]) == (
        "envsync-test/bot:1", "envsync-test/bot:2", "high")
    assert found["services.market-data.image"]["severity"] == "high"
    port = found["services.market-data.ports.8001/tcp"]
    assert (port["before"], port["after"], port["severity"]) == (
        "127.0.0.1:8001", "127.0.0.1:9001", "high")
    added = found["env_files.env_file.REGION"]
    assert (added["kind"], added["severity"]) == ("added", "high")


def test_same_environment_against_itself_is_clean(app_repo: Repo) -> None:
    result = run_cli("diff", "local", "local", cwd=app_repo.path)
    assert result.exit_code == 0, result.stdout
    assert "no differences" in result.stdout


def test_fail_on_threshold_and_ignore(app_repo: Repo) -> None:
    code, _ = _findings(app_repo, "--fail-on", "critical")
    assert code == 1
    code, found = _findings(app_repo, "--fail-on", "critical",
                            "--ignore", "services.*.command")
    assert code == 0
    assert "services.telegram-bot.command" not in found
    assert "services.telegram-bot.image" in found


def test_expect_different_downgrades_to_info(app_repo: Repo) -> None:
    cfg = app_repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text() + 'expect_different: ["services.*.environment.BOT_MODE"]\n')
    _, found = _findings(app_repo)
    mode = found["services.telegram-bot.environment.BOT_MODE"]
    assert mode["severity"] == "info" and mode["expected"] is True


def test_table_groups_by_service_with_summary(app_repo: Repo) -> None:
    result = run_cli("diff", "local", "prod", cwd=app_repo.path)
    assert result.exit_code == 1
    out = result.stdout
    assert out.index("market-data") < out.index("telegram-bot")
    assert "local ↔ prod:" in out and "1 critical" in out


def test_stored_snapshots_diff_like_live_ones(app_repo: Repo) -> None:
    for env in ("local", "prod"):
        assert run_cli("snapshot", env, cwd=app_repo.path).exit_code == 0
    live = _findings(app_repo)[1]
    result = run_cli("diff", "local@latest", "prod@latest", "--format", "json",
                     cwd=app_repo.path)
    assert result.exit_code == 1
    stored = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert stored == set(live)
    files = sorted((app_repo.path / "snapshots" / "local").iterdir())
    by_path = run_cli("diff", files[0], "prod@latest", "--format", "json", cwd=app_repo.path)
    assert {f["path"] for f in json.loads(by_path.stdout)["findings"]} == set(live)


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "sarif", "junit", "github"])
def test_secret_appears_in_no_output_and_change_is_still_seen(app_repo: Repo, fmt: str) -> None:
    result = run_cli("diff", "local", "prod", "--format", fmt, cwd=app_repo.path)
    assert result.exit_code == 1
    assert PLANTED_SECRET not in result.stdout + result.stderr
    assert "7302912345" not in result.stdout
    if fmt == "json":
        tok = {f["path"]: f for f in json.loads(result.stdout)["findings"]}[
            "services.telegram-bot.environment.TELEGRAM_TOKEN"]
        assert tok["kind"] == "changed"
        assert tok["before"].startswith("secret:hmac-sha256:")
        assert tok["before"] != tok["after"]
        assert "secret value differs" in tok["message"]


def test_secret_appears_in_no_snapshot(app_repo: Repo) -> None:
    result = run_cli("snapshot", "prod", "--format", "json", cwd=app_repo.path)
    assert result.exit_code == 0
    assert PLANTED_SECRET not in result.stdout
    stored = list((app_repo.path / "snapshots" / "prod").iterdir())
    assert len(stored) == 1
    text = stored[0].read_text()
    assert PLANTED_SECRET not in text
    doc = json.loads(text)
    assert doc["env_files"]["services/.env"]["TELEGRAM_TOKEN"].startswith("secret:")
    assert doc["env_files"]["services/.env"]["CACHE_TTL"] == "60"


def test_snapshot_output_says_where_and_summarises(app_repo: Repo) -> None:
    result = run_cli("snapshot", "local", cwd=app_repo.path)
    assert result.exit_code == 0
    written = Path(result.stdout.split("written to ", 1)[1].split()[0])
    assert written.parent == app_repo.path / "snapshots" / "local"
    assert "2 service(s)" in result.stdout
    out = app_repo.path / "mine.json"
    assert run_cli("snapshot", "local", "--out", out, cwd=app_repo.path).exit_code == 0
    assert json.loads(out.read_text())["schema"] == "envsync.snapshot/v1"
