"""patches.jsonl (one line per ``patch --to runtime --execute``) has a published schema: a
line is checked before it is appended and when read back, and ``envsync history`` shows the
patches; a bad line is named and skipped. Without an engine: the plan's step is `false`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from envsync.config import load_config
from envsync.errors import EnvsyncError
from envsync.patch.runtime import execute_runtime_patch
from envsync.patchlog import append_patch
from envsync.plan import Plan, Step
from envsync.schemas import validate
from envsync.secrets import Redactor
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


@pytest.fixture
def prod(repo: Repo) -> Repo:
    repo.write("compose.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n"
               "    compose: {files: [compose.yml], project: p}\n")
    repo.commit("app")
    return repo


def _log(repo: Repo) -> Path:
    return repo.path / "snapshots" / "prod" / "patches.jsonl"


def _run_failing_patch(repo: Repo) -> dict[str, Any]:
    config = load_config(repo.path / "envsync.yaml")
    plan = Plan(title="test")
    plan.add(Step(title="recreate web", argv=("false",), cwd=str(repo.path)))
    plan.services = ["web"]
    outcome = execute_runtime_patch(config, config.environment("prod"), plan,
                                    redactor=Redactor(b"k"))
    assert outcome.result == "failed"
    line: dict[str, Any] = json.loads(_log(repo).read_text().splitlines()[-1])
    return line


def test_the_written_line_matches_its_schema(prod: Repo) -> None:
    line = _run_failing_patch(prod)
    validate(line, "patch-log", "patches.jsonl")
    assert (line["schema"], line["to"], line["result"]) == ("envsync.patch-log/v1", "runtime",
                                                            "failed")
    assert [s["title"] for s in line["steps"]] == ["recreate web"]
    assert line["steps"][0]["returncode"] == 1


def test_a_line_off_the_schema_is_never_appended(tmp_path: Path) -> None:
    path = tmp_path / "patches.jsonl"
    with pytest.raises(EnvsyncError, match=r"patches\.jsonl \(the line being appended\): \$"):
        append_patch(path, {"to": "runtime", "result": "fine"})
    assert not path.exists()


@pytest.mark.malformed_documents  # patches.jsonl holds bad lines on purpose
def test_history_shows_patches_and_names_bad_lines(prod: Repo) -> None:
    _run_failing_patch(prod)
    with _log(prod).open("a") as fh:
        fh.write("not json\n")
        fh.write(json.dumps({"to": "runtime", "started": "2026-11-28T09:00:00Z"}) + "\n")
    result = run_cli("history", "prod", cwd=prod.path)
    assert result.exit_code == 2
    assert "prod: runtime patches" in result.stdout
    row = next(ln for ln in result.stdout.splitlines() if "recreate web" in ln)
    assert "failed" in row
    assert re.search(r"patches\.jsonl:2: [^\n]*; skipped", result.stderr)
    assert re.search(r"patches\.jsonl:3: \$: missing key [^\n]*; skipped", result.stderr)
    document = json.loads(run_cli("history", "prod", "--format", "json", cwd=prod.path).stdout)
    validate(document, "history", "history --format json")
    [patch] = document["patches"]
    assert (patch["result"], patch["steps"]) == ("failed", ["recreate web"])
    assert patch["failure"].startswith("step 1/1 (recreate web) failed")
