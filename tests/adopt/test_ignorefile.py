"""``.envsyncignore``: globs over finding paths, ``!`` re-includes, ``#`` comments, dotted
keys; read by every comparing command, looked past by ``--strict``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from envsync.diff.engine import DiffResult, apply_filters
from envsync.diff.ignorefile import append_baseline, finding_glob, read_ignore_file
from envsync.errors import ConfigError
from envsync.model import Finding, Kind, Severity
from tests.helpers.cli import run_cli
from tests.helpers.documents import minimal_snapshot
from tests.helpers.git import Repo

LABEL = "com.docker.compose.project"
TEAM = "org.example.team"  # compose's own labels are normalised away before a diff


def _finding(*segments: str) -> Finding:
    return Finding(path=".".join(segments), kind=Kind.CHANGED, category="x",
                   severity=Severity.HIGH, message="m", segments=segments)


def _kept(rules: list[str], *findings: Finding) -> list[str]:
    result = DiffResult(a="a", b="b", findings=list(findings))
    return [f.path for f in apply_filters(result, ignore=rules).findings]


def test_a_dotted_key_inside_a_path_is_matched_as_one_key() -> None:
    label = _finding("containers", "web", "labels", LABEL)
    other = _finding("containers", "web", "labels", "com.example.team")
    assert _kept([f"containers.*.labels.{LABEL}"], label, other) == [other.path]
    assert _kept(["containers.*.labels.com.docker.*"], label, other) == [other.path]
    # a rule naming more than the key does not match it
    assert _kept([f"containers.*.labels.{LABEL}.x"], label) == [label.path]


def test_the_last_matching_line_wins_and_bang_takes_back() -> None:
    cmd = _finding("containers", "web", "command")
    env = _finding("containers", "web", "env", "LOG_LEVEL")
    bot = _finding("containers", "bot", "env", "LOG_LEVEL")
    assert _kept(["containers.*", "!containers.web.command"], cmd, env, bot) == [cmd.path]
    # a later ignore drops again what an earlier ! took back
    assert _kept(["containers.*", "!containers.web", "containers.web.env"],
                 cmd, env, bot) == [cmd.path]
    # ! alone re-includes nothing that was not dropped
    assert _kept(["!containers.web.command"], cmd) == [cmd.path]


def test_comments_blank_lines_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / ".envsyncignore"
    path.write_text("# accepted on Monday\n\n  containers.*.labels  \n!containers.web.labels.a\n")
    assert read_ignore_file(path) == ("containers.*.labels", "!containers.web.labels.a")
    assert read_ignore_file(tmp_path / "missing") == ()
    path.write_text("containers.*.labels\ncontainers..env\n")
    with pytest.raises(ConfigError, match=r"\.envsyncignore:2: 'containers\.\.env'"):
        read_ignore_file(path)
    path.write_text("!\n")
    with pytest.raises(ConfigError, match=r":1: "):
        read_ignore_file(path)


def test_a_written_rule_matches_its_finding_and_only_it(tmp_path: Path) -> None:
    odd = _finding("containers", "web", "labels", "weird*[key]?.x")
    near = _finding("containers", "web", "labels", "weirdXX[key]?.x")
    rule = finding_glob(odd)
    assert _kept([rule], odd, near) == [near.path]
    path = tmp_path / ".envsyncignore"
    path.write_text("# mine\ncontainers.*.labels.keep")
    assert append_baseline(path, [odd, odd], "baseline prod") == [rule]
    assert append_baseline(path, [odd], "baseline prod") == []  # already there
    lines = path.read_text().splitlines()
    assert lines[:2] == ["# mine", "containers.*.labels.keep"]
    assert lines[-1] == rule and lines[-2].startswith("# baseline prod (")


def _snapshots(root: Path) -> tuple[Path, Path]:
    a, b = minimal_snapshot("prod"), minimal_snapshot("prod", "2026-11-30T07:15:00Z")
    for snap, (project, cmd, level) in ((a, ("one", "run", "info")), (b, ("two", "serve", "debug"))):
        snap["containers"] = {"web": _container(project, cmd, level)}
    pa, pb = root / "a.json", root / "b.json"
    pa.write_text(json.dumps(a))
    pb.write_text(json.dumps(b))
    return pa, pb


def _container(project: str, command: str, level: str) -> dict[str, Any]:
    return {"name": "demo-web-1", "service": "web", "image": "web:1", "image_id": "sha256:1",
            "state": "running", "health": None, "restart_count": 0, "started_at": None,
            "command": [command], "entrypoint": None, "env": {"LOG_LEVEL": level},
            "ports": [], "mounts": [], "labels": {TEAM: project}, "restart_policy": "no",
            "memory_limit_mb": None, "network_mode": "bridge", "user": None,
            "healthcheck": None}


def _paths(repo: Repo, *args: str) -> set[str]:
    result = run_cli("diff", "a.json", "b.json", "--format", "json", *args, cwd=repo.path)
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return {f["path"] for f in json.loads(result.stdout)["findings"]}


def test_diff_honours_the_file_beside_envsync_yaml_and_strict_looks_past_it(repo: Repo) -> None:
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n")
    _snapshots(repo.path)
    everything = _paths(repo)
    assert {f"containers.web.labels.{TEAM}", "containers.web.command",
            "containers.web.env.LOG_LEVEL"} <= everything
    repo.write(".envsyncignore", f"# accepted\ncontainers.*.labels.{TEAM}\n"
               "containers.web.env\ncontainers.web.command\n!containers.web.command\n")
    assert _paths(repo) == {"containers.web.command"}
    assert _paths(repo, "--strict") == everything
    repo.write(".envsyncignore", "containers.web\ncontainers.*.*..\n")
    bad = run_cli("diff", "a.json", "b.json", cwd=repo.path)
    assert bad.exit_code == 2
    assert ".envsyncignore:2: 'containers.*.*..'" in bad.stderr
    assert "Traceback" not in bad.stderr
