"""Bounded work on any input: size limits, devices and pipes, JSON depth, YAML alias bombs,
and every loaded snapshot checked against its schema (diff, gate --baseline, history,
ENV@latest). Each case: one line naming the file, exit 2, no traceback, little memory."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from envsync.errors import EnvsyncError
from envsync.files import (
    MAX_JSON_DEPTH,
    parse_json,
    read_json_lines,
    read_text_bounded,
    size_text,
)
from envsync.yamlload import MAX_ALIAS_NODES, bounded_yaml
from tests.helpers.app import write_two_branch_app
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

pytestmark = pytest.mark.malformed_documents  # broken snapshots, on purpose


def _one_line_error(result: Any, *needles: str) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def app_repo(repo: Repo) -> Repo:
    write_two_branch_app(repo)
    return repo


@pytest.fixture
def good(app_repo: Repo, tmp_path: Path) -> Path:
    """A real snapshot of the app's `local` environment (no engine needed)."""
    out = tmp_path / "good.json"
    result = run_cli("snapshot", "local", "--no-runtime", "--out", out, cwd=app_repo.path)
    assert result.exit_code == 0, result.stderr
    return out


# -- the bounded reader ---------------------------------------------------------------

def test_a_file_over_its_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.env"
    with big.open("wb") as fh:  # sparse: 5 GiB on the size, nothing on the disk
        fh.truncate(5 * 1024**3)
    with pytest.raises(EnvsyncError, match=r"big\.env: env file is 5 GiB, over the limit of 1 KiB"):
        read_text_bounded(big, 1024, "env file")


def test_a_device_or_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EnvsyncError, match=r"^/dev/zero: is a device, not a snapshot file$"):
        read_text_bounded(Path("/dev/zero"), 1024, "snapshot file")
    with pytest.raises(EnvsyncError, match=r": is a folder, not a snapshot file$"):
        read_text_bounded(tmp_path, 1024, "snapshot file")


def test_a_pipe_is_read_up_to_the_limit_and_no_further() -> None:
    # As `envsync diff a.json <(endless)` would pass it: /dev/fd/N of a pipe that never ends.
    with subprocess.Popen(["yes"], stdout=subprocess.PIPE) as endless:
        assert endless.stdout is not None
        try:
            with pytest.raises(EnvsyncError, match=r"env file is larger than the limit of 128 KiB"):
                read_text_bounded(Path(f"/dev/fd/{endless.stdout.fileno()}"), 128 * 1024,
                                  "env file")
        finally:
            endless.kill()


def test_a_fifo_without_a_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert read_text_bounded(fifo, 1024, "env file") == ""


def test_text_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / ".env"
    bad.write_bytes(b"A=1\nB=\xff\n")
    with pytest.raises(EnvsyncError, match=r"\.env:2: env file is not UTF-8 text"):
        read_text_bounded(bad, 1024, "env file")


def test_sizes_read_as_people_write_them() -> None:
    assert (size_text(64 * 1024**2), size_text(1536), size_text(10)) == \
        ("64 MiB", "1.5 KiB", "10 bytes")


# -- JSON ------------------------------------------------------------------------------

def test_json_nested_100000_deep_is_one_line_not_a_recursion_error() -> None:
    for text in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        with pytest.raises(EnvsyncError, match=r"^s\.json: JSON nested deeper than 100 levels$"):
            parse_json(text, "s.json")
    # Deeper than the limit but shallow enough for Python's parser: refused all the same.
    with pytest.raises(EnvsyncError, match="nested deeper"):
        parse_json("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "s.json")
    assert parse_json("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, "s.json") is not None


def test_json_errors_name_the_line() -> None:
    with pytest.raises(EnvsyncError, match=r"^s\.json:3: not valid JSON: "):
        parse_json('{\n"a": 1,\n}', "s.json")
    with pytest.raises(EnvsyncError, match=r"^s\.json: not valid JSON: "):
        parse_json("1" * 5000, "s.json")  # past Python's digit limit for integers


def test_json_lines_keep_the_good_lines_and_name_the_bad_ones(tmp_path: Path) -> None:
    log = tmp_path / "rollbacks.jsonl"
    log.write_text('{"a": 1}\n\nnot json\n{"b": 2}\n')
    documents, problems = read_json_lines(log, 1024, "log")
    assert documents == [(1, {"a": 1}), (4, {"b": 2})]
    assert len(problems) == 1
    assert problems[0].startswith(f"{log}:3: not valid JSON")


# -- YAML -------------------------------------------------------------------------------

_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))


