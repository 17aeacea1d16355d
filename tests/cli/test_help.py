"""Every command teaches through --help; --help imports nothing heavy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from envsync.cli.commands import COMMANDS as REGISTERED
from envsync.cli.commands import load_command
from tests.helpers.cli import run_cli

COMMANDS = sorted(REGISTERED)


def test_there_are_commands() -> None:
    assert {"init", "snapshot", "diff", "drift", "patch", "backup", "rollback", "gate",
            "health", "history"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    text = load_command(command).help
    assert text and len(text.strip()) > 30
    # what `envsync --help` lists is the command's own first paragraph
    first = " ".join(text.strip().split("\n\n")[0].split())
    assert REGISTERED[command][1] == first


def test_top_level_help_lists_commands_and_exit_codes() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "Exit codes" in result.stdout


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from envsync.cli.app import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('docker', 'git', 'deepdiff', 'httpx', 'paramiko', 'ruamel')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout, out.stdout


def test_version_is_written_once() -> None:
    """`envsync --version` prints envsync.__version__, which is also the installed
    distribution's version (pyproject reads it: one place to change)."""
    from importlib.metadata import version

    import envsync

    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"envsync {envsync.__version__}\n"
    assert version("envsync") == envsync.__version__
