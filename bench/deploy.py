"""``envsync deploy`` on the bundled services (issue 10's figures), all in one run.

Usage: .venv/bin/python bench/deploy.py [--workers 4] [--window 5] [--health-timeout 20]

The bundled services (services/: market-data, the bot, Redis, the HAProxy edge proxy) run
from a temp git repository with tests/services/compose_stack.py's overlay (the exchange and
Bot API fakes in containers on an internal network, every port on 127.0.0.1). The same
closed-loop load (tests/helpers/load.py: ``--workers`` threads, POST /combined_price through
the proxy's public port on 127.0.0.1) runs during each measurement:

0. the runtime API's cost per command: an exec per call vs envsync's one exec session;
1. a release of market-data (a new setting) deployed by ``envsync deploy`` (blue-green) vs
   the same kind of release by plain ``docker compose up -d market-data``, and a control
   run (the same load, no change): failed requests and the longest gap between two
   successful answers; each gap over 0.5 s is set beside the deploy step running then;
2. bad releases: one never healthy (its command never listens); three that pass their
   checks and go bad 20 s after they started, inside a 30 s watch window (``/combined_price``
   answers 500; the process dies; it allocates up to 85 % of its memory limit, printing the
   wall-clock time of the allocation, read back from ``docker logs``): whether traffic left
   the old container, how long users saw errors (first to last failed request), and for
   the memory case the time from the memory passing 80 % to the traffic back on the old
   version; the proxy's slots are polled every 50 ms through one exec session;
3. the whole 3-service stack (a release changing market-data, the bot and Redis):
   ``envsync deploy`` (market-data blue-green with its watch window, the others recreated,
   health waits included) vs the raw ``docker compose up -d``.

Not part of the test run; needs the engine and the images of scripts/build-images.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.git import Repo, make_repo  # noqa: E402
from tests.helpers.load import LoadReport  # noqa: E402
from tests.helpers.load_process import LoadProcess  # noqa: E402
from tests.services.compose_stack import (  # noqa: E402
    ComposeStack,
    compose_stack,
    copy_services,
    write_overlay,
)

ENVSYNC = str(Path(sys.executable).parent / "envsync")
CONFIG = """\
environments:
  local:
    git: .
    compose:
      files: [services/docker-compose.base.yml, services/docker-compose.test.yml]
      project: {project}
    health:
      - {{name: market-data, url: "http://127.0.0.1:{public}/health"}}
    deploy:
      strategy: {{market-data: blue-green}}
      health_timeout: {health_timeout}
      watch_window: {window}
      restore_images: none
      proxy:
        service: proxy
        preview_url: http://127.0.0.1:{preview}
        backends: {{market-data: market_data}}
      smoke:
        market-data:
          - {{method: POST, path: /combined_price, json: {{symbol: BTCUSDT}}, expect: 200}}
"""


# A release that passes its checks, then answers 500 on /combined_price from 20 s after
# its start (its health stays 200: the smoke checks and users see it), or dies then.
_AFTER_20S = ("import time, services.market_data.app as m\n"
              "orig, t0 = m.create_app, time.monotonic()\n"
              "def create_app(settings, **kw):\n"
              "    app = orig(settings, **kw)\n"
              "    async def bad(scope, receive, send):\n"
              "        if scope['type'] == 'http' and scope['path'] == '/combined_price' \\\n"
              "                and time.monotonic() - t0 > 20:\n"
              "            await send({'type': 'http.response.start', 'status': 500,\n"
              "                        'headers': [(b'content-length', b'3')]})\n"
              "            await send({'type': 'http.response.body', 'body': b'bad'})\n"
              "            return\n"
              "        await app(scope, receive, send)\n"
              "    return bad\n"
              "m.create_app = create_app\n")
BAD_500 = ["python", "-c", _AFTER_20S + "import runpy; runpy.run_module('services.market_data', "
           "run_name='__main__')"]
DIES = ["python", "-c", "import os, runpy, threading; threading.Timer(20, os._exit, [3]).start(); "
        "runpy.run_module('services.market_data', run_name='__main__')"]
# ... or grows past 80 % of its memory limit then: to 85 % of it in "used" (usage minus the
# inactive page cache, as docker stats and envsync count it; read from its own cgroup, v1
# or v2), in one allocation it keeps; the rest stays as headroom for the health check's
# own python (~9 MiB: 44 MiB of 64 got a test's container OOM-killed). It prints the wall
# clock (time.time(), the host's clock too) when the allocation started and ended.
_MEMORY_AFTER_20S = """\
import runpy, threading, time
held = []
def stat(path, key):
    rows = dict(line.split() for line in open(path).read().splitlines())
    return int(rows.get(key, 0))
