"""A deploy log line holding a secret (written by hand or by another tool): ``history``'s
table clipped ``postgres://u:PASSWORD@h`` to ``postgres://u:PASSW…`` before the scrubber
saw it, and then it no longer looked like a URL password: six characters of it showed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

PASSWORD = "DlPw8876x"
TOKEN = "DlFailTok9981"


def test_a_secret_in_the_deploy_log_is_never_shown(repo: Repo, tmp_path: Path) -> None:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [dc.yml]}\n    runtime: false\n")
    repo.commit("app")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=repo.path).exit_code == 0
    line = {"schema": "envsync.deploy-log/v1", "started": "2026-11-29T20:00:00Z",
            "environment": "local", "ref": f"main --token={TOKEN}", "commit": "a" * 40,
            "result": "failed", "steps": [], "not_run": [], "seconds": 1.5,
            "failure": f"token={TOKEN} postgres://u:{PASSWORD}@h/x <b>x</b>"}
    (repo.path / "snapshots" / "local" / "deploys.jsonl").write_text(json.dumps(line) + "\n")
    shown = ""
    for args in (("history", "local"), ("history", "local", "--format", "json"),
                 ("report", "--stored", "--html", str(tmp_path / "r.html"))):
        result = run_cli(*args, cwd=repo.path)
        assert result.exit_code == 0, result.stderr
        shown += result.stdout + result.stderr
    shown += (tmp_path / "r.html").read_text()
    assert "failed" in shown
    for secret in (PASSWORD, TOKEN):
        assert not [secret[i:i + 6] for i in range(len(secret) - 5) if secret[i:i + 6] in shown]


def test_deploy_entries_are_scrubbed_before_any_column_clips_them(repo: Repo) -> None:
    from envsync.config import load_config
    from envsync.deploylog import load_deploys

    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [dc.yml]}\n    runtime: false\n")
    line = {"schema": "envsync.deploy-log/v1", "started": "2026-11-29T20:00:00Z",
            "environment": "local", "ref": f"main --token={TOKEN}", "commit": "a" * 40,
            "result": "failed", "steps": [], "not_run": [], "seconds": 1.5,
            "failure": f"token={TOKEN} postgres://u:{PASSWORD}@h/x"}
    (repo.path / "snapshots" / "local").mkdir(parents=True)
    (repo.path / "snapshots" / "local" / "deploys.jsonl").write_text(json.dumps(line) + "\n")
    (entry,), problems = load_deploys(load_config(repo.path / "envsync.yaml"), "local")
    assert problems == []
    text = f"{entry.ref} {entry.failure}"
    for secret in (PASSWORD, TOKEN):
        for cut in range(6, len(secret) + 1):  # what a clipped column would keep
            assert secret[:cut] not in text, text
