"""Fleet capture: time of one snapshot of N engines over ssh:// (N = 1, 3, 10), with the
worker bound, against one engine.

Usage: .venv/bin/python bench/fleet_capture.py [--sizes 1,3,10] [--runs 3] [--containers 3]
                                               [--workers N] [--port PORT]

An sshd is started on a free 127.0.0.1 port (the key and known_hosts set-up of the test
suite's ``sshd_engine_url``, tests/helpers/docker.py), unless ``--port`` names one. Every
"host" is this machine's engine reached over ``ssh://root@127.0.0.1:PORT`` under its own
compose project (``engines[].project``) of ``--containers`` busybox containers: a host is a
real SSH connection and engine API calls (through the engine's socket on a streamlocal
channel, envsync/capture/sshdial.py), but all hosts share one engine and the machine's 2
cores with sshd, so the figures are an upper bound of what separate machines would take.

Each measurement is a fresh process (``--child``) running ``take_snapshot`` (git, compose
config, env files, then the hosts, ``workers`` at a time, stats included), interleaved
over the sizes, median of ``--runs``; it also reports the process's peak RSS and the
hosts' own capture times and the process's CPU time (what each host costs the machine
running envsync; sshd runs on the "remote" side). ``--workers`` defaults to envsync's own
default bound. The largest N is also run with 1 worker, to show the bound; N = 1 and the
largest through a second sshd that refuses Unix socket forwarding
(``AllowStreamLocalForwarding no``), so each API connection runs ``docker system
dial-stdio`` on the server as before the streamlocal route (the baseline, in the same run);
and over the local socket (same projects, no SSH), where the hosts' side costs this machine
less: how envsync's own parallel capture scales, closer to hosts that are separate machines.
Not part of the test run. The containers and temp folders are removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IMAGE = "envsync-test/busybox:1"


def sh(*cmd: str, cwd: Path | None = None) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


@contextlib.contextmanager
def sshd(port: int | None, *options: str) -> Iterator[str]:
    """``ssh://root@127.0.0.1:PORT`` of a throw-away sshd with extra ``-o`` ``options`` (or
    of ``port``, left alone)."""
    if port is not None:
        yield f"ssh://root@127.0.0.1:{port}"
        return
    from tests.helpers.docker import (  # the test suite's set-up of keys and known_hosts
        _client_identity,
        _edit_known_hosts,
        _ssh_dir_lock,
        free_port,
    )

    with tempfile.TemporaryDirectory(prefix="envsync-bench-sshd-") as tmp:
        work = Path(tmp)
        key = work / "host_ed25519"
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key))
        ssh_dir = Path.home() / ".ssh"
        port = free_port()
        with _ssh_dir_lock(ssh_dir):
            client = _client_identity(ssh_dir)
            _edit_known_hosts(ssh_dir, port, key.with_suffix(".pub").read_text())
        (work / "authorized_keys").write_text(client.with_suffix(".pub").read_text())
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)
        proc = subprocess.Popen(
            ["/usr/sbin/sshd", "-D", "-e", "-f", "/dev/null", "-p", str(port),
             "-o", "ListenAddress=127.0.0.1", "-o", f"HostKey={key}",
             "-o", f"AuthorizedKeysFile={work / 'authorized_keys'}",
             "-o", "StrictModes=no", "-o", "PermitRootLogin=prohibit-password",
             "-o", "PasswordAuthentication=no", "-o", "UsePAM=no",
             "-o", "MaxStartups=200", "-o", "MaxSessions=100",
             *[arg for option in options for arg in ("-o", option)]],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(0.5)
            yield f"ssh://root@127.0.0.1:{port}"
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            with _ssh_dir_lock(ssh_dir):
                _edit_known_hosts(ssh_dir, port, None)


def make_repo(folder: Path, url: str, dial_url: str, projects: list[str],
              sizes: list[int]) -> None:
    """A repository with the compose file and one fleet environment per size and route."""
    from tests.helpers.docker import compose_binary

    compose = "".join(f"  s{i}:\n    image: {IMAGE}\n    command: [sleep, '3600']\n"
                      "    network_mode: none\n    environment: {LOG_LEVEL: info}\n"
                      for i in range(CONTAINERS))
    (folder / "compose.yml").write_text("services:\n" + compose)
    envs = ""
    for prefix, engine in (("n", url), ("d", dial_url), ("u", "unix:///var/run/docker.sock")):
        for n in sizes:
            engines = "".join(f"      - {{name: h{i}, url: '{engine}', project: {projects[i]}}}\n"
                              for i in range(n))
            envs += (f"  {prefix}{n}:\n    git: .\n    compose: {{files: [compose.yml], "
                     f"project: {projects[0]}}}\n    engines:\n{engines}")
    (folder / "envsync.yaml").write_text(f"project: bench\nenvironments:\n{envs}")
    git = ("git", "-C", str(folder), "-c", "user.name=b", "-c", "user.email=b@b.invalid")
    sh(*git, "init", "-q")
    sh(*git, "add", ".")
    sh(*git, "commit", "-q", "-m", "bench")
    for project in projects[:max(sizes)]:
        sh(compose_binary(), "-p", project, "-f", "compose.yml", "up", "-d", cwd=folder)


def child(repo: Path, env: str, workers: int | None) -> None:
    """One measurement, in this fresh process; prints one JSON line."""
    from envsync.capture import take_snapshot
    from envsync.config import load_config
    from envsync.secrets import Redactor

    config = load_config(repo / "envsync.yaml")
    started = time.perf_counter()
    snap = take_snapshot(config, config.environment(env), redactor=Redactor(b"bench"),
                         workers=workers)
    seconds = time.perf_counter() - started
    hosts = snap["hosts"]
    bad = [f"{h}: {r['errors'][0]['reason'] if r['errors'] else 'stats missing'}"
           for h, r in hosts.items() if r["errors"] or len(r["stats"] or {}) != CONTAINERS]
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text()
                .splitlines() if line.startswith("VmHWM:"))
    print(json.dumps({"seconds": seconds, "bad": bad, "rss_mb": peak / 1024,
                      "cpu_s": usage.ru_utime + usage.ru_stime,
                      "host_s": [r["duration_s"] for r in hosts.values()]}))


def drift_at_scale(repo: Path, env: str, sizes: tuple[int, ...] = (50, 500)) -> None:
    """drift and diff of fleets of 50 and 500 hosts: the hosts of one real capture of
    ``env``, copied (pure work on the machine running envsync; no engine involved)."""
    import copy

    from envsync.capture import take_snapshot
    from envsync.config import load_config
    from envsync.diff import compare
    from envsync.diff.drift import drift
    from envsync.secrets import Redactor

    config = load_config(repo / "envsync.yaml")
    snap = take_snapshot(config, config.environment(env), redactor=Redactor(b"bench"))
    real = list(snap["hosts"].values())
    print()
    for n in sizes:
        fleet = copy.deepcopy(snap)
        fleet["hosts"] = {f"h{i}": copy.deepcopy(real[i % len(real)]) for i in range(n)}
        size_mb = len(json.dumps(fleet)) / 1e6
        started = time.perf_counter()
        findings = len(drift(fleet).findings)
        drift_s = time.perf_counter() - started
        started = time.perf_counter()
        compare(fleet, copy.deepcopy(fleet), a_label="a", b_label="b")
        diff_s = time.perf_counter() - started
        print(f"{n} hosts x {CONTAINERS} containers: snapshot {size_mb:.2f} MB JSON, "
              f"drift {drift_s:.2f} s ({findings} findings), diff with itself {diff_s:.2f} s")


def measure(repo: Path, env: str, workers: int) -> dict[str, object]:
    out = sh(sys.executable, __file__, "--child", str(repo), env, str(workers),
             "--containers", str(CONTAINERS))
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    for problem in result["bad"]:  # type: ignore[attr-defined]
        print(f"  {env}, {workers} workers: not fully captured: {problem}", flush=True)
    return result


CONTAINERS = 3


def main() -> None:
    global CONTAINERS  # one setting for the parent and its children
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,3,10")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--containers", type=int, default=3, help="per host (default 3)")
    parser.add_argument("--workers", type=int, default=None,
                        help="the bound to compare (default: envsync's default)")
    parser.add_argument("--port", type=int, default=None, help="an sshd already running")
    parser.add_argument("--child", nargs=3, metavar=("REPO", "ENV", "WORKERS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    CONTAINERS = args.containers
    if args.child:
        child(Path(args.child[0]), args.child[1], int(args.child[2]))
        return
    from envsync.fleet.settings import DEFAULT_WORKERS

    workers = args.workers or DEFAULT_WORKERS
    sizes = [int(s) for s in args.sizes.split(",")]
    tag = secrets.token_hex(3)
    projects = [f"envsync-bench-fleet-{tag}-{i}" for i in range(max(sizes))]
    print(f"{os.cpu_count()} cpus; {CONTAINERS} containers per host, each host its own compose "
          f"project on this one engine over ssh:// to 127.0.0.1; median of {args.runs} runs, "
          "each a fresh process running take_snapshot (stats included); ssh: the engine's "
          "socket on a streamlocal channel, ssh-d: an sshd refusing that (dial-stdio per "
          f"API connection); load average {os.getloadavg()[0]:.1f} at the start\n")
    with sshd(args.port) as url, sshd(None, "AllowStreamLocalForwarding=no") as dial_url, \
            tempfile.TemporaryDirectory(prefix="envsync-bench-") as tmp:
        repo = Path(tmp)
        try:
            make_repo(repo, url, dial_url, projects, sizes)
            top = max(sizes)
            cases = [("n", n, workers) for n in sizes]
            if top > 1:
                cases += [("n", top, 1)]
                cases += [("d", sizes[0], workers), ("d", top, workers)]
                cases += [("u", sizes[0], workers), ("u", top, workers)]
            runs: dict[tuple[str, int, int], list[dict[str, object]]] = {c: [] for c in cases}
            for _ in range(args.runs):
                for via, n, bound in cases:  # interleaved: engine load weighs on each alike
                    runs[(via, n, bound)].append(measure(repo, f"{via}{n}", bound))
            print(f"{'via':>6} {'engines':>7} {'workers':>7} {'snapshot s':>11} "
                  f"{'vs N=' + str(sizes[0]):>8} {'host capture s (median)':>24} "
                  f"{'envsync CPU s':>14} {'peak RSS MB':>12}")
            for (via, n, bound), results in runs.items():
                base = statistics.median(float(r["seconds"]) for r in runs[(via, sizes[0], workers)])  # type: ignore[arg-type]
                seconds = statistics.median(float(r["seconds"]) for r in results)  # type: ignore[arg-type]
                host_s = statistics.median(h for r in results for h in r["host_s"])  # type: ignore[attr-defined]
                rss = statistics.median(float(r["rss_mb"]) for r in results)  # type: ignore[arg-type]
                cpu = statistics.median(float(r["cpu_s"]) for r in results)  # type: ignore[arg-type]
                name = {"n": "ssh", "d": "ssh-d", "u": "socket"}[via]
                print(f"{name:>6} {n:>7} {bound:>7} "
                      f"{seconds:>11.2f} {seconds / base:>7.2f}x "
                      f"{host_s:>24.2f} {cpu:>14.2f} {rss:>12.1f}")
            print(f"load average {os.getloadavg()[0]:.1f} at the end")
            drift_at_scale(repo, f"n{max(sizes)}")
        finally:
            from tests.helpers.docker import compose_binary

            for project in projects:
                subprocess.run([compose_binary(), "-p", project, "-f", "compose.yml", "down",
                                "-t", "0"], cwd=repo, capture_output=True, check=False)


if __name__ == "__main__":
    main()
