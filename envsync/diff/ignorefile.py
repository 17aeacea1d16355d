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
_LIMIT = 1024 * 1024  # a hand-written rules file; anything bigger is a mistake


def _check(line: str, path: Path, number: int) -> str:
    body = line[1:] if line.startswith("!") else line
    if not body or any(not part for part in body.split(".")):
        raise ConfigError(f"{path}:{number}: {line!r} is not a path glob "
                          "(keys joined by dots, e.g. containers.*.labels)")
    return line


def read_ignore_file(path: Path) -> tuple[str, ...]:
    """The rules of one ``.envsyncignore`` in file order (``!`` kept on re-includes);
    none when there is no such file. A line that is no glob is refused, naming it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > _LIMIT:
        raise ConfigError(f"{path}: {len(raw)} bytes, more than an ignore file holds "
                          f"({_LIMIT}); is it the right file?")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from None
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
    from envsync.store import atomic_write_text

    try:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
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
