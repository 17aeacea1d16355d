"""What resolving one compose file costs: compose's model plus its config hash per service.

Usage: .venv/bin/python bench/compose_resolve.py [--runs 15] [--json]

Interleaved in the same run, each timed ``--runs`` times (median, min-max printed):

- ``config alone``: one ``config --format json`` run (the floor: one compose start-up);
- ``config, then hash (sequential)``: the model, then ``config --hash '*'`` reading it from
  stdin, one after the other (how resolve ran before the hash run was started early);
- ``resolve()``: envsync's resolve, whose hash run starts up while the config run works.

The compose file has one service with an env file and a relative bind mount. Not part of
the test run; needs only the compose binary (no engine).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._figures import Figure, figure, json_line  # noqa: E402
from envsync.capture.compose import compose_command, resolve  # noqa: E402 - after the path fix

FILE = """\
services:
  app:
    image: envsync-test/busybox:1
    env_file: [app.env]
    volumes: ["./data:/data"]
  worker:
    image: envsync-test/busybox:1
    command: [sleep, "3600"]
"""


def run(args: list[str], cwd: Path, stdin: str | None = None) -> str:
    proc = subprocess.run([*compose_command(), *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"compose {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per figure (default 15)")
    parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="envsync-bench-") as tmp:
        folder = Path(tmp)
        (folder / "compose.yml").write_text(FILE)
        (folder / "app.env").write_text("TTL=10\n")
        base = ["-f", "compose.yml", "--project-name", "bench"]

        def alone() -> None:
            run([*base, "config", "--format", "json"], folder)

        def sequential() -> None:
            text = run([*base, "config", "--format", "json"], folder)
            run(["-f", "-", "--project-name", "bench", "--project-directory", str(folder),
                 "config", "--hash", "*"], folder, stdin=text)

        def envsync() -> None:
            resolve(folder, ("compose.yml",), project="bench")

        candidates: dict[str, Callable[[], None]] = {
            "config alone": alone,
            "config, then hash (sequential)": sequential,
            "resolve()": envsync,
        }
        times: dict[str, list[float]] = {name: [] for name in candidates}
        for _ in range(args.runs):
            for name, fn in candidates.items():  # interleaved: load weighs on each alike
                started = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - started)
    floor = statistics.median(times["config alone"])
    print(f"compose: {' '.join(compose_command())}; median of {args.runs} runs (min-max)\n")
    print(f"{'what':<32} {'median ms':>10} {'min-max ms':>14} {'vs config alone':>16}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:<32} {med * 1000:>10.0f} "
              f"{f'{min(values) * 1000:.0f}-{max(values) * 1000:.0f}':>14} {med / floor:>15.2f}x")
    if args.json:
        figures: dict[str, Figure] = {}
        for name, values in times.items():
            figures[name] = figure(statistics.median(values) * 1000, "ms",
                                   reference=name != "resolve()")
        figures["resolve() vs config alone"] = figure(statistics.median(times["resolve()"]) / floor, "x")
        print(json_line("compose_resolve", figures))


if __name__ == "__main__":
    main()