def test_a_yaml_alias_bomb_is_refused_at_its_line() -> None:
    from ruamel.yaml.error import YAMLError

    with pytest.raises(YAMLError) as caught:
        bounded_yaml().load(_BOMB)
    assert f"more than {MAX_ALIAS_NODES:,} nodes" in str(caught.value.problem)  # type: ignore[attr-defined]
    assert caught.value.problem_mark.line + 1 in range(2, 11)  # type: ignore[attr-defined]


def test_ordinary_anchors_and_merge_keys_still_load() -> None:
    data = bounded_yaml().load("x: &x {a: 1}\ny:\n  <<: *x\n  b: 2\nz: [*x, *x]\n")
    assert dict(data["y"]) == {"a": 1, "b": 2}


def test_recursive_alias_and_deep_flow_nesting_are_refused() -> None:
    from ruamel.yaml.error import YAMLError

    with pytest.raises(YAMLError, match="recursive alias"):
        bounded_yaml().load("a: &a [1, *a]\n")
    with pytest.raises(YAMLError, match="nested deeper than 100 levels"):
        bounded_yaml().load("a: 1\nb: " + "[" * 1_000_000)


def test_alias_bomb_in_envsync_yaml_health_json(app_repo: Repo) -> None:
    cfg = app_repo.path / "envsync.yaml"
    bomb = "".join(f"    {line}\n" for line in _BOMB.splitlines())
    cfg.write_text(cfg.read_text() + "    health:\n      - name: price\n"
                   "        url: http://127.0.0.1:1/x\n        json:\n"
                   + "".join(f"    {line}\n" for line in bomb.splitlines()))
    result = run_cli("health", "local", cwd=app_repo.path)
    _one_line_error(result, f"{cfg.resolve()}:", "not valid YAML", "more than 100,000 nodes")


# -- through the CLI ---------------------------------------------------------------------

def test_diff_against_dev_zero_is_fast_and_small(good: Path, app_repo: Repo) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run_cli("diff", good, "/dev/zero", cwd=app_repo.path)
    _one_line_error(result, "/dev/zero", "not a snapshot file")
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 100 * 1024


