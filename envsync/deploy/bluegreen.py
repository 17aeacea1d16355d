"""Blue-green for one service: a second container beside the running one, traffic moved at
HAProxy (BLUEGREEN-CONTRACT.md), a watch window, then the old container retired.

The steps (each a :class:`~envsync.plan.Step` the one executor runs, in-process except the
compose one; the script shows each one's shell equivalent):

1. ``compose up -d --no-deps --no-recreate --scale S=n+1``: compose's own new container;
2. *check*: its image health check, then ``set server B/IDLE addr IP port P`` + ``enable
   health``, then the environment's checks named after S and the smoke checks, sent through
   the preview frontend pinned to the idle slot (``x-envsync-backend``/``x-envsync-server``);
3. *switch*: ``IDLE ready``, wait until HAProxy reports it UP, THEN ``LIVE drain``: there
   is never a moment without a ready server that answers (the invariant);
4. *watch*: for ``watch_window`` seconds, the rounds of ``envsync watch`` (same observations,
   same rules: service down, health, memory against 80 % of the limit, restarts, OOM) on
   the new container and the environment's checks, plus the smoke checks, and every round
   the new container's memory (its cgroup's files on a local engine, else a one-shot stats
   read: :mod:`envsync.deploy.memory_vital`);
5. *retire*: the old slot ``maint`` once its sessions are 0 (bounded), the old container
   stopped and removed, compose's scale back to n.

:meth:`BlueGreen.restore` undoes 1-4 whatever the phase (a failed check, a failure in the
window, a signal): the old slot ready first, the new one drained then ``maint``, the new
container removed. It never stops the old container. After the window (phase ``kept``)
there is nothing to undo: the new container serves. A signal runs :meth:`BlueGreen.settle`:
:meth:`~BlueGreen.restore` before the window passed, the retire finished after it (a signal
never cuts the retire short either), so what runs is one version and the files can say which.
"""

from __future__ import annotations

import shlex
import time
from dataclasses import dataclass, field
from typing import Any

from envsync.deploy.memory_vital import MemoryVital, memory_vital
from envsync.deploy.settings import ProxySettings, SmokeCheck
from envsync.errors import EnvsyncError
from envsync.plan import Step
from envsync.proxy.haproxy import EXEC_SNIPPET, HAProxyRuntime, ProxyError

__all__ = ["SLOTS", "BlueGreen", "live_slot"]

SLOTS = ("blue", "green")
PROJECT_LABEL = "com.docker.compose.project"
SERVICE_LABEL = "com.docker.compose.service"
HASH_LABEL = "com.docker.compose.config-hash"
UP_WAIT_S = 15.0
"""How long the idle slot may take to be reported UP after ``ready`` (checks every 1 s)."""
DRAIN_WAIT_S = 10.0
"""How long a drained slot's sessions may take to reach 0 before it goes to ``maint``."""
CUT_GRACE_S = 1.5
"""How long a dead slot's sessions are left alone after it went to ``maint`` before they
are cut. A request HAProxy is connecting to the dead address is redispatched to the old
slot at its next try (the shipped proxy: ``timeout connect 500ms``, ``retries 3``,
``option redispatch``) and answered, where cutting it would have failed it; what is left after
the grace waits on a container that will never answer (a hung one, DOWN), and is cut."""
WINDOW_GRACE_S = 15.0
"""How far the watch window may run over to settle an alert pending at its end."""
ROUND_S = 0.25
"""The watch window's pause between rounds (each round: the new container's inspect and
HAProxy's view of its slot, and the smoke checks, all at once). With a rule's default
``fire_after`` of 2, a smoke check failing is acted on within about 2 rounds: the issue's
goal is traffic back on the old version under 2 s after the first bad answer."""
_WATCHED_RULES = ("service_down", "health_failing", "memory_warning", "memory_critical",
                  "oom_killed", "restart_loop")


def live_slot(servers: dict[str, str], old_addresses: set[str]) -> str:
    """The slot that serves now: not in maintenance, preferring the one whose address is
    the old container's (``servers``: slot → ``status address``)."""
    up = [s for s in SLOTS if s in servers and not servers[s].startswith("MAINT")]
    for slot in up:
        if servers[slot].split(" ", 1)[-1].rsplit(":", 1)[0] in old_addresses:
            return slot
    return up[0] if up else SLOTS[0]


def _sleep(interrupts: Any, seconds: float) -> bool:
    """Sleep unless a signal came (False then)."""
    if interrupts is None:
        time.sleep(seconds)
        return True
    return bool(interrupts.sleep(seconds))


