"""How long envsync takes to read a Swarm stack, next to reading it by hand, as it grows.

Usage: .venv/bin/python bench/swarm_snapshot.py [--sizes 10,50,100] [--replicas 2] [--runs 3]

One stack of busybox services (``sleep``, 2 replicas each by default) is deployed on a
single-node Swarm, grown to each size in turn (``docker stack deploy`` of a bigger file),
and once every task runs, each of these is timed ``--runs`` times in a row, and its median
printed:

- ``capture``: envsync's Swarm capture (services, tasks, nodes, secrets, configs: five list
  calls, secrets fingerprinted), what ``snapshot`` adds to git and compose;
- ``snapshot``: a whole ``envsync snapshot`` of a repository holding the stack's file
  (git + compose config of the file + the Swarm capture);
- ``by hand``: ``docker service ls`` of the stack, then ``docker service inspect`` of each
  service (one docker CLI start per service, as a shell loop does);
- ``by hand + ps``: the same plus ``docker service ps`` of each service (its tasks, which
  ``snapshot`` also records).

Growth is printed per added service. The Swarm is made under the tests' lock
(/tmp/envsync-swarm.lock) only when the engine is in none, and left (with the stack
removed) at the end, also on Ctrl-C. Not part of the test run; needs a running engine and
the envsync-test/busybox:1 image (``scripts/setup-env``).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from envsync.capture.swarm import swarm_section  # noqa: E402 - after the path fix
from envsync.secrets import Redactor  # noqa: E402

IMAGE = "envsync-test/busybox:1"
LOCK = Path("/tmp/envsync-swarm.lock")
BY_HAND = r"""
set -eu
for s in $(docker service ls -q --filter "label=com.docker.stack.namespace=$STACK"); do
    docker service inspect "$s" >/dev/null
done
"""
BY_HAND_PS = r"""
set -eu
for s in $(docker service ls -q --filter "label=com.docker.stack.namespace=$STACK"); do
    docker service inspect "$s" >/dev/null
    docker service ps --no-trunc "$s" >/dev/null
done
"""


def _docker(*args: str) -> str:
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True).stdout


def _stack_file(size: int, replicas: int) -> str:
    out = ["services:"]
    for i in range(size):
        out += [f"  s{i:03d}:", f"    image: {IMAGE}", '    command: ["sleep", "86400"]',
                "    stop_grace_period: 1s", "    environment:", f"      N: '{i}'",
                "      API_TOKEN: bench-secret-value-0123456789",
                f"    deploy: {{replicas: {replicas}}}"]
    # A /24 (Swarm's default) holds about 250 addresses: a VIP per service and one per
    # task outgrow it at 100 services x 2 (tasks then wait in state "new" for an address).
    out += ["networks:", "  default:", "    ipam:", "      config:",
            "        - subnet: 10.248.0.0/21"]
    return "\n".join(out) + "\n"


@contextlib.contextmanager
def _swarm() -> Iterator[None]:
    with LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = _docker("info", "--format", "{{.Swarm.LocalNodeState}}").strip()
        had_bridge = "docker_gwbridge" in _docker("network", "ls", "--format", "{{.Name}}")
        made = state == "inactive"
        if made:
            _docker("swarm", "init", "--advertise-addr", "127.0.0.1")
        try:
            yield
        finally:
            if made:
                subprocess.run(["docker", "swarm", "leave", "--force"], capture_output=True,
                               check=False)
                if not had_bridge:
                    subprocess.run(["docker", "network", "rm", "docker_gwbridge"],
                                   capture_output=True, check=False)


def _wait_running(client: object, stack: str, want: int, timeout: float = 900) -> float:
    started = time.perf_counter()
    api = client.api  # type: ignore[attr-defined]
    while time.perf_counter() - started < timeout:
        ids = [s["ID"] for s in api.services(filters={"label": f"com.docker.stack.namespace={stack}"})]
        tasks = api.tasks(filters={"service": ids, "desired-state": "running"}) if ids else []
        if sum(1 for t in tasks if t["Status"]["State"] == "running") >= want:
            return time.perf_counter() - started
        time.sleep(2)
    raise SystemExit(f"stack {stack}: {want} tasks not running after {timeout:.0f} s")


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt  # the stack is removed and the Swarm left on SIGTERM too


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)  # also when started in the background (SIG_IGN)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,100")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    import docker  # type: ignore[import-untyped]

    from tests.helpers.cli import run_cli

    stack = f"envsync-bench-{secrets.token_hex(3)}"
    client = docker.from_env(timeout=120)
    repo = Path(tempfile.mkdtemp(prefix="envsync-bench-swarm-"))
    rows = []
    with _swarm():
        try:
            subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
            (repo / "envsync.yaml").write_text(
                f"environments:\n  bench:\n    git: .\n    compose: {{files: [stack.yml]}}\n"
                f"    swarm: {{stack: {stack}}}\nsnapshots: {tempfile.mkdtemp()}\n")
            for size in sizes:
                (repo / "stack.yml").write_text(_stack_file(size, args.replicas))
                subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
                subprocess.run(["git", "-C", str(repo), "-c", "user.name=b", "-c",
                                "user.email=b@b", "commit", "-qm", str(size)], check=True)
                _docker("stack", "deploy", "--resolve-image", "never", "-c",
                        str(repo / "stack.yml"), stack)
                waited = _wait_running(client, stack, size * args.replicas)
                env = {"STACK": stack, "PATH": "/usr/local/bin:/usr/bin:/bin"}

                def capture() -> None:
                    swarm_section(client, stack, "unix:///var/run/docker.sock", Redactor())

                def snapshot() -> None:
                    result = run_cli("snapshot", "bench", "--format", "json", cwd=repo)
                    assert result.exit_code == 0, result.output

                def by_hand(env: dict[str, str] = env) -> None:
                    subprocess.run(["bash", "-c", BY_HAND], env=env, check=True)

                def by_hand_ps(env: dict[str, str] = env) -> None:
                    subprocess.run(["bash", "-c", BY_HAND_PS], env=env, check=True)

                figures = {name: _median(fn, args.runs) for name, fn in (
                    ("capture", capture), ("snapshot", snapshot), ("by hand", by_hand),
                    ("by hand + ps", by_hand_ps))}
                rows.append((size, waited, figures))
                print(f"{size:4d} services x {args.replicas} replicas (running after "
                      f"{waited:.0f} s): " + ", ".join(f"{k} {v:.3f} s"
                                                      for k, v in figures.items()), flush=True)
        finally:
            subprocess.run(["docker", "stack", "rm", stack], capture_output=True, check=False)
            deadline = time.time() + 180
            while time.time() < deadline and client.api.containers(
                    all=True, filters={"label": f"com.docker.stack.namespace={stack}"}):
                time.sleep(2)
            shutil.rmtree(repo, ignore_errors=True)
    print("\nmedian of", args.runs, "runs; seconds")
    print(f"{'services':>8} {'capture':>9} {'snapshot':>9} {'by hand':>9} {'hand+ps':>9}")
    for size, _, f in rows:
        print(f"{size:8d} {f['capture']:9.3f} {f['snapshot']:9.3f} {f['by hand']:9.3f} "
              f"{f['by hand + ps']:9.3f}")
    if len(rows) > 1:
        (s0, _, f0), (s1, _, f1) = rows[0], rows[-1]
        print(f"\nper added service ({s0} → {s1}): " + ", ".join(
            f"{k} {(f1[k] - f0[k]) / (s1 - s0) * 1000:.1f} ms" for k in f0))


if __name__ == "__main__":
    main()
