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
