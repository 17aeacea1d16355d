"""The crash log: where the traceback of a bug goes, with secrets scrubbed out.

A bug still ends in one line on stderr (``unexpected …: this is a bug in envsync``), and
that line names a file holding the traceback, so a user can attach it to a report
without running again. The file lives in ``$XDG_STATE_HOME/envsync/`` (by default
``~/.local/state/envsync/``), mode 0600, one file per crash.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

__all__ = ["KEEP", "crash_dir", "scrub_text", "write_crash_log"]

def crash_dir() -> Path:
    """``$XDG_STATE_HOME/envsync``, else ``~/.local/state/envsync``."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "envsync"


def scrub_text(text: str) -> str:
    """``text`` with every secret this process learned and every secret-looking part (URL
    passwords, ``--token x``, auth headers, ``TOKEN=…``, high-entropy tokens) replaced."""
    from envsync.secrets import scrub_message

    # Marks, not fingerprints: a fingerprint under a key written here could be brute-forced.
    return scrub_message(text)


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
