"""The market-data service: prices, open interest and a short analysis from several exchanges."""

from __future__ import annotations

__version__ = "0.1.0"
