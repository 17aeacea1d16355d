"""How long `envsync backup` and each `envsync rollback --level N --execute` take, side by
side with the raw docker/git commands the rollback plan runs.

Usage: .venv/bin/python bench/rollback.py [--runs 3] [--json]

A compose project of three services on the bundled images (``envsync/services:dev`` for
market-data and telegram-bot, ``envsync/redis:7`` for redis; see scripts/build-images),
each with ``network_mode: none`` (the Python services only sleep: without a network they
have nothing to talk to). When those images are missing, the busybox test image is used.
The services image is re-tagged under a bench-only ref, so level 2 can deploy a bad image
under that ref without touching the real one.

Figures (median of ``--runs``, interleaved so engine load weighs on both sides alike):

- backup: ``envsync backup`` (snapshot + tag + ``docker save`` of each image) vs the raw
  ``docker save -o`` of the same images plus ``git tag``;
- level 1 after a bad config commit, level 2 after a bad image under the same tag, level 3
  after a bad commit that also adds a service: ``envsync rollback --execute --yes`` (a CLI
  process: capture, preconditions, a restore point of the state being left, the steps, the
  log) vs ``bash`` running the very script ``envsync rollback`` printed for that state.

Each run starts from the same broken state (re-broken after each rollback). Everything is
removed at the end, also on Ctrl-C. Not part of the test run; needs a running engine.
"""

from __future__ import annotations

import argparse
import json
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

from bench._figures import figure, json_line  # noqa: E402 - after the path fix

ENVSYNC = str(Path(sys.executable).parent / "envsync")
SLEEPER = ("import signal, sys, time; signal.signal(signal.SIGTERM, lambda *a: sys.exit(0)); "
           "time.sleep(1e9)")
COMPOSE = """\
services:
  market-data:
    image: {app}
    command: [python, -c, "{sleeper}", market-data]
    network_mode: none
    pull_policy: never
    environment: {{LOG_LEVEL: info, REDIS_URL: redis://localhost:6379/0}}
  telegram-bot:
    image: {app}
    command: [python, -c, "{sleeper}", telegram-bot]
    network_mode: none
    pull_policy: never
    environment: {{LOG_LEVEL: info, TELEGRAM_TOKEN: "${{TELEGRAM_TOKEN}}"}}
  redis:
    image: {redis}
    command: {redis_cmd}
    network_mode: none
    pull_policy: never
"""
EXTRA = """\
  extra:
    image: {redis}
    command: {redis_cmd}
    network_mode: none
    pull_policy: never
"""


def sh(*cmd: str, cwd: Path | None = None, check: bool = True) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if check and proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}"
                         f"{proc.stdout[-2000:]}")
    return proc.stdout


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def has_image(ref: str) -> bool:
    return subprocess.run(["docker", "image", "inspect", ref], capture_output=True,
                          check=False).returncode == 0


