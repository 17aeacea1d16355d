"""The global options of one invocation (``--config``, ``--debug``), shared by every
command through ``ctx.obj``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from envsync.config import Config

__all__ = ["State", "state"]


@dataclass
class State:
    """Global options, shared by every command through ``ctx.obj``."""

    config_path: Path | None = None
    debug: bool = False
    _config: Any = field(default=None, repr=False)

    def config(self) -> Config:
        """envsync.yaml, loaded once."""
        if self._config is None:
            from envsync.config import load_config

            self._config = load_config(self.config_path)
        return self._config  # type: ignore[no-any-return]

    def config_or_none(self) -> Config | None:
        """envsync.yaml when there is one (a diff of two files needs none)."""
        from envsync.configfile import find_config
        from envsync.errors import ConfigError

        try:
            find_config(self.config_path)
        except ConfigError:
            if self.config_path is not None:
                raise
            return None
        return self.config()


def state(ctx: typer.Context) -> State:
    """The global options of this invocation."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()

