"""A stored snapshot written by an older envsync (or by hand) may hold a secret in clear:
every rendering of its diff is scrubbed on the way out, in every format, and so is --out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envsync.model import SNAPSHOT_SCHEMA
from tests.helpers.cli import run_cli

SECRET = "Old-Clear-9qW2eR7tY"
FORMATS = ("table", "json", "markdown", "sarif", "junit", "github")


def _snapshot(env: str, command: list[str]) -> dict[str, object]:
    """A snapshot of the shape take_snapshot writes, with a command in clear."""
    return {
        "schema": SNAPSHOT_SCHEMA,
        "meta": {"environment": env, "project": "p", "time": "2026-11-29T07:15:00Z",
                 "envsync_version": "0.1.0", "compose_version": "2.40.3", "engine": None,
                 "host": "h", "duration_s": 0.5, "errors": []},
        "git": {"path": "/srv/app", "branch": "main", "head": "a" * 40, "describe": "a",
                "tags": [], "subject": "init", "upstream": None, "dirty": [], "untracked": []},
        "compose": {"project": "p", "files": [{"path": "compose.yml", "sha256": "00"}],
                    "env_file": None, "committed": None, "hashes": {}, "unversioned": [],
                    "committed_hashes": None, "declared": {"services": {"app": {
                        "image": "envsync-test/busybox:1", "command": command}}}},
        "env_files": {},
        "containers": None, "stats": None, "health": None, "limits": {"memory_mb": {}},
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_secret_in_clear_in_a_stored_snapshot_is_never_printed(tmp_path: Path,
                                                                  fmt: str) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(_snapshot("a", ["app", "--password", SECRET, "--workers", "2"])))
    b.write_text(json.dumps(_snapshot("b", ["app", f"--dsn=postgres://u:{SECRET}@db/x"])))
    out = tmp_path / f"report.{fmt}"
    result = run_cli("diff", str(a), str(b), "--format", fmt, "--out", str(out),
                     cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    text = result.stdout + result.stderr + out.read_text()
    for i in range(len(SECRET) - 7):
        assert SECRET[i:i + 8] not in text, (fmt, text)
    assert "command" in text and "--workers" in text  # the rest is still there
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)  # still a valid document
    if fmt == "junit":
        from xml.etree import ElementTree

        ElementTree.fromstring(result.stdout)


RAW_TOKEN = "ghp_" + "Hand3dited" * 4  # a GitHub token pasted into a stored snapshot


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_hand_edited_snapshot_with_raw_values_is_masked_in_every_format(
        tmp_path: Path, fmt: str) -> None:
    """The JSON formats are scrubbed value by value, the others as text: in both, a raw
    token under a plain key, a plain value under a secret key (a whole service added, so
    its map is in the report) and that value quoted elsewhere are masked."""
    a_snap, b_snap = _snapshot("a", ["app"]), _snapshot("b", ["app"])
    declared = b_snap["compose"]["declared"]["services"]  # type: ignore[index]
    declared["app"]["environment"] = {"NOTE": RAW_TOKEN}
    declared["worker"] = {"image": "w:1", "environment": {"API_TOKEN": SECRET,
                                                          "HINT": f"was {SECRET}"}}
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(a_snap))
    b.write_text(json.dumps(b_snap))
    result = run_cli("diff", str(a), str(b), "--format", fmt, cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    for secret in (RAW_TOKEN, SECRET):
        for i in range(len(secret) - 7):
            assert secret[i:i + 8] not in result.stdout + result.stderr, (fmt, result.stdout)
    assert "worker" in result.stdout and "NOTE" in result.stdout
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)
