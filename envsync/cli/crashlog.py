"""The crash log: where the traceback of a bug goes, with secrets scrubbed out.

A bug still ends in one line on stderr (``unexpected …: this is a bug in envsync``), and
that line names a file holding the traceback, so a user can attach it to a report
without running again. The file lives in ``$XDG_STATE_HOME/envsync/`` (by default
``~/.local/state/envsync/``), mode 0600, one file per crash.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import traceback
from pathlib import Path

__all__ = ["KEEP", "crash_dir", "scrub_text", "write_crash_log"]

# scheme://user:password@host → scheme://***@host (the user name can be a token too).
_URL_CREDENTIALS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)[^/\s@'\"]+@")
# NAME=value and NAME: value where NAME says secret (TOKEN, PASSWORD, …).
_NAMED_VALUE = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_.-]*)(?P<sep>\s*[=:]\s*)"
                          r"(?P<quote>['\"]?)(?P<value>[^\s'\",)}\]]+)")
_FLAG_VALUE = re.compile(r"(?P<flag>--?[A-Za-z][A-Za-z0-9-]*)(?P<sep>[= ])(?P<value>[^\s'\",)]+)")
_AUTH_HEADER = re.compile(r"\b(?P<kind>Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}", re.I)
_WORD = re.compile(r"[^\s'\"(),\[\]{}<>=:]{20,}")
_HIDDEN = "***"


def crash_dir() -> Path:
    """``$XDG_STATE_HOME/envsync``, else ``~/.local/state/envsync``."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "envsync"


def scrub_text(text: str) -> str:
    """``text`` with every secret-looking part replaced by ``***``: URL credentials,
    secret-named values and options, auth headers, high-entropy tokens, and whatever the
    redactor itself scrubs."""
    from envsync.secrets import is_secret_key, looks_secret, scrub_message

    # Marks, not fingerprints: a fingerprint under a key written here could be brute-forced.
    text = scrub_message(text)
    text = _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{_HIDDEN}@", text)
    text = _AUTH_HEADER.sub(lambda m: f"{m['kind']} {_HIDDEN}", text)

    def named(m: re.Match[str]) -> str:
        if not is_secret_key(m["name"]):
            return m[0]
        return f"{m['name']}{m['sep']}{m['quote']}{_HIDDEN}"

    def flag(m: re.Match[str]) -> str:
        if not is_secret_key(m["flag"].lstrip("-").replace("-", "_")):
            return m[0]
        return f"{m['flag']}{m['sep']}{_HIDDEN}"

    text = _NAMED_VALUE.sub(named, text)
    text = _FLAG_VALUE.sub(flag, text)
    return _WORD.sub(lambda m: _HIDDEN if looks_secret("", m[0]) else m[0], text)


def write_crash_log(exc: BaseException) -> tuple[Path | None, str]:
    """Write the scrubbed traceback of ``exc``; (its path, "") or (None, why it could not)."""
    from envsync import __version__

    folder = crash_dir()
    now = dt.datetime.now(dt.UTC)
    path = folder / f"crash-{now:%Y%m%dT%H%M%SZ}-{os.getpid()}.log"
    body = (
        f"envsync {__version__} crashed at {now:%Y-%m-%dT%H:%M:%SZ}\n"
        f"python {sys.version.split()[0]} on {sys.platform}\n"
        f"command: {' '.join(sys.argv)}\n\n"
        + "".join(traceback.format_exception(exc))
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(scrub_text(body))
    except OSError as err:
        from envsync.errors import os_reason

        return None, f"cannot write a crash log in {folder}: {os_reason(err)}"
    _keep_newest(folder)
    return path, ""


KEEP = 20
"""Crash logs kept: a command that crashes every minute (cron) must not fill the disk."""


def _keep_newest(folder: Path) -> None:
    try:
        logs = sorted(folder.glob("crash-*.log"), key=lambda p: p.stat().st_mtime)
        for old in logs[:-KEEP]:
            old.unlink()
    except OSError:
        pass  # a log that vanished or cannot go: the new one is written all the same