def grow():
    cg = '/sys/fs/cgroup/'
    try:
        usage = int(open(cg + 'memory/memory.usage_in_bytes').read())
        limit = int(open(cg + 'memory/memory.limit_in_bytes').read())
        used = usage - stat(cg + 'memory/memory.stat', 'total_inactive_file')
    except OSError:
        usage, limit = int(open(cg + 'memory.current').read()), int(open(cg + 'memory.max').read())
        used = usage - stat(cg + 'memory.stat', 'inactive_file')
    start = time.time()
    held.append(b'x' * max(int(limit * 0.85) - used, 0))
    print(f'ALLOCATED {start:.3f} {time.time():.3f} used {used} limit {limit}', flush=True)
threading.Timer(20, grow).start()
runpy.run_module('services.market_data', run_name='__main__')
"""
MEMORY = ["python", "-c", _MEMORY_AFTER_20S]


class Bench:
    def __init__(self, repo: Repo, overlay: Path, stack: ComposeStack, workers: int) -> None:
        self.repo, self.overlay, self.stack, self.workers = repo, overlay, stack, workers
        self.release_no = 1
        self.steps: list[tuple[float, str]] = []

    def release(self, service: str, commit: bool = True, **extra: str) -> None:
        """A new setting for ``service`` in the overlay (RELEASE=n), plus ``extra`` lines
        replacing parts of its block (command, mem_limit)."""
        self.release_no += 1
        text = self.overlay.read_text()
        block = re.search(rf"^  {re.escape(service)}:\n(?:    .*\n)*", text, re.M)
        assert block, service
        lines = [ln for ln in block.group(0).splitlines()
                 if not ln.startswith(tuple(f"    {k}:" for k in extra))]
        env = json.loads(next(ln for ln in lines if ln.startswith("    environment:"))
                         .split(":", 1)[1]) if any(
            ln.startswith("    environment:") for ln in lines) else {}
        env["RELEASE"] = str(self.release_no)
        lines = [ln for ln in lines if not ln.startswith("    environment:")]
        lines.append(f"    environment: {json.dumps(env)}")
        lines += [f"    {k}: {v}" for k, v in extra.items()]
        self.overlay.write_text(text.replace(block.group(0), "\n".join(lines) + "\n"))
        if commit:
            self.repo.commit(f"release {self.release_no} of {service}")

    def load(self) -> LoadProcess:
        """The users' load, started and answered once, after a 2 s baseline. In a process
        of its own (tests/helpers/load_process.py): starting `envsync deploy` from the
        process the load threads run in stopped them for up to 1.4 s on a loaded machine."""
        load = LoadProcess(self.stack.url("public") + "/combined_price", method="POST",
                           json={"symbol": "BTCUSDT"}, workers=self.workers,
                           max_seconds=600).start()
        if not load.wait_first_success(60):
            report = load.stop()
            try:
                stats = {k: (v["status"], v.get("addr")) for k, v in
                         self.stack.stats("market_data").items()}
            except (AssertionError, subprocess.SubprocessError) as exc:
                stats = {"error": (str(exc), None)}
            raise SystemExit(f"the proxy never answered 200: {report.failures[-3:]}; "
                             f"market_data: {stats}; "
                             f"{self.stack.compose('ps', '-a').stdout}")
        time.sleep(2)  # a baseline before the change
        return load

    def deploy(self) -> tuple[int, float, dict[str, Any]]:
        """Run the deploy; its step lines on stderr are kept with their time
        (``self.steps``: monotonic time, the line)."""
        start = time.monotonic()
        proc = subprocess.Popen([ENVSYNC, "deploy", "local", "--execute", "--format", "json"],
                                cwd=self.repo.path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        self.steps = [(start, "start")]
        err = []
        for line in proc.stderr:
            err.append(line)
            self.steps.append((time.monotonic(), line.strip().removeprefix("envsync: ")))
        out, _ = proc.communicate(timeout=900)
        seconds = time.monotonic() - start
        try:
            outcome: dict[str, Any] = json.loads(out)
        except ValueError:
            outcome = {"stdout": out[-2000:], "stderr": "".join(err)[-2000:]}
        return int(proc.returncode), seconds, outcome

    def gaps_by_step(self, report: LoadReport, load_started_at: float) -> list[str]:
        """Each gap over 0.5 s with the deploy's step running when it began."""
        out = []
        for began, length in report.gaps:
            at = load_started_at + began
            step = next((line for t, line in reversed(self.steps) if t <= at), "before")
            out.append(f"{length:.2f} s gap from {at - self.steps[0][0]:+.2f} s after the "
                       f"deploy's start, during: {step}")
        return out

    def settle(self) -> None:
        """Back to a proxy whose blue slot is the one market-data container."""
        self.stack.compose("up", "-d", "--wait", "--wait-timeout", "120", "--force-recreate",
                           "--no-deps", "proxy", timeout=300)
        for _ in range(100):
            if self.stack.stats("market_data")["BACKEND"]["status"] == "UP":
                return
            time.sleep(0.3)


