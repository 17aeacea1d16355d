"""``envsync watch``: time from fault to notification per alert kind, and the watcher's cost.

Usage: .venv/bin/python bench/watch.py [--interval 2] [--drift-interval 10]
                                       [--cost-seconds 60] [--cost-intervals 5,30]

A compose project of 3 busybox containers (``api`` with ``mem_limit: 40m``, ``worker``,
``web``) is brought up in a temp git repository; a loopback HTTP receiver stands in for the
channels (apprise ``json://`` and the Alertmanager payload); market-data runs in-process in
front of the exchange fake (tests/fakes/exchange.py), and a loopback server answers the
smoke check, slowly on request. ``envsync watch`` runs as a process.

Detection: for each fault (a container stopped, memory past 80 % then 95 % of its limit,
a slow smoke check, an exchange in error mode, a ``docker update --memory`` by hand), the
time from the fault being in place to its "firing" message reaching the receiver, next to the
goal N x interval + 1 s (N: the rule's rounds; drift: the drift interval + 1 s). The figure
holds where in its round the fault came (up to one interval), the rounds, the round's own
length and the delivery (the sender process: envsync/watch/sender.py). Each fault is made
``--repeat`` times (its phase within the round differs), healed, and the bench waits for it
to resolve and its messages to go out before the next. ``--log FILE`` keeps the watcher's
log lines (round lengths, "not observed" stats).

Cost: a fresh watcher at each ``--cost-intervals`` for ``--cost-seconds``: RSS (VmRSS at the
end, VmHWM the peak) and CPU (user+system of the watcher and its finished children, from
/proc) over the window after its start-up (first round, first drift run, and the sender
process it starts, until that ends 60 s later: reported apart, with the sender's RSS).
CPU % over 10 minutes at that interval is extrapolated as
(rounds in 10 min x CPU per steady round + drift runs in 10 min x CPU of one drift run) / 600 s,
a drift run's CPU measured apart (in the bench's process, with the compose and git processes
it starts), before the cost runs.
Not part of the test run; needs the engine and envsync-test/busybox:1 (scripts/setup-env).
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COMPOSE = """services:
  api:
    image: envsync-test/busybox:1
    command: ["sleep", "100000"]
    network_mode: none
    mem_limit: 40m
  worker:
    image: envsync-test/busybox:1
    command: ["sleep", "100000"]
    network_mode: none
  web:
    image: envsync-test/busybox:1
    command: ["sleep", "100000"]
    network_mode: none
