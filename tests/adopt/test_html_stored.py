"""``envsync report --stored`` without an engine: stored snapshots, the rollback log, the
timeline and the memory chart; fingerprints never printed."""

from __future__ import annotations

import json
import re

import pytest

from envsync.store import write_snapshot
from tests.helpers.cli import run_cli
from tests.helpers.documents import minimal_snapshot
from tests.helpers.git import Repo

FINGERPRINT = "secret:hmac-sha256:0123456789abcdef"


def _snap(time: str, used: float, level: str) -> dict[str, object]:
    snap = minimal_snapshot("prod", time)
    model = {"name": "demo", "services": {"web": {
        "image": "web:1", "environment": {"LOG_LEVEL": level, "TOKEN": FINGERPRINT}}}}
    snap["compose"] = {"project": "demo", "files": [{"path": "c.yml", "sha256": "ab"}],
                       "env_file": None, "declared": model, "committed": model,
                       "hashes": {}, "committed_hashes": {}, "unversioned": []}
    snap["stats"] = {"web": {"memory_used_mb": used, "memory_limit_mb": None,
                             "cpu_percent": 1.0, "pids": 2}}
    snap["containers"] = {"web": {
        "name": "demo-web-1", "service": "web", "image": "web:1", "image_id": "sha256:1",
        "state": "running", "health": None, "restart_count": 0, "started_at": None,
        "command": None, "entrypoint": None, "env": {}, "ports": [], "mounts": [],
        "labels": {"com.docker.compose.project": "demo", "com.docker.compose.service": "web",
                   "com.docker.compose.container-number": "1"},
        "restart_policy": "no", "memory_limit_mb": None, "network_mode": "default",
        "user": None, "healthcheck": None}}
    snap["limits"] = {"memory_mb": {"web": 64.0}}
    return snap


@pytest.mark.malformed_documents  # rollbacks.jsonl holds a bad line on purpose
def test_stored_report_has_the_timeline_chart_and_no_fingerprint(repo: Repo) -> None:
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n  staging:\n    git: .\n")
    for i, used in enumerate((20.0, 35.5, 48.0)):
        write_snapshot(repo.path / "snapshots", _snap(f"2026-11-2{i + 6}T07:00:00Z", used,
                                                      "info"))
    staging = _snap("2026-11-28T07:00:00Z", 10.0, "debug")
    staging["meta"]["environment"] = "staging"  # type: ignore[index]
    staging["compose"]["declared"]["services"]["web"]["environment"]["TOKEN"] = (  # type: ignore[index]
        "secret:hmac-sha256:fedcba9876543210")
    write_snapshot(repo.path / "snapshots", staging)
    (repo.path / "snapshots" / "prod" / "rollbacks.jsonl").write_text(json.dumps({
        "started": "2026-11-27T09:00:00Z", "environment": "prod", "level": 1,
        "point": "prod-stable-20261126", "result": "ok", "steps": [], "not_run": [],
        "failure": None, "seconds": 6.2}) + "\nnot json\n")
    result = run_cli("report", "--stored", "--html", "r.html", cwd=repo.path)
    assert result.exit_code == 0, result.stdout + result.stderr
    html = (repo.path / "r.html").read_text()
    assert "hmac-sha256" not in html
    assert "rollback level 1 → prod-stable-20261126" in html and "ok in 6 s" in html
    assert re.search(r"rollbacks\.jsonl:2: [^<]*; skipped", html)  # named, not fatal
    assert re.search(r"environment\.TOKEN</td><td class=\"sev\">medium</td>"
                     r"<td[^>]*>secret differs</td><td[^>]*>secret differs</td>", html)
    assert re.search(r"environment\.LOG_LEVEL</td>.*?>info</td>.*?>debug</td>", html)
    # three stored points for prod, its limit as a dashed line
    prod = html.split('id="env-prod"', 1)[1].split('id="env-staging"', 1)[0]
    points = re.search(r'<polyline points="([^"]+)"', prod)
    assert points and len(points.group(1).split()) == 3
    assert "web limit 64" in prod