class LogWatch:
    """Follows the ``docker logs`` of the deploy's new market-data container (the first one
    not running when it starts) in a thread, until the container is removed: the line a bad
    release prints (``ALLOCATED <start> <end> …``)."""

    def __init__(self, stack: ComposeStack, project: str) -> None:
        self.filters = ["--filter", f"label=com.docker.compose.project={project}",
                        "--filter", "label=com.docker.compose.service=market-data"]
        self.old = set(self._ids())
        self.stop_ev = threading.Event()
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _ids(self) -> list[str]:
        out = subprocess.run(["docker", "ps", "-aq", *self.filters], capture_output=True,
                             text=True, check=False, timeout=30).stdout
        return out.split()

    def _run(self) -> None:
        new = None
        while new is None and not self.stop_ev.wait(0.2):
            new = next((c for c in self._ids() if c not in self.old), None)
        if new is None:
            return
        proc = subprocess.Popen(["docker", "logs", "-f", new], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:  # ends when the container is removed
            self.lines.append(line.strip())
        proc.wait()

    def allocated(self) -> tuple[float, float] | None:
        """(start, end) of the allocation, wall clock, or None when it was not seen."""
        for line in self.lines:
            if line.startswith("ALLOCATED "):
                start, end = line.split()[1:3]
                return float(start), float(end)
        return None

    def __enter__(self) -> LogWatch:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop_ev.set()
        self.thread.join(30)


class SlotWatch:
    """Polls the proxy's slots every 50 ms (show stat through one exec session) in a
    thread: (t, {slot: status})."""

    def __init__(self, stack: ComposeStack) -> None:
        from envsync.proxy.haproxy import HAProxyRuntime

        self.stop_ev = threading.Event()
        self.runtime = HAProxyRuntime.in_container(stack.container("proxy"),
                                                   "/run/haproxy/admin.sock")
        self.rows: list[tuple[float, dict[str, str]]] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.t0 = time.monotonic()
        self.wall0 = time.time()
        """The wall clock at ``t0``: a time a container printed, on this timeline."""

    def _run(self) -> None:
        from envsync.proxy.haproxy import ProxyError

        while not self.stop_ev.wait(0.05):
            try:
                found = {s.name: s.status for s in self.runtime.servers("market_data")}
                self.rows.append((time.monotonic() - self.t0,
                                  {s: found[s] for s in ("blue", "green")}))
            except (ProxyError, KeyError):
                pass

    def __enter__(self) -> SlotWatch:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop_ev.set()
        self.thread.join(30)
        self.runtime.close()

    def timeline(self) -> dict[str, Any]:
        """When the new slot took traffic (UP while the old one drained) and when the old
        one was back alone; the polling resolution."""
        if not self.rows:
            return {}
        first = self.rows[0][1]
        old = next((s for s, v in first.items() if v.startswith("UP")), "blue")
        new = "green" if old == "blue" else "blue"
        switched = next((t for t, r in self.rows if r[new].startswith("UP")
                         and not r[old].startswith("UP")), None)
        back = None
        if switched is not None:
            back = next((t for t, r in self.rows if t > switched and r[old].startswith("UP")
                         and not r[new].startswith("UP")), None)
        gaps = [b[0] - a[0] for a, b in zip(self.rows, self.rows[1:], strict=False)]
        return {"new_slot_live_at_s": _r(switched), "old_slot_back_at_s": _r(back),
                "poll_resolution_s": _r(max(gaps) if gaps else None), "polls": len(self.rows)}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _failed_span(report: LoadReport, load_started_at: float, deploy_at: float) -> str:
    """When, after the deploy's start, the users saw failures: the first and the last."""
    if not report.failures:
        return "no failed request"
    offset = deploy_at - load_started_at
    first, last = report.failures[0][0] - offset, report.failures[-1][0] - offset
    return (f"failed requests from {first:.1f} s to {last:.1f} s after the deploy's start "
            f"({last - first:.1f} s; first: {report.failures[0][1][:60]})")


def _errors_seen(report: LoadReport) -> str:
    """How long users saw the bad release's errors: first to last failed request."""
    if not report.failures:
        return "users saw no error"
    first, last = report.failures[0][0], report.failures[-1][0]
    return (f"users saw errors for {last - first:.2f} s ({report.failed} failed, first "
            f"{report.failures[0][1][:40]})")


def _load_average() -> str:
    return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])


