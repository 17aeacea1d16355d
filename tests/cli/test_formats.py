"""One ``--format`` choice and one ``--fail-on`` parser (envsync/cli/formats.py): every
command refuses a bad value the same way (a usage error, exit 2), before it reads anything."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli


def _usage_error(result: object, *needles: str) -> str:
    """The one line of a usage error (``envsync: error: CMD: …; see envsync CMD -h``)."""
    assert result.exit_code == 2, result.stdout  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    errors = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(errors) == 1, stderr
    assert errors[0].startswith("envsync: error: ") and errors[0].endswith(" -h"), errors[0]
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


DIFF_LIKE = [("diff", "a", "b"), ("drift", "x"), ("gate", "x")]
TABLE_JSON = [("snapshot", "x"), ("backup", "x"), ("rollback", "x", "--level", "1"), ("health", "x"),
              ("history", "x")]


@pytest.mark.parametrize("command", DIFF_LIKE + TABLE_JSON, ids=lambda c: c[0])
def test_a_bad_format_is_one_line_naming_the_choices(command: tuple[str, ...],
                                                     tmp_path: Path) -> None:
    result = run_cli(*command, "--format", "xml", cwd=tmp_path)
    line = _usage_error(result, "--format", "'xml'", "(choose table, json")
    assert ("markdown" in line) == (command in DIFF_LIKE)


@pytest.mark.parametrize("command", DIFF_LIKE, ids=lambda c: c[0])
def test_a_bad_severity_is_one_line_naming_the_choices(command: tuple[str, ...],
                                                       tmp_path: Path) -> None:
    result = run_cli(*command, "--fail-on", "urgent", cwd=tmp_path)
    _usage_error(result, "--fail-on", "'urgent'", "info, low, medium, high, critical")


def test_a_bad_output_format_names_the_spec(tmp_path: Path) -> None:
    result = run_cli("diff", "a", "b", "--output", "xml=r.xml", cwd=tmp_path)
    _usage_error(result, "--output", "'xml=r.xml'", "unknown format 'xml'")


def test_no_command_checks_formats_or_severities_by_hand() -> None:
    cli = Path(__file__).parents[2] / "envsync" / "cli"
    for path in cli.glob("*.py"):
        if path.name == "formats.py":
            continue
        tree = ast.parse(path.read_text())
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        attrs = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                    for a in n.names}
        assert "DIFF_FORMATS" not in names | imported, path.name
        assert "parse" not in attrs or "Severity" not in names, path.name
        assert not {i for i in imported if i.startswith("_") and not i.startswith("__")}, path.name