def test_snapshot_over_the_limit(good: Path, app_repo: Repo, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:
        fh.truncate(100 * 1024**2)
    result = run_cli("diff", good, huge, cwd=app_repo.path)
    _one_line_error(result, str(huge), "100 MiB, over the limit of 64 MiB")


def test_snapshot_nested_100000_deep(good: Path, app_repo: Repo, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"schema": "envsync.snapshot/v1", "x": ' + "[" * 100_000 + "]" * 100_000
                    + "}")
    result = run_cli("diff", good, deep, cwd=app_repo.path)
    _one_line_error(result, str(deep), "nested deeper than 100 levels")


def _broken(good: Path, tmp_path: Path, name: str = "bad.json") -> Path:
    data = json.loads(good.read_text())
    data["compose"] = "oops"
    bad = tmp_path / name
    bad.write_text(json.dumps(data))
    return bad


def test_diff_names_the_json_path_of_a_wrong_field(good: Path, app_repo: Repo,
                                                  tmp_path: Path) -> None:
    bad = _broken(good, tmp_path)
    line = _one_line_error(run_cli("diff", good, bad, cwd=app_repo.path))
    assert line == f'envsync: error: {bad}: $.compose: expected object or null, got string "oops"'


def test_gate_with_a_malformed_baseline_exits_2(good: Path, app_repo: Repo,
                                               tmp_path: Path) -> None:
    bad = _broken(good, tmp_path)
    result = run_cli("gate", "local", "--baseline", bad, cwd=app_repo.path)
    _one_line_error(result, str(bad), "$.compose")


def test_latest_lookup_validates_the_stored_file(good: Path, app_repo: Repo) -> None:
    stored = app_repo.path / "snapshots" / "local"
    stored.mkdir(parents=True)
    _broken(good, stored, "20261129T071500Z.json")
    result = run_cli("diff", "local@latest", good, cwd=app_repo.path)
    _one_line_error(result, "20261129T071500Z.json", "$.compose")


def test_history_lists_the_good_warns_of_the_bad_and_exits_2(good: Path,
                                                             app_repo: Repo) -> None:
    stored = app_repo.path / "snapshots" / "local"
    stored.mkdir(parents=True)
    (stored / "20261129T071500Z.json").write_text(good.read_text())
    _broken(good, stored, "20261129T081500Z.json")
    result = run_cli("history", "local", "--format", "json", cwd=app_repo.path)
    assert result.exit_code == 2
    rows = json.loads(result.stdout)["snapshots"]
    assert [Path(r["file"]).name for r in rows] == ["20261129T071500Z.json"]
    warnings = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(warnings) == 1
    assert "20261129T081500Z.json: $.compose" in warnings[0]
    assert "Traceback" not in result.stderr


def test_yaml_ruamel_cannot_turn_into_data_is_one_line(app_repo: Repo) -> None:
    cfg = app_repo.path / "envsync.yaml"
    cfg.write_text("? : :\n")  # a mapping as a mapping key: ruamel raises a TypeError
    result = run_cli("history", "local", cwd=app_repo.path)
    _one_line_error(result, str(cfg.resolve()), "not valid YAML", "used as a key")


def test_restore_point_manifest_is_bounded(tmp_path: Path) -> None:
    from envsync.errors import RollbackError
    from envsync.rollback.points import read_point

    deep = tmp_path / "prod-stable-20261129.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(RollbackError, match="nested deeper than 100 levels"):
        read_point(deep)
    deep.unlink()
    deep.symlink_to("/dev/zero")
    with pytest.raises(RollbackError, match="is a device, not a restore point manifest"):
        read_point(deep)


def test_fingerprint_key_file_is_read_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    from envsync.errors import StorageError
    from envsync.secrets import Redactor

    monkeypatch.delenv("ENVSYNC_FINGERPRINT_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "envsync").mkdir()
    (tmp_path / "envsync" / "fingerprint.key").symlink_to("/dev/zero")
    with pytest.raises(StorageError, match=r"fingerprint\.key: cannot read or create the "
                       r"fingerprint key \(is a device, not a fingerprint key file\); set "):
        Redactor().fingerprint("v")


def test_envsyncignore_is_read_bounded(good: Path, app_repo: Repo) -> None:
    ignore = app_repo.path / ".envsyncignore"
    ignore.symlink_to("/dev/zero")
    result = run_cli("diff", good, good, cwd=app_repo.path)
    _one_line_error(result, ".envsyncignore: is a device, not a .envsyncignore file")


def test_report_timeline_reads_the_rollback_log_bounded_and_validated(tmp_path: Path) -> None:
    from envsync.config import load_config
    from envsync.overview import build_overview
    from envsync.store import write_snapshot
    from tests.helpers.documents import minimal_snapshot

    (tmp_path / "envsync.yaml").write_text("environments:\n  prod:\n    git: .\n")
    write_snapshot(tmp_path / "snapshots", minimal_snapshot("prod"))
    good = {"started": "2026-11-29T07:20:00Z", "environment": "prod", "level": 1,
            "point": "prod-stable-20261129", "result": "ok", "steps": [], "not_run": [],
            "failure": None, "seconds": 3.2}
    log = tmp_path / "snapshots" / "prod" / "rollbacks.jsonl"
    log.write_text("\n".join([json.dumps(good), "{not json", json.dumps({**good, "level": 7})])
                   + "\n")
    view = build_overview(load_config(tmp_path / "envsync.yaml"), ["prod"], stored=True).envs[0]
    assert [e["what"] for e in view.timeline] == ["rollback level 1 → prod-stable-20261129"]
    assert any(f"{log}:2: not valid JSON" in p for p in view.problems), view.problems
    assert any(f"{log}:3: $.level: expected one of 1, 2, 3" in p for p in view.problems)

    log.unlink()
    log.symlink_to("/dev/zero")
    view = build_overview(load_config(tmp_path / "envsync.yaml"), ["prod"], stored=True).envs[0]
    assert any("rollbacks.jsonl: is a device" in p for p in view.problems), view.problems


def test_a_reused_anchor_prints_no_warning(app_repo: Repo) -> None:
    cfg = app_repo.path / "envsync.yaml"
    cfg.write_text("x-a: &x 1\nx-b: &x 2\n" + cfg.read_text())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run_cli("history", "local", cwd=app_repo.path)
    assert [str(w.message) for w in caught] == []  # ruamel's is seven lines on stderr
    assert "x-a" in _one_line_error(result, "unknown key")


def test_a_bad_env_file_line_is_reported_once_not_by_dotenv(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("A=1\nB 'x\nC=3\n")
    # A process of its own: pytest's log capture would hide what Python prints on stderr.
    code = ("import sys, pathlib\n"
            "from envsync.capture.envfiles import read_env_file\n"
            "from envsync.secrets import Redactor\n"
            "p = read_env_file(pathlib.Path(sys.argv[1]), Redactor(b'k'))\n"
            "print(sorted(p.values), p.bad_lines)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(env)], capture_output=True,
                          text=True, check=False)
    assert (proc.returncode, proc.stdout.strip()) == (0, "['A', 'C'] [2]"), proc.stderr
    assert proc.stderr == ""  # python-dotenv's own warning stays out of stderr
