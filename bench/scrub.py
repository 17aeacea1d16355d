"""What scrubbing secrets out of a whole snapshot costs, beside what detect-secrets would.

Run: .venv/bin/python bench/scrub.py [--json]
Prints, for a synthetic snapshot of 200 services x 50 keys (the diff benchmark's reference
case) plus commands and labels: the number of strings, ``Redactor.scrub`` time (median of
runs) with 20 learned secrets, and the per-string cost of envsync's scrubber beside
detect-secrets' ad-hoc ``scan_line`` on the same strings when it is installed (it is not a
dependency: see envsync/freetext.py for why).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._figures import Figure, figure, json_line
from bench._synthetic import make_pair
from envsync.secrets import Redactor


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in [k, *_strings(v)]]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def _median(fn: Any, runs: int) -> float:
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
    snapshot, _ = make_pair(200)
    for n, svc in enumerate((snapshot["compose"]["declared"]["services"] or {}).values()):
        svc["command"] = ["app", "--dsn", f"postgres://adm:pw-{n}-Zq9Wx8@db/x", "--workers", "2"]
        svc["labels"] = {"auth.header": f"Bearer tok{n}Kq7Wm2Xr9Lp4", "team": "core"}
    strings = _strings(snapshot)
    print(f"snapshot: {len(strings)} strings, {sum(map(len, strings))} characters")

    def scrub() -> None:
        r = Redactor(b"bench")
        for i in range(20):
            r.value("API_TOKEN", f"learned-Secret-{i:02d}-Qx7Lm2")
        r.scrub(snapshot)

    t = _median(scrub, 5)
    base = _median(lambda: json.loads(json.dumps(snapshot)), 5)
    print(f"Redactor.scrub, whole snapshot: {t * 1000:.0f} ms "
          f"({t / len(strings) * 1e6:.1f} µs per string); baseline, a JSON round trip of "
          f"the same snapshot in this run: {base * 1000:.0f} ms")
    figures["Redactor.scrub, whole snapshot"] = figure(t * 1000, "ms")
    figures["JSON round trip (baseline)"] = figure(base * 1000, "ms", reference=True)
    sample = strings[:2000]
    r = Redactor(b"bench")
    if hasattr(r, "_text"):  # bench/against.py also runs this against older trees without it
        def no_memo(s: str) -> str:
            r._text._memo.clear()
            getattr(r._text, "_kept", {}).clear()  # answers kept across learned secrets
            return r.text(s)

        t = _median(lambda: [no_memo(s) for s in sample], 3)
        print(f"envsync scrubber, no memo: {t / len(sample) * 1e6:.1f} µs per string")
        figures["scrubber per string, no memo"] = figure(t / len(sample) * 1e6, "µs")
    _detect_secrets(sample)
    if args.json:
        print(json_line("scrub", figures))


def _detect_secrets(sample: list[str]) -> None:
    try:
        from detect_secrets.core.scan import scan_line
        from detect_secrets.settings import default_settings
    except ImportError:
        print("detect-secrets not installed: pip install detect-secrets==1.5.0 to compare")
        return
    with default_settings():
        small = sample[:300]
        t = _median(lambda: [list(scan_line(s)) for s in small], 1)
    print(f"detect-secrets scan_line: {t / len(small) * 1e6:.1f} µs per string")


if __name__ == "__main__":
    main()
