"""How the diff grows with the number of services (200 services x 50 keys, 20% changed is
the reference case; goal: under 0.5 s end to end, growth no worse than linear).

Run: .venv/bin/python bench/diff_scale.py [--json]
Prints, for 20 / 200 / 2,000 services: compare() time in-process (median of runs), and
findings; then `envsync diff a.json b.json --format json` end to end for 200 services,
side by side with `python -c "import typer"` as the process-start baseline.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._figures import Figure, figure, json_line
from bench._synthetic import make_pair
from envsync.diff import compare


def _median(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")
    args = parser.parse_args()
    figures: dict[str, Figure] = {}
    print("in-process compare(): services x 50 keys, 20% of values changed")
    previous = None
    for n in (20, 200, 2000):
        a, b = make_pair(n)
        runs = 7 if n <= 200 else 3
        result = compare(a, b, a_label="a", b_label="b")
        t = _median(lambda a=a, b=b: compare(a, b, a_label="a", b_label="b"), runs)
        growth = f"  x{t / previous:.1f} for x10 services" if previous else ""
        print(f"  {n:>5} services: {t * 1000:8.1f} ms  {len(result.findings):>6} findings{growth}")
        previous = t
        figures[f"compare() {n} services"] = figure(t * 1000, "ms")

    envsync = Path(sys.executable).parent / "envsync"
    # Bytecode as an installed package has it (as bench/cli_startup.py does): without .pyc
    # files every run would compile envsync's modules again (PYTHONDONTWRITEBYTECODE may be
    # set), about 0.1 s of which is the generated snapshot validator alone.
    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(__file__).resolve().parent.parent / "envsync")], check=False)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = make_pair(200)
        pa, pb = Path(tmp) / "a.json", Path(tmp) / "b.json"
        pa.write_text(json.dumps(a))
        pb.write_text(json.dumps(b))
        cmd_diff = [str(envsync), "diff", str(pa), str(pb), "--format", "json"]
        cmd_base = [sys.executable, "-c", "import typer"]
        run = lambda cmd: subprocess.run(cmd, capture_output=True, check=False)  # noqa: E731
        run(cmd_diff)
        base, diff = [], []
        for _ in range(7):  # interleaved, so both see the same machine load
            base.append(_median(lambda: run(cmd_base), 1))
            diff.append(_median(lambda: run(cmd_diff), 1))
        print("end to end, 200 services (median of 7, interleaved):")
        print(f"  python -c 'import typer'        {statistics.median(base) * 1000:8.1f} ms")
        print(f"  envsync diff a.json b.json      {statistics.median(diff) * 1000:8.1f} ms"
              f"  (goal < 500 ms)")
    figures["python -c 'import typer'"] = figure(statistics.median(base) * 1000, "ms",
                                                 reference=True)
    figures["envsync diff 200 services -f json"] = figure(statistics.median(diff) * 1000, "ms")
    if args.json:
        print(json_line("diff_scale", figures))


if __name__ == "__main__":
    main()
