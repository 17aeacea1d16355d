"""The watcher's memory of one environment, on disk: ``<snapshots>/<env>/watch-state.json``.

It holds the alerts' states (so a restarted watcher sends no second "firing"), what the
previous round saw (restart counts, containers, the services' command-latency counters),
when drift last ran, and the outbox: the
notifications not yet delivered, retried after a restart. Written atomically after every
round and every delivery; its JSON Schema is ``envsync/schemas/watch-state.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.errors import StorageError
from envsync.watch.rules import AlertState

__all__ = ["SCHEMA", "WatchState", "load_state", "save_state", "state_path"]

SCHEMA = "envsync.watch-state/v1"
_LIMIT = 8 * 1024 * 1024


@dataclass
class WatchState:
    """See the module docstring; ``outbox`` items are ``{id, channel, transition, attempts}``."""

    env: str
    round: int = 0
    drift_at: float | None = None
    alerts: dict[str, AlertState] = field(default_factory=dict)
    restarts: dict[str, int] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    outbox: list[dict[str, Any]] = field(default_factory=list)
    # the services' command-latency histograms at the previous round: [count, sum] by key
    counters: dict[str, list[float]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "environment": self.env, "round": self.round,
                "drift_at": self.drift_at,
                "alerts": {k: a.to_json() for k, a in sorted(self.alerts.items())},
                "restarts": dict(sorted(self.restarts.items())),
                "known": sorted(self.known), "outbox": self.outbox,
                "counters": dict(sorted(self.counters.items()))}


def state_path(snapshots_dir: Path, env: str) -> Path:
    return snapshots_dir / env / "watch-state.json"


def load_state(path: Path, env: str) -> WatchState:
    """The stored state, or a fresh one when there is none; a file that is not a valid
    state is one line naming it (never silently dropped: that would repeat alerts)."""
    from envsync.files import parse_json, read_text_bounded
    from envsync.schemas import validate

    if not path.exists():
        return WatchState(env=env)
    text = read_text_bounded(path, _LIMIT, "watch state", StorageError)
    try:  # parse_json: no RecursionError on 10^5 '[' (it was "a bug"), no lone surrogate
        data = parse_json(text, path, StorageError)
    except StorageError as exc:
        raise StorageError(f"{exc}; move it away to start afresh") from None
    validate(data, "watch-state", path, StorageError)
    return WatchState(env=data["environment"], round=data["round"], drift_at=data["drift_at"],
                      alerts={k: AlertState.from_json(a) for k, a in data["alerts"].items()},
                      restarts=dict(data["restarts"]), known=set(data["known"]),
                      outbox=list(data["outbox"]),
                      counters={k: list(v) for k, v in data.get("counters", {}).items()})


def save_state(path: Path, state: WatchState) -> None:
    from envsync.store import atomic_write_text

    atomic_write_text(path, json.dumps(state.to_json(), indent=1, sort_keys=True) + "\n")