"""


class Receiver:
    def __init__(self) -> None:
        self.got: list[tuple[float, str]] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path.startswith("/notify"):
                    owner.got.append((time.monotonic(), body["title"]))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, text: str, after: float, timeout: float = 120) -> float:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for at, title in list(self.got):
                if at >= after and text in title:
                    return at
            time.sleep(0.02)
        raise SystemExit(f"no message with {text!r} within {timeout} s: {self.got[-5:]}")


class Smoke:
    """GET /smoke: at once, or after ``delay`` seconds."""

    def __init__(self) -> None:
        self.delay = 0.0
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                time.sleep(owner.delay)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/smoke"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def sh(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


def compose(project: str, root: Path, *args: str) -> str:
    binary = Path(sys.executable).parent / "docker-compose"
    return sh(str(binary if binary.exists() else "docker-compose"), "-p", project, "-f",
              "compose.yml", *args, cwd=root)


def fill(project: str, root: Path, mib: float) -> None:
    chunks = int(mib * 16)  # 64 KiB at a time: busybox has no dd
    compose(project, root, "exec", "-T", "api", "sh", "-c",
            "x=0123456789abcdef; i=0; while [ $i -lt 12 ]; do x=$x$x; i=$((i+1)); done; "
            f"i=0; while [ $i -lt {chunks} ]; do echo -n $x >> /dev/shm/fill; "
            "i=$((i+1)); done")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    # utime, stime, cutime, cstime: fields 14-17 (1-based), 12-15 after the name
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


def status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


@contextlib.contextmanager
def watcher(root: Path, interval: float, drift: float, env: dict[str, str],
            log: Path | None = None,
            ) -> Iterator[tuple[subprocess.Popen[str], list[dict[str, Any]]]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from envsync.cli.app import main; main()", "watch", "live",
         "--interval", str(interval), "--drift-interval", str(drift)],
        cwd=root, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)
    lines: list[dict[str, Any]] = []

    def pump() -> None:
        assert proc.stderr is not None
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(log.open("a")) if log is not None else None
            for line in proc.stderr:
                if out is not None:
                    out.write(line)
                with contextlib.suppress(ValueError):
                    lines.append({**json.loads(line), "_at": time.monotonic()})

    threading.Thread(target=pump, daemon=True).start()
    try:
        yield proc, lines
    finally:
        proc.terminate()
        proc.wait(30)


def rounds(lines: list[dict[str, Any]]) -> int:
    return sum(1 for x in lines if x.get("event") == "round")


def wait_rounds(lines: list[dict[str, Any]], n: int, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while rounds(lines) < n:
        if time.monotonic() > end:
            raise SystemExit(f"the watcher did not reach round {n}")
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--drift-interval", type=float, default=10.0)
    parser.add_argument("--cost-seconds", type=float, default=60.0)
    parser.add_argument("--cost-intervals", default="5,30",
                        help="comma-separated intervals for the cost runs ('' for none)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="times each fault is made (a fault's phase within the round "
                        "varies: the figures are each time and the worst); 0: cost only")
    parser.add_argument("--log", type=Path, help="write the watcher's log lines here")
    args = parser.parse_args()
    import logging

    logging.getLogger("market_data").setLevel(logging.ERROR)  # "exchange failed" is the point

    from services.market_data.app import create_app
    from services.market_data.settings import load_settings
    from tests.fakes.exchange import FakeExchange
    from tests.services.inproc import serve_app

    project = f"envsync-bench-{secrets.token_hex(3)}"
    receiver, smoke = Receiver(), Smoke()
    with tempfile.TemporaryDirectory() as tmp, FakeExchange() as fake:
        md_env = {**fake.env(), "EXCHANGE_TIMEOUT": "0.4", "CACHE_TTL": "0",
                  "CACHE_ERROR_TTL": "0", "BREAKER_FAILURES": "0"}
        with serve_app(create_app(load_settings(md_env))) as md:
            root = Path(tmp)
            (root / "compose.yml").write_text(COMPOSE)
            (root / ".gitignore").write_text("snapshots/\nenvsync.yaml\n")
            (root / "envsync.yaml").write_text(
                f"environments:\n  live:\n    git: .\n"
                f"    compose: {{files: [compose.yml], project: {project}}}\n"
                f"    health:\n      - {{name: smoke, url: '{smoke.url}', timeout: 10}}\n"
                f"      - {{name: price, method: POST, url: '{md}/combined_price', "
                "json: {symbol: BTC/USDT}}\n"
                "watch:\n  notify: ['json://127.0.0.1:${BENCH_PORT}/notify']\n"
                "  rules: {latency: {threshold: 0.5}}\n"
                f"  metrics: {{live: ['{md}/metrics']}}\n")
            sh("git", "init", "-q", "-b", "main", cwd=root)
            sh("git", "-c", "user.name=b", "-c", "user.email=b@b", "add", "-A", cwd=root)
            sh("git", "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "s",
               cwd=root)
            compose(project, root, "up", "-d")
            env = {"BENCH_PORT": str(receiver.port)}
            try:
                if args.repeat > 0:
                    detection(root, project, receiver, smoke, fake, args, env)
                intervals = [float(x) for x in args.cost_intervals.split(",") if x]
                drift = drift_cpu_seconds(root) if intervals else 0.0
                for interval in intervals:
                    cost(root, interval, args.cost_seconds, env, drift)
            finally:
                compose(project, root, "down", "-v", "--timeout", "0")


def detection(root: Path, project: str, receiver: Receiver, smoke: Smoke, fake: Any,
              args: argparse.Namespace, env: dict[str, str]) -> None:
    i = args.interval
    api = compose(project, root, "ps", "-q", "api").strip()
    # what drift's fault changes by hand, put back to heal it
    limits = sh("docker", "inspect", "--format",
                "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}", api).split()

    def empty() -> None:  # (busybox here has no rm; compose exec exits 0 all the same)
        compose(project, root, "exec", "-T", "api", "sh", "-c", ": > /dev/shm/fill")

    def near_limit() -> None:
        fill(project, root, 34)
        fill(project, root, 4.5)     # 38.5 MiB of 40: 96 %

    faults: list[tuple[str, str, float, Callable[[], None], Callable[[], None]]] = [
        ("service_down", "service down: worker", 2 * i + 1,
         lambda: compose(project, root, "stop", "--timeout", "0", "worker") and None,
         lambda: compose(project, root, "start", "worker") and None),
        ("memory_warning", "memory high: api", 2 * i + 1,
         lambda: fill(project, root, 34), empty),                    # 34 of 40 MiB: 85 %
        ("memory_critical", "memory near its limit: api", 2 * i + 1,
         near_limit,  # at 96 % an exec no longer starts in the container: restart it
         lambda: compose(project, root, "restart", "--timeout", "0", "api") and None),
        ("latency", "too slow: smoke", 2 * i + 1,
         lambda: setattr(smoke, "delay", 0.8), lambda: setattr(smoke, "delay", 0.0)),
        ("exchange_failing", "exchange failing: okx", 3 * i + 1,
         lambda: fake.set_mode("okx", "error"), lambda: fake.set_mode("okx", "ok")),
        ("drift", "changed by hand", args.drift_interval + 1,
         lambda: sh("docker", "update", "--memory", "48m", "--memory-swap", "48m", api)
         and None,
         lambda: sh("docker", "update", "--memory", limits[0], "--memory-swap", limits[1],
                    api) and None),
    ]
    print(f"detection, fault → notification received (interval {i} s, drift interval "
          f"{args.drift_interval} s), each fault made {args.repeat} times:")
    print(f"  {'alert':<18}{'worst':>7}{'goal':>7}  each time (s); fired = logged, "
          "round = median time one round took")
    with watcher(root, i, args.drift_interval, env, args.log) as (_, lines):
        wait_rounds(lines, 5)   # past the start-up (the engine's first stats are slow)
        for name, text, goal, inject, heal in faults:
            took, fired = [], []
            for _ in range(args.repeat):
                inject()
                t0 = time.monotonic()
                took.append(receiver.wait(text, t0) - t0)
                fired.append(next((x["_at"] - t0 for x in list(lines)
                                   if x.get("event") == "alert firing" and x["_at"] >= t0
                                   and x.get("alert", "").startswith(f"live/{name}")),
                                  float("nan")))
                heal()
                settle(lines, i)
            spent = sorted(x["seconds"] for x in list(lines) if x.get("event") == "round"
                           and "seconds" in x)
            per_round = spent[len(spent) // 2] if spent else float("nan")
            mark = "ok" if max(took) <= goal else "OVER"
            each = ", ".join(f"{a:.2f} (fired {b:.2f})" for a, b in zip(took, fired, strict=True))
            print(f"  {name:<18}{max(took):>7.2f}{goal:>7.1f}  {each}; round {per_round:.2f} s "
                  f"({mark})", flush=True)


def settle(lines: list[dict[str, Any]], interval: float, timeout: float = 120) -> None:
    """Let the healed fault resolve and its messages go out, so the next fault's figure
    is its own (not the time spent behind the previous one's "resolved" in the outbox)."""
    time.sleep(3 * interval)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        last = [x for x in list(lines) if x.get("event") == "round"][-1]
        if last.get("outbox") == 0 and not last.get("firing"):
            return
        time.sleep(0.1)
    raise SystemExit(f"the healed fault did not resolve within {timeout} s: {last}")


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def own_cpu_seconds(pid: int) -> float:
    """utime + stime of ``pid`` alone (not its children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def drift_cpu_seconds(root: Path) -> float:
    """CPU of one drift run (this process and the compose/git processes it runs), the
    median of 3 after a first one that pays the imports."""
    import resource

    from envsync.config import load_config
    from envsync.watch.observe import drift_observations

    def cpu() -> float:
        return sum(r.ru_utime + r.ru_stime for r in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN)))

    config = load_config(root / "envsync.yaml")
    drift_observations(config, "live")
    runs = []
    for _ in range(3):
        before = cpu()
        drift_observations(config, "live")
        runs.append(cpu() - before)
    took = sorted(runs)[1]
    print(f"one drift run: {took:.2f} s CPU (median of 3; with its compose and git processes)",
          flush=True)
    return took


def cost(root: Path, interval: float, seconds: float, env: dict[str, str],
         drift_cpu: float) -> None:
    with watcher(root, interval, 300, env) as (proc, lines):
        start = time.monotonic()
        wait_rounds(lines, 1)
        # The sender process (apprise) runs from the start for its keep time (60 s), and
        # again only while a message may be due: measured apart, then waited out, so the
        # steady window is the watcher alone (its CPU lands in the start-up figure).
        sender_rss = sender_cpu = 0.0
        while time.monotonic() - start < 120:
            kids = children(proc.pid)
            if not kids:
                break
            for kid in kids:
                with contextlib.suppress(OSError, IndexError):
                    sender_rss = max(sender_rss, status_kb(kid, "VmRSS") / 1024)
                    sender_cpu = max(sender_cpu, own_cpu_seconds(kid))
            time.sleep(1)
        first_cpu = cpu_seconds(proc.pid)
        first_wall = time.monotonic() - start
        n0 = rounds(lines)
        t0, c0 = time.monotonic(), cpu_seconds(proc.pid)
        rss_peak = 0
        while time.monotonic() - t0 < seconds:
            rss_peak = max(rss_peak, status_kb(proc.pid, "VmRSS"))
            time.sleep(1)
        wall, cpu = time.monotonic() - t0, cpu_seconds(proc.pid) - c0
        n = rounds(lines) - n0
        rss, hwm = status_kb(proc.pid, "VmRSS"), status_kb(proc.pid, "VmHWM")
    per_round = cpu / n if n else float("nan")
    ten = 600.0
    extrapolated = (ten / interval * per_round + ten / 300 * drift_cpu) / ten * 100
    print(f"cost at --interval {interval:g} s over {wall:.0f} s ({n} rounds): "
          f"CPU {cpu:.2f} s = {cpu / wall * 100:.2f} % of one core measured; "
          f"{per_round * 1000:.0f} ms per round; start-up (first round, first drift run, "
          f"the sender's first life) {first_cpu:.2f} s CPU in {first_wall:.1f} s; "
          f"extrapolated 10 min (its rounds and 2 drift runs): "
          f"{extrapolated:.2f} % of one core (goal < 0.5 %); RSS {rss / 1024:.1f} MiB, peak "
          f"{max(hwm, rss_peak) / 1024:.1f} MiB (goal < 60 MB); sender process while it "
          f"runs: RSS {sender_rss:.1f} MiB, {sender_cpu:.2f} s CPU", flush=True)


if __name__ == "__main__":
    main()
