"""``--output FORMAT=PATH`` (repeatable): one capture, several report files, for CI.

A CI job wants SARIF for code scanning, Markdown for the pull-request comment and JUnit for
the test tab from the same look at an environment; capturing three times would take three
times as long and could see three different states.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from envsync.cli.formats import check_diff_format

if TYPE_CHECKING:
    from envsync.diff.engine import DiffResult
    from envsync.model import Severity

__all__ = ["OUTPUT_HELP", "OutputOption", "parse_outputs", "write_outputs"]

OUTPUT_HELP = ("Also write FORMAT to PATH, e.g. sarif=drift.sarif (repeatable; formats: "
               "table, json, markdown, sarif, junit, github).")

OutputOption = Annotated[list[str] | None, typer.Option("--output", metavar="FORMAT=PATH",
                                                        help=OUTPUT_HELP)]


def parse_outputs(specs: list[str] | None) -> list[tuple[str, Path]]:
    """``["sarif=a.sarif", …]`` → ``[("sarif", Path("a.sarif")), …]``; refused before any
    capture starts, naming the bad one."""
    parsed: list[tuple[str, Path]] = []
    for spec in specs or []:
        fmt, sep, path = spec.partition("=")
        if not sep or not path:
            raise typer.BadParameter(f"{spec!r}: write FORMAT=PATH, e.g. sarif=drift.sarif",
                                     param_hint="--output")
        try:
            check_diff_format(fmt)
        except typer.BadParameter as exc:
            raise typer.BadParameter(f"{spec!r}: unknown format {exc.message}",
                                     param_hint="--output") from None
        target = Path(path)
        from envsync.store import report_target_problem

        problem = report_target_problem(target)
        if problem is not None:
            raise typer.BadParameter(f"{spec!r}: {problem}", param_hint="--output")
        if target.is_dir():
            raise typer.BadParameter(f"{spec!r}: {path} is a folder", param_hint="--output")
        blocked = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
        if blocked is not None:
            raise typer.BadParameter(f"{spec!r}: {blocked} is a file, not a folder",
                                     param_hint="--output")
        if any(target == p for _, p in parsed):
            raise typer.BadParameter(f"{spec!r}: {path} is named twice", param_hint="--output")
        parsed.append((fmt, target))
    return parsed


def write_outputs(result: DiffResult, outputs: list[tuple[str, Path]], *,
                  threshold: Severity) -> None:
    """Render every format first, then write each file atomically: a rendering problem
    leaves no file of the set written."""
    from envsync.render.diff import render_diff
    from envsync.store import atomic_write_text

    texts = [(path, render_diff(result, fmt, threshold=threshold)) for fmt, path in outputs]
    for path, text in texts:
        atomic_write_text(path, text)
