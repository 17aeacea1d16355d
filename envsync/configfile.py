"""Where envsync.yaml is: found without loading it.

Apart from :mod:`envsync.config` (which parses the file) so that a command that may run
without one (``envsync diff a.json b.json``) learns there is none at the cost of a few
``stat`` calls, not of importing the config model.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from envsync.errors import ConfigError

__all__ = ["CONFIG_NAME", "find_config"]

CONFIG_NAME = "envsync.yaml"


def find_config(explicit: Path | None = None, start: Path | None = None) -> Path:
    """The envsync.yaml to use; raises ConfigError saying where it looked."""
    if explicit is not None:
        _check_config_file(explicit, "")
        return explicit
    env_path = os.environ.get("ENVSYNC_CONFIG")
    if env_path:
        path = Path(env_path)
        _check_config_file(path, " (from ENVSYNC_CONFIG)")
        return path
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    raise ConfigError(
        f"{CONFIG_NAME} not found in {here} or any folder above it "
        "(run `envsync init`, or pass --config PATH)"
    )


def _check_config_file(path: Path, source: str) -> None:
    try:
        if stat.S_ISREG(path.stat().st_mode):
            return
        problem = "not a regular file"
    except FileNotFoundError:
        problem = "config file not found"
    except OSError as exc:
        from envsync.errors import os_reason

        problem = f"cannot read config file: {os_reason(exc)}"
    raise ConfigError(f"{path}: {problem}{source}")
