"""Run the envsync CLI in-process, as a user would type it."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner, Result

from envsync.cli.root import app

__all__ = ["run_cli"]


def run_cli(*args: str | Path, cwd: Path | None = None) -> Result:
    """``envsync ARGS`` in ``cwd``; the result has exit_code, stdout and stderr."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)