@dataclass
class BlueGreen:
    """One service's blue-green deploy: what the planner knows, and what the execution
    learns (the new container, its address) and has done (``phase``)."""

    service: str
    project: str
    proxy: ProxySettings
    proxy_container: str
    network: str
    """The compose network (engine name) the proxy reaches the service on."""
    port: int
    live: str
    """The slot serving now (read from the proxy when planning)."""
    old: list[str]
    """The names of the service's containers running now."""
    checks: tuple[Any, ...] = ()
    """The environment's HealthChecks sent to the new container through the preview."""
    smoke: tuple[SmokeCheck, ...] = ()
    window_s: float = 60.0
    health_timeout_s: float = 60.0
    docker: str = "docker"
    docker_host: str | None = None
    env: Any = None
    """The Environment (the watch window's capture and rules)."""
    rules: Any = None
    new_hash: str | None = None
    """The config hash the new container gets (compose's label): tells it from strays."""
    phase: str = "planned"
    """planned → started → checked → switched → kept → retired; ``restored`` after undo."""
    new: str | None = None
    new_address: str | None = None
    events: list[str] = field(default_factory=list)
    reason: str | None = None
    """Why the new container was removed (a failed check, the window), or None."""
    live_ready: bool = False
    """The old slot is back in service already (the window's switch-back or restore())."""
    idle_drained: bool = False
    """The new slot was set to ``drain`` with the old one's ``ready`` (one round trip)."""
    idle_cut: bool = False
    """... or to ``maint`` (its container crashed, is gone, DOWN): its sessions are cut
    after :data:`CUT_GRACE_S`."""
    cut_at: float = 0.0
    """When the new slot went to ``maint`` that way (time.monotonic())."""
    _baseline: dict[str, Any] | None = None
    """The new container's restart count and state when its checks passed."""
    _runtime: HAProxyRuntime | None = field(default=None, repr=False)
    """The runtime API, one exec session kept open for the whole deploy (may be shared
    by the services of one deploy: one proxy)."""
    _scale_back: Step | None = field(default=None, repr=False)
    """The plan's last step for this service (compose's scale back to n): :meth:`settle`
    runs it when a signal stopped the plan after the window passed."""

    @property
    def backend(self) -> str:
        return self.proxy.backends[self.service]

    @property
    def idle(self) -> str:
        return SLOTS[1 - SLOTS.index(self.live)]

    def runtime(self) -> HAProxyRuntime:
        """The proxy's runtime API (one ``docker exec -i`` session for every command of
        the deploy, opened now if it is not: the switch and the way back find it ready)."""
        if self._runtime is None:
            self._runtime = HAProxyRuntime.in_container(
                self.proxy_container, self.proxy.socket, docker_host=self.docker_host,
                docker=self.docker)
        return self._runtime.open()

    def close(self) -> None:
        """End the runtime API's exec session (a later command opens a new one)."""
        if self._runtime is not None:
            self._runtime.close()

    def _log(self, text: str) -> str:
        self.events.append(text)
        return text

    # --- the script's view ---------------------------------------------------------------

    def _api_define(self) -> str:
        """The script's ``HAPROXY_API`` array: docker exec into the proxy, a python3 that
        writes each command to the runtime API's socket (what envsync runs)."""
        words = shlex.join([self.docker, "exec", self.proxy_container, "python3", "-c",
                            EXEC_SNIPPET, self.proxy.socket])
        return f"HAPROXY_API=({words})"

    def _api(self, line: str) -> str:
        return f'"${{HAPROXY_API[@]}}" "{line}"'

    def _curl(self, path: str, method: str = "GET", body: Any = None) -> str:
        import json

        words = ["curl", "-fsS", "-X", method, "-H", f"x-envsync-backend: {self.backend}",
                 "-H", f"x-envsync-server: {self.idle}"]
        if body is not None:
            words += ["-H", "content-type: application/json", "--data", json.dumps(body)]
        return shlex.join([*words, self.proxy.preview_url + path])

    def script_check(self) -> str:
        flt = [f"label={PROJECT_LABEL}={self.project}", f"label={SERVICE_LABEL}={self.service}"]
        since = ["--filter", f"since={self.old[-1]}"] if self.old else []
        find = shlex.join([self.docker, "ps", "-q", "--filter", flt[0], "--filter", flt[1],
                           *since])
        ip = shlex.join([self.docker, "inspect", "-f",
                         f'{{{{(index .NetworkSettings.Networks "{self.network}").IPAddress}}}}'])
        health = shlex.join([self.docker, "inspect", "-f", "{{.State.Health.Status}}"])
        b, i = self.backend, self.idle
        lines = [self._api_define(), f"NEW=$({find})",
                 f'until [ "$({health} "$NEW")" = healthy ]; do sleep 1; done  # at most '
                 f"{self.health_timeout_s:.0f} s",
                 f'NEW_IP=$({ip} "$NEW")',
                 self._api(f"set server {b}/{i} addr $NEW_IP port {self.port}"),
                 self._api(f"enable health {b}/{i}")]
        from urllib.parse import urlsplit

        for check in self.checks:
            lines.append(self._curl(urlsplit(check.url).path or "/", check.method, check.json))
        lines += [self._curl(s.path, s.method, s.json) + f"  # expect {s.expect}"
                  for s in self.smoke]
        return "\n".join(lines)

    def script_switch(self) -> str:
        b = self.backend
        return "\n".join([self._api(f"set server {b}/{self.idle} state ready"),
                          f"# wait until HAProxy reports {b}/{self.idle} UP (show stat), then",
                          self._api(f"set server {b}/{self.live} state drain")])

    def script_retire(self) -> str:
        lines = [f"# wait until {self.backend}/{self.live} has no session (at most "
                 f"{DRAIN_WAIT_S:.0f} s), then",
                 self._api(f"set server {self.backend}/{self.live} state maint")]
        for name in self.old:
            lines.append(shlex.join([self.docker, "stop", name]))
            lines.append(shlex.join([self.docker, "rm", name]))
        return "\n".join(lines)

    # --- the steps -----------------------------------------------------------------------

    def steps(self, scale_up: Step, scale_back: Step) -> list[Step]:
        s, b = self.service, self.backend
        self._scale_back = scale_back
        return [
            scale_up,
            Step(title=f"check the new {s}",
                 why=f"Wait for the new {s} container's image health check (it and the "
                     f"checks below within {self.health_timeout_s:.0f} s of its start), point "
                     f"the idle slot {b}/{self.idle} at it, and send the health and smoke "
                     "checks through the preview frontend pinned to that slot. A failure "
                     "removes the new container; traffic never moved.",
                 argv=(), call=self.check, script=self.script_check()),
            Step(title=f"switch {s} to {self.idle}",
                 why=f"{b}/{self.idle} ready, and once HAProxy reports it UP, {b}/{self.live} "
                     "drain: in-flight requests finish on the old container; never zero ready "
                     "servers.",
                 argv=(), call=self.switch, script=self.script_switch()),
            Step(title=f"watch {s} for {self.window_s:g} s",
                 why="The checks and rules of `envsync watch` (service down, health, smoke, "
                     "memory >= 80 % of the limit, restarts, OOM) on the new container; any "
                     f"failure switches back to {b}/{self.live} (kept until now) and removes "
                     "the new container.",
                 argv=(), call=self.watch,
                 script=f"# envsync watches {s} for {self.window_s:g} s (no shell equivalent)"),
            Step(title=f"retire the old {s}",
                 why=f"{b}/{self.live} to maint once its sessions are done, stop and remove "
                     "the old container.",
                 argv=(), call=self.retire, script=self.script_retire()),
            scale_back,
        ]

    def check(self, interrupts: Any) -> tuple[int, str]:
        self.phase = "started"
        new = self._find_new()
        if new is None:
            return self._fail(f"no new {self.service} container was started")
        self.new = new
        runtime = self.runtime()  # its exec session starts while the new container does
        deadline = self._health_deadline()
        ok, why = self._wait_image_health(interrupts, deadline)
        if not ok:
            return self._fail(why)
        address = self._address()
        if address is None:
            return self._fail(f"the new {self.service} container is not on network "
                              f"{self.network}, the proxy's")
        self.new_address = address
        runtime.set_address(self.backend, self.idle, address, self.port)
        runtime.enable_health(self.backend, self.idle)
        self._log(f"{self.backend}/{self.idle} → {address}:{self.port}")
        while True:
            bad = self._preview_failures()
            if not bad:
                break
            if time.monotonic() > deadline:
                return self._fail(f"the new {self.service} failed its checks through the "
                                  f"preview: {bad[0]}")
            if not _sleep(interrupts, 0.5):
                return 1, "interrupted"
        self._baseline = _vital(self._inspect())
        self.phase = "checked"
        return 0, self._log(f"new {self.service} ({self.new}) healthy, checks passed")

    def switch(self, interrupts: Any) -> tuple[int, str]:
        runtime = self.runtime()
        runtime.set_state(self.backend, self.idle, "ready")
        self.phase = "switched"  # from here the idle slot may take traffic
        deadline = time.monotonic() + UP_WAIT_S
        while runtime.server(self.backend, self.idle).status != "UP":
            if time.monotonic() > deadline:
                return self._fail(f"HAProxy did not report {self.backend}/{self.idle} UP "
                                  f"within {UP_WAIT_S:.0f} s")
            if not _sleep(interrupts, 0.05):  # a round trip on the open session: cheap
                return 1, "interrupted"
        # The order is the invariant: the new server is UP before the old one drains.
        runtime.set_state(self.backend, self.live, "drain")
        return 0, self._log(f"{self.backend}: {self.idle} UP, {self.live} draining")

    def watch(self, interrupts: Any) -> tuple[int, str]:
        """The window: every :data:`ROUND_S`, the smoke checks and the new container's
        vital signs (inspect, HAProxy's view of its slot) at once, and, as often as the
        engine answers (a capture with stats takes 1-2 s), `envsync watch`'s observations
        of the new container and the environment's checks; all through the watch rules (a
        rule fires after its ``fire_after`` rounds of the subject it observes), and the
        new container's memory (:class:`MemoryVital`: its cgroup's files read in the
        round, or one-shot stats reads in a lane of their own). On a failure the traffic
        goes back to the old slot first (:meth:`_back_to_live`), then the reason is
        logged."""
        from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

        from envsync.capture.runtime import RuntimeResult
        from envsync.secrets import Redactor
        from envsync.watch.observe import capture
        from envsync.watch.rules import evaluate

        redactor = Redactor()
        states: dict[str, Any] = {}
        restarts: dict[str, int] = {}
        known: set[str] = set()
        started = time.monotonic()
        round_no = captures = 0
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deploy-watch")
        probes = ThreadPoolExecutor(max_workers=4, thread_name_prefix="deploy-probe")
        running: Future[RuntimeResult] = pool.submit(capture, self.env, self.project, redactor)
        runtime, client = self.runtime(), self._client()
        smoke: Future[list[Any]] = probes.submit(self._smoke_observations)
        # The memory vital sign: its cgroup's files read in the round itself (a local
        # engine), else one-shot stats reads in a lane of their own (each waits for the
        # engine's next 1 s collection tick).
        vital = self._memory_vital(client)
        memory: Future[str | None] | None = None
        smokes = 0
        try:
            while True:
                round_no += 1
                # The proxy's view (a round trip) and the inspect at once, every round;
                # a bad one acts as soon as it is known. The smoke checks run in a lane
                # of their own (like the captures): one that hangs on a crashed container
                # (HAProxy's connect retries) holds up neither of them.
                waiting: set[Future[str | None]] = {
                    probes.submit(self._proxy_down, runtime),
                    probes.submit(self._crashed, client)}
                while waiting:
                    done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
                    dead = next((f.result() for f in done if f.result()), None)
                    if dead:  # at once: the old slot drains, nothing else serves
                        return self._window_failed(runtime, f"watch window: {dead}",
                                                   dead=True)
                high = None
                if vital is not None and vital.instant:
                    high = vital.probe(client, str(self.new))
                elif vital is not None and (memory is None or memory.done()):
                    high = memory.result() if memory is not None else None
                    memory = probes.submit(vital.probe, client, str(self.new))
                if high:
                    return self._window_failed(runtime, f"watch window: {high}")
                observations: list[Any] = []
                if smoke.done():
                    smokes += 1
                    observations += smoke.result()
                    smoke = probes.submit(self._smoke_observations)
                if running.done():
                    captures += 1
                    observations += self._runtime_observations(running.result(), restarts,
                                                               known)
                    running = pool.submit(capture, self.env, self.project, redactor)
                fired = [t for t in evaluate(states, self.env.name, observations,
                                             now=time.time(), round_no=round_no,
                                             rules=self.rules) if t.status == "firing"]
                if fired:
                    first = fired[0]
                    return self._window_failed(runtime, f"watch window: {first.summary}: "
                                                        f"{first.detail} ({first.value})")
                elapsed = time.monotonic() - started
                pending = any(s.status == "pending" for s in states.values())
                # at least two captures: a restart is a count that grew between two
                if elapsed >= self.window_s and captures >= 2 and smokes >= 1 and (
                        not pending or elapsed >= self.window_s + WINDOW_GRACE_S):
                    break
                if not _sleep(interrupts, ROUND_S):
                    return 1, "interrupted"
        finally:
            client.close()
            probes.shutdown(wait=False, cancel_futures=True)
            pool.shutdown(wait=False, cancel_futures=True)
        self.phase = "kept"
        return 0, self._log(f"new {self.service} passed {captures} captures and {round_no} "
                            f"smoke rounds in {time.monotonic() - started:.1f} s")

    def _window_failed(self, runtime: HAProxyRuntime, why: str,
                       dead: bool = False) -> tuple[int, str]:
        """The window failed: the traffic back on the old slot in one round trip BEFORE
        anything slower (the log, the new container's removal, the files: restore() and
        the deploy do those after); then the reason. ``dead``: the new container cannot
        answer (crashed, gone, DOWN), so its slot goes to ``maint`` rather than draining
        (its sessions cut a moment later, :data:`CUT_GRACE_S`)."""
        started = time.monotonic()
        try:
            self._back_to_live(runtime, cut=dead)
        except ProxyError as exc:  # restore() tries again, and says so when it cannot
            self._log(f"switching back at once failed: {exc}")
        else:
            self._log(f"{self.backend}/{self.live} ready, {self.idle} "
                      f"{'maint' if dead else 'draining'} "
                      f"({(time.monotonic() - started) * 1000:.0f} ms)")
        return self._fail(why)

    def _back_to_live(self, runtime: HAProxyRuntime, cut: bool = False) -> None:
        """``LIVE ready`` then, once the new slot took traffic, ``IDLE drain``: sent
        together (one round trip, in that order: never zero ready servers). ``cut``: the
        new container cannot answer, so ``IDLE maint`` instead: no new request goes to
        it, and one HAProxy is still connecting to the dead address is redispatched to
        the old slot at its connect timeout (its sessions are cut only after
        :data:`CUT_GRACE_S`, by :meth:`_drain_then_maint`). ProxyError when the old slot
        is not back in service."""
        b = self.backend
        lines = [] if self.live_ready else [f"set server {b}/{self.live} state ready"]
        drain = self.phase == "switched" and not self.idle_drained
        if drain:
            lines.append(f"set server {b}/{self.idle} state {'maint' if cut else 'drain'}")
        if not lines:
            return
        answers = [a.strip() for a in runtime.commands(*lines)]
        if not self.live_ready:
            if answers[0]:
                raise ProxyError(f"HAProxy refused to set {b}/{self.live} ready: "
                                 f"{answers[0].splitlines()[0]}")
            self.live_ready = True
        if drain and not answers[-1]:
            self.idle_drained, self.idle_cut = True, cut
            self.cut_at = time.monotonic()

    def _crashed(self, client: Any) -> str | None:
        """Why the new container cannot serve, from one inspect, or None. Cheap enough for
        every round: a crash the restart policy hides (a new process, a restart count), or
        an OOM kill, between two of the window's 1-2 s captures is seen here, not missed."""
        import docker.errors  # type: ignore[import-untyped]

        from envsync.capture.engine import engine_errors

        s = self.service
        try:
            now = _vital(dict(client.api.inspect_container(self.new)))
        except docker.errors.NotFound:
            return f"the new {s} container ({self.new}) is gone"
        except engine_errors():
            now = None  # the engine did not answer: the proxy's view and the captures decide
        before = self._baseline or now
        if now is not None and before is not None:
            if now["oom"] and not before["oom"]:
                return f"the new {s} container was killed out of memory (OOMKilled)"
            if now["restarts"] != before["restarts"] or now["started"] != before["started"]:
                return (f"the new {s} container crashed and was restarted ({now['restarts']} "
                        f"restarts, {before['restarts']} when its checks passed)")
            if not now["running"]:
                return f"the new {s} container crashed: {now['status']} (exit {now['exit']})"
        return None

    def _memory_vital(self, client: Any) -> MemoryVital | None:
        """The new container's fast memory vital sign, or None (no limit, the rule off,
        the engine did not answer: the captures' memory rules still watch)."""
        from envsync.capture.engine import engine_errors

        try:
            inspect = dict(client.api.inspect_container(self.new))
        except engine_errors():
            return None
        from envsync.capture.engine import local_engine

        limits = getattr(self.env, "memory_limits_mb", None) or {}
        return memory_vital(self.service, inspect, limits.get(self.service), self.rules,
                            local=local_engine(getattr(self.env, "docker", None)))

    def _proxy_down(self, runtime: HAProxyRuntime) -> str | None:
        """Why HAProxy will not send the new slot traffic (its own check, ``inter 1s fall
        2``, says ``DOWN``; ``NOLB``), or None. The old slot drains: nothing serves then."""
        s = self.service
        try:
            status = runtime.server(self.backend, self.idle).status
        except ProxyError:
            return None
        if status.startswith("DOWN") or status.startswith("NOLB"):
            return f"HAProxy reports {self.backend}/{self.idle} (the new {s}) {status}"
        return None

    def _runtime_observations(self, result: Any, restarts: dict[str, int],
                              known: set[str]) -> list[Any]:
        """`envsync watch`'s verdicts on one capture, kept to the new container (by name)
        and the environment's checks."""
        from envsync.watch.observe import runtime_observations
        from envsync.watch.rules import Observation

        key = next((k for k, c in result.containers.items() if c.get("name") == self.new),
                   None)
        out: list[Any] = [o for o in runtime_observations(
            self.env, result, self.rules, restarts=restarts, known=known)
            if o.rule in _WATCHED_RULES and (o.subject == key or o.subject in result.health)]
        if key is None and not result.errors:
            out.append(Observation("service_down", self.service, True, "gone",
                                   f"the new {self.service} container is gone"))
        return out

    def retire(self, interrupts: Any) -> tuple[int, str]:
        """The old slot drained (bounded) then ``maint``, the old containers stopped and
        removed. Each stop waits the container's own grace period (compose's
        ``stop_grace_period``, as ``docker stop`` in the script does; 10 s when unset),
        not a fixed 10 s. A signal does not cut it short: the window has passed, the new
        version is what users get, and the retire is bounded (:data:`DRAIN_WAIT_S`, then
        each stop's grace period); cutting the drain would stop the old container under requests in flight,
        and stopping half-way would leave it running beside the new one, which the files
        no longer describe. A signal is said once (an operator who sees nothing presses
        again, or reaches for kill -9)."""
        import docker.errors

        heed = _Noticed(interrupts, f"the watch window has passed, {self.service} runs the "
                                    "new version: finishing the retire of the old container "
                                    f"(a drain of at most {DRAIN_WAIT_S:.0f} s, then its stop)")
        heed.check()
        runtime = self.runtime()
        self._drain_then_maint(runtime, self.live, heed)
        client = self._client()
        try:
            for name in self.old:
                heed.check()
                try:
                    container = client.containers.get(name)
                except docker.errors.NotFound:
                    continue  # removed already (the retire started again after a signal)
                grace = (container.attrs.get("Config") or {}).get("StopTimeout")
                container.stop(timeout=int(grace) if isinstance(grace, int) else 10)
                container.remove()
        finally:
            client.close()
        heed.check()  # a signal during the last stop: said too (the retire is done)
        self.phase = "retired"
        return 0, self._log(f"old {self.service} ({', '.join(self.old)}) stopped and removed")

    def settle(self, _interrupts: Any = None) -> tuple[int, str]:
        """What a signal leaves (the plan's settle step): before the window passed,
        :meth:`restore` (the old container serves, the new one removed); after it (phase
        ``kept``: users get the new version), the retire finished and compose's scale back
        to n, so one version runs, the new one, as the deployed files say."""
        if self.phase not in ("kept", "retired"):
            return self.restore()
        if self.phase == "kept":
            from envsync.capture.engine import engine_errors
            from envsync.plan.executor import say

            say(f"the watch window had passed: finishing the retire of the old "
                f"{self.service} (the new version serves)")
            failures: tuple[type[BaseException], ...] = (EnvsyncError, *engine_errors())
            try:
                self.retire(None)
            except failures as exc:  # the new container serves still: said, not a traceback
                return 1, self._log(f"{self.service}: the window had passed, the new version "
                                    f"serves, but retiring the old container failed: {exc}")
        if self._scale_back is not None:
            from envsync.plan import Plan
            from envsync.plan.executor import run_plan

            plan = Plan(title=self._scale_back.title)
            plan.add(self._scale_back)
            failed = run_plan(plan, docker_host=self.docker_host).failed
            if failed is not None:
                return 1, self._log(f"{self.service}: the old container retired, but "
                                    f"{failed.step.title!r} failed: {failed.reason()}")
        return 0, self._log(f"{self.service}: the window had passed: the retire finished, "
                            "the new version serves")

    # --- the way back --------------------------------------------------------------------

    def restore(self, _interrupts: Any = None) -> tuple[int, str]:
        """Undo whatever was done before the window passed: the old slot ready FIRST, on
        its own (nothing that may fail comes before it), then the new slot drained and
        ``maint``, the new container removed. Never stops the old one. Safe to call again
        (a step done is not redone). 1 with the reason when a step failed; the message says
        whether the traffic is back on the old container."""
        if self.phase in ("kept", "retired", "restored"):
            return 0, f"{self.service}: nothing to undo ({self.phase})"
        if self.phase == "planned":
            # A signal during the scale-up: the proxy was not touched; a container it
            # created (the new config hash) is removed.
            removed = self._remove_unknown_new()
            if not removed:
                return 0, f"{self.service}: nothing to undo"
            self.phase = "restored"
            return 0, self._log(f"{self.service}: " + "; ".join(removed))
        notes: list[str] = []
        problems: list[str] = []
        runtime = self.runtime()
        if not self.live_ready:
            for attempt in range(3):  # a docker exec that failed once (a busy engine)
                try:
                    self._back_to_live(runtime)
                    break
                except ProxyError as exc:
                    if attempt == 2:
                        problems.append(str(exc))
                    time.sleep(0.2)
            if not self.live_ready:
                why = (f"{self.service}: could not put {self.backend}/{self.live} back in "
                       f"service, traffic may still go to the new container: {problems[0]}")
                return 1, self._log(why)
            notes.append(f"{self.backend}/{self.live} ready")
        if self.new_address is not None:
            try:
                self._drain_then_maint(runtime, self.idle, None, drained=self.idle_drained,
                                       cut=self.idle_cut)
                notes.append(f"{self.idle} maint")
            except ProxyError as exc:
                problems.append(str(exc))
        from envsync.capture.engine import engine_errors

        failures: tuple[type[BaseException], ...] = (EnvsyncError, *engine_errors())
        try:
            if self.new is not None:
                self._remove_new()
                notes.append(f"{self.new} removed")
            else:  # started but not found yet (a signal during compose up): the newest one
                notes += self._remove_unknown_new()
        except failures as exc:  # said; the traffic is back already
            problems.append(f"removing the new {self.service} container: {exc}")
        if problems:
            return 1, self._log(f"{self.service} back on {self.live} ({'; '.join(notes)}), "
                                f"but: {'; '.join(problems)}")
        self.phase = "restored"
        return 0, self._log(f"{self.service} back on {self.live}: " + "; ".join(notes))

    def _remove_new(self) -> None:
        import docker.errors

        client = self._client()
        try:
            client.containers.get(self.new).remove(force=True)
        except docker.errors.NotFound:
            pass  # removed already (a second restore)
        finally:
            client.close()

    # --- helpers -------------------------------------------------------------------------

    def _fail(self, why: str) -> tuple[int, str]:
        self.reason = why
        self._log(why)
        return 1, why

    def _client(self) -> Any:
        from envsync.capture.engine import connect, engine_url

        return connect(engine_url(self.docker_host))

    def _mine(self, client: Any) -> list[Any]:
        """The service's containers this deploy created: not the old ones, and with the
        new config hash (when known)."""
        found = client.containers.list(all=True, filters={"label": [
            f"{PROJECT_LABEL}={self.project}", f"{SERVICE_LABEL}={self.service}"]})
        return [c for c in found if c.name not in self.old and (
            self.new_hash is None or c.labels.get(HASH_LABEL) == self.new_hash)]

    def _find_new(self) -> str | None:
        client = self._client()
        try:
            fresh = sorted(self._mine(client), key=lambda c: c.status != "running")
        finally:
            client.close()
        return str(fresh[0].name) if fresh else None

    def _remove_unknown_new(self) -> list[str]:
        client = self._client()
        try:
            out = []
            for container in self._mine(client):
                container.remove(force=True)
                out.append(f"{container.name} removed")
            return out
        finally:
            client.close()

    def _inspect(self) -> dict[str, Any]:
        client = self._client()
        try:
            return dict(client.api.inspect_container(self.new))
        finally:
            client.close()

    def _health_deadline(self) -> float:
        """When (time.monotonic()) the new container must be healthy and have passed its
        checks: ``health_timeout_s`` after it started, one budget for both (the timeout is
        how long a release may take to come up, not each wait's). Its start is the engine's
        ``StartedAt``, read against this machine's clock only where the engine runs here
        (:func:`local_engine`); elsewhere another clock, so from now (the scale-up has just
        started it)."""
        from envsync.capture.engine import local_engine

        now = time.monotonic()
        if local_engine(self.docker_host):
            started = _epoch(str((self._inspect().get("State") or {}).get("StartedAt") or ""))
            if started is not None and 0 <= time.time() - started < self.health_timeout_s:
                now -= time.time() - started
        return now + self.health_timeout_s

    def _wait_image_health(self, interrupts: Any, deadline: float) -> tuple[bool, str]:
        while True:
            state = self._inspect().get("State") or {}
            health = (state.get("Health") or {}).get("Status")
            if not state.get("Running"):
                return False, (f"the new {self.service} container stopped (exit "
                               f"{state.get('ExitCode')})")
            if health in (None, "healthy"):
                return True, ""
            if health == "unhealthy":
                return False, f"the new {self.service} container is unhealthy (its image's " \
                              "health check)"
            if time.monotonic() > deadline:
                return False, (f"the new {self.service} container was not healthy within "
                               f"{self.health_timeout_s:.0f} s ({health})")
            if not _sleep(interrupts, 0.5):
                return False, "interrupted"

    def _address(self) -> str | None:
        networks = (self._inspect().get("NetworkSettings") or {}).get("Networks") or {}
        found = networks.get(self.network) or {}
        return str(found.get("IPAddress") or "") or None

    def _preview(self) -> Any:
        import httpx

        return httpx.Client(headers={"x-envsync-backend": self.backend,
                                     "x-envsync-server": self.idle}, follow_redirects=False)

    def _preview_failures(self) -> list[str]:
        """The checks named after the service and the smoke checks, sent to the new
        container through the preview frontend: one line per failure."""
        import httpx

        from envsync.capture.health import run_check
        from envsync.config import HealthCheck
        from envsync.secrets import Redactor

        out: list[str] = []
        with self._preview() as client:
            for check in self.checks:
                path = httpx.URL(check.url).raw_path.decode()
                pinned = HealthCheck(name=check.name, url=self.proxy.preview_url + path,
                                     method=check.method, json=check.json,
                                     expect_status=check.expect_status,
                                     timeout_s=check.timeout_s)
                answer = run_check(pinned, client, Redactor())
                if answer["status"] != "ok":
                    out.append(f"health check {check.name}: {answer['error']}")
            for smoke in self.smoke:
                answer = run_check(_as_check(smoke, self.proxy.preview_url), client, Redactor())
                if answer["status"] != "ok":
                    out.append(f"{smoke.name}: {answer['error']}")
        return out

    def _smoke_observations(self) -> list[Any]:
        from envsync.capture.health import run_check
        from envsync.secrets import Redactor
        from envsync.watch.rules import Observation

        out = []
        # After the switch the new container is the live slot's: pin to it.
        with self._preview() as client:
            for smoke in self.smoke:
                answer = run_check(_as_check(smoke, self.proxy.preview_url), client, Redactor())
                bad = answer["status"] != "ok"
                out.append(Observation("health_failing", smoke.name, bad, str(answer["status"]),
                                       f"{smoke.name}: {answer['error'] or 'ok'}"))
        return out

    def _drain_then_maint(self, runtime: HAProxyRuntime, slot: str, interrupts: Any,
                          drained: bool = False, cut: bool = False) -> None:
        """``drain``, wait (bounded) until the slot has no session, then ``maint``.
        ``cut``: its container cannot answer, so once :data:`CUT_GRACE_S` has passed
        since it went to ``maint`` its sessions are cut, again at each look (a request
        HAProxy was retrying when they were first cut comes back to it)."""
        if not drained:
            runtime.set_state(self.backend, slot, "drain")
        deadline = time.monotonic() + DRAIN_WAIT_S
        while time.monotonic() < deadline:
            try:
                if cut and time.monotonic() >= self.cut_at + CUT_GRACE_S:
                    runtime.command(f"shutdown sessions server {self.backend}/{slot}")
                if runtime.server(self.backend, slot).current_sessions == 0:
                    break
            except ProxyError:
                break
            if not _sleep(interrupts, 0.2):
                break
        runtime.set_state(self.backend, slot, "maint")


