"""The installed ``envsync`` run as a user runs it: a subprocess, its exit code and
streams, and the check every hostile case makes of a refusal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

__all__ = ["ENVSYNC", "assert_refused", "envsync"]

ENVSYNC = str(Path(sys.executable).parent / "envsync")


def envsync(*args: str | Path, cwd: Path, timeout: float = 60
            ) -> subprocess.CompletedProcess[str]:
    """``envsync ARGS`` in ``cwd`` (a hang fails the test at ``timeout``)."""
    return subprocess.run([ENVSYNC, *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, check=False)


def assert_refused(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit 2, one line on stderr (``envsync: error: …``) holding each needle, no
    traceback and no 'this is a bug'; returns the line."""
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert len(lines) == 1 and lines[0].startswith("envsync: error: "), proc.stderr
    assert "Traceback" not in proc.stderr and "a bug" not in lines[0], proc.stderr
    assert "\x1b" not in lines[0] and "\x00" not in lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]
