"""``--output FORMAT=PATH`` (repeatable): one capture, several report files, for CI.

A CI job wants SARIF for code scanning, Markdown for the pull-request comment and JUnit for
the test tab from the same look at an environment; capturing three times would take three
times as long and could see three different states.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from envsync.cli.formats import check_diff_format, parse_severity

if TYPE_CHECKING:
    from envsync.diff.engine import DiffResult
    from envsync.model import Severity

__all__ = ["OUTPUT_HELP", "OutOption", "OutputOption", "check_report_options", "emit_report",
           "parse_outputs", "write_outputs"]

OUTPUT_HELP = ("Also write FORMAT to PATH, e.g. sarif=drift.sarif (repeatable; formats: "
               "table, json, markdown, sarif, junit, github).")

OutputOption = Annotated[list[str] | None, typer.Option("--output", metavar="FORMAT=PATH",
                                                        help=OUTPUT_HELP)]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", dir_okay=False,
                                                help="Also write the report to this file.")]


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


def check_report_options(*, fmt: str, fail_on: str, output: list[str] | None
                         ) -> tuple[Severity, list[tuple[str, Path]]]:
    """A report's ``--format``, ``--fail-on`` and ``--output``, checked before anything is
    captured: (the severity that fails, the files to write)."""
    threshold = parse_severity(fail_on)
    check_diff_format(fmt)
    return threshold, parse_outputs(output)


def write_outputs(result: DiffResult, outputs: list[tuple[str, Path]], *,
                  threshold: Severity) -> None:
    """Render every format first, then write each file atomically: a rendering problem
    leaves no file of the set written."""
    from envsync.render.diff import render_diff
    from envsync.store import atomic_write_text

    texts = [(path, render_diff(result, fmt, threshold=threshold)) for fmt, path in outputs]
    for path, text in texts:
        atomic_write_text(path, text)


def emit_report(result: DiffResult, fmt: str, *, threshold: Severity,
                outputs: list[tuple[str, Path]], out: Path | None = None) -> NoReturn:
    """The end of diff, drift and gate: the ``--output`` files, the report in ``fmt`` on
    stdout (and in ``--out``), and exit 1 when a finding is at or above ``threshold``."""
    import sys

    from envsync.exitcodes import CLEAN, FINDINGS
    from envsync.render.diff import render_diff

    write_outputs(result, outputs, threshold=threshold)
    text = render_diff(result, fmt, threshold=threshold)
    if out is not None:
        from envsync.store import write_report

        write_report(out, text)
    sys.stdout.write(text)
    raise typer.Exit(FINDINGS if result.at_or_above(threshold) else CLEAN)
