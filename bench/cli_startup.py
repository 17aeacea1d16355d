"""Start-up cost of the CLI, side by side with `python -c "import typer"` in the same run.

Run: .venv/bin/python bench/cli_startup.py [--runs N] [--json]
Goals (issue 9 §9): `envsync --help` at or under 1.0x the baseline; `envsync diff a.json b.json`
(two small stored snapshots, in a folder without envsync.yaml) at most 2x. Each command runs
N times, interleaved so all see the same load; the figures are medians of wall time and of
the child's CPU time (user + system: steadier than wall time on a busy machine). Then
`python -X importtime` shows which heavy packages each command imports and the total import
time it reports, the baseline's first.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._figures import Figure, figure, json_line
from bench._synthetic import make_pair

HEAVY = ("pydantic", "deepdiff", "cachebox", "asyncio", "rich", "ruamel", "docker", "git",
         "httpx", "paramiko", "xml")
BASELINE = "python -c 'import typer'"


def _run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, cwd=cwd)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _imports(cmd: list[str], cwd: Path) -> tuple[int, set[str]]:
    """`python -X importtime`: the summed top-level import time (µs) and the top-level
    packages imported."""
    trace = subprocess.run([sys.executable, "-X", "importtime", *cmd], capture_output=True,
                           text=True, check=False, cwd=cwd).stderr
    total, packages = 0, set()
    for line in trace.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line[len("import time:"):].split("|")
        if int(cumulative) > 1000:  # an import refused at once (a hidden package) takes µs
            packages.add(name.strip().split(".")[0])
        if not name.startswith("  "):  # a top-level import: its figure covers its children
            total += int(cumulative)
    return total, packages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")
    args = parser.parse_args()
    runs = args.runs
    envsync = str(Path(sys.executable).parent / "envsync")
    # Bytecode as an installed package has it: without .pyc files every run would compile
    # envsync's modules again (PYTHONDONTWRITEBYTECODE may be set).
    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(__file__).resolve().parent.parent / "envsync")], check=False)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = make_pair(5, keys=10)
        (folder / "a.json").write_text(json.dumps(a))
        (folder / "b.json").write_text(json.dumps(b))
        commands = {
            BASELINE: [sys.executable, "-c", "import typer"],
            "envsync --help": [envsync, "--help"],
            "envsync diff a.json b.json": [envsync, "diff", "a.json", "b.json"],
            "envsync diff a.json b.json -f json": [envsync, "diff", "a.json", "b.json", "-f", "json"],
        }
        for name, cmd in commands.items():  # warms the page cache; a failing command stops here
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=folder)
            if proc.returncode not in (0, 1):  # 1: the diff has findings
                sys.exit(f"{name} failed ({proc.returncode}): {proc.stderr.strip()}")
        wall: dict[str, list[float]] = {k: [] for k in commands}
        cpu: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                w, c = _run(cmd, folder)
                wall[name].append(w)
                cpu[name].append(c)
        # The least of three traces: one run on a busy machine says little.
        traces = {name: min((_imports(cmd[1:] if name == BASELINE else cmd, folder)
                             for _ in range(3)), key=lambda t: t[0])
                  for name, cmd in commands.items()}
    base_w, base_c = statistics.median(wall[BASELINE]), statistics.median(cpu[BASELINE])
    print(f"median of {runs} runs, interleaved ({os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}):")
    print(f"  {'command':<36} {'wall':>9} {'':>6}  {'cpu':>9} {'':>6}  {'imports':>9}")
    for name in commands:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        total = traces[name][0]
        print(f"  {name:<36} {w * 1000:6.1f} ms x{w / base_w:.2f}  {c * 1000:6.1f} ms "
              f"x{c / base_c:.2f}  {total / 1000:6.1f} ms x{total / traces[BASELINE][0]:.2f}")
    print("python -X importtime: heavy top-level packages each command imports")
    for name in commands:
        found = [p for p in HEAVY if p in traces[name][1]]
        print(f"  {name:<36} {', '.join(found) or '-'}")
    if args.json:
        figures: dict[str, Figure] = {}
        for name in commands:
            w, c = statistics.median(wall[name]), statistics.median(cpu[name])
            ref = name == BASELINE
            figures[f"{name}: wall"] = figure(w * 1000, "ms", reference=ref)
            figures[f"{name}: cpu"] = figure(c * 1000, "ms", reference=ref)
            figures[f"{name}: imports"] = figure(traces[name][0] / 1000, "ms", reference=ref)
            if name != BASELINE:
                figures[f"{name}: cpu vs baseline"] = figure(c / base_c, "x")
        print(json_line("cli_startup", figures))


if __name__ == "__main__":
    main()
