"""Snapshot files: atomic writes, lookup (``prod@latest``, ``prod@<time>``, a path), history."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from envsync.errors import SnapshotError
from envsync.model import SNAPSHOT_SCHEMA, Snapshot

__all__ = [
    "atomic_write_text",
    "list_snapshots",
    "load_snapshot",
    "resolve_ref",
    "snapshot_filename",
    "write_snapshot",
]

_TIME_FORMAT = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^\d{8}T\d{6}Z(-\d+)?\.json$")


def atomic_write_text(path: Path, text: str, mode: int = 0o644) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one:
    a temp file in the same folder, fsync, rename. Nothing is left behind on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise


def snapshot_filename(time_text: str) -> str:
    """``2026-11-29T07:15:00Z`` → ``20261129T071500Z.json``."""
    stamp = dt.datetime.strptime(time_text, "%Y-%m-%dT%H:%M:%SZ")
    return stamp.strftime(_TIME_FORMAT) + ".json"


def write_snapshot(snapshots_dir: Path, snapshot: Snapshot, out: Path | None = None) -> Path:
    """Store ``snapshot`` atomically (under ``snapshots/<env>/`` unless ``out``); its path."""
    text = json.dumps(snapshot, indent=2, sort_keys=False, default=str) + "\n"
    if out is None:
        folder = snapshots_dir / snapshot["meta"]["environment"]
        name = snapshot_filename(snapshot["meta"]["time"])
        out = folder / name
        n = 2
        while out.exists():
            out = folder / name.replace(".json", f"-{n}.json")
            n += 1
    atomic_write_text(out, text)
    return out


def list_snapshots(snapshots_dir: Path, env: str) -> list[Path]:
    """The stored snapshots of ``env``, oldest first."""
    folder = snapshots_dir / env
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if _NAME.match(p.name)), key=_sort_key)


def _sort_key(path: Path) -> tuple[str, int]:
    stem, _, n = path.stem.partition("-")
    return stem, int(n or 1)


def resolve_ref(snapshots_dir: Path, ref: str) -> Path:
    """``ENV@latest``, ``ENV@<time prefix>`` (e.g. ``prod@20261129T07``) → a stored file."""
    env, _, when = ref.partition("@")
    found = list_snapshots(snapshots_dir, env)
    if not found:
        raise SnapshotError(f"{ref}: no stored snapshots of {env!r} in {snapshots_dir / env}")
    if when in ("latest", ""):
        return found[-1]
    if when.startswith("latest~"):
        try:
            back = int(when.removeprefix("latest~"))
            return found[-1 - back]
        except (ValueError, IndexError):
            raise SnapshotError(f"{ref}: only {len(found)} snapshots of {env!r} stored") from None
    digits = re.sub(r"[^0-9TZ]", "", when.upper())
    matches = [p for p in found if p.name.startswith(digits)]
    if not matches:
        raise SnapshotError(
            f"{ref}: no snapshot of {env!r} taken at {when} "
            f"(newest: {found[-1].stem}; see `envsync history {env}`)"
        )
    return matches[-1]


def load_snapshot(path: Path) -> Snapshot:
    """Read and check one snapshot file; SnapshotError says what is wrong with it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SnapshotError(f"{path}: snapshot file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SnapshotError(f"{path}: cannot read snapshot: {exc}") from None
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotError(
            f"{path}:{exc.lineno}: corrupt snapshot (not valid JSON: {exc.msg})"
        ) from None
    if not isinstance(data, dict):
        raise SnapshotError(f"{path}: corrupt snapshot (not a JSON object)")
    schema = data.get("schema")
    if schema != SNAPSHOT_SCHEMA:
        raise SnapshotError(
            f"{path}: snapshot schema is {schema!r}; this envsync reads {SNAPSHOT_SCHEMA!r}"
        )
    if not isinstance(data.get("meta"), dict) or "environment" not in data["meta"]:
        raise SnapshotError(f"{path}: corrupt snapshot (no meta.environment)")
    return data
