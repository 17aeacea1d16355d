"""Keeping ``patch --to vcs`` free of secrets: no fingerprint written as a value, no secret
shown as a diff line.

A fingerprint stands for a value envsync never saw in clear: copied into a compose file it
would become a real (wrong) argument. So a secret inside a command becomes ``${VAR}`` and
the env file gets ``VAR=CHANGE_ME``. And a diff shows context lines: when the lines around
an edit hold a secret (an env file's other keys, a compose command with a password), the
context is narrowed, the env file's new lines go where their neighbours are not secret, or
the file's edit is refused with a note, never printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from envsync.freetext import FINGERPRINT_RE
from envsync.secrets import looks_secret, scrub_message

__all__ = ["env_insertions", "parameterise", "safe_diff", "secret_line"]

_ENV_LINE = re.compile(r"\s*(?:export\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(?P<value>.*)")
_MAX_POSITIONS = 500
"""Insertion points tried in an env file before the edit is refused (bounded work)."""


def secret_line(line: str) -> bool:
    """True when a line of a file would show a secret (an env file's secret key, any text
    the message scrubber would change: a learned value, a URL password, ``--token x``)."""
    body = line.rstrip("\r\n")
    if scrub_message(body) != body:
        return True
    m = _ENV_LINE.fullmatch(body)
    if m is None:
        return False
    value = m.group("value").strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    else:
        value = re.split(r"\s+#", value, maxsplit=1)[0]  # an unquoted value ends at " #"
    return bool(value) and "${" not in value and value != "CHANGE_ME" \
        and looks_secret(m.group("key"), value)


def _shown(diff: str) -> Iterator[str]:
    for line in diff.splitlines():
        if line.startswith((" ", "-", "+")) and not line.startswith(("--- ", "+++ ")):
            yield line[1:]


def safe_diff(path: str, old: str, new: str,
              unified: Callable[[str, str, str, int], str]) -> str | None:
    """The widest diff (3, 2 or 1 lines of context; git apply needs at least one) whose
    lines show no secret, or None when every one would."""
    for context in (3, 2, 1):
        diff = unified(path, old, new, context)
        if not any(secret_line(line) for line in _shown(diff)):
            return diff
    return None


def env_insertions(old: str, added: list[str]) -> Iterator[str]:
    """The env file with ``added`` lines inserted: at the end first, then at each earlier
    line boundary (a place whose neighbours hold no secret is what the caller looks for)."""
    nl = "\r\n" if "\r\n" in old else "\n"
    lines = old.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += nl
    block = [line + nl for line in added]
    for at in range(len(lines), max(-1, len(lines) - _MAX_POSITIONS), -1):
        yield "".join(lines[:at] + block + lines[at:])


def parameterise(values: list[str], name: Callable[[str], str]) -> tuple[list[str], list[str]]:
    """``values`` with every fingerprint replaced by ``${VAR}`` (``name(hint)`` gives VAR;
    the hint is the option the secret belongs to, if any), and the variables made."""
    out: list[str] = []
    made: list[str] = []
    previous = ""
    for value in values:
        def variable(m: re.Match[str], value: str = value, previous: str = previous) -> str:
            before = value[:m.start()]
            hint = before.rsplit("=", 1)[0] if before.endswith("=") else previous
            if "://" in before:
                hint = before.split("://", 1)[0] + "_password"
            var = name(hint.lstrip("-"))
            made.append(var)
            return "${" + var + "}"

        out.append(FINGERPRINT_RE.sub(variable, value))
        previous = value if value.startswith("-") else ""
    return out, made