class _Noticed:
    """The interrupts, heeded by a step that finishes whatever comes (the retire): its
    sleeps never end early; a signal is said once, when first seen."""

    def __init__(self, interrupts: Any, text: str) -> None:
        self.interrupts, self.text, self.told = interrupts, text, False

    def check(self) -> None:
        if self.interrupts is None or self.told or not self.interrupts.received:
            return
        self.told = True
        self.interrupts.tell(f"{self.interrupts.name}: {self.text}")

    def sleep(self, seconds: float) -> bool:
        time.sleep(seconds)
        self.check()
        return True


def _epoch(stamp: str) -> float | None:
    """An engine timestamp (RFC 3339, nanoseconds: ``2026-11-30T02:11:15.123456789Z``) as
    seconds since the epoch, or None when it is not a time."""
    from envsync.errors import RollbackError
    from envsync.rollback.points import parse_time

    try:
        return parse_time(stamp).timestamp()
    except RollbackError:
        return None


def _vital(inspect: dict[str, Any]) -> dict[str, Any]:
    """What tells a crash from an inspect: a restart (count, start time), an OOM kill."""
    state = inspect.get("State") or {}
    return {"running": bool(state.get("Running")), "status": state.get("Status"),
            "exit": state.get("ExitCode"), "oom": bool(state.get("OOMKilled")),
            "started": state.get("StartedAt"), "restarts": int(inspect.get("RestartCount") or 0)}


