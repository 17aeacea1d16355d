"""``envsync --help`` without typer: the words of the app, and click's layout of them.

``envsync --help`` is the first thing a new user runs; issue 9 §9 asks it to cost no more
than ``import typer``, which only answering it before typer is imported can do. The texts
here are the ones the typer app (:mod:`envsync.cli.root`) declares, so there is one place to
edit them; :func:`top_help` lays them out as click's ``HelpFormatter`` does (its width
rule, its wrapping, its definition lists), and tests/cli/test_help.py checks that both
print the same bytes at several terminal widths.
"""

from __future__ import annotations

import shutil
import textwrap

__all__ = ["CONFIG_HELP", "DEBUG_HELP", "HELP", "VERSION_HELP", "top_help"]

HELP = (
    "Find and fix configuration drift between the environments of a Docker Compose "
    "application: what is committed, what is declared, what runs.\n\n"
    "Exit codes: 0 no finding at or above --fail-on, 1 findings (after --execute: what "
    "runs is not what was planned), 2 trouble, 130/143 interrupted (Ctrl-C/SIGTERM).\n\n"
    "Examples: envsync drift prod; envsync diff local prod; envsync <command> --help"
)
CONFIG_HELP = ("envsync.yaml to use (default: ENVSYNC_CONFIG, or envsync.yaml here or in a "
               "folder above)")
DEBUG_HELP = "Show tracebacks for errors."
VERSION_HELP = "Print the version and exit."
_OPTIONS = (
    ("-c, --config <file>", CONFIG_HELP),
    ("--debug", DEBUG_HELP),
    ("--version", VERSION_HELP),
    ("-h, --help", "Show this message and exit."),
)
"""The global options as click lists them (option names, then typer's metavar)."""


class _Wrapper(textwrap.TextWrapper):
    """click's TextWrapper: a word longer than a line is cut where the line ends."""

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str],
                          cur_len: int, width: int) -> None:
        space_left = max(width - cur_len, 1)
        last = reversed_chunks[-1]
        cur_line.append(last[:space_left])
        reversed_chunks[-1] = last[space_left:]


def _wrap(text: str, width: int, indent: str = "") -> str:
    """click's ``wrap_text(..., preserve_paragraphs=True)`` for text without ``\\b``
    blocks: each paragraph refilled, keeping its own indentation."""
    wrapper = _Wrapper(width, initial_indent=indent, subsequent_indent=indent,
                       replace_whitespace=False)
    paragraphs: list[tuple[int, str]] = []
    lines: list[str] = []
    first_indent: int | None = None
    for line in [*text.expandtabs().splitlines(), ""]:
        if not line:
            if lines:
                paragraphs.append((first_indent or 0, " ".join(lines)))
            lines, first_indent = [], None
            continue
        if first_indent is None:
            first_indent = len(line) - len(line.lstrip())
            line = line.lstrip()
        lines.append(line)
    out = []
    for extra, paragraph in paragraphs:
        wrapper.initial_indent = wrapper.subsequent_indent = indent + " " * extra
        out.append(wrapper.fill(paragraph))
    return "\n\n".join(out)


def _definitions(rows: list[tuple[str, str]], width: int, indent: int) -> list[str]:
    """click's ``HelpFormatter.write_dl``: names, then their text wrapped beside them."""
    first_col = min(max(len(name) for name, _ in rows), 30) + 2
    out = []
    for name, text in rows:
        head = " " * indent + name
        if len(name) <= first_col - 2:
            head += " " * (first_col - len(name))
        else:
            out.append(head)
            head = " " * (first_col + indent)
        wrapped = _wrap(text, max(width - first_col - 2, 10)).splitlines()
        out.append(head + wrapped[0])
        out += [" " * (first_col + indent) + line for line in wrapped[1:]]
    return out


def top_help(prog: str) -> str:
    """What ``envsync --help`` prints (``prog`` is the name it was run by)."""
    from envsync.cli.commands import COMMANDS

    width = max(min(shutil.get_terminal_size().columns, 80) - 2, 50)
    prefix = f"Usage: {prog} "
    args = "[OPTIONS] COMMAND [ARGS]..."
    if width >= len(prefix) + 20:
        usage = _wrap(args, width, " " * len(prefix))
        usage = prefix + usage[len(prefix):]
    else:
        usage = prefix + "\n" + _wrap(args, width, " " * (len("Usage: ") + 4))
    lines = [usage, "", _wrap(HELP, width, "  "), "", "Options:"]
    lines += _definitions(list(_OPTIONS), width, 2)
    lines += ["", "Commands:"]
    lines += _definitions([(name, summary) for name, (_, summary) in COMMANDS.items()],
                          width, 2)
    return "\n".join(lines) + "\n"