class Bench:
    def __init__(self, repo: Path, token: str) -> None:
        self.repo = repo
        self.project = f"envsync-bench-rb-{token}"
        self.compose = shutil.which("docker-compose") or str(
            Path(sys.executable).parent / "docker-compose")
        bundled = has_image("envsync/services:dev") and has_image("envsync/redis:7")
        base_app = "envsync/services:dev" if bundled else "envsync-test/pybox:1"
        base_redis = "envsync/redis:7" if bundled else "envsync-test/busybox:1"
        self.bundled = bundled
        self.app = f"envsync-bench/app-{token}:1"
        self.redis = f"envsync-bench/redis-{token}:1"
        sh("docker", "tag", base_app, self.app)
        sh("docker", "tag", base_redis, self.redis)
        self.redis_cmd = ('[redis-server, --save, "", --appendonly, "no"]' if bundled
                          else "[sleep, '2147483647']")
        self.sleeper = SLEEPER if bundled else ""
        self.good_id = sh("docker", "image", "inspect", "-f", "{{.Id}}", self.app).strip()
        self.bad_id = ""

    def files(self, extra: bool = False) -> str:
        text = COMPOSE.format(app=self.app, redis=self.redis, sleeper=self.sleeper,
                              redis_cmd=self.redis_cmd)
        if not self.bundled:  # pybox's python sleeps whatever it is given
            text = text.replace('[python, -c, "", ', "[python, ")
        return text + (EXTRA.format(redis=self.redis, redis_cmd=self.redis_cmd) if extra else "")

    def git(self, *args: str) -> str:
        return sh("git", "-C", str(self.repo), "-c", "user.name=bench",
                  "-c", "user.email=b@b.invalid", *args).strip()

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")

    def up(self, *args: str) -> None:
        sh(self.compose, "-p", self.project, "-f", "compose.yml", "--env-file", ".env",
           "up", "-d", *args, cwd=self.repo)

    def setup(self) -> None:
        (self.repo / "compose.yml").write_text(self.files())
        (self.repo / ".env").write_text("TELEGRAM_TOKEN=5550001111:AAE-bench-secret\n")
        (self.repo / ".gitignore").write_text(".env\nsnapshots/\n")
        (self.repo / "envsync.yaml").write_text(
            "project: bench\nenvironments:\n  bench:\n    git: .\n"
            f"    compose: {{files: [compose.yml], project: {self.project}, env_file: .env}}\n")
        self.git("init", "-q", "-b", "main")
        self.good = self.commit("good")
        self.up()

    def envsync(self, *args: str) -> dict[str, object]:
        out = sh(ENVSYNC, *args, "--format", "json", cwd=self.repo)
        result: dict[str, object] = json.loads(out)
        return result

    def cleanup(self) -> None:
        subprocess.run([self.compose, "-p", self.project, "-f", "compose.yml", "down", "-t",
                        "0", "--remove-orphans"], cwd=self.repo, capture_output=True, check=False)
        for ref in (self.app, self.redis):
            subprocess.run(["docker", "rmi", "-f", ref], capture_output=True, check=False)
        if self.bad_id:
            subprocess.run(["docker", "rmi", "-f", self.bad_id], capture_output=True, check=False)

    def build_bad(self) -> str:
        ctx = self.repo.parent / "bad-image"
        ctx.mkdir(exist_ok=True)
        (ctx / "Dockerfile").write_text(f"FROM {self.good_id}\nCOPY bad /bad\n")
        (ctx / "bad").write_text("a bad release\n")
        sh("docker", "build", "-q", "-t", self.app, str(ctx))
        self.bad_id = sh("docker", "image", "inspect", "-f", "{{.Id}}", self.app).strip()
        return self.bad_id


def bench_backup(b: Bench, runs: int) -> dict[str, list[float]]:
    backups = b.repo / "snapshots" / "bench" / "backups"
    ids = sorted(set(sh("docker", "ps", "-q", "--no-trunc", "--filter",
                        f"label=com.docker.compose.project={b.project}").split()))
    images = sorted({sh("docker", "inspect", "-f", "{{.Image}}", cid).strip() for cid in ids})
    raw_dir = b.repo.parent / "raw-save"
    times: dict[str, list[float]] = {"envsync backup": [], "raw: docker save + git tag": [],
                                     "envsync backup (images already saved)": []}
    for n in range(runs):
        shutil.rmtree(backups, ignore_errors=True)  # every run saves from scratch
        times["envsync backup"].append(timed(lambda: b.envsync("backup", "bench")))
        times["envsync backup (images already saved)"].append(
            timed(lambda: b.envsync("backup", "bench")))
        raw_dir.mkdir(exist_ok=True)

        def raw(n: int = n) -> None:
            for i, image in enumerate(images):
                sh("docker", "save", "-o", str(raw_dir / f"{i}.tar"), image)
            b.git("tag", f"raw-{n}", "HEAD")

        times["raw: docker save + git tag"].append(timed(raw))
        shutil.rmtree(raw_dir)
    inodes = {p.stat().st_ino: p.stat().st_size for p in backups.rglob("*.tar")}
    print(f"images saved per backup: {len(images)}, {sum(inodes.values()) / 1e6:.0f} MB "
          "(the second backup hard-links the same archives)")
    return times


