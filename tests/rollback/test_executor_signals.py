"""The executor itself, with real processes (no engine needed): a signal lets the running
step finish within the grace period, stops it (its whole process group) past it, runs the
plan's settle steps, and never starts the next step; children see only the passed-on
environment."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from envsync.plan import Plan, Step
from envsync.plan.executor import Interrupts, run_plan


def _sh(title: str, script: str) -> Step:
    return Step(title=title, argv=("sh", "-c", script))


def _signal_soon(sig: int, delay: float = 0.5) -> threading.Timer:
    timer = threading.Timer(delay, os.kill, (os.getpid(), sig))
    timer.start()
    return timer


def test_a_step_past_the_grace_period_is_stopped_with_its_children(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    plan = Plan(title="t", steps=[
        # the step starts a grandchild: both must go when the step is stopped
        _sh("slow", f"sleep 60 & echo $! > {pids}; wait; touch {tmp_path / 'finished'}"),
        _sh("next", f"touch {tmp_path / 'next'}"),
    ], settle=[_sh("settle", f"touch {tmp_path / 'settled'}")])
    told: list[str] = []
    with Interrupts(tell=told.append) as interrupts:
        _signal_soon(signal.SIGTERM)
        ran = run_plan(plan, interrupts=interrupts, grace_s=1.0)
    assert told == ["SIGTERM: letting 'slow' finish (at most 1 s), then stopping; send it "
                    "again to stop the step now", "stopping 'slow'"]
    assert ran.interrupted == "SIGTERM" and ran.interrupted_at == 1
    assert interrupts.exit_code == 143
    assert len(ran.results) == 1 and ran.results[0].stopped
    assert not (tmp_path / "finished").exists() and not (tmp_path / "next").exists()
    assert [r.ok for r in ran.settled] == [True] and (tmp_path / "settled").exists()
    assert not _alive(int(pids.read_text()))


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for init to reap it is dead)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def test_a_step_within_the_grace_period_finishes_and_the_next_does_not_start(
        tmp_path: Path) -> None:
    plan = Plan(title="t", steps=[
        _sh("short", f"sleep 1.5; touch {tmp_path / 'finished'}"),
        _sh("next", f"touch {tmp_path / 'next'}"),
    ])
    with Interrupts() as interrupts:
        _signal_soon(signal.SIGINT)
        ran = run_plan(plan, interrupts=interrupts, grace_s=30)
    assert ran.interrupted == "SIGINT" and interrupts.exit_code == 130
    assert ran.results[0].ok and not ran.results[0].stopped
    assert (tmp_path / "finished").exists() and not (tmp_path / "next").exists()
    assert not ran.ok


def test_a_second_signal_stops_the_step_at_once(tmp_path: Path) -> None:
    plan = Plan(title="t", steps=[_sh("slow", f"sleep 60; touch {tmp_path / 'finished'}")])
    with Interrupts() as interrupts:
        _signal_soon(signal.SIGINT, 0.3)
        _signal_soon(signal.SIGINT, 0.8)
        ran = run_plan(plan, interrupts=interrupts, grace_s=600)
    assert ran.results[0].stopped and not (tmp_path / "finished").exists()


def test_children_see_only_what_is_passed_on(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("API_SECRET", "from-the-shell")
    out = tmp_path / "env"
    plan = Plan(title="t", steps=[Step(title="env", argv=("sh", "-c", f"env > {out}"),
                                       env=(("OWN", "1"),))])
    assert run_plan(plan, docker_host="unix:///run/env.sock").ok
    seen = dict(line.split("=", 1) for line in out.read_text().splitlines() if "=" in line)
    assert "API_SECRET" not in seen
    assert seen["DOCKER_HOST"] == "unix:///run/env.sock" and seen["OWN"] == "1"


def test_handlers_are_restored() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with Interrupts():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
