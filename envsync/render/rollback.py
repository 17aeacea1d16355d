"""Backups and rollbacks for people (tables, progress on stderr) and as JSON."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from envsync.plan import Step
    from envsync.rollback.backup import BackupResult, PruneResult
    from envsync.rollback.outcome import Outcome
    from envsync.rollback.points import RestorePoint
    from envsync.rollback.prepare import Prepared

__all__ = [
    "confirm_prune",
    "confirm_rollback",
    "render_backup",
    "render_outcome",
    "render_points",
    "render_prune",
    "step_progress",
]


def _size(n: int | None) -> str:
    from envsync.human import size

    return "-" if n is None else size(n)


def _buffer() -> tuple[io.StringIO, Console]:
    from rich.console import Console

    buf = io.StringIO()
    return buf, Console(file=buf, width=160, no_color=True, highlight=False, markup=False,
                        emoji=False, soft_wrap=True)


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, default=str) + "\n"


def render_backup(result: BackupResult, fmt: str) -> str:
    """Where the restore point went and what it holds."""
    point = result.point
    if fmt == "json":
        return _dump({**point.to_json(), "manifest": str(point.manifest),
                      "saved": result.saved, "reused": result.reused,
                      "not_saved": result.not_saved, "notes": result.notes,
                      "seconds": round(result.seconds, 3),
                      "save_seconds": round(result.save_seconds, 3)})
    buf, console = _buffer()
    console.print(f"restore point {point.tag} ({point.environment} at {point.commit[:12]})")
    console.print(f"  snapshot  {result.snapshot_path}")
    console.print(f"  manifest  {point.manifest}")
    for service, rec in point.images.items():
        how = ("saved" if rec.image_id in result.saved else
               "reused" if rec.image_id in result.reused else "id only")
        console.print(f"  image     {service}: {rec.ref or '-'} {rec.image_id[7:19]} "
                      f"{_size(rec.size)} ({how})")
    for note in result.notes:
        console.print(f"  note      {note}")
    console.print(f"  took      {result.seconds:.1f} s ({result.save_seconds:.1f} s saving images)")
    return buf.getvalue()


def render_points(points: list[RestorePoint], fmt: str) -> str:
    """The restore points, newest last."""
    if fmt == "json":
        return _dump([{**p.to_json(), "archive_bytes": p.archive_bytes()} for p in points])
    if not points:
        return "no restore points (take one with `envsync backup ENV`)\n"
    from rich.table import Table

    buf, console = _buffer()
    table = Table(box=None, pad_edge=False)
    for col in ("tag", "time (UTC)", "commit", "kind", "images", "archives"):
        table.add_column(col)
    for p in points:
        saved = sum(1 for r in p.images.values() if r.archive)
        pruned = sum(1 for r in p.images.values() if r.pruned)
        images = ", ".join(f"{s}={r.image_id[7:19]}" for s, r in p.images.items()) or "-"
        archives = f"{saved}/{len(p.images)} {_size(p.archive_bytes())}"
        if pruned:
            archives += f" ({pruned} pruned)"
        table.add_row(p.tag, p.time[:19].replace("T", " "), p.commit[:12] +
                      (" +edits" if p.dirty else ""), p.kind, images, archives)
    console.print(table)
    return buf.getvalue()


def confirm_prune(points: list[RestorePoint], freed: int) -> bool:
    """Ask on stderr before deleting archives."""
    import typer

    tags = ", ".join(p.tag for p in points)
    return typer.confirm(f"Delete the image archives of {tags} (frees {_size(freed)})?",
                         err=True)


def render_prune(result: PruneResult, fmt: str) -> str:
    """What was pruned."""
    if fmt == "json":
        return _dump({"pruned": [p.tag for p in result.pruned],
                      "freed_bytes": result.freed_bytes, "shared_archives": result.shared,
                      "kept": result.kept})
    if not result.pruned:
        return "nothing pruned\n"
    shared = (f" ({result.shared} archive{'s' if result.shared != 1 else ''} shared with "
              "kept points freed nothing)") if result.shared else ""
    return (f"pruned the image archives of {', '.join(p.tag for p in result.pruned)}: "
            f"freed {_size(result.freed_bytes)}{shared}; manifests, tags and snapshots "
            "kept\n")


def confirm_rollback(prepared: Prepared) -> bool:
    """Show what will run (on stderr) and ask."""
    import typer

    plan = prepared.rollback.plan
    sys.stderr.write(f"{plan.title}\n")
    for n, step in enumerate(plan.steps, 1):
        sys.stderr.write(f"  {n}. {step.title}\n")
    for note in plan.notes:
        sys.stderr.write(f"  note: {note}\n")
    return typer.confirm(f"Run these {len(plan.steps)} step(s) on {prepared.env.name}?",
                         err=True)


@contextlib.contextmanager
def step_progress(total: int) -> Iterator[tuple[Callable[[int, Step], None], Callable[[str], None]]]:
    """Progress on stderr: a bar over the steps on a terminal (one live display, also
    showing the work before the steps), else a line per step. Yields ``(on_step, note)``:
    call ``on_step`` as each step starts, ``note`` for work around the steps."""
    if not sys.stderr.isatty():
        def line(n: int, step: Step) -> None:
            sys.stderr.write(f"envsync: step {n}/{total}: {step.title}\n")
            sys.stderr.flush()

        yield line, lambda _text: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/"
                  "{task.total}"), TimeElapsedColumn(), console=Console(stderr=True),
                  transient=False) as bar:
        task = bar.add_task("rollback: preconditions", total=total)

        def advance(n: int, step: Step) -> None:
            bar.update(task, completed=n - 1, description=f"step {n}/{total}: {step.title}")

        def note(text: str) -> None:
            bar.update(task, description=f"rollback: {text}")

        yield advance, note
        bar.update(task, completed=total, description="rollback: finished")


def render_outcome(outcome: Outcome, fmt: str) -> str:
    """The summary: each step and its time, the failure and the way back, the health checks."""
    if fmt == "json":
        return _dump(outcome.to_json())
    buf, console = _buffer()
    verdict = ("done" if outcome.ok else "INTERRUPTED" if outcome.result == "interrupted"
               else "FAILED")
    console.print(f"rollback of {outcome.environment} to {outcome.point} (level "
                  f"{outcome.level}): {verdict} in {outcome.seconds:.1f} s")
    if outcome.kept:
        console.print(f"  kept: a copy of {', '.join(outcome.kept_files)} (git could not give "
                      f"them back; copy them back from there to undo) in {outcome.kept}")
    if outcome.before_tag:
        console.print(f"  state left: restore point {outcome.before_tag}, snapshot "
                      f"{outcome.before_snapshot}")
    for n, step in enumerate(outcome.steps, 1):
        mark = "ok" if step["returncode"] == 0 else f"FAILED (exit {step['returncode']})"
        console.print(f"  {n}. {step['title']}: {mark}, {step['seconds']:.1f} s")
    for title in outcome.not_run:
        console.print(f"  -  {title}: not run")
    for step in outcome.settled:
        mark = "ok" if step["returncode"] == 0 else f"FAILED (exit {step['returncode']})"
        console.print(f"  +  {step['title']}: {mark}, {step['seconds']:.1f} s")
    if outcome.failure:
        what = "where it stopped" if outcome.result == "interrupted" else "what failed"
        console.print(f"  {what}: {outcome.failure}")
    for difference in outcome.differences:
        console.print(f"  differs: {difference}")
    for name, check in outcome.health.items():
        extra = f" ({check['error']})" if check.get("error") else ""
        console.print(f"  health {name}: {check['status']}{extra}")
    if outcome.go_back:
        console.print(f"  to go back: {outcome.go_back}")
    console.print(f"  log: {outcome.log}")
    return buf.getvalue()
