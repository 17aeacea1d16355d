"""A deploys.jsonl that is cut short, garbage, huge or not a file: ``history`` names the
line (or the file) and skips it, in one warning line, and still shows the rest (exit 2
says something was skipped); never a traceback, never the secret a bad line holds.
Before: one line of bytes that are not UTF-8 made the whole log "not UTF-8 text" and
every deploy in it was hidden; the log is now decoded line by line."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import ENVSYNC, envsync

CONFIG = ("environments:\n  local:\n    git: .\n    compose: {files: [dc.yml]}\n"
          "    runtime: false\n")
GOOD = {"schema": "envsync.deploy-log/v1", "started": "2026-11-29T20:00:00Z",
        "environment": "local", "ref": "v1.0.0", "commit": "a" * 40, "result": "ok",
        "steps": [], "not_run": [], "seconds": 1.5, "failure": None}


@pytest.fixture
def logs(repo: Repo) -> Path:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    assert envsync("snapshot", "local", "--no-runtime", cwd=repo.path).returncode == 0
    return repo.path / "snapshots" / "local"


LINES = {
    "cut short": (b'{"schema": "envsync.deploy-log/v1", "started": "2026', "not valid JSON"),
    "binary": (b"\x00\xff\xfe garbage", "not UTF-8"),
    "nested 10^5 deep": (b"[" * 100_000, "nested deeper"),
    "a number of 10^5 digits": (b"1" * 100_000, "not valid JSON"),
    "a lone surrogate": (b'{"a": "\\ud800"}', "surrogate"),
    "a record with a token and no failure key": (
        json.dumps({**GOOD, "ref": "main --token=DgTok7713pqWe"} | {"failure": 1}).encode(),
        "failure"),
}


pytestmark = pytest.mark.malformed_documents  # the logs hold bad lines on purpose


@pytest.mark.parametrize("case", sorted(LINES))
def test_a_bad_line_is_named_and_skipped(logs: Path, case: str) -> None:
    bad, needle = LINES[case]
    good = json.dumps(GOOD).encode()
    (logs / "deploys.jsonl").write_bytes(good + b"\n" + bad + b"\n" + good + b"\n")
    for fmt in ("table", "json") if case == "cut short" else ("table",):
        proc = envsync("history", "local", "--format", fmt, cwd=logs.parents[1])
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and "DgTok77" not in proc.stdout + proc.stderr
        warnings = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        assert len(warnings) == 1 and "deploys.jsonl:2" in warnings[0], proc.stderr
        assert needle in warnings[0], warnings
        assert ("v1.0.0" in proc.stdout) if fmt == "table" \
            else len(json.loads(proc.stdout)["deploys"]) == 2


@pytest.mark.parametrize("kind", ["folder", "/dev/zero", "dangling", "17 MiB"])
def test_a_log_that_cannot_be_read_is_one_warning(logs: Path, kind: str) -> None:
    path = logs / "deploys.jsonl"
    if kind == "folder":
        path.mkdir()
    elif kind == "17 MiB":
        path.write_bytes((json.dumps(GOOD) + "\n").encode() * (17 * 2**20 // 240))
    else:
        path.symlink_to(kind if kind.startswith("/") else "nowhere")
    proc = envsync("history", "local", cwd=logs.parents[1])
    warnings = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2 and len(warnings) == 1, proc.stderr
    assert str(path) in warnings[0] and "Traceback" not in proc.stderr
    assert "stored snapshots" in proc.stdout


def test_a_patch_log_line_with_secrets_is_scrubbed_at_every_width(logs: Path) -> None:
    password, token = "PtPw8876xQzR", "PtTok1193asDf"
    record = {"schema": "envsync.patch-log/v1", "to": "runtime", "environment": "local",
              "started": "2026-11-29T20:00:00Z", "result": "failed",
              "steps": [{"title": f"recreate web --token={token}",
                         "command": f"docker compose up --password={password}",
                         "returncode": 1, "seconds": 1.0}],
              "failure": f"token={token} postgres://u:{password}@h/x", "signal": None,
              "interrupted_at": None, "settled": [], "seconds": 1.5,
              "differences": [f"web: DATABASE_URL=postgres://u:{password}@db/x"]}
    (logs / "patches.jsonl").write_text(json.dumps(record) + "\n")
    shown = ""
    for columns, fmt in (("40", "table"), ("200", "table"), ("80", "json")):
        proc = subprocess.run([ENVSYNC, "history", "local", "--format", fmt],
                              cwd=logs.parents[1], capture_output=True, text=True,
                              env={**os.environ, "COLUMNS": columns}, check=False, timeout=60)
        assert proc.returncode == 0, proc.stderr
        shown += proc.stdout + proc.stderr
    assert "runtime patches" in shown or "patches" in shown
    for secret in (password, token):
        assert [secret[i:i + 5] for i in range(len(secret) - 4)
                if secret[i:i + 5] in shown] == []


def test_markup_in_a_deploy_record_is_escaped_in_the_html_report(logs: Path,
                                                                 tmp_path: Path) -> None:
    record = {**GOOD, "result": "failed", "ref": '<script>alert(1)</script>"><img src=x '
              "onerror=alert(2)>", "failure": "</td><script>alert(3)</script>"}
    (logs / "deploys.jsonl").write_text(json.dumps(record) + "\n")
    proc = envsync("report", "--stored", "--html", tmp_path / "r.html", cwd=logs.parents[1])
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "r.html").read_text()
    assert "&lt;script&gt;alert(1)" in html  # the record is there, escaped
    assert "<script>alert" not in html and "<img" not in html
