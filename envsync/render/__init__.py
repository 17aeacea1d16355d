"""The rendering layer: the only code that imports rich. Every result also renders as JSON."""

from __future__ import annotations

from envsync.render.console import err_console, out_console, warn
from envsync.render.diff import DIFF_FORMATS, render_diff

__all__ = ["DIFF_FORMATS", "err_console", "out_console", "render_diff", "warn"]
