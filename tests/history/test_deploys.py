"""Deploys in ``envsync history`` and in the HTML report's timeline, without an engine:
deploys.jsonl lines written by hand that satisfy the deploy-log schema, and bad ones that
are named and skipped."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from envsync.schemas import validate
from envsync.store import write_snapshot
from tests.adopt.test_html_stored import _snap
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

COMMIT_A = "a" * 40
COMMIT_B = "b" * 40


def _deploy(started: str, ref: str, commit: str, result: str, seconds: float,
            failure: str | None = None, rollback: dict[str, Any] | None = None) -> dict[str, Any]:
    entry = {"schema": "envsync.deploy-log/v1", "started": started, "environment": "prod",
             "ref": ref, "commit": commit, "result": result,
             "steps": [{"title": "pull", "command": "docker compose pull", "returncode": 0,
                        "seconds": 1.5}],
             "not_run": [], "failure": failure, "restore_point": "prod-pre-deploy-1",
             "rollback": rollback, "seconds": seconds}
    validate(entry, "deploy-log", "test")  # the test's lines are what deploy writes
    return entry


@pytest.fixture
def prod(repo: Repo) -> Repo:
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n")
    for i, used in enumerate((20.0, 35.5, 48.0)):
        write_snapshot(repo.path / "snapshots", _snap(f"2026-11-2{i + 5}T07:00:00Z", used,
                                                      "info"))
    lines = [
        _deploy("2026-11-26T10:00:00Z", "v1.4", COMMIT_A, "ok", 42.3),
        _deploy("2026-11-27T11:30:00Z", "v1.5", COMMIT_B, "failed", 75.0,
                failure="health check web failed after the switch",
                rollback={"level": 1, "to": "prod-pre-deploy-2", "result": "ok",
                          "failure": None}),
    ]
    (repo.path / "snapshots" / "prod" / "deploys.jsonl").write_text(
        "".join(json.dumps(e) + "\n" for e in lines))
    return repo


def test_history_lists_each_deploy(prod: Repo) -> None:
    result = run_cli("history", "prod", cwd=prod.path)
    assert result.exit_code == 0, result.stdout + result.stderr
    out = result.stdout
    assert "prod: deploys" in out
    first = next(line for line in out.splitlines() if "v1.4" in line)
    assert "2026-11-26T10:00:00Z" in first and COMMIT_A[:12] in first and " ok " in first
    assert "42.3" in first and re.search(r"│ no\s+│", first)
    second = next(line for line in out.splitlines() if "v1.5" in line)
    assert "failed" in second and "75.0" in second and "level 1 to prod-pre-deploy-2" in second
    assert out.index("v1.4") < out.index("v1.5")


def test_html_timeline_shows_deploys(prod: Repo) -> None:
    result = run_cli("report", "--stored", "--html", "r.html", cwd=prod.path)
    assert result.exit_code == 0, result.stdout + result.stderr
    html = (prod.path / "r.html").read_text()
    timeline = html.split("Backups, deploys and rollbacks of prod", 1)[1]
    assert f"deploy v1.4 ({COMMIT_A[:12]})" in timeline and "ok in 42 s" in timeline
    assert re.search(r"deploy v1\.5 \(b{12}\)</td><td class=\"bad\">failed in 75 s: health "
                     r"check web failed after the switch; rolled back \(level 1 to "
                     r"prod-pre-deploy-2: ok\)", timeline)


@pytest.mark.malformed_documents  # deploys.jsonl holds bad lines on purpose
def test_bad_deploy_lines_are_named_and_skipped(prod: Repo) -> None:
    log = prod.path / "snapshots" / "prod" / "deploys.jsonl"
    with log.open("a") as fh:
        fh.write("not json\n")
        fh.write(json.dumps({"started": "2026-11-28T09:00:00Z", "ref": "v9"}) + "\n")
    result = run_cli("history", "prod", cwd=prod.path)
    assert result.exit_code == 2
    assert "v1.4" in result.stdout and "v1.5" in result.stdout and "v9" not in result.stdout
    assert re.search(r"deploys\.jsonl:3: [^\n]*; skipped", result.stderr)
    assert re.search(r"deploys\.jsonl:4: [^\n]*; skipped", result.stderr)
    assert "Traceback" not in result.stderr
    report = run_cli("report", "--stored", "--html", "r.html", cwd=prod.path)
    html = (prod.path / "r.html").read_text()
    assert report.exit_code == 0 and re.search(r"deploys\.jsonl:4: [^<]*; skipped", html)


def test_history_json_holds_the_deploys(prod: Repo) -> None:
    result = run_cli("history", "prod", "--format", "json", cwd=prod.path)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    validate(document, "history", "history --format json")
    assert (document["schema"], document["environment"]) == ("envsync.history/v1", "prod")
    assert [s["time"] for s in document["snapshots"]] == [
        "2026-11-25T07:00:00Z", "2026-11-26T07:00:00Z", "2026-11-27T07:00:00Z"]
    first, second = document["deploys"]
    assert first == {"started": "2026-11-26T10:00:00Z", "ref": "v1.4", "commit": COMMIT_A,
                     "result": "ok", "seconds": 42.3, "failure": None, "rollback": None}
    assert (second["ref"], second["result"], second["rollback"]["to"]) == (
        "v1.5", "failed", "prod-pre-deploy-2")
    newest = json.loads(run_cli("history", "prod", "--format", "json", "-n", "1",
                                cwd=prod.path).stdout)
    assert [d["ref"] for d in newest["deploys"]] == ["v1.5"]