def bench_level(b: Bench, level: int, point: str, runs: int, break_it: Callable[[], None]
                ) -> dict[str, list[float]]:
    break_it()
    script = b.repo.parent / f"level{level}.sh"
    script.write_text(sh(ENVSYNC, "rollback", "bench", "--level", str(level), "--to", point,
                         cwd=b.repo))
    times: dict[str, list[float]] = {f"level {level}: envsync rollback --execute": [],
                                     f"level {level}: the same steps inside envsync": [],
                                     f"level {level}: raw commands (bash script)": []}
    for _ in range(runs):
        outcome: dict[str, object] = {}

        def run_envsync(outcome: dict[str, object] = outcome) -> None:
            outcome.update(b.envsync("rollback", "bench", "--level", str(level), "--to", point,
                                     "--execute", "--yes"))

        times[f"level {level}: envsync rollback --execute"].append(timed(run_envsync))
        if outcome.get("result") != "ok":
            raise SystemExit(f"level {level} failed: {outcome.get('failure')}")
        steps = outcome["steps"]
        assert isinstance(steps, list)
        times[f"level {level}: the same steps inside envsync"].append(
            sum(float(s["seconds"]) for s in steps))
        break_it()
        times[f"level {level}: raw commands (bash script)"].append(
            timed(lambda: sh("bash", str(script))))
        break_it()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")
    args = parser.parse_args()
    token = secrets.token_hex(3)
    engine = sh("docker", "version", "--format", "{{.Server.Version}}").strip()
    with tempfile.TemporaryDirectory(prefix="envsync-bench-rb-") as tmp:
        repo = Path(tmp) / "app"
        repo.mkdir()
        b = Bench(repo, token)
        print(f"engine {engine}, {os.cpu_count()} cpus, images: "
              f"{'bundled services + redis' if b.bundled else 'busybox test images'}, "
              f"median of {args.runs} runs (min-max)\n")
        try:
            b.setup()
            results = bench_backup(b, args.runs)
            point = str(b.envsync("backup", "bench")["tag"])

            # level 1: a bad config commit, deployed
            (repo / "compose.yml").write_text(b.files().replace("LOG_LEVEL: info, REDIS",
                                                                "LOG_LEVEL: debug, REDIS"))
            b.commit("bad config")

            def break1() -> None:
                b.git("checkout", "HEAD", "--", "compose.yml")
                b.up()

            results |= bench_level(b, 1, point, args.runs, break1)
            b.git("reset", "--hard", b.good)
            b.up()

            # level 2: a bad image under the same tag, deployed
            bad = b.build_bad()

            def break2() -> None:
                sh("docker", "tag", bad, b.app)
                b.up("--force-recreate", "market-data", "telegram-bot")

            results |= bench_level(b, 2, point, args.runs, break2)
            sh("docker", "tag", b.good_id, b.app)
            b.up("--force-recreate")

            # level 3: a bad commit that also adds a service, deployed
            (repo / "compose.yml").write_text(b.files(extra=True).replace(
                "telegram-bot]", "telegram-bot, --v2]"))
            bad3 = b.commit("bad release")

            def break3() -> None:
                b.git("reset", "--hard", bad3)
                b.up("--remove-orphans")

            results |= bench_level(b, 3, point, args.runs, break3)
        finally:
            b.cleanup()
    print(f"\n{'what':<52} {'median s':>9} {'min-max s':>13} {'vs raw':>8}")
    raw_of = {"envsync backup": "raw: docker save + git tag",
              "envsync backup (images already saved)": "raw: docker save + git tag"}
    for level in (1, 2, 3):
        for kind in ("envsync rollback --execute", "the same steps inside envsync"):
            raw_of[f"level {level}: {kind}"] = f"level {level}: raw commands (bash script)"
    for name, values in results.items():
        med = statistics.median(values)
        base = raw_of.get(name)
        ratio = f"{med / statistics.median(results[base]):.2f}x" if base else ""
        print(f"{name:<52} {med:>9.2f} {f'{min(values):.2f}-{max(values):.2f}':>13} "
              f"{ratio:>8}")
    if args.json:
        print(json_line("rollback", {name: figure(statistics.median(values), "s",
                                                  reference="raw" in name)
                                     for name, values in results.items()}))


if __name__ == "__main__":
    main()
