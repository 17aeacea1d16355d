"""Pure diffing: normalise snapshots, run deepdiff, classify, filter. No I/O here."""

from __future__ import annotations

from envsync.diff.engine import DiffResult, apply_filters, diff_normalised
from envsync.diff.hosts import host_views, merge_host_findings
from envsync.diff.normalise import normalise
from envsync.diff.rules import match_rule
from envsync.model import Finding, Kind, Snapshot

__all__ = ["DiffResult", "compare"]


def compare(
    a: Snapshot,
    b: Snapshot,
    *,
    a_label: str,
    b_label: str,
    ignore: tuple[str, ...] = (),
    expect_different: tuple[str, ...] = (),
) -> DiffResult:
    """Every difference between two snapshots that matters, classified and filtered.

    A fleet (``engines:``) is compared host by host: with another fleet, each host with
    the host of the same name (a host on one side only is a finding); with a single
    engine, each of its hosts with that engine."""
    views_a, views_b = host_views(a), host_views(b)
    if not views_a and not views_b:
        result = diff_normalised(normalise(a), normalise(b), a_label=a_label, b_label=b_label)
        return apply_filters(result, ignore=ignore, expect_different=expect_different)
    pairs: list[tuple[str, Snapshot, Snapshot]] = []
    if views_a and views_b:
        pairs = [(h, views_a[h], views_b[h]) for h in views_a if h in views_b]
    else:
        pairs = ([(h, v, b) for h, v in views_a.items()] if views_a
                 else [(h, a, v) for h, v in views_b.items()])
    per_host = [(host, diff_normalised(normalise(left), normalise(right), a_label=a_label,
                                       b_label=b_label).findings)
                for host, left, right in pairs]
    result = DiffResult(a=a_label, b=b_label, findings=merge_host_findings(per_host))
    if views_a and views_b:
        result.findings += _hosts_on_one_side(views_a, views_b, a_label, b_label)
    result.findings.sort(key=lambda f: (f.service or "", f.host or "", -f.severity, f.path))
    return apply_filters(result, ignore=ignore, expect_different=expect_different)


def _hosts_on_one_side(a: dict[str, Snapshot], b: dict[str, Snapshot], a_label: str,
                       b_label: str) -> list[Finding]:
    """A host in one fleet's ``engines:`` and not in the other's."""
    out = []
    for host in sorted(set(a) ^ set(b)):
        kind, only = (Kind.REMOVED, a_label) if host in a else (Kind.ADDED, b_label)
        engine = ((a.get(host) or b.get(host) or {}).get("meta") or {}).get("engine") or {}
        rule = match_rule(("hosts", host), kind)
        out.append(Finding(path=f"hosts.{host}", kind=kind, category=rule.category,
                           severity=rule.severity, rule=rule.pattern,
                           message=f"host {host} ({engine.get('url')}) is in {only}'s engines "
                                   "only", segments=("hosts", host), host=host,
                           before=host if kind is Kind.REMOVED else None,
                           after=host if kind is Kind.ADDED else None))
    return out
