"""``envsync history ENV --plot FILE.png``: the same two charts as the SVG (memory per
service against its limit, drift findings per severity), drawn by matplotlib.

matplotlib is the optional ``plot`` extra and weighs about a second of import time, so it
is imported here only, and this module only when a PNG is asked for. The Agg backend
draws without a display (CI, ssh); the figure is built with the object API rather than
pyplot, which keeps global state and would pick an interactive backend.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from envsync.errors import EnvsyncError
from envsync.render.svgchart import PALETTE

if TYPE_CHECKING:
    from envsync.render.html import HistoryCharts
    from envsync.render.svgchart import Series

__all__ = ["INSTALL_HINT", "history_png"]

INSTALL_HINT = "pip install 'envsync[plot]'"


def _draw(axes: object, title: str, labels: list[str], series: list[Series],
          ylabel: str) -> None:
    from matplotlib.axes import Axes

    assert isinstance(axes, Axes)
    xs = list(range(len(labels)))
    for k, s in enumerate(series):
        colour = s.colour or PALETTE[k % len(PALETTE)]
        points = [(x, v) for x, v in zip(xs, s.values, strict=False) if v is not None]
        if points:
            axes.plot([p[0] for p in points], [p[1] for p in points], marker="o",
                      color=colour, linewidth=2, label=s.name)
        if s.limit is not None:
            axes.axhline(s.limit, color=colour, linestyle="--", linewidth=1,
                         label=f"{s.name} limit {s.limit:g}")
    axes.set_title(title, loc="left", fontsize=11, fontweight="bold")
    axes.set_ylabel(ylabel)
    peaks = [v for s in series for v in (*s.values, s.limit) if v is not None]
    axes.set_ylim(0, max(peaks) * 1.1 if peaks and max(peaks) > 0 else 1.0)  # as the SVG
    axes.grid(True, color="#e5e5e5")
    step = max(1, len(labels) // 6)  # at most about six time labels, like the SVG
    ticks = [i for i in xs if i % step == 0 or i == len(xs) - 1]
    axes.set_xticks(ticks, [labels[i] for i in ticks], fontsize=8)
    if series and any(v is not None for s in series for v in (*s.values, s.limit)):
        axes.legend(fontsize=8, loc="upper left", framealpha=0.8)
    else:
        axes.text(0.5, 0.5, "no data", transform=axes.transAxes, ha="center", color="#666")


def history_png(env: str, charts: HistoryCharts) -> bytes:
    """Both charts stacked in one PNG image. Raises EnvsyncError (exit 2) naming the extra
    to install when matplotlib is missing."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise EnvsyncError(f"--plot FILE.png needs matplotlib: {INSTALL_HINT} "
                         "(or name the chart .svg)") from None

    figure = Figure(figsize=(8, 6.4), dpi=100, layout="constrained")
    top, low = figure.subplots(2, 1)
    _draw(top, f"{env}: memory per service (MiB)", charts.labels, charts.memory, "MiB")
    _draw(low, f"{env}: drift findings per severity", charts.labels, charts.drift,
          "findings")
    low.yaxis.get_major_locator().set_params(integer=True)  # counts, not fractions
    buf = io.BytesIO()
    FigureCanvasAgg(figure)  # attaches itself: the figure draws with Agg, no display
    figure.savefig(buf, format="png")
    return buf.getvalue()
