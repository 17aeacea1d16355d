"""A DiffResult as a table for people, or JSON, markdown, SARIF, JUnit, GitHub annotations."""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from envsync.model import Finding, Severity
from envsync.render.cells import clip

if TYPE_CHECKING:
    from envsync.diff.engine import DiffResult

__all__ = ["DIFF_FORMATS", "render_diff"]

DIFF_FORMATS = ("table", "json", "markdown", "sarif", "junit", "github")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Terminal control characters (C0 but newline and tab, DEL, C1): a value holding them
must be shown, never sent to the terminal (``\x1b]0;…`` retitles it, ``\x1b[2J`` clears it)."""


def _visible(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _summary_line(result: DiffResult) -> str:
    parts = [f"{n} {label}" for label, n in result.summary.items() if n]
    total = len(result.findings)
    if not total:
        return f"{result.a} ↔ {result.b}: no differences"
    return f"{result.a} ↔ {result.b}: {total} finding(s): " + ", ".join(parts)


def _groups(result: DiffResult) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        groups[f.service or "(environment)"].append(f)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == "(environment)", kv[0])))


def _table_rows(result: DiffResult) -> list[tuple[str, list[str], list[list[str]]]]:
    """Each service's table: its title, its column headers and its rows."""
    tables = []
    for service, items in _groups(result).items():
        directions = any(f.direction for f in items)
        hosts = any(f.host for f in items)  # a fleet: which host each finding is on
        headers = ["severity", *(["host"] if hosts else []),
                   "direction" if directions else "kind", "path", "what"]
        rows = [[f.severity.label, *([f.host or "(all)"] if hosts else []),
                 (f.direction.value if f.direction else f.category) if directions
                 else f.kind.value,
                 clip(f.path), clip(f.message)] for f in items]
        tables.append((service, headers, rows))
    return tables


def _table(result: DiffResult, width: int | None) -> str:
    tables = _table_rows(result) if result.findings else []
    lines = [f"note: {note}" for note in result.notes] + [_summary_line(result)]
    plain = _plain_table(tables, lines, width or 120)
    return plain if plain is not None else _rich_table(tables, lines, width or 120)


def _plain_table(tables: list[tuple[str, list[str], list[list[str]]]], lines: list[str],
                 width: int) -> str | None:
    """The table drawn without rich (the common case: see envsync.render.boxtable)."""
    from envsync.render import boxtable

    if not boxtable.plain(*lines):
        return None
    out = []
    for title, headers, rows in tables:
        columns = [boxtable.Column(h, fold=h in ("path", "what")) for h in headers]
        drawn = boxtable.draw(title, columns, rows, width)
        if drawn is None:
            return None
        out.append(drawn)
    return "".join(out) + "".join(boxtable.draw_line(line, width) for line in lines)


def _rich_table(tables: list[tuple[str, list[str], list[list[str]]]], lines: list[str],
                width: int) -> str:
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    # Plain text: values from snapshots are never read as rich markup or :emoji: codes.
    console = Console(file=buf, width=width, highlight=False, markup=False, emoji=False,
                      force_terminal=False, no_color=True)
    for title, headers, rows in tables:
        table = Table(title=title, title_justify="left", show_lines=False, expand=False)
        for header in headers:
            table.add_column(header, overflow="fold" if header in ("path", "what") else "ellipsis")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    for line in lines:
        console.print(line)
    return buf.getvalue()


_CODE_SAFE = re.compile(r"[^`\n\r|]*")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!~&])")
"""``|`` is escaped where a row is joined."""


