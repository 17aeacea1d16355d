"""Env files with odd content: an unterminated quote around a secret (compose's error quotes
the rest of the file), terminal escapes in a value (they must not reach a terminal raw)."""

from __future__ import annotations

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

SECRET = "Pq7wE3rT9yU1iO5pZx"
CONFIG = """\
environments:
  local:
    git: .
    compose: {files: [dc.yml], env_file: .env}
    runtime: false
"""


@pytest.fixture
def app(repo: Repo) -> Repo:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n    env_file: [.env]\n")
    repo.write(".env", "MODE=dev\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    return repo


def _no_piece(text: str, secret: str) -> None:
    assert not [secret[i:i + 8] for i in range(len(secret) - 7) if secret[i:i + 8] in text]


@pytest.mark.parametrize("quote", ["'", '"'])
@pytest.mark.parametrize("command", [("check",), ("snapshot", "local", "--no-runtime"),
                                     ("drift", "local")])
def test_unterminated_quote_does_not_quote_the_secret(app: Repo, quote: str,
                                                      command: tuple[str, ...]) -> None:
    app.write(".env", f"MODE=dev\nDB_PASSWORD={quote}{SECRET}\nOTHER={SECRET}x\n")
    result = run_cli(*command, cwd=app.path)
    line = _assert_one_line_error(result, ".env", "line")
    _no_piece(result.stdout + result.stderr, SECRET)
    assert "unterminated" in line
    assert not (app.path / "snapshots").exists()


@pytest.mark.parametrize("fmt", ["table", "markdown", "github", "junit", "json", "sarif"])
def test_terminal_escapes_in_a_value_are_shown_not_sent(app: Repo, fmt: str) -> None:
    """A value with escapes (here in a snapshot file: compose itself refuses them in
    some places) is printed as text, never sent to the terminal."""
    assert run_cli("snapshot", "local", "--no-runtime", cwd=app.path).exit_code == 0
    (good,) = (app.path / "snapshots" / "local").glob("*.json")
    bad = good.with_name("escapes.json")
    bad.write_text(good.read_text().replace('"busybox:1"',
                                            '"\\u001b[31mred\\u001b]0;x\\u0007\\u009b2J"', 1))
    assert bad.read_text() != good.read_text()
    result = run_cli("diff", good, bad, "--format", fmt, cwd=app.path)
    assert result.exit_code == 1, result.stderr
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in result.stdout, fmt
    assert "red" in result.stdout  # the value is still shown, escaped


@pytest.mark.parametrize("field", ["mem_limit: ${DB_PASSWORD}", "ports: ['${DB_PASSWORD}']",
                                   "cpus: ${DB_PASSWORD}"])
def test_check_does_not_quote_a_secret_compose_rejects(app: Repo, field: str) -> None:
    app.write("dc.yml", "services:\n  web:\n    image: busybox:1\n    env_file: [.env]\n"
              f"    {field}\n")
    app.write(".env", f"DB_PASSWORD={SECRET}\n")
    for command in (("check",), ("snapshot", "local", "--no-runtime")):
        result = run_cli(*command, cwd=app.path)
        assert result.exit_code == 2, result.stderr
        _no_piece(result.stdout + result.stderr, SECRET)


@pytest.mark.parametrize("name", ["DB_PW", "db_pass", "SMTP_PASS", "GPG_PASSPHRASE"])
def test_short_secret_names_are_secret(app: Repo, name: str) -> None:
    app.write("dc.yml", "services:\n  web:\n    image: busybox:1\n    env_file: [.env]\n"
              f"    mem_limit: ${{{name}}}\n")
    app.write(".env", f"{name}={SECRET}\n")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=app.path)
    assert result.exit_code == 2, result.stderr  # compose rejects the limit, quoting it
    _no_piece(result.stdout + result.stderr, SECRET)
    app.write("dc.yml", "services:\n  web:\n    image: busybox:1\n    env_file: [.env]\n")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=app.path).exit_code == 0
    stored = "".join(p.read_text() for p in (app.path / "snapshots").rglob("*.json"))
    _no_piece(stored, SECRET)


def test_names_that_only_contain_pass_are_not_secret(app: Repo) -> None:
    app.write(".env", "COMPASS_URL=http://compass.example\nBYPASS_CACHE=yes-please-do\n")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=app.path).exit_code == 0
    stored = "".join(p.read_text() for p in (app.path / "snapshots").rglob("*.json"))
    assert "http://compass.example" in stored and "yes-please-do" in stored
