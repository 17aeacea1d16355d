"""The watcher: rounds of observations → alert rules → notifications, until stopped.

One process watches several environments. Each round captures each environment (containers,
stats, HTTP checks), reads its services' /metrics, and every ``drift_interval`` runs drift;
the rules turn that into transitions, which are logged, queued in the outbox and saved with
the state before the next environment is looked at. A background thread delivers the outbox,
so a channel that is down never delays a round. SIGTERM and Ctrl-C end the current wait, save
the state and exit 0.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from envsync.watch.rules import Observation, Transition, evaluate
from envsync.watch.state import WatchState, load_state, save_state, state_path

if TYPE_CHECKING:
    from envsync.config import Config
    from envsync.types import StatsRecord
    from envsync.watch.ahead import StatsAhead
    from envsync.watch.metrics import Exporter

__all__ = ["Watcher", "watchable"]

STATS_WAIT_S = 0.5
"""How long a round waits for stats read ahead that are not all in yet."""
STATS_FIRST_WAIT_S = 10.0
"""How long a round with no stats read ahead (the first one) waits for its own read."""


def watchable(config: Config) -> list[str]:
    """The environments with a runtime: what ``envsync watch`` watches by default (a fleet's
    hosts are not watched: docs/scale.md)."""
    return [name for name, env in config.environments.items()
            if env.runtime and not env.engines]


@dataclass
class Watcher:
    """Watches ``envs`` of ``config``; see the module docstring."""

    config: Config
    envs: list[str]
    interval: float = 30.0
    drift_interval: float = 300.0
    out: IO[str] = field(default_factory=lambda: sys.stderr)
    exporter: Exporter | None = None

    def __post_init__(self) -> None:
        from envsync.secrets import Redactor
        from envsync.watch.notify import Deliverer, Outbox, make_channels
        from envsync.watch.settings import interpolate

        settings = self.config.watch
        self.rules = settings.rules
        self.redactor = Redactor()
        where = f"{self.config.path}: watch"
        notify = tuple(interpolate(u, f"{where}.notify") for u in settings.notify)
        manager = tuple(interpolate(u, f"{where}.alertmanager") for u in settings.alertmanager)
        for url in (*notify, *manager):
            self.redactor.text(url)  # learns a URL password
            for part in _url_secrets(url):
                # a name that reads as secret makes the redactor learn the value whole
                self.redactor.value("ALERT_CHANNEL_TOKEN", part)
        self.channels = make_channels(notify, manager)
        self.stop = threading.Event()
        self._save_lock = threading.Lock()
        self._log_lock = threading.Lock()
        self.outbox = Outbox()
        self.states: dict[str, WatchState] = {}
        self.projects: dict[str, str] = {}
        for name in self.envs:
            env = self.config.environment(name)
            self.states[name] = load_state(self.path(name), name)
            self.outbox.restore(self.states[name].outbox)
            del env
        self._drift_threads: dict[str, threading.Thread] = {}
        self._aheads: dict[str, StatsAhead] = {}
        self._drift_done: dict[str, list[Observation]] = {}
        self._inline_drift = False
        self.deliverer = Deliverer(self.outbox, self.channels, log=self.log,
                                   scrub=self.scrub, on_change=self.save)

    # --- plumbing ----------------------------------------------------------------------
    def path(self, env: str) -> Any:
        return state_path(self.config.snapshots_dir, env)

    def scrub(self, text: str) -> str:
        return str(self.redactor.scrub(text))

    def log(self, level: str, event: str, **fields: Any) -> None:
        """One JSON line on the log stream; every value goes through the scrubber."""
        line = {"time": round(time.time(), 3), "level": level, "event": event, **fields}
        text = self.scrub(json.dumps(line, default=str))
        with self._log_lock:
            self.out.write(text + "\n")
            self.out.flush()

    def save(self, envs: set[str]) -> None:
        with self._save_lock:
            for env in envs:
                state = self.states[env]
                state.outbox = self.outbox.of_env(env)
                save_state(self.path(env), state)

    # --- rounds ------------------------------------------------------------------------
    def observe(self, env_name: str, state: WatchState, now: float) -> list[Observation]:
        import httpx

        from envsync.capture.engine import engine_errors
        from envsync.errors import EnvsyncError
        from envsync.watch.observe import (
            capture,
            drift_observations,
            metrics_observations,
            project_of,
            runtime_observations,
            task_memory_observations,
        )

        env = self.config.environment(env_name)
        if env_name not in self.projects:
            self.projects[env_name] = project_of(self.config, env_name)
        prefetched = self._stats(env_name)
        ahead = self._ahead(env_name)
        try:  # one engine client kept between rounds: connecting costs most of a round's CPU
            client = ahead.client()
        except engine_errors():
            client = None  # the capture connects itself and says why it cannot
        result = capture(env, self.projects[env_name], self.redactor, prefetched=prefetched,
                         client=client)
        if client is not None and any(e["part"] == "engine" or e["part"] == "containers"
                                      for e in result.errors):
            ahead.drop_client()
        for err in result.errors:
            self.log("warning", "not observed", env=env_name, part=err["part"],
                     reason=err["reason"])
        obs = runtime_observations(env, result, self.rules, restarts=state.restarts,
                                   known=state.known)
        if env.swarm is not None and client is not None:
            obs += task_memory_observations(env, client, self.rules)
        urls = self.config.watch.metrics.get(env_name, ())
        if urls:
            from envsync.capture.health import tls_context

            with httpx.Client(follow_redirects=False, verify=tls_context()) as client:
                obs += metrics_observations(urls, client, rules=self.rules,
                                            seen=state.counters)
        obs += self._drift(env_name, state, now, drift_observations, EnvsyncError)
        if self.exporter is not None:
            self.exporter.update(env_name, obs, result)
        return obs

    def _ahead(self, env_name: str) -> StatsAhead:
        from envsync.capture.engine import engine_url
        from envsync.watch.ahead import StatsAhead

        ahead = self._aheads.get(env_name)
        if ahead is None:
            env = self.config.environment(env_name)
            ahead = StatsAhead(engine_url(env.docker), self.projects[env_name])
            self._aheads[env_name] = ahead
        return ahead

    def _stats(self, env_name: str) -> dict[str, StatsRecord]:
        """The stats read ahead for this round (see envsync/watch/ahead.py): waited for
        briefly, a late container is left out; with no read started (the first round,
        ``--once``, or the previous read still running), read now, waiting for all of it
        only in the first round."""
        ahead = self._ahead(env_name)
        got = ahead.take(STATS_WAIT_S)
        if got is None and not ahead.busy():
            ahead.start()
            got = ahead.take(STATS_WAIT_S if ahead.warm else STATS_FIRST_WAIT_S)
        return got or {}

    def read_ahead(self) -> None:
        """Start the next round's stats reads (the loop calls it ``lead`` s before it)."""
        for env_name in self.envs:
            if env_name in self.projects:
                self._ahead(env_name).start()

    def lead(self) -> float:
        """How long before a round its stats reads should start."""
        return max((a.lead for a in self._aheads.values()), default=0.0)

    def _drift(self, env_name: str, state: WatchState, now: float, run: Any,
               failure: type[Exception]) -> list[Observation]:
        """Drift's verdict when one is ready. Drift takes seconds (a whole snapshot, compose
        config, git): it runs in a thread of its own and its verdict joins the first round
        after it ends, so it never delays the checks; with ``--once`` it runs inline."""
        done = self._drift_done.pop(env_name, None)
        if not self.rules.rules["drift"].enabled:
            return []
        due = state.drift_at is None or now - state.drift_at >= self.drift_interval
        running = self._drift_threads.get(env_name)
        if due and (running is None or not running.is_alive()):
            state.drift_at = now

            def work() -> None:
                try:
                    self._drift_done[env_name] = run(self.config, env_name)
                except failure as exc:
                    self.log("warning", "drift not run", env=env_name, reason=str(exc))

            thread = threading.Thread(target=work, name=f"drift-{env_name}", daemon=True)
            self._drift_threads[env_name] = thread
            thread.start()
            if self._inline_drift:
                thread.join()
                done = self._drift_done.pop(env_name, None)
        return done or []

    def round(self) -> list[Transition]:
        """One round over every environment; the transitions it caused."""
        from envsync.errors import EnvsyncError

        started = time.monotonic()
        out: list[Transition] = []
        for env_name in self.envs:
            if self.stop.is_set():
                break
            state = self.states[env_name]
            now, began = time.time(), time.monotonic()
            try:
                obs = self.observe(env_name, state, now)
            except EnvsyncError as exc:
                self.log("error", "round failed", env=env_name, reason=str(exc))
                continue
            state.round += 1
            changes = evaluate(state.alerts, env_name, obs, now=now, round_no=state.round,
                               rules=self.rules)
            if self.exporter is not None:  # before any message: a reader sees both agree
                self.exporter.alerts(env_name, state.alerts, self.rules)
            for t in changes:
                self.log("warning" if t.status == "firing" else "info", f"alert {t.status}",
                         env=t.env, alert=t.key, severity=t.severity, value=t.value,
                         detail=t.detail, command=t.command)
                for channel in self.channels:
                    self.outbox.put(channel, t)
            self.save({env_name})
            self._warm_sender(state)
            bad = sorted(f"{o.rule}/{o.subject}" for o in obs if o.bad)
            self.log("info", "round", env=env_name, round=state.round,
                     seconds=round(time.monotonic() - began, 3), observations=len(obs),
                     bad=bad, firing=sorted(k for k, a in state.alerts.items()
                                            if a.status == "firing"),
                     outbox=len(self.outbox))
            out += changes
        if self.exporter is not None:
            self.exporter.round_seconds(time.monotonic() - started)
        return out

    def _warm_sender(self, state: WatchState) -> None:
        """Have the sender process ready while a message may be due at the next round: an
        alert pending or recovering, or the outbox not empty (envsync/watch/sender.py)."""
        if not any(c.kind == "apprise" for c in self.channels) or not self.deliverer.is_alive():
            return
        moving = any(a.status == "pending" or (a.status == "firing" and a.good_rounds > 0)
                     for a in state.alerts.values())
        if moving or len(self.outbox):
            self.deliverer.sender.warm(max(self.deliverer.sender.keep_s, 3 * self.interval))

    def firing(self) -> int:
        return sum(1 for s in self.states.values() for a in s.alerts.values()
                   if a.status == "firing")

    def run(self, *, once: bool = False, rounds: int = 0, drain_s: float = 10.0) -> int:
        """Rounds until stopped (or one with ``once``); exit code: 1 when ``once`` leaves
        an alert firing, else 0."""
        self._signals()
        self.log("info", "watch started", envs=self.envs, interval_s=self.interval,
                 drift_interval_s=self.drift_interval,
                 channels=[c.label for c in self.channels], pending=len(self.outbox))
        if once:
            self._inline_drift = True
            self.round()
            self.deliverer.drain(time.monotonic() + drain_s)
            self.deliverer.sender.close()
            self.save(set(self.envs))
            self.log("info", "watch stopped", pending=len(self.outbox))
            return 1 if self.firing() else 0
        self.deliverer.start()
        if any(c.kind == "apprise" for c in self.channels):
            self.deliverer.sender.warm()  # a watcher (re)started is when alerts are likely
        done = 0
        while not self.stop.is_set():
            next_at = time.monotonic() + self.interval
            self.round()
            done += 1
            if rounds and done >= rounds:
                break
            # the engine's stats take about 1 s: started ahead, they are in when the round is
            self.stop.wait(max(0.0, next_at - self.lead() - time.monotonic()))
            if self.stop.is_set():
                break
            self.read_ahead()
            self.stop.wait(max(0.0, next_at - time.monotonic()))
        self.deliverer.stop.set()
        self.outbox.wake.set()
        for ahead in self._aheads.values():
            ahead.close()
        self.deliverer.join(timeout=15)
        self.save(set(self.envs))
        self.log("info", "watch stopped", pending=len(self.outbox))
        return 0

    def _signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def handler(signum: int, _frame: Any) -> None:
            self.log("info", "stopping", signal=signal.Signals(signum).name)
            self.stop.set()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)


def _url_secrets(url: str) -> list[str]:
    """The parts of a channel URL that may be tokens: user, password, path segments and
    query values (apprise puts bot tokens in the host or path: ``tgram://TOKEN/CHAT``)."""
    from urllib.parse import parse_qsl, urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    out = [parts.username or "", parts.password or ""]
    host = parts.netloc.rsplit("@", 1)[-1]
    if host and not host.startswith(("127.", "localhost", "[")) and "." not in host:
        out.append(host)  # a "host" with no dot is a token (tgram://TOKEN/...)
    out += [seg for seg in parts.path.split("/") if len(seg) >= 8]
    out += [v for _, v in parse_qsl(parts.query) if len(v) >= 8]
    return [p for p in out if len(p) >= 8]
