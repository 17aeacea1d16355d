"""The deploy log an environment keeps (``<snapshots>/<env>/deploys.jsonl``, appended by
``envsync deploy --execute``), read back for ``envsync history`` and the HTML report.

Each line is checked against the ``deploy-log`` schema; a line that is not JSON or not a
deploy record is named (file:line and why) and skipped, so one hand-edited line does not
hide the other deploys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from envsync.config import Config

__all__ = ["DeployEntry", "load_deploys"]


@dataclass(frozen=True)
class DeployEntry:
    """One deploy as the timeline shows it."""

    started: str
    ref: str
    commit: str
    result: str
    seconds: float
    failure: str | None
    rollback: dict[str, Any] | None

    @property
    def rolled_back(self) -> str:
        """``no``, or where the automatic rollback went and how it ended."""
        if not self.rollback:
            return "no"
        return f"level {self.rollback['level']} to {self.rollback['to']}: {self.rollback['result']}"

    def to_json(self) -> dict[str, Any]:
        return {"started": self.started, "ref": self.ref, "commit": self.commit,
                "result": self.result, "seconds": self.seconds, "failure": self.failure,
                "rollback": self.rollback}


def load_deploys(config: Config, env: str) -> tuple[list[DeployEntry], list[str]]:
    """The deploys of ``env``, oldest first, and one line per line skipped."""
    from envsync.deploy.run import LOG_NAME
    from envsync.files import read_log_records
    from envsync.secrets import scrub_message

    docs, problems = read_log_records(config.snapshots_dir / env / LOG_NAME, "deploy-log",
                                      "deploy log")
    entries = []
    for doc in docs:
        # Scrubbed whole, before any column clips it: "postgres://u:PW@h" cut to
        # "postgres://u:PW…" no longer looks like a URL password (a log written by hand,
        # or by another tool, is read like a stored snapshot: never trusted to be clean).
        failure = doc["failure"]
        entries.append(DeployEntry(
            started=str(doc["started"]), ref=scrub_message(str(doc["ref"])),
            commit=str(doc["commit"]), result=str(doc["result"]),
            seconds=float(doc["seconds"]),
            failure=scrub_message(failure) if isinstance(failure, str) else failure,
            rollback=doc.get("rollback")))
    return sorted(entries, key=lambda e: e.started), problems
