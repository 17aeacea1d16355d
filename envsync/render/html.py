"""``envsync report --html``: one self-contained page a team lead opens from a file.

Everything is inline (CSS, SVG charts); the page names no URL to fetch, runs no script,
and every value is escaped. Secret values never reach it: snapshots hold only keyed
fingerprints, shown as "secret" / "secret differs", and the finished page is scrubbed once
more like every other output.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from envsync.model import Severity
from envsync.render.cells import clip
from envsync.render.svgchart import Series, line_chart

if TYPE_CHECKING:
    from envsync.config import Config
    from envsync.overview import EnvView, MemoryPoint, Overview

__all__ = ["HistoryCharts", "history_chart", "history_series", "memory_chart", "render_html"]

_COLOURS = {"critical": "#fecaca", "high": "#fed7aa", "medium": "#fef08a", "low": "#dbeafe",
            "info": "#f3f4f6"}
_CSS = """
body{font-family:system-ui,sans-serif;margin:24px;color:#111;max-width:1400px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:15px;margin:18px 0 6px} .muted{color:#666;font-size:12px}
table{border-collapse:collapse;font-size:13px;margin:6px 0}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f5} td.v{font-family:ui-monospace,monospace;max-width:360px;word-break:break-all}
td.missing{color:#888;font-style:italic} .sev{font-weight:bold;text-transform:uppercase;font-size:11px}
.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border:1px solid #ddd;font-size:12px}
.ok{color:#166534} .bad{color:#b91c1c;font-weight:bold}
"""


def _cell(value: Any, secret_row: bool, key: str | None) -> tuple[str, str]:
    from envsync.human import as_text, humanize
    from envsync.overview import MISSING
    from envsync.secrets import contains_fingerprint, is_fingerprint

    if value is MISSING or value is None:
        return "unset", "missing"
    if is_fingerprint(value) or contains_fingerprint(json.dumps(value, default=str)):
        return ("secret differs" if secret_row else "secret"), "v"
    text = as_text(humanize(value, key))  # 67108864 under mem_limit reads 64 MiB
    return (text if len(text) <= 200 else text[:197] + "…"), "v"


def _matrix(overview: Overview) -> list[str]:
    from envsync.overview import MISSING
    from envsync.secrets import contains_fingerprint

    names = [v.name for v in overview.envs]
    out = ["<h2>Drift matrix</h2>",
           '<p class="muted">One row per service setting whose value is not the same in every '
           "environment (declared in the compose files each environment resolves); the "
           "colour is the severity a difference there has.</p>",
           '<p class="legend">' + "".join(
               f'<span style="background:{c}">{s}</span>' for s, c in _COLOURS.items()) + "</p>"]
    if not overview.matrix:
        out.append("<p class=\"ok\">No setting differs between "
                   f"{escape(', '.join(names))}.</p>")
        return out
    out.append('<table class="matrix"><tr><th>service</th><th>setting</th><th>severity</th>'
               + "".join(f"<th>{escape(n)}</th>" for n in names) + "</tr>")
    for row in overview.matrix:
        colour = _COLOURS[row.severity.label]
        secret_row = any(contains_fingerprint(json.dumps(v, default=str))
                         for v in row.values.values() if v is not MISSING)
        cells = []
        for name in names:
            free = row.setting.startswith(("environment.", "labels."))  # no units guessed
            text, cls = _cell(row.values.get(name), secret_row,
                              None if free else row.setting.rsplit(".", 1)[-1])
            cells.append(f'<td class="{cls}" style="background:{colour}">{escape(text)}</td>')
        out.append(f"<tr><td>{escape(row.service)}</td><td>{escape(row.setting)}</td>"
                   f'<td class="sev">{row.severity.label}</td>{"".join(cells)}</tr>')
    out.append("</table>")
    return out


def _drift(view: EnvView) -> list[str]:
    findings = view.drift.findings
    out = [f"<h3>Drift inside {escape(view.name)}</h3>",
           '<p class="muted">committed ↔ working tree ↔ running; the direction says which '
           "way it goes.</p>"]
    if not findings:
        return [*out, '<p class="ok">No drift.</p>']
    out.append("<table><tr><th>severity</th><th>direction</th><th>path</th><th>what</th></tr>")
    for f in findings:
        colour = _COLOURS[f.severity.label]
        how = f.direction.value if f.direction else f.kind.value
        out.append(f'<tr style="background:{colour}"><td class="sev">{f.severity.label}</td>'
                   f"<td>{escape(how)}</td><td class=\"v\">{escape(clip(f.path))}</td>"
                   f"<td>{escape(clip(f.message))}</td></tr>")
    out.append("</table>")
    return out


def memory_chart(name: str, points: list[MemoryPoint], limits: dict[str, float], *,
                 standalone: bool = False) -> str:
    """Memory per service over the snapshots, each against its limit."""
    services = sorted({s for p in points for s in p.used_mb} | set(limits))
    labels = [p.time[5:16].replace("T", " ") for p in points]
    series = [Series(name=s, values=[p.used_mb.get(s) for p in points], limit=limits.get(s))
              for s in services]
    return line_chart(f"{name}: memory per service (MiB)", labels, series, unit="",
                      standalone=standalone)


def _health(view: EnvView) -> list[str]:
    checks = view.snapshot.get("health") or {}
    containers = view.snapshot.get("containers") or {}
    out = [f"<h3>Health of {escape(view.name)}</h3>"]
    if not checks and not containers:
        return [*out, '<p class="muted">No health checks configured and nothing running seen.</p>']
    out.append("<table><tr><th>check / container</th><th>status</th><th>detail</th></tr>")
    for name, c in checks.items():
        ok = c.get("status") == "ok"
        detail = f"HTTP {c.get('http_status') or '-'}" + (
            f", {c.get('latency_ms'):.0f} ms" if c.get("latency_ms") else "") + (
            f", {c.get('error')}" if c.get("error") else "")
        out.append(f"<tr><td>{escape(name)}</td><td class=\"{'ok' if ok else 'bad'}\">"
                   f"{escape(str(c.get('status')))}</td><td>{escape(detail)}</td></tr>")
    for key, c in sorted(containers.items()):
        state = str(c.get("state"))
        health = c.get("health")
        good = state == "running" and health in (None, "healthy")
        out.append(f"<tr><td>{escape(key)}</td><td class=\"{'ok' if good else 'bad'}\">"
                   f"{escape(state)}{escape(' / ' + str(health)) if health else ''}</td>"
                   f"<td>{escape(str(c.get('image') or ''))}</td></tr>")
    out.append("</table>")
    return out


def _timeline(view: EnvView) -> list[str]:
    out = [f"<h3>Backups, deploys and rollbacks of {escape(view.name)}</h3>"]
    if not view.timeline:
        return [*out, '<p class="muted">No restore point taken and no deploy yet (envsync '
                f"backup {escape(view.name)}).</p>"]
    out.append("<table><tr><th>time (UTC)</th><th>event</th><th>detail</th></tr>")
    for e in view.timeline:
        bad = any(word in e["detail"] for word in ("failed", "interrupted", "refused",
                                                   "rolled back"))
        out.append(f"<tr><td>{escape(e['time'][:19].replace('T', ' '))}</td>"
                   f"<td>{escape(e['what'])}</td><td class=\"{'bad' if bad else ''}\">"
                   f"{escape(e['detail'])}</td></tr>")
    out.append("</table>")
    return out


def render_html(overview: Overview, *, project: str) -> str:
    """The whole page."""
    from envsync.secrets import scrub_message

    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    names = ", ".join(v.name for v in overview.envs)
    worst = max((f.severity for v in overview.envs for f in v.drift.findings),
                default=None)
    summary = " · ".join(
        f"{escape(v.name)}: {len(v.drift.findings)} drift finding(s)" for v in overview.envs)
    body = [f"<h1>envsync report: {escape(project)}</h1>",
            f'<p class="muted">{escape(names)} · {now} · {summary}'
            + (f" · worst: {worst.label}" if isinstance(worst, Severity) else "") + "</p>"]
    body += _matrix(overview)
    body.append("<h2>Environments</h2>")
    for view in overview.envs:
        git = view.snapshot.get("git") or {}
        body.append(f'<h2 id="env-{escape(view.name)}">{escape(view.name)}</h2>')
        body.append(f'<p class="muted">{escape(view.source)} at '
                    f"{escape(str(view.snapshot['meta'].get('time')))}, commit "
                    f"{escape(str(git.get('head') or '-')[:12])} on "
                    f"{escape(str(git.get('branch') or '-'))}</p>")
        for problem in view.problems:
            body.append(f'<p class="bad">{escape(problem)}</p>')
        body += _drift(view)
        body.append(f"<h3>Memory of {escape(view.name)}</h3>")
        body.append(memory_chart(view.name, view.memory, view.limits_mb))
        body += _health(view)
        body += _timeline(view)
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; img-src data:\">"
            f"<title>envsync report: {escape(project)}</title><style>{_CSS}</style></head>"
            "<body>\n" + "\n".join(body) + "\n</body></html>\n")
    return scrub_message(page)


@dataclass
class HistoryCharts:
    """What ``history --plot`` draws, whatever the file format: memory per service (each
    with its limit) and drift findings per severity, over the same snapshot times."""

    labels: list[str]
    memory: list[Series]
    drift: list[Series]


def history_series(config: Config, env: str, limit: int) -> HistoryCharts:
    """The series of the newest ``limit`` stored snapshots of ``env``."""
    from envsync.diff.drift import drift
    from envsync.diff.ignorefile import ignore_rules
    from envsync.errors import SnapshotError
    from envsync.overview import _limits, memory_series
    from envsync.store import list_snapshots, load_snapshot

    snaps = []
    for path in list_snapshots(config.snapshots_dir, env)[-limit:]:
        try:
            snaps.append(load_snapshot(path))
        except SnapshotError:
            continue  # the table names it; the chart draws what can be read
    rules = ignore_rules(config)
    counts = [drift(s, ignore=rules, expect_different=config.expect_different).summary
              for s in snaps]
    labels = [str(s["meta"].get("time", "?"))[5:16].replace("T", " ") for s in snaps]
    severities = [s.label for s in sorted(Severity, reverse=True)]
    drift_series = [Series(name=label, values=[float(c[label]) for c in counts])
                    for label in severities if any(c[label] for c in counts)]
    points = memory_series(snaps)
    limits = _limits(snaps[-1]) if snaps else {}
    services = sorted({s for p in points for s in p.used_mb} | set(limits))
    memory = [Series(name=s, values=[p.used_mb.get(s) for p in points], limit=limits.get(s))
              for s in services]
    return HistoryCharts(labels=labels, memory=memory, drift=drift_series)


def history_chart(config: Config, env: str, limit: int) -> str:
    """``history --plot``: memory per service and drift findings per severity over the
    newest ``limit`` stored snapshots, one standalone SVG file."""
    charts = history_series(config, env, limit)
    memory = line_chart(f"{env}: memory per service (MiB)", charts.labels, charts.memory)
    findings = line_chart(f"{env}: drift findings per severity", charts.labels, charts.drift)
    # Two charts stacked in one file: nested <svg> elements keep their own coordinates.
    top_h = int(memory.split('height="', 1)[1].split('"', 1)[0])
    low_h = int(findings.split('height="', 1)[1].split('"', 1)[0])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{top_h + low_h}" '
            f'viewBox="0 0 640 {top_h + low_h}">\n{memory}\n<g transform="translate(0,{top_h})">'
            f"\n{findings}\n</g>\n</svg>\n")
