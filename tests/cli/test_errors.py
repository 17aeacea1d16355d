"""Every kind of bad input: one line naming what is wrong, exit 2, no traceback, no
half-written file in snapshots/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.app import PLANTED_SECRET, write_two_branch_app
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


def _assert_one_line_error(result: object, *needles: str) -> str:
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert result.exit_code == 2, (result.stdout, stderr)  # type: ignore[attr-defined]
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("envsync: error: ")
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert PLANTED_SECRET not in stderr + result.stdout  # type: ignore[attr-defined]
    return lines[0]


def _no_partial_files(root: Path) -> None:
    snaps = root / "snapshots"
    if snaps.exists():
        leftovers = [p for p in snaps.rglob("*") if p.is_file() and not p.name.endswith(".json")]
        assert leftovers == []


@pytest.fixture
def app_repo(repo: Repo) -> Repo:
    write_two_branch_app(repo)
    return repo


def test_missing_snapshot_file(app_repo: Repo) -> None:
    result = run_cli("diff", "nope.json", "local", cwd=app_repo.path)
    _assert_one_line_error(result, "nope.json", "not found")


def test_corrupt_snapshot_file(app_repo: Repo, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "envsync.snapshot/v1",\n "meta": {')
    result = run_cli("diff", bad, bad, cwd=app_repo.path)
    _assert_one_line_error(result, f"{bad}:2:", "not valid JSON")


def test_snapshot_of_another_schema_version(app_repo: Repo, tmp_path: Path) -> None:
    other = tmp_path / "v9.json"
    other.write_text(json.dumps({"schema": "envsync.snapshot/v9", "meta": {"environment": "x"}}))
    result = run_cli("diff", other, other, cwd=app_repo.path)
    _assert_one_line_error(result, "envsync.snapshot/v9", "envsync.snapshot/v1")


def test_unknown_stored_snapshot(app_repo: Repo) -> None:
    result = run_cli("diff", "prod@latest", "local", cwd=app_repo.path)
    _assert_one_line_error(result, "prod@latest", "no stored snapshots")


def test_unreadable_compose_file(app_repo: Repo) -> None:
    app_repo.git("checkout", "-q", "local")
    cfg = app_repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text().replace("{path: ., branch: local}", "."))
    (app_repo.path / "services/docker-compose.local.yml").unlink()
    (app_repo.path / "services/docker-compose.local.yml").mkdir()  # a folder: unreadable
    result = run_cli("snapshot", "local", cwd=app_repo.path)
    _assert_one_line_error(result, "docker-compose.local.yml")
    _no_partial_files(app_repo.path)
    assert not (app_repo.path / "snapshots" / "local").exists()


def test_missing_compose_file(app_repo: Repo) -> None:
    cfg = app_repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text().replace("docker-compose.local.yml]", "docker-compose.x.yml]", 1))
    result = run_cli("snapshot", "local", cwd=app_repo.path)
    _assert_one_line_error(result, "docker-compose.x.yml", "not found")


def test_compose_file_the_compose_binary_rejects(app_repo: Repo) -> None:
    app_repo.git("checkout", "-q", "local")
    cfg = app_repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text().replace("{path: ., branch: local}", "."))
    app_repo.write("services/docker-compose.local.yml",
                   "services:\n  telegram-bot:\n    ports: [\"not-a-port\"]\n")
    result = run_cli("snapshot", "local", cwd=app_repo.path)
    line = _assert_one_line_error(result, "compose rejected the files")
    assert "not-a-port" in line or "port" in line  # compose's own words are shown
    _no_partial_files(app_repo.path)


def test_git_path_that_is_not_a_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (tmp_path / "envsync.yaml").write_text(
        f"environments:\n  x:\n    git: {plain}\n    compose: {{files: [a.yml]}}\n")
    result = run_cli("snapshot", "x", cwd=tmp_path)
    _assert_one_line_error(result, str(plain), "not a git repository")


def test_unknown_environment(app_repo: Repo) -> None:
    result = run_cli("snapshot", "staging", cwd=app_repo.path)
    _assert_one_line_error(result, "staging", "local, prod")


def test_unknown_branch(app_repo: Repo) -> None:
    cfg = app_repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text().replace("branch: prod}", "branch: nosuch}"))
    result = run_cli("snapshot", "prod", cwd=app_repo.path)
    _assert_one_line_error(result, "nosuch")


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("environments:\n  x:\n    git: .\n    colour: red\n", [":4:", "colour", "unknown key"]),
        ("environments:\n  x:\n    compose: {files: [a.yml]}\n", [":2:", "git", "missing"]),
        ("environments:\n  x:\n    git: .\n    docker: localhost\n", [":4:", "docker",
                                                                      "engine URL"]),
        ("environments:\n  x:\n    git: .\n    health:\n      - {name: a, url: ftp://x}\n",
         [":5:", "url"]),
        ("environments: [\n", [":2:", "not valid YAML"]),
        ("project: p\n", [":1:", "environments"]),
        ("environments:\n  x:\n    git: .\n    limits: {memory_mb: {bot: lots}}\n",
         [":4:", "memory_mb"]),
    ],
)
def test_config_errors_name_file_line_and_key(tmp_path: Path, text: str, needles: list[str]) -> None:
    cfg = tmp_path / "envsync.yaml"
    cfg.write_text(text)
    result = run_cli("snapshot", "x", cwd=tmp_path)
    _assert_one_line_error(result, str(cfg), *needles)


def test_no_config_anywhere(tmp_path: Path) -> None:
    result = run_cli("snapshot", "x", cwd=tmp_path)
    _assert_one_line_error(result, "envsync.yaml not found", "envsync init")


def test_config_from_env_variable_and_option(app_repo: Repo, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = app_repo.path / "envsync.yaml"
    monkeypatch.setenv("ENVSYNC_CONFIG", str(cfg))
    assert run_cli("diff", "local", "local", cwd=tmp_path).exit_code == 0
    monkeypatch.delenv("ENVSYNC_CONFIG")
    assert run_cli("--config", cfg, "diff", "local", "local", cwd=tmp_path).exit_code == 0
    missing = run_cli("--config", tmp_path / "no.yaml", "diff", "local", "local", cwd=tmp_path)
    assert missing.exit_code == 2


def test_bad_option_values_exit_2(app_repo: Repo) -> None:
    assert run_cli("diff", "local", "prod", "--fail-on", "urgent",
                   cwd=app_repo.path).exit_code == 2
    assert run_cli("diff", "local", "prod", "--format", "xml", cwd=app_repo.path).exit_code == 2


def test_debug_shows_the_traceback(app_repo: Repo) -> None:
    result = run_cli("--debug", "snapshot", "staging", cwd=app_repo.path)
    assert result.exit_code == 2
    assert "Traceback" in result.stderr


def test_compose_error_quoting_a_secret_does_not_show_it(repo: Repo) -> None:
    secret = "zQ8-compose-error-Secret-9f7Kx2Lm"
    repo.write("docker-compose.yml",
               "services:\n  bot:\n    image: busybox\n    ports: [\"${API_TOKEN}\"]\n")
    repo.write(".env", f"API_TOKEN={secret}\n")
    repo.write("envsync.yaml", "environments:\n  x:\n    git: .\n    runtime: false\n"
               "    compose: {files: [docker-compose.yml], env_file: .env}\n")
    repo.commit()
    result = run_cli("snapshot", "x", cwd=repo.path)
    line = _assert_one_line_error(result, "compose rejected the files")
    assert secret not in line and "secret:hmac-sha256:" in line


@pytest.mark.parametrize("args", [
    ("deploy", "prod", "--ref", ""), ("deploy", "prod", "--from", " "),
    ("rollback", "prod", "--level", "1", "--to", "", "--execute", "--yes"),
    ("drift", "prod", "--snapshot", ""), ("patch", "prod", "--snapshot", ""),
    ("approve", "prod", "--snapshot", ""), ("baseline", "prod", "--snapshot", ""),
    ("init", "--like", ""),
], ids=["deploy --ref", "deploy --from", "rollback --to", "drift --snapshot",
        "patch --snapshot", "approve --snapshot", "baseline --snapshot", "init --like"])
def test_an_empty_value_is_refused_not_read_as_left_out(app_repo: Repo,
                                                         args: tuple[str, ...]) -> None:
    """``--to "$POINT"`` with POINT unset: refused, not the default point (or ref, or a
    live capture instead of the snapshot asked for)."""
    before = sorted(p.relative_to(app_repo.path) for p in app_repo.path.rglob("*")
                    if ".git" not in p.parts)
    option = next(a for a in args if a.startswith("--") and a not in ("--level", "--execute",
                                                                      "--yes"))
    _assert_one_line_error(run_cli(*args, cwd=app_repo.path), f"'{option}'", "is empty")
    assert sorted(p.relative_to(app_repo.path) for p in app_repo.path.rglob("*")
                  if ".git" not in p.parts) == before
