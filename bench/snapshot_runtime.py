"""How long runtime capture takes, next to what people run by hand, for 5 and 50 containers.

Usage: .venv/bin/python bench/snapshot_runtime.py [--sizes 5,50] [--runs 5] [--engine URL] [--json]

For each size, one compose project of that many busybox containers (``sleep``, no network
at all: ``network_mode: none``) is brought up on the local engine, then, interleaved in the
same run, each of these is timed ``--runs`` times and its median printed:

- ``capture_runtime``: envsync's runtime capture (inspect + image defaults + stats, parallel);
- ``take_snapshot``: a whole envsync snapshot (git + compose config + env + runtime) of a git
  repository holding that compose project;
- ``docker stats --no-stream``: the stats of the project's containers alone;
- ``by hand``: a shell script doing what a person does today: ``docker ps``, then
  ``docker inspect`` and ``docker exec ... env`` per container, ``docker stats --no-stream``,
  ``git rev-parse HEAD``.

``--engine ssh://root@127.0.0.1:PORT`` reads the same (local) engine through that URL
instead, for envsync and the docker CLI alike (the containers are still made locally).
The docker CLI opens one ssh connection per container: against an sshd with the default
``MaxStartups 10:30:100`` its ``docker stats`` for 50 containers fails with "kex_exchange_
identification: Connection closed"; run that sshd with ``-o MaxStartups=100`` to compare.
The containers (and the temp repository) are removed at the end, also on Ctrl-C.
Not part of the test run; needs a running engine and the envsync-test/busybox:1 image
(``scripts/setup-env``).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._figures import Figure, figure, json_line  # noqa: E402 - after the path fix
from envsync.capture.runtime import capture_runtime  # noqa: E402
from envsync.config import Environment, GitSource, load_config  # noqa: E402
from envsync.secrets import Redactor  # noqa: E402

IMAGE = "envsync-test/busybox:1"
BY_HAND = r"""
set -eu
ids=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT")
for id in $ids; do
    docker inspect "$id" >/dev/null
    docker exec "$id" env >/dev/null
done
docker stats --no-stream $ids >/dev/null
git -C "$REPO" rev-parse HEAD >/dev/null
"""


def compose_bin() -> str:
    found = shutil.which("docker-compose") or str(Path(sys.executable).parent / "docker-compose")
    if not Path(found).is_file():
        sys.exit("docker-compose not found: run scripts/setup-env")
    return found


def sh(*cmd: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})},
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def make_repo(folder: Path, project: str, engine: str | None) -> None:
    """A git repository holding one compose file and an envsync.yaml naming the project."""
    (folder / "compose.yml").write_text(
        f"services:\n  s:\n    image: {IMAGE}\n    command: [sleep, '3600']\n"
        "    network_mode: none\n    environment:\n      LOG_LEVEL: info\n"
    )
    (folder / "envsync.yaml").write_text(
        f"project: bench\nsnapshots: snapshots\nenvironments:\n  bench:\n    git: .\n"
        f"    compose: {{files: [compose.yml], project: {project}}}\n"
        + (f"    docker: {engine}\n" if engine else "")
    )
    git = ("git", "-C", str(folder), "-c", "user.name=bench", "-c", "user.email=b@b.invalid")
    sh(*git, "init", "-q")
    sh(*git, "add", ".")
    sh(*git, "commit", "-q", "-m", "bench")


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench_size(n: int, runs: int, repo: Path, project: str,
               engine: str | None) -> dict[str, list[float]]:
    compose = compose_bin()
    sh(compose, "-p", project, "-f", "compose.yml", "up", "-d", "--scale", f"s={n}", cwd=repo)
    ids = sh("docker", "ps", "-q", "--filter",
             f"label=com.docker.compose.project={project}").split()
    if len(ids) != n:
        raise SystemExit(f"expected {n} running containers, found {len(ids)}")
    env = Environment(name="bench", git=GitSource(path=repo), docker=engine)
    cli_env = {"DOCKER_HOST": engine} if engine else None
    config = load_config(repo / "envsync.yaml")

    def runtime() -> None:
        result = capture_runtime(env, project=project, redactor=Redactor(b"bench"))
        if result.errors or len(result.stats) != n:
            raise SystemExit(f"capture_runtime: {result.errors}, {len(result.stats)} stats")

    def snapshot() -> None:
        from envsync.capture import take_snapshot

        snap = take_snapshot(config, config.environment("bench"), redactor=Redactor(b"bench"))
        if len(snap.get("stats") or {}) != n:
            raise SystemExit(f"take_snapshot: {snap['meta']['errors']}")

    def docker_stats() -> None:
        sh("docker", "stats", "--no-stream", *ids, env=cli_env)

    def by_hand() -> None:
        sh("bash", "-c", BY_HAND, env={"PROJECT": project, "REPO": str(repo), **(cli_env or {})})

    candidates: dict[str, Callable[[], None]] = {
        "capture_runtime": runtime,
        "take_snapshot": snapshot,
        "docker stats --no-stream": docker_stats,
        "by hand (ps/inspect/exec env/stats/git)": by_hand,
    }
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(runs):
        # interleaved, so that engine load and caches weigh on each the same way
        for name, fn in candidates.items():
            times[name].append(timed(fn))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5,50", help="container counts (default 5,50)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--engine", default=None,
                        help="read the engine through this URL (e.g. ssh://root@127.0.0.1:PORT)")
    parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    project = f"envsync-bench-{secrets.token_hex(3)}"
    engine = sh("docker", "version", "--format", "{{.Server.Version}}").strip()
    print(f"engine {engine} via {args.engine or 'the local socket'}, {os.cpu_count()} cpus, "
          f"project {project}, "
          f"median of {args.runs} runs (min-max)\n")
    with tempfile.TemporaryDirectory(prefix="envsync-bench-") as tmp:
        repo = Path(tmp)
        make_repo(repo, project, args.engine)
        try:
            rows = []
            for n in sizes:
                times = bench_size(n, args.runs, repo, project, args.engine)
                medians = {k: statistics.median(v) for k, v in times.items()}
                base = medians["docker stats --no-stream"]
                for name, values in times.items():
                    rows.append((n, name, medians[name], min(values), max(values),
                                 medians[name] / base))
            print(f"{'containers':>10}  {'what':<40} {'median s':>9} {'min-max s':>13} "
                  f"{'vs docker stats':>16}")
            for n, name, med, lo, hi, ratio in rows:
                print(f"{n:>10}  {name:<40} {med:>9.2f} {f'{lo:.2f}-{hi:.2f}':>13} "
                      f"{ratio:>15.2f}x")
            if args.json:
                figures: dict[str, Figure] = {
                    f"{n} containers: {name}": figure(med, "s", reference=name not in (
                        "capture_runtime", "take_snapshot"))
                    for n, name, med, *_ in rows}
                print(json_line("snapshot_runtime", figures))
        finally:
            subprocess.run([compose_bin(), "-p", project, "-f", "compose.yml", "down",
                            "-t", "0", "--remove-orphans"], cwd=repo, capture_output=True,
                           check=False)


if __name__ == "__main__":
    main()
