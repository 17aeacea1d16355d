"""The severity rules: one readable table, first match wins.

A rule matches a finding's path segment by segment: ``*`` (and any ``fnmatch`` pattern)
matches one segment, ``**`` any number of them, and a key that holds dots (a label) is
matched by the rule's parts joined again; the rule's kinds must include the
finding's. Edit the table, not the code, to change a severity.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any

from envsync.model import Kind, Severity

__all__ = ["RULES", "Rule", "glob_match", "match_rule"]

A, R, C = Kind.ADDED, Kind.REMOVED, Kind.CHANGED
ANY = (A, R, C)


@dataclass(frozen=True)
class Rule:
    """``pattern`` + ``kinds`` → ``category`` and ``severity``; ``why`` is for people."""

    pattern: str
    kinds: tuple[Kind, ...]
    category: str
    severity: Severity
    why: str


S = Severity
RULES: tuple[Rule, ...] = (
    # What runs: a different program is the worst drift there is.
    Rule("services.*.command", ANY, "command", S.CRITICAL, "a different program runs"),
    Rule("services.*.entrypoint", ANY, "command", S.CRITICAL, "a different program runs"),
    Rule("containers.*.command", ANY, "command", S.CRITICAL, "a different program runs"),
    Rule("containers.*.entrypoint", ANY, "command", S.CRITICAL, "a different program runs"),
    Rule("swarm.services.*.command", ANY, "command", S.CRITICAL, "a different program runs"),
    Rule("swarm.services.*.entrypoint", ANY, "command", S.CRITICAL, "a different program runs"),
    # Whole services and containers.
    Rule("services.*", (A, R), "service", S.HIGH, "a service exists on one side only"),
    Rule("containers.*", (A, R), "container", S.HIGH, "a container runs on one side only"),
    Rule("swarm.services.*", (A, R), "service", S.HIGH, "a stack's service on one side only"),
    # Images, ports, env keys.
    Rule("services.*.image", ANY, "image", S.HIGH, "a different image runs"),
    Rule("containers.*.image", ANY, "image", S.HIGH, "a different image runs"),
    Rule("containers.*.image_id", ANY, "image", S.HIGH, "same tag, different image"),
    Rule("services.*.ports.**", ANY, "ports", S.HIGH, "reachable on different ports"),
    Rule("containers.*.ports.**", ANY, "ports", S.HIGH, "reachable on different ports"),
    Rule("services.*.environment.*", (A, R), "env", S.HIGH, "a setting is missing"),
    Rule("services.*.environment", (A, R), "env", S.HIGH, "settings are missing"),
    Rule("services.*.environment.*", (C,), "env", S.MEDIUM, "a setting has another value"),
    Rule("containers.*.env.*", (A, R), "env", S.HIGH, "a setting is missing"),
    Rule("containers.*.env", (A, R), "env", S.HIGH, "settings are missing"),
    Rule("containers.*.env.*", (C,), "env", S.MEDIUM, "a setting has another value"),
    Rule("env_files.*.*", (A, R), "env-file", S.HIGH, "an env file key is missing"),
    Rule("env_files.*", (A, R), "env-file", S.HIGH, "an env file exists on one side only"),
    Rule("env_files.*.*", (C,), "env-file", S.MEDIUM, "an env file value differs"),
    # State and health of what runs.
    Rule("containers.*.state", ANY, "state", S.HIGH, "not in the same state"),
    Rule("containers.*.health", ANY, "health", S.HIGH, "not equally healthy"),
    Rule("health.**", ANY, "health", S.HIGH, "a health check answers differently"),
    Rule("limits.**", ANY, "limits", S.HIGH, "memory over its limit"),
    Rule("hosts.*", (A, R), "host", S.MEDIUM, "a host is in one fleet's engines only"),
    Rule("services.*.network_mode", ANY, "network", S.HIGH, "networked differently"),
    Rule("containers.*.network_mode", ANY, "network", S.HIGH, "networked differently"),
    # A Swarm stack (envsync/diff/swarm.py): its specs, and what only a cluster has.
    Rule("swarm.services.*.image", ANY, "image", S.HIGH, "a different image runs"),
    Rule("swarm.services.*.ports", ANY, "ports", S.HIGH, "reachable on different ports"),
    Rule("swarm.services.*.env.*", (A, R), "env", S.HIGH, "a setting is missing"),
    Rule("swarm.services.*.env.*", (C,), "env", S.MEDIUM, "a setting has another value"),
    Rule("swarm.services.*.replicas", ANY, "replicas", S.HIGH, "another number of replicas"),
    Rule("swarm.services.*.running", ANY, "cluster", S.HIGH, "replicas not converged"),
    Rule("swarm.services.*.tasks.**", ANY, "cluster", S.HIGH, "tasks failing in a loop"),
    Rule("swarm.services.*.update_status", ANY, "cluster", S.HIGH, "an update stopped"),
    Rule("swarm.nodes.**", ANY, "cluster", S.HIGH, "a node cannot run tasks"),
    Rule("swarm.services.*.labels.**", ANY, "labels", S.LOW, "labels differ"),
    Rule("swarm.services.*.secrets", ANY, "secrets", S.HIGH, "other secrets mounted"),
    Rule("swarm.services.*.*.**", ANY, "swarm-spec", S.MEDIUM,
         "resources, placement or rollout config differ"),
    # Resources, mounts, restart policy, user, health checks.
    Rule("services.*.deploy.**", ANY, "resources", S.MEDIUM, "limits or replicas differ"),
    Rule("services.*.mem_limit", ANY, "resources", S.MEDIUM, "memory limit differs"),
    Rule("containers.*.memory_limit_mb", ANY, "resources", S.MEDIUM, "memory limit differs"),
    Rule("services.*.volumes.**", ANY, "mounts", S.MEDIUM, "mounts differ"),
    Rule("containers.*.mounts.**", ANY, "mounts", S.MEDIUM, "mounts differ"),
    Rule("services.*.restart", ANY, "restart", S.MEDIUM, "restart policy differs"),
    Rule("containers.*.restart_policy.**", ANY, "restart", S.MEDIUM, "restart policy differs"),
    Rule("services.*.user", ANY, "user", S.MEDIUM, "runs as another user"),
    Rule("containers.*.user", ANY, "user", S.MEDIUM, "runs as another user"),
    Rule("services.*.healthcheck.**", ANY, "healthcheck", S.MEDIUM, "health check differs"),
    Rule("containers.*.healthcheck.**", ANY, "healthcheck", S.MEDIUM, "health check differs"),
    Rule("services.*.networks.**", ANY, "network", S.MEDIUM, "networks differ"),
    # Cosmetic or informational.
    Rule("services.*.labels.**", ANY, "labels", S.LOW, "labels differ"),
    Rule("containers.*.labels.**", ANY, "labels", S.LOW, "labels differ"),
    Rule("services.*.build.**", ANY, "build", S.LOW, "built differently"),
    Rule("services.*.*.**", ANY, "service-config", S.MEDIUM, "service configuration differs"),
    Rule("containers.*.*.**", ANY, "runtime", S.MEDIUM, "runtime configuration differs"),
    Rule("project.**", ANY, "project", S.LOW, "project-level networks or volumes differ"),
    Rule("git.untracked.**", ANY, "git", S.LOW, "untracked files"),
    Rule("git.dirty.**", ANY, "git", S.LOW, "uncommitted edits"),
    Rule("git.**", ANY, "git", S.INFO, "different commits or branches"),
    Rule("**", ANY, "other", S.LOW, "other difference"),
)


@lru_cache(maxsize=512)
def _segments(pattern: str) -> tuple[str, ...]:
    return tuple(pattern.split("."))


@lru_cache(maxsize=512)
def _literal(segment: str) -> bool:
    return not any(c in segment for c in "*?[")


def _segment_match(name: str, segment: str) -> bool:
    """``fnmatchcase(name, segment)``, without its regex for the two kinds of segment the
    rules are made of: ``*`` (anything) and a plain word (itself). A 2,000-finding diff
    matches about 50,000 segments."""
    if segment == "*":
        return True
    if _literal(segment):
        return name == segment
    return fnmatchcase(name, segment)


def _match(pat: tuple[str, ...], path: tuple[str, ...], prefix: bool) -> bool:
    if not pat:
        return prefix or not path
    head = pat[0]
    if head == "**":
        return any(_match(pat[1:], path[i:], prefix) for i in range(len(path) + 1))
    if not path:
        return False
    if _segment_match(path[0], head) and _match(pat[1:], path[1:], prefix):
        return True
    if "." in path[0]:
        # A key holding dots (a label such as com.docker.compose.project): several parts of
        # the rule, joined again, may stand for it.
        for n in range(2, len(pat) + 1):
            if "**" in pat[:n]:
                break
            if fnmatchcase(path[0], ".".join(pat[:n])) and _match(pat[n:], path[1:], prefix):
                return True
    return False


def glob_match(pattern: str, path: tuple[str, ...], *, prefix: bool = False) -> bool:
    """True when ``pattern`` matches ``path`` (or, with ``prefix``, any start of it:
    ignoring ``containers.*.labels`` drops every label finding)."""
    return _match(_segments(pattern), path, prefix)


def match_rule(path: tuple[str, ...], kind: Kind, rules: tuple[Rule, ...] = RULES) -> Rule:
    """The first rule that matches; the table ends with a catch-all."""
    answers = _answers(rules)
    if answers is None or any("." in part for part in path):
        return _first_match(path, kind, rules)
    words, known = answers
    # A segment that is none of the rules' words matches exactly what any other such
    # segment matches (``*`` or ``**``): paths that differ only there share one answer
    # (every env key of every service is one shape).
    shape = (kind, tuple(part if part in words else None for part in path))
    rule = known.get(shape)
    if rule is None:
        rule = known[shape] = _first_match(path, kind, rules)
    return rule


def _first_match(path: tuple[str, ...], kind: Kind, rules: tuple[Rule, ...]) -> Rule:
    for rule in rules:
        if kind in rule.kinds and glob_match(rule.pattern, path):
            return rule
    return rules[-1]


_Answers = tuple[frozenset[str], dict[Any, Rule]]
_ANSWERS: dict[int, tuple[tuple[Rule, ...], _Answers | None]] = {}


def _answers(rules: tuple[Rule, ...]) -> _Answers | None:
    """The words of ``rules``' patterns and the answers found so far, by path shape; None
    when a pattern has a segment that is neither a word nor ``*`` or ``**`` (``KEY_*``):
    then a path's every segment counts. Kept by the identity of the table (the table
    itself is kept with it, so that the identity stays its own)."""
    entry = _ANSWERS.get(id(rules))
    if entry is None or entry[0] is not rules:
        segments = {part for rule in rules for part in _segments(rule.pattern)}
        words = segments - {"*", "**"}
        plain = all(_literal(word) for word in words)
        entry = (rules, (frozenset(words), {}) if plain else None)
        _ANSWERS[id(rules)] = entry
    return entry[1]
