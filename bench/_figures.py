"""A benchmark's key figures as one JSON line, so bench/against.py can compare two trees.

A bench given ``--json`` prints its usual table, then one last line:
``{"bench": "diff_scale", "figures": {"compare() 200 services": {"value": 41.2, "unit": "ms",
"better": "lower", "reference": false}, ...}}``. Figures are plain numbers in the unit named,
never rounded text. A reference figure measures no envsync code (``import typer``, ``docker
stats``, raw commands): how much it moves between two runs shows how noisy they were.
"""

from __future__ import annotations

import json
from typing import Literal, TypedDict, cast

Better = Literal["lower", "higher"]


class Figure(TypedDict):
    value: float
    unit: str
    better: Better
    reference: bool


def figure(value: float, unit: str, better: Better = "lower", *, reference: bool = False) -> Figure:
    return {"value": float(value), "unit": unit, "better": better, "reference": reference}


def json_line(bench: str, figures: dict[str, Figure]) -> str:
    return json.dumps({"bench": bench, "figures": figures})


def parse(stdout: str) -> tuple[str, dict[str, Figure]]:
    """The bench name and figures of the last figures line in ``stdout``.

    Raises ValueError, naming what is wrong, when there is no such line or it is malformed.
    """
    for line in reversed(stdout.splitlines()):
        if not line.startswith('{"bench"'):
            continue
        data = json.loads(line)
        bench, figures = data.get("bench"), data.get("figures")
        if not isinstance(bench, str) or not isinstance(figures, dict):
            raise ValueError(f"figures line without a bench name or figures: {line[:200]}")
        for name, fig in figures.items():
            if isinstance(fig, dict):
                fig.setdefault("reference", False)
            if (not isinstance(fig, dict) or not isinstance(fig.get("value"), int | float)
                    or not isinstance(fig.get("unit"), str)
                    or fig.get("better") not in ("lower", "higher")
                    or not isinstance(fig["reference"], bool)):
                raise ValueError(f"{bench}: figure {name!r} is not value/unit/better/reference: "
                                 f"{fig}")
        return bench, cast(dict[str, Figure], figures)
    raise ValueError("no figures line (a line starting with {\"bench\") in the output")
