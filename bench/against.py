"""Run the benchmarks against an older revision, side by side with this checkout, in one run.

Usage: .venv/bin/python bench/against.py REV [--benches a,b,...] [--runs N] [--tolerance 0.05]

REV (any git revision: a commit, ``main~5``, ``1f41b7a^``) is checked out detached into a
temporary git worktree, removed at the end. Its own venv (its own pinned dependencies) is
made once and kept under ~/.cache/envsync-bench/<commit>/, installed editable from that
worktree's fixed path, as this checkout's .venv is.

Both sides run this checkout's bench scripts, so the measurement is the same and only the
code under test differs: the bench/ and tests/fakes/ of this checkout are copied over the
worktree's. Each bench runs with ``--json`` as a process, REV then HEAD, N times
interleaved so machine load weighs on both alike; a figure is the median of its N values.
A bench that did not exist at REV is said so; its measurement still runs against REV's
code where that code has what it calls. A side that fails is reported with its last error
line, and the other benches still run.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._figures import Figure, parse  # noqa: E402 - after the path fix

CACHE = Path.home() / ".cache" / "envsync-bench"
# The arguments each bench gets per run (smaller than its own defaults: it runs N times),
# and about how long one side's run took on the 2-core machine under load. Not covered:
# deploy, fleet_capture, swarm_snapshot, watch and market_data_overload measure commands or
# service behaviour that came after 1f41b7a^ (nothing to compare there; the last has its own
# --baseline-ref), and each takes minutes or needs a Swarm.
BENCHES: dict[str, tuple[list[str], str]] = {
    "cli_startup": (["--runs", "10"], "~15 s"),
    "diff_scale": ([], "~15 s"),
    "compose_resolve": (["--runs", "10"], "~10 s"),
    "scrub": ([], "~10 s"),
    "snapshot_runtime": (["--sizes", "5,50", "--runs", "3"], "~2 min, engine"),
    "rollback": (["--runs", "1"], "~90 s, engine"),
    "services_market_data": ([], "~90 s"),
    "services_bot": ([], "~15 s"),
}
DEFAULT = tuple(BENCHES)
TIMEOUT_S = 900


@dataclass
class Side:
    """One tree under test: its label, its root, and the Python of its venv."""

    label: str
    root: Path
    python: Path
    values: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def git(*args: str, cwd: Path = ROOT) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"git {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout.strip()


@contextlib.contextmanager
def exclusive(commit: str) -> Iterator[None]:
    """One run per REV at a time: two would share, and remove, one worktree and venv."""
    home = CACHE / commit
    home.mkdir(parents=True, exist_ok=True)
    with (home / "lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit(f"another bench/against.py runs against {commit[:12]}") from None
        yield


@contextlib.contextmanager
def worktree(commit: str) -> Iterator[Path]:
    """REV checked out detached at a fixed temporary path (the editable install in the
    cached venv points there), removed at the end, also on Ctrl-C."""
    path = Path(tempfile.gettempdir()) / f"envsync-bench-{commit[:12]}"
    if path.exists():  # left by a run that was killed
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT,
                       capture_output=True, check=False)
        shutil.rmtree(path, ignore_errors=True)
    git("worktree", "add", "--detach", "--quiet", str(path), commit)
    try:
        yield path
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT,
                       capture_output=True, check=False)


def venv_for(commit: str, tree: Path) -> Path:
    """The Python of REV's own venv, made on first use (about a minute)."""
    home = CACHE / commit
    python = home / "venv" / "bin" / "python"
    ready = home / "ready"  # holds the worktree path the editable install points at
    pip = [str(python), "-m", "pip", "install", "-q"]
    try:
        if not ready.exists():
            print(f"making the venv of {commit[:12]} in {home} (once)", file=sys.stderr)
            shutil.rmtree(home / "venv", ignore_errors=True)
            subprocess.run(["python3", "-m", "venv", str(home / "venv")], check=True)
            subprocess.run([*pip, "-e", f"{tree}[dev,services]"], check=True)
        elif ready.read_text().strip() != str(tree):  # another temp dir: point the install there
            subprocess.run([*pip, "--no-deps", "-e", str(tree)], check=True)
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"could not install {commit[:12]} into {home / 'venv'}: {e}") from None
    ready.write_text(f"{tree}\n")
    return python


def overlay(tree: Path) -> None:
    """This checkout's measurement code over REV's: the same benches and fakes on both sides."""
    for folder in ("bench", "tests/fakes"):
        shutil.copytree(ROOT / folder, tree / folder, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))


def run_once(side: Side, bench: str) -> None:
    args, _ = BENCHES[bench]
    cmd = [str(side.python), str(side.root / "bench" / f"{bench}.py"), "--json", *args]
    # As if the side's venv were activated: its compose binary and entry points come first.
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{side.python.parent}{os.pathsep}{env.get('PATH', '')}"
    try:
        proc = subprocess.run(cmd, cwd=side.root, env=env, capture_output=True, text=True,
                              timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        side.errors[bench] = f"timed out after {TIMEOUT_S} s"
        return
    try:
        if proc.returncode != 0:
            raise ValueError(f"exit {proc.returncode}")
        _, figures = parse(proc.stdout)
    except ValueError as e:
        last = (proc.stderr.strip().splitlines() or [""])[-1]
        side.errors[bench] = f"{e}: {last}"[:300]
        return
    side.figures.setdefault(bench, {}).update(figures)
    for name, fig in figures.items():
        side.values.setdefault(bench, {}).setdefault(name, []).append(fig["value"])


def verdict(old: float, new: float, better: str, tolerance: float) -> tuple[str, str]:
    """HEAD/REV as text, and better / worse / same (within ``tolerance``) for HEAD."""
    if old == 0:
        return "-", "same" if new == 0 else "?"
    ratio = new / old
    gain = 1 / ratio if better == "lower" else ratio
    word = "same" if abs(gain - 1) <= tolerance else ("better" if gain > 1 else "worse")
    return f"{ratio:.2f}", word


def fmt(x: float) -> str:
    """Three significant digits or more, never an exponent."""
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.1f}" if abs(x) >= 10 else f"{x:.2f}" \
        if abs(x) >= 1 else f"{x:.3f}"


