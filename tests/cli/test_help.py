"""Every command teaches through --help; --help imports nothing heavy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
    assert "--install-completion" not in result.stdout  # the app offers none either
    text = load_command(command).help
    assert text and len(text.strip()) > 30
    # what `envsync --help` lists is the command's own first paragraph
    first = " ".join(text.strip().split("\n\n")[0].split())
    assert REGISTERED[command][1] == first


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_an_example(command: str) -> None:
    """Each docstring ends in an "Examples:" block of lines that run this very command."""
    text = load_command(command).help or ""
    assert "Examples:" in text, f"{command}: no Examples: block in its docstring"
    block = text.split("Examples:", 1)[1]
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    assert lines, f"{command}: empty Examples: block"
    assert all(line.startswith(f"envsync {command}") for line in lines), lines


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


@pytest.mark.parametrize("columns", ["40", "72", "80", "120"])
def test_help_before_typer_is_the_help_typer_prints(columns: str) -> None:
    """`envsync --help` is answered without importing typer (issue 9 §9: no dearer than
    `import typer`), in the very bytes the typer app prints, at any terminal width."""
    env = {**os.environ, "COLUMNS": columns}
    script = Path(sys.executable).parent / "envsync"
    fast = subprocess.run([str(script), "--help"], capture_output=True, text=True,
                          check=True, env=env)
    typer_help = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['envsync', '--help']\n"
         "from envsync.cli.root import app\napp()"],
        capture_output=True, text=True, check=True, env=env)
    assert fast.stdout == typer_help.stdout
    assert "Commands:" in fast.stdout and "Exit codes" in fast.stdout
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['envsync', '-h']\n"
         "from envsync.cli.app import main\nmain()\n"
         "print('TYPER', 'typer' in sys.modules, file=sys.stderr)"],
        capture_output=True, text=True, check=True, env=env)
    assert loaded.stdout == fast.stdout and "TYPER False" in loaded.stderr


def test_version_is_written_once() -> None:
    """`envsync --version` prints envsync.__version__, which is also the installed
    distribution's version (pyproject reads it: one place to change)."""
    from importlib.metadata import version

    import envsync

    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"envsync {envsync.__version__}\n"
    assert version("envsync") == envsync.__version__


def test_diff_of_two_files_loads_only_what_it_needs(tmp_path: Path) -> None:
    """`envsync diff a.json b.json` (issue 9 §9): no pydantic or numpy (typer below 0.29,
    deepdiff imported with them hidden), no cachebox or asyncio (deepdiff below 9), no
    deepdiff at all while no list differs (maps of scalars are walked without it), no
    capture layer, no xml.sax (only the junit format needs it), no config model (there is
    no envsync.yaml), no fastjsonschema (its validators are generated ahead of time), and
    no rich: a table of plain text is drawn by envsync.render.boxtable. (tests/test_schemas.py
    checks that the snapshot schema is not compiled.)"""
    from bench._synthetic import make_pair

    a, b = make_pair(3, keys=4)
    (tmp_path / "a.json").write_text(json.dumps(a))
    (tmp_path / "b.json").write_text(json.dumps(b))
    watched = ("pydantic", "numpy", "cachebox", "asyncio", "envsync.capture", "xml.sax", "rich",
               "deepdiff", "envsync.config", "fastjsonschema")
    code = (
        "import sys\n"
        "from envsync.cli.app import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit as exc:\n    assert exc.code == 1, exc.code\n"
        f"print('LOADED', sorted(m for m in {watched!r} if m in sys.modules))\n"
    )
    loaded = {}
    for fmt in ("table", "json"):
        out = subprocess.run([sys.executable, "-c", code, "diff", "a.json", "b.json", "-f", fmt],
                             capture_output=True, text=True, check=True, cwd=tmp_path)
        loaded[fmt] = out.stdout.split("LOADED ", 1)[1].strip()
    assert loaded == {"table": "[]", "json": "[]"}
    b["compose"]["declared"]["services"]["svc-0000"]["cap_add"] = ["NET_ADMIN"]
    a["compose"]["declared"]["services"]["svc-0000"]["cap_add"] = ["SYS_TIME"]
    (tmp_path / "a.json").write_text(json.dumps(a))
    (tmp_path / "b.json").write_text(json.dumps(b))
    out = subprocess.run([sys.executable, "-c", code, "diff", "a.json", "b.json", "-f", "json"],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.split("LOADED ", 1)[1].strip() == "['deepdiff']"  # a list differs


def test_readme_tours_every_command_and_links_every_doc() -> None:
    """The README's tour shows each registered command, and its list links each docs/ file."""
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A tour of the commands", 1)[1].split("```", 2)[1]
    shown = {line.split()[1] for line in tour.splitlines() if line.startswith("envsync ")}
    assert set(COMMANDS) <= shown, sorted(set(COMMANDS) - shown)
    docs = sorted(p.name for p in (root / "docs").glob("*.md"))
    assert docs and all(f"(docs/{name})" in readme for name in docs), docs
