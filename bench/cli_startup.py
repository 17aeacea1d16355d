"""Start-up cost of the CLI, side by side with `python -c "import typer"` in the same run.

Run: .venv/bin/python bench/cli_startup.py
Goal: `envsync --help` under 1.3x the baseline, and `--help` imports none of docker, git,
deepdiff, httpx (shown from `python -X importtime`).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._synthetic import make_pair

RUNS = 15
HEAVY = ("docker", "git", "deepdiff", "httpx", "paramiko", "ruamel", "rich")


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    return time.perf_counter() - t0


def main() -> None:
    envsync = str(Path(sys.executable).parent / "envsync")
    with tempfile.TemporaryDirectory() as tmp:
        a, b = make_pair(5, keys=10)
        pa, pb = Path(tmp) / "a.json", Path(tmp) / "b.json"
        pa.write_text(json.dumps(a))
        pb.write_text(json.dumps(b))
        commands = {
            "python -c 'import typer'": [sys.executable, "-c", "import typer"],
            "envsync --help": [envsync, "--help"],
            "envsync diff a.json b.json": [envsync, "diff", str(pa), str(pb)],
        }
        for cmd in commands.values():
            _time(cmd)  # warm the page cache
        samples: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(RUNS):  # interleaved, so all see the same load
            for name, cmd in commands.items():
                samples[name].append(_time(cmd))
    base = statistics.median(samples["python -c 'import typer'"])
    print(f"median of {RUNS} runs, interleaved:")
    for name, values in samples.items():
        med = statistics.median(values)
        print(f"  {name:<30} {med * 1000:7.1f} ms   x{med / base:.2f} of baseline")
    trace = subprocess.run([sys.executable, "-X", "importtime", envsync, "--help"],
                           capture_output=True, text=True, check=False).stderr
    modules = {line.split("|")[-1].strip().split(".")[0] for line in trace.splitlines()
               if line.startswith("import time:")}
    print("python -X importtime envsync --help: top-level packages imported:")
    for name in HEAVY:
        print(f"  {name:<10} {'IMPORTED' if name in modules else 'not imported'}")


if __name__ == "__main__":
    main()
