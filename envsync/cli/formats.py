"""The arguments and options commands share (``ENV``, ``--format``, ``--fail-on``,
``--ignore``, ``--strict``, ``--workers``), declared and checked in one place so that each
command gives the same words, the same choices and the same one-line error."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from envsync.model import Severity

__all__ = ["MAX_SECONDS", "TABLE_JSON", "EnvArgument", "IgnoreOption", "StrictOption",
           "WorkersOption", "check_diff_format", "check_format", "format_option",
           "given", "parse_severity", "seconds"]

TABLE_JSON = ("table", "json")
"""The formats of every command that reports an outcome (snapshot, backup, rollback…)."""

MAX_SECONDS = 86_400.0
"""The longest interval or wait an option takes: a day. click's float ranges let NaN pass
(every comparison with it is false), and 1e308 s overflows the clock that sleeps it."""


def seconds(value: float) -> float:
    """The callback of every SECONDS option: a finite number of seconds, at most a day."""
    import math

    if not math.isfinite(value) or value > MAX_SECONDS:
        raise typer.BadParameter(f"{value!r} is not a number of seconds from 0 to "
                                 f"{MAX_SECONDS:.0f}")
    return value


def given(value: str | None) -> str | None:
    """The callback of every option that names a thing (``--ref``, ``--to``,
    ``--snapshot``...): left out it means the default, but given empty it is refused, not
    read as left out. ``--to "$POINT"`` with POINT unset must not roll back to a point
    nobody chose."""
    if value is not None and not value.strip():
        raise typer.BadParameter(f"{value!r} is empty (an unset shell variable?): give a "
                                 "value, or leave the option out for the default")
    return value


EnvArgument = Annotated[str, typer.Argument(help="Environment name from envsync.yaml.",
                                            metavar="ENV")]
IgnoreOption = Annotated[list[str] | None, typer.Option(
    "--ignore", metavar="GLOB", help="Drop findings under this path glob (repeatable), "
    "e.g. 'containers.*.labels'.")]
StrictOption = Annotated[bool, typer.Option("--strict", help="Report everything: apply no "
                                            "ignore rule of .envsyncignore or envsync.yaml.")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", metavar="N", min=1, max=64,
    help="A fleet (engines:): hosts captured at once (default: the environment's "
         "workers:, else 32).")]
"""``--workers N``: how many hosts of a fleet are read at once."""


def format_option(help_text: str) -> Any:
    """The ``--format``/``-f FORMAT`` option, with the command's own words on its choices."""
    return typer.Option("--format", "-f", metavar="FORMAT", help=help_text)


def check_format(fmt: str, choices: tuple[str, ...] = TABLE_JSON) -> str:
    """``fmt`` when it is one of ``choices``; else a usage error (exit 2) naming them."""
    if fmt not in choices:
        raise typer.BadParameter(f"{fmt!r} (choose {', '.join(choices)})",
                                 param_hint="--format")
    return fmt


def check_diff_format(fmt: str) -> str:
    """``fmt`` when a diff report can be rendered in it (table, json, markdown, sarif…)."""
    from envsync.render.diff import DIFF_FORMATS

    return check_format(fmt, DIFF_FORMATS)


def parse_severity(text: str, *, option: str = "--fail-on") -> Severity:
    """``"high"`` → ``Severity.HIGH``; else a usage error (exit 2) naming the choices."""
    from envsync.model import Severity

    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