def _md_text(text: str) -> str:
    """Text from the compared files shown as text in Markdown: a value holding a backtick
    would end its code span, and then ``<img onerror=…>`` or ``[link](…)`` would be markup
    in a pull-request comment; a newline would end the table row. Every character Markdown
    or HTML reads is escaped, a line break shown as ``\\n``; the rest reads as it is."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _markdown(result: DiffResult) -> str:
    lines = [f"### envsync: {_md_text(result.a)} ↔ {_md_text(result.b)}", ""]
    if not result.findings:
        lines.append("No differences.")
    fleet = any(f.host for f in result.findings)
    for service, items in _groups(result).items():
        lines += [f"#### {_md_text(service)}", "", f"| severity |{' host |' if fleet else ''} kind | "
                  "path | what |", "|---|---|---|---|" + ("---|" if fleet else "")]
        for f in items:
            how = f.direction.value if f.direction else f.kind.value
            path = clip(f.path)
            cells = [f.severity.label, *([_md_text(f.host or "(all)")] if fleet else []), how,
                     f"`{path}`" if _CODE_SAFE.fullmatch(path) else _md_text(path),
                     _md_text(clip(f.message))]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    lines.append(_md_text(_summary_line(result)))
    return "\n".join(lines) + "\n"


def _github(result: DiffResult) -> str:
    level = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning"}
    out = []
    for f in result.findings:
        text = clip(f.message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        where = clip(f"{f.host}:{f.path}" if f.host else f.path)
        out.append(f"::{level.get(f.severity, 'notice')} title=envsync {f.severity.label}"
                   f" {where.replace(',', '%2C').replace('::', '%3A%3A')}::{text}")
    out.append(_summary_line(result))
    return "\n".join(out) + "\n"


def _sarif(result: DiffResult) -> dict[str, Any]:
    level = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
             Severity.LOW: "note", Severity.INFO: "none"}
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for f in result.findings:
        rule_id = f"envsync/{f.category}"
        rules.setdefault(rule_id, {"id": rule_id, "name": f.category,
                                   "shortDescription": {"text": f"{f.category} drift"}})
        results.append({
            "ruleId": rule_id,
            "level": level[f.severity],
            "message": {"text": f.message},
            # Code scanning wants a file for each result: drift has none of its own, so it
            # is filed against envsync.yaml, with the finding's path as its logical place.
            "locations": [{
                "physicalLocation": {"artifactLocation": {"uri": "envsync.yaml"}},
                # a fleet's host is the outer logical place: web-2/containers.bot.env.X
                "logicalLocations": [{"fullyQualifiedName": f"{f.host}/{f.path}" if f.host
                                      else f.path, "kind": "member"}],
            }],
            "properties": {"path": f.path, "severity": f.severity.label,
                           "kind": f.kind.value, "service": f.service,
                           **({"host": f.host} if f.host else {})},
        })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "envsync", "rules": list(rules.values())}},
                  "results": results}],
    }
    return doc


def _junit(result: DiffResult, threshold: Severity) -> str:
    # Here, not at the top: xml.sax.saxutils imports urllib.request, http.client, ssl and
    # email (a third of a table diff's start-up) for two escaping functions.
    from xml.sax.saxutils import escape, quoteattr

    failing = [f for f in result.findings if f.severity >= threshold]
    name = f"envsync {result.a} vs {result.b}"
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuite name={quoteattr(name)} tests="{max(len(result.findings), 1)}" '
           f'failures="{len(failing)}">']
    if not result.findings:
        out.append('  <testcase classname="envsync" name="no differences"/>')
    for f in result.findings:
        group = f.service or "environment"
        case = (f'  <testcase classname={quoteattr(f"{f.host}.{group}" if f.host else group)} '
                f'name={quoteattr(f.path)}')
        if f.severity >= threshold:
            out.append(case + ">")
            out.append(f"    <failure type={quoteattr(f.severity.label)} "
                       f"message={quoteattr(f.message)}>{escape(f.message)}</failure>")
            out.append("  </testcase>")
        else:
            out.append(case + "/>")
    out.append("</testsuite>")
    return "\n".join(out) + "\n"


def _scrubbed(result: DiffResult) -> DiffResult:
    """A copy of ``result`` whose every text (labels, notes, and each finding's path,
    service, host, message, before and after) is scrubbed, as one document: a secret
    found in one of them is masked in all."""
    from dataclasses import replace

    from envsync.diff.engine import DiffResult
    from envsync.secrets import scrub_document

    texts = scrub_document([result.a, result.b, result.notes,
                            [[f.path, f.service, f.host, f.message, f.before, f.after]
                             for f in result.findings]])
    a, b, notes, found = texts
    findings = [replace(f, path=path, service=service, host=host, message=message,
                        before=before, after=after)
                for f, (path, service, host, message, before, after) in zip(
                    result.findings, found, strict=True)]
    return DiffResult(a=a, b=b, findings=findings, schema=result.schema, notes=notes)


def render_diff(result: DiffResult, fmt: str, *, threshold: Severity = Severity.LOW,
                width: int | None = None) -> str:
    """The text to print for ``fmt`` (one of DIFF_FORMATS), scrubbed of anything secret
    (a stored snapshot from an older envsync may hold what is now known to be one)."""
    from envsync.secrets import scrub_message

    if fmt in ("json", "sarif"):
        # A document: its strings are scrubbed one by one (each distinct one once), not its
        # text whole, which took 0.65 s for 2,000 findings; JSON escapes control characters.
        from envsync.secrets import scrub_document, vouch_scrubbed

        doc = result.to_json() if fmt == "json" else _sarif(result)
        text = json.dumps(scrub_document(doc), indent=2, default=str) + "\n"
        vouch_scrubbed(text)
        return text
    # The text formats escape what they quote (Markdown's ``ghp\_…``, XML's ``&quot;``), which
    # can hide a secret's form from the pass over the text: its values are scrubbed first.
    result = _scrubbed(result)
    if fmt == "markdown":
        text = _markdown(result)
    elif fmt == "github":
        text = _github(result)
    elif fmt == "junit":
        text = _junit(result, threshold)
    else:
        text = _table(result, width)
    # Text for people (and JUnit's XML may not hold control characters at all).
    return scrub_message(_visible(text))