def _as_check(smoke: SmokeCheck, base: str) -> Any:
    from envsync.config import HealthCheck

    return HealthCheck(name=smoke.name, url=base + smoke.path, method=smoke.method,
                       json=smoke.json, expect_status=smoke.expect, timeout_s=smoke.timeout_s)


def read_live(runtime: HAProxyRuntime, backend: str, old_addresses: set[str]) -> str:
    """The slot of ``backend`` serving now (see :func:`live_slot`)."""
    try:
        servers = {s.name: f"{s.status} {s.address}" for s in runtime.servers(backend)}
    except ProxyError as exc:
        raise EnvsyncError(str(exc)) from None
    return live_slot(servers, old_addresses)


def shared_network(model: dict[str, Any], service: str, proxy: str) -> str | None:
    """The engine name of a network both ``service`` and ``proxy`` are on (compose's
    model lists each service's networks; the top-level block has their names)."""
    services = model.get("services") or {}

    def nets(name: str) -> list[str]:
        value = (services.get(name) or {}).get("networks") or {}
        return list(value) if isinstance(value, dict | list) else []

    both = [n for n in nets(service) if n in set(nets(proxy))]
    if not both:
        return None
    block = (model.get("networks") or {}).get(both[0]) or {}
    return str(block.get("name") or f"{model.get('name')}_{both[0]}")


