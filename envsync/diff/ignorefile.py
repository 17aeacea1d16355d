"""``.envsyncignore``: findings a team has accepted, one path glob per line.

The file sits beside envsync.yaml. Each line is a glob over finding paths with the syntax
of envsync.yaml's ``ignore`` (``*`` one key, ``**`` any number, a rule covers everything
under its path); ``!glob`` takes back what an earlier line dropped (the last matching line
wins, as in ``.gitignore``); ``#`` starts a comment line. A key holding dots (a label such
as ``com.docker.compose.project``) is written as it is: the matcher lets several dotted
parts of a rule stand for one key.

``envsync baseline ENV`` appends today's findings here; ``--strict`` on a command reports
everything, as if neither this file nor envsync.yaml's ``ignore`` existed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from envsync.errors import ConfigError

if TYPE_CHECKING:
    from envsync.config import Config
    from envsync.model import Finding

__all__ = ["IGNORE_FILE", "append_baseline", "finding_glob", "ignore_rules", "read_ignore_file"]

IGNORE_FILE = ".envsyncignore"


def _check(line: str, path: Path, number: int) -> str:
    body = line[1:] if line.startswith("!") else line
    if not body or any(not part for part in body.split(".")):
        raise ConfigError(f"{path}:{number}: {line!r} is not a path glob "
                          "(keys joined by dots, e.g. containers.*.labels)")
    return line


def read_ignore_file(path: Path) -> tuple[str, ...]:
    """The rules of one ``.envsyncignore`` in file order (``!`` kept on re-includes);
    none when there is no such file. A line that is no glob is refused, naming it."""
    from envsync.files import CONFIG_LIMIT, read_text_bounded

    if not path.exists() and not path.is_symlink():
        return ()
    # Bounded: a hand-written rules file; anything bigger is a mistake (or /dev/zero).
    text = read_text_bounded(path, CONFIG_LIMIT, ".envsyncignore file", ConfigError)
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rules.append(_check(line, path, number))
    return tuple(rules)


def ignore_rules(config: Config | None, extra: Iterable[str] = (), *,
                 strict: bool = False) -> tuple[str, ...]:
    """Every ignore rule a command applies, in order: envsync.yaml's ``ignore``, then
    ``.envsyncignore``, then the command's own ``--ignore``. ``strict`` keeps only the
    last: the files' rules are what a team accepted, and ``--strict`` is the look past them."""
    if config is None or strict:
        return tuple(extra)
    return (*config.ignore, *read_ignore_file(config.root / IGNORE_FILE), *extra)


def _escape(key: str) -> str:
    # fnmatch reads * ? [ as wildcards; [x] matches the character x literally.
    return "".join(f"[{c}]" if c in "*?[" else c for c in key)


def finding_glob(finding: Finding) -> str:
    """The rule that matches exactly this finding's path (and what lies under it)."""
    segments = finding.segments or tuple(finding.path.split("."))
    return ".".join(_escape(s) for s in segments)


def append_baseline(path: Path, findings: list[Finding], heading: str) -> list[str]:
    """Add a rule for each finding not yet covered by a line of ``path``, under a comment
    ``heading``; atomically. The rules written (none: the file is left as it was)."""
    from envsync.files import CONFIG_LIMIT, read_text_bounded
    from envsync.store import atomic_write_text

    old = read_text_bounded(path, CONFIG_LIMIT, ".envsyncignore file", ConfigError) \
        if path.exists() else ""
    present = set(read_ignore_file(path))
    new: list[str] = []
    for finding in findings:
        rule = finding_glob(finding)
        if rule not in present and rule not in new:
            new.append(rule)
    if not new:
        return []
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    block = [f"# {heading} ({stamp}): {len(new)} rule(s)", *new]
    text = old + ("\n" if old and not old.endswith("\n") else "") + ("\n" if old else "")
    atomic_write_text(path, text + "\n".join(block) + "\n")
    return new
