"""The ``watch:`` block of envsync.yaml: alert rules, channels and /metrics to read.

Kept apart from :mod:`envsync.config` (which calls :func:`parse_watch`) so that the watcher's
settings grow here. Channel URLs usually carry a token: write them as ``${NAME}``, read from
the process environment when the watcher starts (:func:`interpolate`), never stored in the
file.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field, replace
from typing import Any

from envsync.errors import ConfigError
from envsync.watch.rules import DEFAULT_RULES, Rule, RuleSet

__all__ = ["WatchSettings", "interpolate", "parse_watch"]

_KEYS = {"notify", "alertmanager", "fire_after", "resolve_after", "rules", "metrics"}
_RULE_KEYS = {"enabled", "threshold", "fire_after", "resolve_after", "severity"}
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class WatchSettings:
    """Rules in force, notification channels (as written, ``${VAR}`` not yet read), and the
    /metrics URLs of each environment."""

    rules: RuleSet = field(default_factory=RuleSet)
    notify: tuple[str, ...] = ()
    alertmanager: tuple[str, ...] = ()
    metrics: dict[str, tuple[str, ...]] = field(default_factory=dict)


def interpolate(text: str, where: str, environ: dict[str, str] | None = None) -> str:
    """``text`` with each ``${NAME}`` replaced from the environment; a missing one is a
    ConfigError naming ``where`` and the variable (never its value)."""
    env = os.environ if environ is None else environ

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in env or not env[name]:
            raise ConfigError(f"{where}: ${{{name}}} is not set in the environment")
        return env[name]

    return _VAR.sub(one, text)


def _number(r: Any, node: Any, key: str, where: str, *, whole: bool = False) -> float:
    value = node[key]
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0 \
        and math.isfinite(value)  # .inf overflows every clock
    if whole:
        ok = ok and isinstance(value, int)
    if not ok:
        kind = "a positive whole number" if whole else "a positive number"
        raise r.fail(node, key, f"{where}.{key} must be {kind}, got {value!r}")
    return float(value)


def parse_watch(r: Any, parent: Any, node: Any, env_names: set[str]) -> WatchSettings:
    """``watch:`` → WatchSettings; ``r`` is config's reader (errors name file and line)."""
    if node is None:
        return WatchSettings()
    node = r.mapping(parent, "watch", node, "watch")
    r.unknown(node, _KEYS, "watch")
    notify = r.string_list(node, "notify", node.get("notify") or [], "watch.notify")
    manager = r.string_list(node, "alertmanager", node.get("alertmanager") or [],
                            "watch.alertmanager")
    for key, urls in (("notify", notify), ("alertmanager", manager)):
        for url in urls:
            if "://" not in url and not _VAR.search(url):
                raise r.fail(node, key, f"watch.{key}: {url!r} is not a URL")
    fire = int(_number(r, node, "fire_after", "watch", whole=True)) if "fire_after" in node \
        else None
    resolve = int(_number(r, node, "resolve_after", "watch", whole=True)) \
        if "resolve_after" in node else None
    rules: dict[str, Rule] = {}
    overrides = node.get("rules") or {}
    overrides = r.mapping(node, "rules", overrides, "watch.rules")
    known = {rule.name for rule in DEFAULT_RULES}
    r.unknown(overrides, known, "watch.rules")
    for rule in DEFAULT_RULES:
        # a global fire_after/resolve_after changes the rules that use the default of 2
        if fire is not None and rule.fire_after == 2:
            rule = replace(rule, fire_after=fire)
        if resolve is not None and rule.resolve_after == 2:
            rule = replace(rule, resolve_after=resolve)
        rules[rule.name] = _rule(r, overrides, rule)
    metrics_node = r.mapping(node, "metrics", node.get("metrics") or {}, "watch.metrics")
    metrics: dict[str, tuple[str, ...]] = {}
    for env, urls in metrics_node.items():
        if str(env) not in env_names:
            raise r.fail(metrics_node, env, f"watch.metrics: no environment named {env!r}")
        metrics[str(env)] = r.string_list(metrics_node, env, urls, f"watch.metrics.{env}")
        for url in metrics[str(env)]:
            from envsync.capture.engine import public_url
            from envsync.config import http_url_problem

            problem = http_url_problem(url)
            if problem is not None:
                raise r.fail(metrics_node, env, f"watch.metrics.{env}: {public_url(url)!r} "
                                                f"{problem}")
    return WatchSettings(rules=RuleSet(rules=rules), notify=notify, alertmanager=manager,
                         metrics=metrics)


def _rule(r: Any, overrides: Any, rule: Rule) -> Rule:
    if rule.name not in overrides:
        return rule
    where = f"watch.rules.{rule.name}"
    node = overrides[rule.name]
    if isinstance(node, bool):  # `drift: false` switches a rule off
        return replace(rule, enabled=node)
    node = r.mapping(overrides, rule.name, node, where)
    r.unknown(node, _RULE_KEYS, where)
    changes: dict[str, Any] = {}
    if "enabled" in node:
        if not isinstance(node["enabled"], bool):
            raise r.fail(node, "enabled", f"{where}.enabled must be true or false")
        changes["enabled"] = node["enabled"]
    if "threshold" in node:
        changes["threshold"] = _number(r, node, "threshold", where)
    for key in ("fire_after", "resolve_after"):
        if key in node:
            changes[key] = int(_number(r, node, key, where, whole=True))
    if "severity" in node:
        if node["severity"] not in ("warning", "critical"):
            raise r.fail(node, "severity", f"{where}.severity must be warning or critical")
        changes["severity"] = node["severity"]
    return replace(rule, **changes)