def number(values: list[float]) -> str:
    med = fmt(statistics.median(values))
    return med if len(values) == 1 else f"{med} ({fmt(min(values))}-{fmt(max(values))})"


def table(rev: Side, head: Side, benches: list[str], missing_at_rev: set[str],
          tolerance: float) -> list[str]:
    """The side-by-side table, then a summary of envsync's figures (not the references).

    A bench's reference figures run no envsync code: how far they moved between the sides
    (its noise) is named in the bench's heading and beside each of its worse figures.
    """
    lines = [f"{'figure':<58} {'unit':>5} {rev.label:>20} {head.label:>20} {'HEAD/REV':>8}  verdict"]
    counts = {"better": 0, "same": 0, "worse": 0}
    worse: list[str] = []
    for bench in benches:
        rows: list[str] = []
        noise, bench_worse = 0.0, []
        names = [*head.figures.get(bench, {})]
        names += [n for n in rev.figures.get(bench, {}) if n not in names]
        for name in names:
            fig = head.figures.get(bench, {}).get(name) or rev.figures[bench][name]
            old = rev.values.get(bench, {}).get(name)
            new = head.values.get(bench, {}).get(name)
            ratio, word = verdict(statistics.median(old), statistics.median(new),
                                  fig["better"], tolerance) if old and new else ("-", "-")
            if fig["reference"]:
                if ratio != "-":
                    noise = max(noise, abs(float(ratio) - 1))
                word = "(reference)"
            elif word in counts:
                counts[word] += 1
                if word == "worse":
                    bench_worse.append((name, ratio))
            rows.append(f"  {name:<56} {fig['unit']:>5} {number(old) if old else '-':>20} "
                        f"{number(new) if new else '-':>20} {ratio:>8}  {word}")
        notes = [f"references moved up to {noise:.0%}"] if noise else []
        if bench in missing_at_rev:
            notes.append("not in REV's bench/: HEAD's measurement on REV's code")
        lines.append(bench + (f"  ({'; '.join(notes)})" if notes else ""))
        lines += [f"  {side.label} failed: {side.errors[bench]}"
                  for side in (rev, head) if bench in side.errors]
        lines += rows
        worse += [f"{bench}: {name} x{ratio} (its references moved up to {noise:.0%})"
                  for name, ratio in bench_worse]
    lines.append(f"envsync's figures: {counts['better']} better, {counts['same']} same, "
                 f"{counts['worse']} worse")
    lines += [f"  worse: {w}" for w in worse]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rev", help="the git revision to compare against, e.g. 1f41b7a^")
    parser.add_argument("--benches", default=",".join(DEFAULT),
                        help="comma-separated, of: " + ", ".join(
                            f"{name} ({took})" for name, (_, took) in BENCHES.items())
                        + " (default: all)")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per side (default 3)")
    parser.add_argument("--tolerance", type=float, default=0.05,
                        help="a ratio within this of 1 reads 'same' (default 0.05)")
    args = parser.parse_args()
    benches = [b.strip() for b in args.benches.split(",") if b.strip()]
    unknown = [b for b in benches if b not in BENCHES]
    if unknown:
        parser.error(f"unknown bench {', '.join(unknown)}; known: {', '.join(BENCHES)}")
    if args.runs < 1:
        parser.error(f"--runs must be 1 or more, not {args.runs}")
    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{args.rev}^{{commit}}"],
                           cwd=ROOT, capture_output=True, text=True, check=False)
    if found.returncode != 0:
        parser.error(f"no commit named {args.rev!r} in {ROOT}")
    commit = found.stdout.strip()
    started = time.monotonic()
    with exclusive(commit), worktree(commit) as tree:
        python = venv_for(commit, tree)
        missing_at_rev = {b for b in benches if not (tree / "bench" / f"{b}.py").exists()}
        overlay(tree)
        rev = Side(f"REV {args.rev}"[:20], tree, python)
        head = Side("HEAD (this checkout)", ROOT, Path(sys.executable))
        for bench in benches:
            for n in range(args.runs):
                for side in (rev, head):
                    if bench not in side.errors:
                        print(f"[{time.monotonic() - started:5.0f} s] {bench} {n + 1}/{args.runs} "
                              f"{side.label}", file=sys.stderr, flush=True)
                        run_once(side, bench)
    load = os.getloadavg()[0]
    print(f"{args.rev} = {commit[:12]} vs HEAD {git('rev-parse', '--short=12', 'HEAD')}"
          f"{' + uncommitted changes' if git('status', '--porcelain', '--untracked-files=no') else ''}"
          f"; median of {args.runs} interleaved runs (min-max), {os.cpu_count()} CPUs, "
          f"load {load:.1f} at the end; 'same' = within {args.tolerance:.0%}")
    print("\n".join(table(rev, head, benches, missing_at_rev, args.tolerance)))


if __name__ == "__main__":
    main()
