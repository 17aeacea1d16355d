"""Alert rules with state: pure functions of rounds of observations, no I/O.

An alert is one rule applied to one subject of one environment (``prod/memory_warning/
market-data``). It fires after ``fire_after`` consecutive bad rounds and resolves after
``resolve_after`` consecutive good ones; each transition is returned once, and the state that
remembers it is a plain JSON document (see :mod:`envsync.watch.state`), so a restarted
watcher does not send a second "firing". A subject that is not observed in a round (drift
runs less often than the checks; an engine that did not answer) leaves its alert as it was.

Flapping is damped: an alert that fired ``flap_fires`` times within the last ``flap_window``
rounds needs ``flap_factor`` times as many good rounds to resolve, so a service that bounces
sends one firing and one resolved, not one pair per bounce.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

__all__ = ["DEFAULT_RULES", "AlertState", "Observation", "Rule", "RuleSet", "Transition",
           "evaluate"]


@dataclass(frozen=True)
class Rule:
    """One kind of alert, with its severity and how many rounds make it fire and resolve."""

    name: str
    severity: str           # "warning" or "critical"
    summary: str            # what, in a few words: "service down"
    fire_after: int = 2
    resolve_after: int = 2
    threshold: float | None = None   # the rule's number (a ratio, seconds, restarts)
    enabled: bool = True


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule("service_down", "critical", "service down"),
    Rule("health_failing", "critical", "health check failing"),
    Rule("memory_warning", "warning", "memory high", threshold=0.80),
    Rule("memory_critical", "critical", "memory near its limit", threshold=0.95),
    Rule("oom_killed", "critical", "killed out of memory", fire_after=1),
    Rule("restart_loop", "critical", "restart loop", threshold=1),
    Rule("latency", "warning", "check too slow", threshold=2.0),
    Rule("exchange_failing", "warning", "exchange failing", fire_after=3),
    Rule("command_latency", "warning", "commands answer too slowly", threshold=2.0),
    Rule("drift", "warning", "changed by hand", fire_after=1, resolve_after=1),
)


@dataclass(frozen=True)
class RuleSet:
    """The rules in force, by name, and the damping of flapping alerts."""

    rules: dict[str, Rule] = field(default_factory=lambda: {r.name: r for r in DEFAULT_RULES})
    flap_window: int = 20
    flap_fires: int = 3
    flap_factor: int = 3

    def get(self, name: str) -> Rule:
        return self.rules[name]

    def threshold(self, name: str) -> float:
        value = self.rules[name].threshold
        return float(value) if value is not None else 0.0


@dataclass(frozen=True)
class Observation:
    """One rule's verdict on one subject in one round, with what was measured.

    ``value`` is the measured value in words ("97% of 40 MiB"), ``number`` the same as a
    number for metrics; ``command`` is the one command to look closer.
    """

    rule: str
    subject: str
    bad: bool
    value: str = ""
    detail: str = ""
    command: str = ""
    number: float | None = None


@dataclass
class AlertState:
    """What is remembered of one alert between rounds (and across restarts)."""

    env: str
    rule: str
    subject: str
    status: str = "ok"          # "ok", "pending" (bad, not yet fired) or "firing"
    bad_rounds: int = 0
    good_rounds: int = 0
    since: float | None = None  # when the current bad spell began
    value: str = ""
    detail: str = ""
    command: str = ""
    fired_rounds: list[int] = field(default_factory=list)

    @property
    def key(self) -> str:
        return alert_key(self.env, self.rule, self.subject)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlertState:
        return cls(**data)


@dataclass(frozen=True)
class Transition:
    """An alert that started firing or resolved in this round: what a notification says."""

    status: str                 # "firing" or "resolved"
    env: str
    rule: str
    subject: str
    severity: str
    summary: str
    since: float
    at: float
    value: str
    detail: str
    command: str
    flapping: bool = False

    @property
    def key(self) -> str:
        return alert_key(self.env, self.rule, self.subject)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Transition:
        return cls(**data)


def alert_key(env: str, rule: str, subject: str) -> str:
    return f"{env}/{rule}/{subject}"


def _flapping(state: AlertState, round_no: int, rules: RuleSet) -> bool:
    recent = [r for r in state.fired_rounds if round_no - r < rules.flap_window]
    return len(recent) >= rules.flap_fires


def evaluate(states: dict[str, AlertState], env: str, observations: list[Observation],
             *, now: float, round_no: int, rules: RuleSet) -> list[Transition]:
    """Apply one round of ``env``'s observations to ``states`` (changed in place); the
    transitions this round caused, each exactly once."""
    out: list[Transition] = []
    for obs in observations:
        rule = rules.rules.get(obs.rule)
        if rule is None or not rule.enabled:
            continue
        key = alert_key(env, obs.rule, obs.subject)
        state = states.get(key) or AlertState(env=env, rule=obs.rule, subject=obs.subject)
        states[key] = state
        if obs.bad:
            state.good_rounds = 0
            state.bad_rounds += 1
            if state.since is None:
                state.since = now
            # the latest measurement is what a message shows
            state.value, state.detail, state.command = obs.value, obs.detail, obs.command
            if state.status != "firing":
                state.status = "pending"
                if state.bad_rounds >= rule.fire_after:
                    state.status = "firing"
                    state.fired_rounds = [r for r in state.fired_rounds
                                          if round_no - r < rules.flap_window] + [round_no]
                    flapping = _flapping(state, round_no, rules)
                    out.append(_transition("firing", state, rule, now, flapping))
            continue
        state.bad_rounds = 0
        state.good_rounds += 1
        if state.status == "pending":
            state.status, state.since = "ok", None
        elif state.status == "firing":
            need = rule.resolve_after
            flapping = _flapping(state, round_no, rules)
            if flapping:
                need *= rules.flap_factor
            if state.good_rounds >= need:
                resolved = replace(state, value=obs.value, detail=obs.detail or state.detail)
                out.append(_transition("resolved", resolved, rule, now, flapping))
                state.status, state.since = "ok", None
                state.value = obs.value
        state.fired_rounds = [r for r in state.fired_rounds if round_no - r < rules.flap_window]
        if state.status == "ok" and not state.fired_rounds:
            del states[key]  # nothing to remember: keeps the state file small
    return out


def _transition(status: str, state: AlertState, rule: Rule, now: float,
                flapping: bool) -> Transition:
    return Transition(status=status, env=state.env, rule=state.rule, subject=state.subject,
                      severity=rule.severity, summary=rule.summary,
                      since=state.since if state.since is not None else now, at=now,
                      value=state.value, detail=state.detail, command=state.command,
                      flapping=flapping)
