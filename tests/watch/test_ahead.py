"""Stats read ahead of the round: the round uses them, and a container they lack is left out
of that round, not waited for. Real engine."""

from __future__ import annotations

import io
import json

import pytest

from envsync.capture.engine import engine_url
from envsync.config import load_config
from envsync.secrets import Redactor
from envsync.watch.ahead import StatsAhead
from envsync.watch.loop import Watcher
from envsync.watch.observe import capture, runtime_observations
from tests.watch.conftest import Receiver, Stack

pytestmark = pytest.mark.docker


def test_a_round_uses_the_stats_read_ahead_and_goes_on_without_a_late_one(
        stack: Stack, receiver: Receiver) -> None:
    config = load_config(stack.config(receiver.port))
    env = config.environment("live")
    ids = {c.name.rsplit("-", 2)[-2]: c.id for c in stack.project.containers()}
    ahead = StatsAhead(engine_url(env.docker), stack.project.name)
    assert ahead.take(0.1) is None        # nothing started: nothing to take
    assert ahead.start()
    assert not ahead.start()              # one read at a time
    got = ahead.take(30)
    assert got is not None and set(got) == set(ids.values())
    assert got[ids["api"]]["memory_limit_mb"] == 40.0
    assert got[ids["api"]]["memory_used_mb"] is not None
    assert ahead.take(0.1) is None        # taken: the next round needs a fresh read

    assert ahead.start()
    early = ahead.take(0)                 # the round could not wait: nothing in yet (a
    assert early == {}                    # read waits for the engine's next tick)
    thread = ahead._thread                # the answers come in after their round
    assert thread is not None
    thread.join(30)
    late = ahead.take(0)                  # the next round gets them: newer than any used
    assert late is not None and set(late) == set(ids.values())
    assert ahead.take(0) is None          # used once

    late = {ids["api"]: got[ids["api"]]}  # worker's read did not come in time
    result = capture(env, stack.project.name, Redactor(), prefetched=late)
    assert set(result.stats) == {"api"}
    assert {"part": "stats", "reason": "worker: not read in time"} in result.errors
    obs = runtime_observations(env, result, config.watch.rules, restarts={}, known=set())
    memory = {(o.rule, o.subject) for o in obs if o.rule.startswith("memory")}
    assert memory == {("memory_warning", "api"), ("memory_critical", "api")}


def test_the_watcher_reads_ahead_between_rounds(stack: Stack, receiver: Receiver) -> None:
    log = io.StringIO()
    watcher = Watcher(config=load_config(stack.config(receiver.port)), envs=["live"],
                      interval=0.5, drift_interval=3600, out=log)
    watcher.round()                       # the first round reads its own stats
    assert watcher._aheads["live"].warm
    assert 1.0 < watcher.lead() < 30      # at least one engine tick
    watcher.read_ahead()
    batch = watcher._aheads["live"]._batch
    assert batch is not None and batch.done.wait(30)   # in before the round, as the loop aims
    watcher.round()
    assert "not read in time" not in log.getvalue()
    assert watcher._aheads["live"]._batch is None      # the round took it
    rounds = [json.loads(line) for line in log.getvalue().splitlines()
              if '"event": "round"' in line]
    assert len(rounds) == 2 and rounds[1]["observations"] == rounds[0]["observations"]