def runtime_api_cost(stack: ComposeStack, count: int = 10) -> None:
    """``show stat`` ``count`` times: an exec per call, then one exec session."""
    import statistics

    from envsync.proxy.haproxy import HAProxyRuntime

    for session in (False, True):
        runtime = HAProxyRuntime.in_container(stack.container("proxy"),
                                              "/run/haproxy/admin.sock", session=session)
        start = time.monotonic()
        runtime.command("show info")
        first = time.monotonic() - start
        times = []
        for _ in range(count):
            start = time.monotonic()
            runtime.command("show stat")
            times.append(time.monotonic() - start)
        runtime.close()
        print(f"  {'one exec session' if session else 'docker exec per call':<22} first "
              f"{first * 1000:6.1f} ms, then median {statistics.median(times) * 1000:6.1f} ms, "
              f"max {max(times) * 1000:6.1f} ms ({count} x show stat)", flush=True)


def _line(name: str, report: LoadReport, seconds: float | None = None) -> str:
    extra = f", took {seconds:.1f} s" if seconds is not None else ""
    return (f"  {name:<34} {report.requests:>6} requests, {report.failed:>4} failed, "
            f"longest gap between successes {report.longest_gap_s:.2f} s{extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--window", type=float, default=5.0)
    parser.add_argument("--health-timeout", type=float, default=20.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="envsync-bench-deploy-") as name:
        tmp = Path(name)
        repo = make_repo(tmp / "app")
        services = copy_services(repo.path)
        overlay = services / "docker-compose.test.yml"
        ports = write_overlay(overlay)
        project = f"envsync-bench-{uuid.uuid4().hex[:8]}"
        repo.write("envsync.yaml", CONFIG.format(
            project=project, public=ports["public"], preview=ports["preview"],
            window=args.window, health_timeout=args.health_timeout))
        repo.write(".gitignore", "snapshots/\n")
        repo.commit("the services")
        print(f"bench/deploy.py: {args.workers} closed-loop clients, POST /combined_price "
              f"through the proxy on 127.0.0.1; watch window {args.window:g} s, health "
              f"timeout {args.health_timeout:g} s", flush=True)
        started = time.monotonic()
        with compose_stack(tmp, services_dir=services, overlay=overlay, ports=ports,
                           project=project) as stack:
            print(f"stack up (6 containers, health waits) in {time.monotonic() - started:.1f} s",
                  flush=True)
            bench = Bench(repo, overlay, stack, args.workers)

            print(f"\n0. the runtime API, per command ({_load_average()})")
            runtime_api_cost(stack)

            print(f"\n1. a market-data release under load ({_load_average()})")
            bench.release("market-data")
            with bench.load() as load:
                load_t0 = load.started
                code, seconds, outcome = bench.deploy()
            env_report = load.report
            print(_line("envsync deploy (blue-green)", env_report, seconds)
                  + f"; exit {code}, {outcome.get('result')}", flush=True)
            for gap in bench.gaps_by_step(env_report, load_t0):
                print(f"    {gap}")
            if env_report.failures or code:
                print(f"    first failures: {env_report.failures[:3]}; why: "
                      f"{outcome.get('failure')}")
            with bench.load() as load:  # the control: the same load, nothing moves
                time.sleep(seconds)
            print(_line("control (no change, same time)", load.report), flush=True)
            print("    gaps over 0.5 s: " + (", ".join(
                f"{g:.2f} s" for _, g in load.report.gaps) or "none"))
            bench.release("market-data")
            with bench.load() as load:
                start = time.monotonic()
                stack.compose("up", "-d", "market-data", timeout=300)
                compose_s = time.monotonic() - start
                time.sleep(3)  # the recreated container's start, seen by the clients
            print(_line("docker compose up -d market-data", load.report, compose_s), flush=True)
            if load.report.failures:
                print(f"    first failures: {load.report.failures[:3]}")
            bench.settle()

            print(f"\n2. bad releases (time from the deploy's start; {_load_average()})")
            good = repo.git("rev-parse", "HEAD").strip()
            bench.release("market-data",
                          command='["python", "-c", "import time; time.sleep(3600)"]')
            with bench.load() as load, SlotWatch(stack) as slots:
                t0 = time.monotonic() - slots.t0
                code, seconds, outcome = bench.deploy()
            print(_line("never healthy", load.report, seconds)
                  + f"; exit {code}; traffic never left the old slot: "
                  f"{slots.timeline().get('new_slot_live_at_s') is None}", flush=True)
            print(f"    why: {outcome.get('failure')}")
            end = bench.steps[0][0] + seconds
            began = next((at for at, line in bench.steps if "start a new" in line), None)
            ran = {s.get("title", "").split(" ")[0]: float(s.get("seconds") or 0)
                   for s in outcome.get("steps") or []}
            if began is not None:  # the goal: under the health timeout + 2 s
                print(f"    the bad release, from its scale-up to the check that failed it: "
                      f"{ran.get('start', 0) + ran.get('check', 0):.1f} s; to the deploy's "
                      f"end (it removed, the files back, the log written): {end - began:.1f} s "
                      f"(health timeout {args.health_timeout:g} s)")
            repo.git("reset", "--hard", good)  # the deploy put the files back already
            # Releases that pass their checks and go bad 20 s after they started: after
            # the switch, inside a 30 s watch window.
            config = repo.path / "envsync.yaml"
            for name, command in (("answers 500 in the window (30 s)", BAD_500),
                                  ("dies in the window (30 s)", DIES),
                                  ("passes 80 % memory in the window (30 s)", MEMORY)):
                good = repo.git("rev-parse", "HEAD").strip()
                # the window in the release's files (a reset to `good` takes it back)
                config.write_text(config.read_text().replace(
                    f"watch_window: {args.window}", "watch_window: 30"))
                bench.release("market-data", command=json.dumps(command))
                # the memory release's own line, read from its logs (only for that case)
                logs = LogWatch(stack, project) if command is MEMORY else None
                with bench.load() as load, SlotWatch(stack) as slots, \
                        logs or contextlib.nullcontext():
                    t0 = time.monotonic() - slots.t0
                    load_t0, deploy_at = load.started, time.monotonic()
                    code, seconds, outcome = bench.deploy()
                line = slots.timeline()
                print(_line(name, load.report, seconds) + f"; exit {code}", flush=True)
                print(f"    {_errors_seen(load.report)}")
                if load.report.failures:
                    print("    failed: " + ", ".join(
                        f"{t - (deploy_at - load_t0):.2f} s {why[:30]}"
                        for t, why in load.report.failures[:12]))
                print(f"    slots: {json.dumps(line)} (deploy started at {t0:.2f} s)")
                print(f"    users' view: {_failed_span(load.report, load_t0, deploy_at)}")
                live, back = line.get("new_slot_live_at_s"), line.get("old_slot_back_at_s")
                if live is not None and back is not None:
                    print(f"    traffic back on the old version {back - t0:.1f} s after the "
                          f"deploy's start, {back - live:.1f} s after the switch")
                allocated = logs.allocated() if logs is not None else None
                if logs is not None and (allocated is None or back is None):
                    print(f"    memory: allocation seen {allocated}, traffic back at {back} "
                          f"(logs: {logs.lines[-3:]})")
                elif allocated is not None and back is not None:
                    # conservative: from the allocation's start (it passes 80 % part way)
                    passed = allocated[0] - slots.wall0 - t0
                    print(f"    memory passed 80 % at {passed:.2f} s, traffic back on the old "
                          f"version at {back - t0:.2f} s: {back - t0 - passed:.2f} s (from the "
                          f"deploy's start; the allocation took "
                          f"{(allocated[1] - allocated[0]) * 1000:.0f} ms; slots polled "
                          f"every {line.get('poll_resolution_s')} s at most)")
                print(f"    why: {outcome.get('failure')}")
                if code:  # rolled back: the old version runs, its files are the good commit
                    repo.git("reset", "--hard", good)
                bench.settle()

            print("\n3. the whole stack (market-data, telegram-bot, redis)")
            for service in ("market-data", "telegram-bot"):
                bench.release(service, commit=False)
            bench.release("redis")
            code, seconds, outcome = bench.deploy()
            print(f"  envsync deploy --execute            {seconds:6.1f} s, exit {code}, "
                  f"{outcome.get('result')} (health waits and the {args.window:g} s watch "
                  f"window included)", flush=True)
            if code:
                print(f"    why: {outcome.get('failure') or outcome.get('stderr')}")
            for service in ("market-data", "telegram-bot", "redis"):
                bench.release(service, commit=False)
            start = time.monotonic()
            stack.compose("up", "-d", timeout=600)
            print(f"  docker compose up -d                {time.monotonic() - start:6.1f} s "
                  "(returns when the containers start, before they are healthy)")
            start = time.monotonic()
            stack.compose("up", "-d", "--wait", "--wait-timeout", "300", timeout=600)
            print(f"  + until every service is healthy    {time.monotonic() - start:6.1f} s more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
