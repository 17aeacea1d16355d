"""The runtime-patch log an environment keeps (``<snapshots>/<env>/patches.jsonl``, one line
per ``envsync patch ENV --to runtime --execute``): written and read back checked against
the ``patch-log`` schema, as :mod:`envsync.deploylog` reads deploys.jsonl.

A line that is not JSON or not a patch record is named (file:line and why) and skipped when
read, so one hand-edited line does not hide the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from envsync.config import Config

__all__ = ["PATCH_LOG", "PATCH_LOG_SCHEMA", "PatchEntry", "append_patch", "load_patches"]

PATCH_LOG = "patches.jsonl"
"""``<snapshots>/<env>/patches.jsonl``: one line per ``patch --to runtime --execute``."""
PATCH_LOG_SCHEMA = "envsync.patch-log/v1"


@dataclass(frozen=True)
class PatchEntry:
    """One runtime patch as history shows it."""

    started: str
    result: str
    steps: list[str]
    """The titles of the steps that ran (``recreate web, worker``)."""
    failure: str | None
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {"started": self.started, "result": self.result, "steps": self.steps,
                "failure": self.failure, "seconds": self.seconds}


def append_patch(path: Path, line: dict[str, Any]) -> Path:
    """Check ``line`` against the patch-log schema, then append it to ``path``: a record
    the reader would skip is never written."""
    from envsync.plan.executor import append_log
    from envsync.schemas import validate

    line = {"schema": PATCH_LOG_SCHEMA, **line}
    validate(line, "patch-log", f"{path} (the line being appended)")
    return append_log(path, line)


def load_patches(config: Config, env: str) -> tuple[list[PatchEntry], list[str]]:
    """The runtime patches of ``env``, oldest first, and one line per line skipped."""
    from envsync.files import read_log_records

    docs, problems = read_log_records(config.snapshots_dir / env / PATCH_LOG, "patch-log",
                                      "patch log")
    entries = []
    for doc in docs:
        entries.append(PatchEntry(
            started=str(doc["started"]), result=str(doc["result"]),
            steps=[str(s["title"]) for s in doc["steps"]], failure=doc["failure"],
            seconds=float(doc["seconds"])))
    return sorted(entries, key=lambda e: e.started), problems