def prepare_blue_green(env: Any, *, model: dict[str, Any], current: dict[str, Any],
                       services: list[str], project: str, docker: str,
                       rules: Any) -> tuple[dict[str, BlueGreen], list[str]]:
    """A :class:`BlueGreen` per service (reading the proxy: which slot is live, the
    servers' port), and one line per service that cannot have one."""
    from envsync.capture.engine import engine_url
    from envsync.deploy.preflight import proxy_container

    proxy = env.deploy.proxy
    out: dict[str, BlueGreen] = {}
    problems: list[str] = []
    if proxy is None or not services:
        return out, problems
    container = proxy_container(current, proxy.service)
    if container is None:
        return out, [f"the proxy service {proxy.service!r} is not running"]
    host = engine_url(env.docker)
    runtime = HAProxyRuntime.in_container(container, proxy.socket, docker_host=host,
                                          docker=docker)
    for name in services:
        backend = proxy.backends.get(name)
        network = shared_network(model, name, proxy.service)
        if backend is None or network is None:
            problems.append(f"blue-green {name}: no network shared with the proxy "
                            f"{proxy.service!r}" if network is None else
                            f"blue-green {name}: no backend")
            continue
        old = [str(c.get("name")) for c in (current.get("containers") or {}).values()
               if c.get("service") == name and c.get("state") == "running"]
        addresses = _addresses(host, old, network)
        try:
            servers = {s.name: s for s in runtime.servers(backend)}
        except ProxyError as exc:
            problems.append(f"blue-green {name}: {exc}")
            continue
        live = live_slot({k: f"{s.status} {s.address}" for k, s in servers.items()}, addresses)
        address = servers[live].address if live in servers else ""
        port = int(address.rsplit(":", 1)[-1]) if address.rsplit(":", 1)[-1].isdigit() else 0
        if not port:
            problems.append(f"blue-green {name}: HAProxy's {backend}/{live} has no port "
                            f"({address!r})")
            continue
        checks = tuple(c for c in env.health if c.name == name or c.name.startswith(name))
        out[name] = BlueGreen(
            service=name, project=project, proxy=proxy, proxy_container=container,
            network=network, port=port, live=live, old=old, checks=checks,
            smoke=env.deploy.smoke.get(name, ()), window_s=env.deploy.watch_window_s,
            health_timeout_s=env.deploy.health_timeout_s, docker=docker,
            docker_host=host, env=env, rules=rules, _runtime=runtime)
    runtime.close()  # the check step opens it again: a dry run leaves nothing open
    return out, problems


def _addresses(host: str, names: list[str], network: str) -> set[str]:
    """The IP addresses of containers ``names`` on ``network`` (empty when unknown)."""
    from envsync.capture.engine import connect, engine_errors

    out: set[str] = set()
    failures: tuple[type[BaseException], ...] = (*engine_errors(), KeyError, TypeError)
    try:
        client = connect(host)
    except engine_errors():
        return out
    try:
        for name in names:
            try:
                nets = client.api.inspect_container(name)["NetworkSettings"]["Networks"]
            except failures:
                continue
            ip = (nets.get(network) or {}).get("IPAddress")
            if ip:
                out.add(str(ip))
    finally:
        client.close()
    return out
