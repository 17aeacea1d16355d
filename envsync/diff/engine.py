"""Two normalised snapshots → classified, explained findings (deepdiff does the diffing)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from envsync.diff.rules import RULES, Rule, glob_match, match_rule
from envsync.human import as_text, humanize, shorten_apart
from envsync.model import DIFF_SCHEMA, Finding, Kind, Severity
from envsync.secrets import is_fingerprint

__all__ = ["DiffResult", "apply_filters", "diff_normalised", "explain", "show_value",
           "show_values"]

# Sections compared entry by entry: equal entries are skipped before deepdiff runs, so a
# 200-service diff costs deepdiff only for the services that differ.
_KEYED_SECTIONS = ("services", "containers", "env_files")
_SCOPED = ("services", "containers")


@dataclass
class DiffResult:
    """The findings between side ``a`` and side ``b``, most severe first per service."""

    a: str
    b: str
    findings: list[Finding] = field(default_factory=list)
    schema: str = DIFF_SCHEMA
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            counts[f.severity.label] += 1
        return counts

    def at_or_above(self, threshold: Severity) -> list[Finding]:
        """The findings that make the exit code 1 for ``--fail-on threshold``."""
        return [f for f in self.findings if f.severity >= threshold]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "a": self.a,
            "b": self.b,
            "findings": [f.to_json() for f in self.findings],
            "summary": self.summary,
            "notes": self.notes,
        }


def show_value(value: Any, limit: int = 60, key: str | None = None) -> str:
    """A value for a one-line message: secrets never, sizes and durations in human units
    (``key`` says what the value holds), long values shortened."""
    return show_values(value, limit=limit, key=key)[0]


def show_values(*values: Any, limit: int = 60, key: str | None = None) -> list[str]:
    """Several values of one thing for a one-line message, shortened together: when they
    are long, each shows where they differ rather than the same beginning."""
    texts: list[str | None] = []
    for value in values:
        if value is None or is_fingerprint(value) or value == "":
            texts.append(None)
        else:
            texts.append(as_text(humanize(value, key)))
    shown = iter(shorten_apart([t for t in texts if t is not None], limit=limit))
    out = []
    for value, text in zip(values, texts, strict=True):
        if text is not None:
            out.append(f"`{next(shown)}`")
        elif value is None:
            out.append("unset")
        elif value == "":
            out.append("empty")
        else:
            out.append("a secret")
    return out


def _subject(path: tuple[str, ...]) -> tuple[str | None, str]:
    """(service, what) for a path: ``services.bot.environment.X`` → (bot, "env X")."""
    if len(path) >= 3 and path[:2] == ("swarm", "services"):
        service, what = _subject(("services", *path[2:]))
        return service, f"{what} (swarm)"
    if len(path) >= 2 and path[0] in _SCOPED:
        service, rest = path[1], path[2:]
        where = "" if path[0] == "services" else " (running)"
        if not rest:
            return service, f"{'service' if path[0] == 'services' else 'container'}{where}"
        head = rest[0]
        if head in ("environment", "env") and len(rest) > 1:
            return service, f"env {'.'.join(rest[1:])}{where}"
        if head == "ports" and len(rest) > 1:
            return service, f"port {'.'.join(rest[1:])}{where}"
        if head in ("volumes", "mounts") and len(rest) > 1:
            return service, f"mount {'.'.join(rest[1:])}{where}"
        return service, ".".join(rest) + where
    if path and path[0] == "env_files":
        if len(path) == 2:
            return None, f"env file {path[1]}"
        name = "env file" if path[1] == "env_file" else path[1]
        return None, f"{name} key {'.'.join(path[2:])}"
    if path and path[0] == "git":
        return None, "git " + ".".join(path[1:])
    if path and path[0] == "health" and len(path) > 1:
        return None, f"health check {'.'.join(path[1:])}"
    return None, ".".join(path)


def explain(kind: Kind, path: tuple[str, ...], before: Any, after: Any, a: str, b: str) -> str:
    """The one-line message a person reads."""
    service, what = _subject(path)
    # Free-form maps (env, labels) hold whatever their author chose: no units guessed there.
    free = bool(path) and (path[0] == "env_files" or
                           any(p in ("environment", "env", "labels") for p in path[2:3]))
    key = None if free or not path else path[-1]
    subject = f"{service}: {what}" if service else what
    if len(path) == 2 and path[0] in _SCOPED:
        only = b if kind is Kind.ADDED else a
        return f"{subject} exists only in {only}"
    if kind is Kind.CHANGED:
        if is_fingerprint(before) or is_fingerprint(after):
            return f"{subject}: the secret value differs between {a} and {b}"
        shown_after, shown_before = show_values(after, before, key=key)
        return f"{subject} is {shown_after} in {b}, {shown_before} in {a}"
    if kind is Kind.ADDED:
        return f"{subject} is set in {b} ({show_value(after, key=key)}), not in {a}"
    return f"{subject} is set in {a} ({show_value(before, key=key)}), missing in {b}"


def _finding(
    kind: Kind, path: tuple[str, ...], before: Any, after: Any, a: str, b: str,
    rules: tuple[Rule, ...],
) -> Finding:
    rule = match_rule(path, kind, rules)
    service, _ = _subject(path)
    return Finding(
        path=".".join(path), kind=kind, category=rule.category, severity=rule.severity,
        message=explain(kind, path, before, after, a, b), service=service,
        before=before, after=after, rule=rule.pattern, segments=path,
    )


_REPORTS = {
    "values_changed": Kind.CHANGED,
    "type_changes": Kind.CHANGED,
    "dictionary_item_added": Kind.ADDED,
    "dictionary_item_removed": Kind.REMOVED,
    "iterable_item_added": Kind.ADDED,
    "iterable_item_removed": Kind.REMOVED,
}


def _prune(before: Any, after: Any) -> tuple[Any, Any]:
    """Both sides with the keys they agree on removed, at every depth of nested maps.

    deepdiff walks every key it is given; most keys of two environments are equal, and an
    ``==`` on them (done in C) is far cheaper than deepdiff visiting them.
    """
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return before, after
    left: dict[Any, Any] = {}
    right: dict[Any, Any] = {}
    for key, value in before.items():
        if key not in after:
            left[key] = value
            continue
        other = after[key]
        if value == other:
            continue
        left[key], right[key] = _prune(value, other)
    for key, value in after.items():
        if key not in before:
            right[key] = value
    return left, right


# Packages deepdiff imports whenever they are installed, only to recognise their own types,
# which snapshots (parsed JSON and YAML) never hold: pydantic costs about 110 ms, numpy
# (present wherever matplotlib is, e.g. with the `plot` extra) about 125 ms.
_NOT_FOR_DEEPDIFF = ("pydantic", "numpy")


def _deepdiff_class() -> Any:
    """deepdiff's DeepDiff, imported without pydantic or numpy.

    Each of them that nothing has imported yet is hidden for the length of this import, so
    deepdiff takes its path without it; a later ``import numpy`` or ``import pydantic``
    works as usual.
    """
    if "deepdiff" in sys.modules:
        from deepdiff import DeepDiff

        return DeepDiff
    hidden = [name for name in _NOT_FOR_DEEPDIFF if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` → ImportError
    try:
        from deepdiff import DeepDiff
    finally:
        for name in hidden:
            del sys.modules[name]
    return DeepDiff


_SCALARS = (str, int, float, bool, type(None))
_PLAIN = (dict, *_SCALARS)


def _walk(before: Any, after: Any, keys: tuple[Any, ...],
          reports: dict[str, list[tuple[tuple[Any, ...], Any, Any]]]) -> bool:
    """What deepdiff reports for ``_prune(before, after)``, in its order, added to
    ``reports``, for two values made of maps and scalars only (what most of a snapshot is);
    False at the first other thing (a list: deepdiff pairs its items), which is left to
    deepdiff.

    deepdiff builds a tree node for each key it visits (about 2.5 ms for a service with a
    few changed keys); this is the same walk with ``==`` and ``type``. Its order, kept so
    that findings with equal paths sort alike: per map, the keys only in ``after`` (in its
    order), then those only in ``before``, then the differing ones (in ``before``'s
    order), depth first; each kind of report a list of its own.
    """
    if before is after:  # deepdiff's first test (a NaN is the same object on both sides)
        return True
    kind, other = type(before), type(after)
    if kind not in _PLAIN or other not in _PLAIN:
        return False
    if kind is not other:
        reports["type_changes"].append((keys, before, after))
        return True
    if kind is not dict:
        if before != after:
            reports["values_changed"].append((keys, before, after))
        return True
    for key, value in after.items():
        if key not in before:
            reports["dictionary_item_added"].append(((*keys, key), None, value))
    for key, value in before.items():
        if key not in after:
            reports["dictionary_item_removed"].append(((*keys, key), value, None))
    for key, value in before.items():
        if key in after and value != after[key] \
                and not _walk(value, after[key], (*keys, key), reports):
            return False
    return True


def _deepdiff(
    before: Any, after: Any, prefix: tuple[str, ...]
) -> Iterator[tuple[Kind, tuple[str, ...], Any, Any]]:
    reports: dict[str, list[tuple[tuple[Any, ...], Any, Any]]] = {
        report: [] for report in _REPORTS}
    if _walk(before, after, (), reports):
        for report, kind in _REPORTS.items():
            for keys, t1, t2 in reports[report]:
                yield kind, prefix + tuple(str(k) for k in keys if not isinstance(k, int)), t1, t2
        return
    deep_diff = _deepdiff_class()

    before, after = _prune(before, after)
    # threshold 0: always report key by key, never "the whole map changed".
    tree = deep_diff(before, after, ignore_order=True, view="tree", verbose_level=2,
                    threshold_to_diff_deeper=0)
    for report, kind in _REPORTS.items():
        for level in tree.get(report, ()):
            keys = level.path(output_format="list")
            # A list item's index says nothing to a person; the value does.
            path = prefix + tuple(str(k) for k in keys if not isinstance(k, int))
            t1 = None if kind is Kind.ADDED else level.t1
            t2 = None if kind is Kind.REMOVED else level.t2
            yield kind, path, t1, t2


def _changes(a: dict[str, Any], b: dict[str, Any]) -> Iterator[tuple[Kind, tuple[str, ...], Any, Any]]:
    for section in sorted(set(a) | set(b)):
        left, right = a.get(section), b.get(section)
        if left == right:
            continue
        if section in _KEYED_SECTIONS and isinstance(left, dict) and isinstance(right, dict):
            for key in sorted(set(left) | set(right), key=str):
                if key not in right:
                    yield Kind.REMOVED, (section, key), left[key], None
                elif key not in left:
                    yield Kind.ADDED, (section, key), None, right[key]
                elif left[key] != right[key]:
                    yield from _deepdiff(left[key], right[key], (section, key))
        elif left is None or right is None:
            # One side has no such part (e.g. no runtime captured): not a difference.
            continue
        else:
            yield from _deepdiff(left, right, (section,))


def diff_normalised(
    a: dict[str, Any], b: dict[str, Any], *, a_label: str, b_label: str,
    rules: tuple[Rule, ...] = RULES,
) -> DiffResult:
    """All findings between two normalised snapshots, unfiltered."""
    findings = [
        _finding(kind, path, before, after, a_label, b_label, rules)
        for kind, path, before, after in _changes(a, b)
    ]
    findings.sort(key=lambda f: (f.service or "", -f.severity, f.path))
    return DiffResult(a=a_label, b=b_label, findings=findings)


def _ignored(path: tuple[str, ...], rules: tuple[str, ...]) -> bool:
    ignored = False
    for rule in rules:
        if rule.startswith("!"):
            if ignored and glob_match(rule[1:], path, prefix=True):
                ignored = False
        elif not ignored and glob_match(rule, path, prefix=True):
            ignored = True
    return ignored


def apply_filters(
    result: DiffResult, *, ignore: Iterable[str] = (), expect_different: Iterable[str] = ()
) -> DiffResult:
    """Drop findings under an ``ignore`` glob (``!glob`` takes one back: the last rule
    that matches decides, as in ``.gitignore``); mark ``expect_different`` ones as
    expected and lower them to info."""
    ignore = tuple(ignore)
    expect = tuple(expect_different)
    kept: list[Finding] = []
    dropped = 0
    for f in result.findings:
        path = f.segments or tuple(f.path.split("."))
        if _ignored(path, ignore):
            dropped += 1
            continue
        if any(glob_match(p, path, prefix=True) for p in expect):
            f.expected = True
            f.severity = Severity.INFO
            f.message += " (expected)"
        kept.append(f)
    result.findings = kept
    if dropped:
        result.notes.append(f"{dropped} finding(s) dropped by ignore rules")
    return result
