"""The alert rules with state: pure, no I/O."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envsync.errors import StorageError
from envsync.watch.rules import AlertState, Observation, RuleSet, Transition, evaluate
from envsync.watch.state import WatchState, load_state, save_state


def _run(states: dict[str, AlertState], bads: list[bool], rules: RuleSet | None = None,
         start: int = 1, rule: str = "service_down") -> list[list[Transition]]:
    out = []
    for n, bad in enumerate(bads, start):
        out.append(evaluate(states, "prod", [Observation(rule, "api", bad, "exited")],
                            now=float(n), round_no=n, rules=rules or RuleSet()))
    return out


def test_fires_after_two_bad_rounds_and_resolves_after_two_good_ones_once_each() -> None:
    states: dict[str, AlertState] = {}
    got = _run(states, [False, True, True, True, True, False, True, False, False, False])
    flat = [(n + 1, t.status) for n, ts in enumerate(got) for t in ts]
    # round 3: second bad in a row; a good round in between (6) does not resolve;
    # rounds 8, 9: two good in a row after 7's bad resolve once
    assert flat == [(3, "firing"), (9, "resolved")]
    fired = got[2][0]
    assert fired.since == 2.0 and fired.severity == "critical" and fired.value == "exited"


def test_one_bad_round_alone_never_fires() -> None:
    states: dict[str, AlertState] = {}
    got = _run(states, [True, False, True, False, True, False])
    assert not any(got)
    assert states == {}


def test_a_subject_not_observed_keeps_its_state() -> None:
    states: dict[str, AlertState] = {}
    _run(states, [True, True])
    assert evaluate(states, "prod", [], now=3.0, round_no=3, rules=RuleSet()) == []
    assert states["prod/service_down/api"].status == "firing"


def test_flapping_is_damped_resolving_takes_longer() -> None:
    states: dict[str, AlertState] = {}
    # three short outages: fires three times, then the third one needs 2 x 3 good rounds
    pattern = [True, True, False, False] * 2 + [True, True] + [False] * 6
    got = _run(states, pattern)
    flat = [(n + 1, t.status, t.flapping) for n, ts in enumerate(got) for t in ts]
    assert flat[:4] == [(2, "firing", False), (4, "resolved", False), (6, "firing", False),
                        (8, "resolved", False)]
    assert flat[4] == (10, "firing", True)
    assert flat[5] == (16, "resolved", True)


def test_state_survives_a_restart_no_second_firing(tmp_path: Path) -> None:
    path = tmp_path / "prod" / "watch-state.json"
    state = WatchState(env="prod")
    _run(state.alerts, [True, True])
    state.round = 2
    save_state(path, state)
    again = load_state(path, "prod")
    assert again.alerts["prod/service_down/api"].status == "firing"
    assert _run(again.alerts, [True, True], start=3) == [[], []]
    assert [t.status for ts in _run(again.alerts, [False, False], start=5) for t in ts] == \
        ["resolved"]


def test_a_broken_state_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "watch-state.json"
    path.write_text(json.dumps({"schema": "envsync.watch-state/v1", "environment": "prod"}))
    with pytest.raises(StorageError, match=r"watch-state.json: \$"):
        load_state(path, "prod")
    path.write_text("{oops")
    with pytest.raises(StorageError, match="not valid JSON"):
        load_state(path, "prod")


def test_memory_thresholds_and_disabled_rules_from_config(tmp_path: Path) -> None:
    from envsync.config import load_config

    cfg = tmp_path / "envsync.yaml"
    cfg.write_text("environments:\n  local: {git: .}\nwatch:\n  fire_after: 3\n"
                   "  notify: ['${ALERT_URL}']\n  rules:\n    memory_warning: {threshold: 0.7}\n"
                   "    drift: false\n")
    watch = load_config(cfg).watch
    assert watch.rules.get("memory_warning").threshold == 0.7
    assert watch.rules.get("service_down").fire_after == 3
    assert watch.rules.get("oom_killed").fire_after == 1
    assert not watch.rules.get("drift").enabled
    assert watch.notify == ("${ALERT_URL}",)


@pytest.mark.parametrize(("block", "message"), [
    ("  rules: {memry: {threshold: 1}}", "envsync.yaml:4: memry: unknown key in watch.rules"),
    ("  rules: {latency: {threshold: -1}}", "watch.rules.latency.threshold must be a positive"),
    ("  fire_after: 1.5", "watch.fire_after must be a positive whole number"),
    ("  metrics: {nowhere: [http://x/metrics]}", "no environment named 'nowhere'"),
])
def test_bad_watch_config_is_one_line(tmp_path: Path, block: str, message: str) -> None:
    from envsync.config import load_config
    from envsync.errors import ConfigError

    cfg = tmp_path / "envsync.yaml"
    cfg.write_text(f"environments:\n  local: {{git: .}}\nwatch:\n{block}\n")
    with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
        load_config(cfg)


def test_a_missing_channel_variable_names_it_not_a_value() -> None:
    from envsync.errors import ConfigError
    from envsync.watch.settings import interpolate

    assert interpolate("json://h/${TOK}", "w", {"TOK": "s3cr3t"}) == "json://h/s3cr3t"
    with pytest.raises(ConfigError, match=r"w: \$\{TOK\} is not set"):
        interpolate("json://h/${TOK}", "w", {})
