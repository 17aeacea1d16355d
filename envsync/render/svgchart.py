"""Small line charts as standalone SVG text: memory per service against its limit, drift
counts over time.

Hand-written rather than a charting library: the page must open from a file with no
network request, and the libraries that draw SVG either load their interactive script from
a CDN (pygal), or weigh tens of megabytes and a second of import time (matplotlib) for a
few polylines. Text is escaped; nothing here runs a script.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

__all__ = ["PALETTE", "Series", "line_chart"]

PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#be185d",
           "#4d7c0f")


@dataclass
class Series:
    """One line: values at indices of the shared x axis (None = no value there)."""

    name: str
    values: list[float | None]
    limit: float | None = None
    colour: str = ""
    notes: list[str] = field(default_factory=list)


def _fmt(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def line_chart(title: str, x_labels: list[str], series: list[Series], *, unit: str = "",
               width: int = 640, height: int = 260, standalone: bool = False) -> str:
    """An ``<svg>`` element: a line per series, its limit as a dashed line of the same
    colour, the y axis from 0 to the highest value or limit, a legend under the plot.
    ``standalone`` adds the SVG namespace a .svg file needs (inside HTML it is implied)."""
    left, right, top, bottom = 56, 16, 28, 40
    legend = 18 * ((len(series) + 2) // 3)
    plot_w, plot_h = width - left - right, height - top - bottom
    total_h = height + legend
    peaks = [v for s in series for v in (*s.values, s.limit) if v is not None]
    top_value = max(peaks) * 1.1 if peaks and max(peaks) > 0 else 1.0
    n = max(len(x_labels), 1)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / top_value

    xmlns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [f'<svg{xmlns} role="img" width="{width}" '
           f'height="{total_h}" viewBox="0 0 {width} {total_h}" class="chart" '
           f'font-family="sans-serif" font-size="11">',
           f"<title>{escape(title)}</title>",
           f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
           f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" '
           'stroke="#ccc"/>']
    for k in range(5):
        v = top_value * k / 4
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                   'stroke="#e5e5e5"/>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">'
                   f"{_fmt(v)}{escape(unit)}</text>")
    step = max(1, n // 6)
    for i, label in enumerate(x_labels):
        if i % step == 0 or i == n - 1:
            anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
            out.append(f'<text x="{x(i):.1f}" y="{top + plot_h + 16}" text-anchor="{anchor}">'
                       f"{escape(label)}</text>")
    if not series or not peaks:
        out.append(f'<text x="{left + plot_w / 2}" y="{top + plot_h / 2}" '
                   'text-anchor="middle" fill="#666">no data</text>')
    for k, s in enumerate(series):
        colour = s.colour or PALETTE[k % len(PALETTE)]
        points = [(x(i), y(v)) for i, v in enumerate(s.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                       f'stroke-width="2" class="series"><title>{escape(s.name)}</title>'
                       "</polyline>")
        for px, py in points:
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>')
        if s.limit is not None:
            out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(s.limit):.1f}" '
                       f'y2="{y(s.limit):.1f}" stroke="{colour}" stroke-dasharray="6 4" '
                       f'class="limit"><title>{escape(s.name)} limit {_fmt(s.limit)}'
                       f"{escape(unit)}</title></line>")
        lx = left + (k % 3) * (plot_w / 3)
        ly = height + 4 + 18 * (k // 3)
        name = s.name + (f" (limit {_fmt(s.limit)}{unit})" if s.limit is not None else "")
        out.append(f'<rect x="{lx:.1f}" y="{ly - 9}" width="12" height="4" fill="{colour}"/>')
        out.append(f'<text x="{lx + 16:.1f}" y="{ly - 4}">{escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out)
