"""Restore points: one JSON manifest each, beside the image archives it names.

Where they live: ``<backups>/<env>/`` when envsync.yaml sets ``backups:``, else
``<snapshots>/<env>/backups/``. That folder gets a ``.gitignore`` holding ``*``: image
archives are large and must never be committed, even when the snapshots folder is.

A point is ``<tag>.json`` (the manifest) and ``<tag>/<image id>.tar`` (one archive per
distinct image that ran). The manifest records the tag, the commit, the snapshot file and,
per service, the image ref, id, digests and archive.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from envsync.config import Config
from envsync.errors import RollbackError

__all__ = [
    "KIND_BACKUP",
    "KIND_BEFORE_ROLLBACK",
    "POINT_SCHEMA",
    "ImageRecord",
    "RestorePoint",
    "backup_dir",
    "choose_point",
    "ensure_backup_dir",
    "list_points",
    "next_tag",
    "parse_time",
    "read_point",
    "write_point",
]

POINT_SCHEMA = "envsync.restore-point/v1"
KIND_BACKUP = "backup"
KIND_BEFORE_ROLLBACK = "before-rollback"
_TAG_WORD = {KIND_BACKUP: "stable", KIND_BEFORE_ROLLBACK: "before-rollback"}


@dataclass
class ImageRecord:
    """The image one service ran: its ref, id and digests, and the archive holding it
    (relative to the backup folder; None when not saved, or pruned)."""

    service: str
    ref: str | None
    image_id: str
    digests: list[str] = field(default_factory=list)
    archive: str | None = None
    size: int | None = None
    pruned: bool = False


@dataclass
class RestorePoint:
    """One restore point, as its manifest records it."""

    tag: str
    environment: str
    kind: str
    time: str
    """UTC, ISO 8601 with microseconds (``2026-11-29T07:15:00.123456Z``)."""
    commit: str
    snapshot: str
    """The snapshot file (absolute path)."""
    dirty: bool = False
    images: dict[str, ImageRecord] = field(default_factory=dict)
    folder: Path = field(default=Path(), compare=False)
    """The backup folder holding the manifest (not stored in it)."""

    @property
    def manifest(self) -> Path:
        return self.folder / f"{self.tag}.json"

    @property
    def when(self) -> dt.datetime:
        return parse_time(self.time)

    def archive_path(self, record: ImageRecord) -> Path | None:
        return self.folder / record.archive if record.archive else None

    def archive_bytes(self) -> int:
        """Bytes of the archives still present (an archive services share counts once)."""
        paths = {self.archive_path(rec) for rec in self.images.values()}
        return sum(p.stat().st_size for p in paths if p is not None and p.is_file())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("folder")
        return {"schema": POINT_SCHEMA, **data}


def backup_dir(config: Config, env: str) -> Path:
    """The folder holding ``env``'s restore points (see the module docstring)."""
    if config.backups_dir is not None:
        return config.backups_dir / env
    return config.snapshots_dir / env / "backups"


def ensure_backup_dir(folder: Path) -> None:
    """Create the folder with its ``.gitignore`` (archives must never be committed)."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        if ignore.is_symlink():  # dangling: writing it would create the file it names
            ignore.unlink()
        fd = os.open(ignore, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w") as fh:
            fh.write("# envsync restore points: image archives are never committed\n*\n")


def parse_time(text: str) -> dt.datetime:
    """An ISO 8601 UTC time (``Z``, any fraction, nanoseconds too) → an aware datetime."""
    text = text.strip().replace("Z", "+00:00")
    match = re.match(r"^(.*T\d\d:\d\d:\d\d)(\.\d+)?(.*)$", text)
    if match:  # Python reads at most 6 fraction digits; the engine writes 9
        head, frac, tail = match.groups()
        text = head + (frac[:7] if frac else "") + (tail or "+00:00")
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise RollbackError(f"{text!r} is not a time (expected ISO 8601)") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _compact(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S")


def _inside(path: Path, base: Path) -> bool:
    """Whether ``path`` (symlinks followed) is ``base`` or lies under it."""
    try:
        path.resolve().relative_to(base.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def _check(point: RestorePoint, path: Path, snapshots_dir: Path | None) -> None:
    """What the schema cannot say: names that must match the file, and paths that must
    stay inside their folders (a manifest's paths reach `rm` in --prune and `docker
    load`: `archive: ../../../../victim.txt` must never get there)."""
    if path.name != f"{point.tag}.json":
        raise ValueError(f"tag {point.tag!r} does not match the file name")
    if ".." in point.tag or point.tag.endswith(".lock"):
        raise ValueError(f"tag {point.tag!r} is not a valid git tag name")
    folder = path.parent  # <backups>/<env>/, or <snapshots>/<env>/backups/
    if point.environment != folder.name and not (
            folder.name == "backups" and point.environment == folder.parent.name):
        raise ValueError(f"environment {point.environment!r} does not match the folder "
                         f"{folder}")
    for service, rec in point.images.items():
        archive = point.archive_path(rec)
        if archive is not None and not _inside(archive, point.folder / point.tag):
            raise ValueError(f"images.{service}.archive {rec.archive!r} is outside "
                             f"{point.folder / point.tag}")
    snapshot = Path(point.snapshot)
    if not snapshot.is_absolute():
        raise ValueError(f"snapshot {point.snapshot!r} is not an absolute path")
    if snapshots_dir is not None and not _inside(snapshot, snapshots_dir):
        raise ValueError(f"snapshot {point.snapshot!r} is outside {snapshots_dir}")


def _escaping_archives(data: Any, path: Path) -> None:
    """A plain message for the hostile case, before the schema's general one."""
    images = data.get("images") if isinstance(data, dict) else None
    for service, rec in (images.items() if isinstance(images, dict) else ()):
        archive = rec.get("archive") if isinstance(rec, dict) else None
        if isinstance(archive, str) and (archive.startswith(("/", "\\"))
                                         or ".." in re.split(r"[/\\]", archive)):
            raise RollbackError(f"{path}: $.images.{service}.archive {archive!r} points "
                                f"outside the backups folder {path.parent}")


def read_point(path: Path, snapshots_dir: Path | None = None) -> RestorePoint:
    """One manifest, validated (its schema, names, and paths inside the backup folder and
    ``snapshots_dir``); RollbackError says what is wrong with it, in one line."""
    from envsync.files import RESTORE_POINT_LIMIT, parse_json, read_text_bounded
    from envsync.schemas import validate

    text = read_text_bounded(path, RESTORE_POINT_LIMIT, "restore point manifest",
                             RollbackError)
    data = parse_json(text, path, RollbackError)
    _escaping_archives(data, path)
    validate(data, "restore-point", path, error=RollbackError)
    try:
        images = {name: ImageRecord(**rec) for name, rec in data["images"].items()}
        fields = {k: data[k] for k in ("tag", "environment", "kind", "time", "commit", "snapshot")}
        point = RestorePoint(**fields, dirty=bool(data.get("dirty")), images=images,
                             folder=path.parent)
        _check(point, path, snapshots_dir)
        parse_time(point.time)
    except (ValueError, KeyError, TypeError) as exc:
        raise RollbackError(f"{path}: unreadable restore point manifest ({exc})") from None
    return point


def write_point(point: RestorePoint) -> Path:
    """Store the manifest atomically; its path."""
    from envsync.store import atomic_write_text

    ensure_backup_dir(point.folder)
    atomic_write_text(point.manifest, json.dumps(point.to_json(), indent=2) + "\n")
    return point.manifest


def list_points(folder: Path, *, snapshots_dir: Path | None = None,
                warn: Callable[[str], None] | None = None) -> list[RestorePoint]:
    """The restore points in ``folder``, oldest first. A bad manifest is skipped and
    passed to ``warn`` (one line naming the file and what is wrong): it never hides the
    others."""
    if not folder.is_dir():
        return []
    points = []
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("."):
            continue
        try:
            points.append(read_point(path, snapshots_dir))
        except RollbackError as exc:
            if warn is not None:
                warn(f"{exc}; skipped")
    return sorted(points, key=lambda p: p.when)


def next_tag(env: str, kind: str, when: dt.datetime, existing: set[str]) -> str:
    """``<env>-stable-YYYYMMDD``, then ``-2``, ``-3``… when taken again that day
    (``before-rollback`` instead of ``stable`` for the points a rollback records)."""
    base = f"{env}-{_TAG_WORD[kind]}-{when.astimezone(dt.UTC):%Y%m%d}"
    tag, n = base, 2
    while tag in existing:
        tag, n = f"{base}-{n}", n + 1
    return tag


def choose_point(points: list[RestorePoint], to: str | None,
                 running_since: dt.datetime | None) -> RestorePoint:
    """The point ``to`` names (a tag, or a time: ``2026-11-29T07:15``, ``20261129T0715``),
    or by default the newest backup taken before what runs now started."""
    env = points[0].environment if points else "?"
    if not points:
        raise RollbackError("no restore points: take one with `envsync backup ENV`")
    if to:
        for p in points:
            if p.tag == to:
                return p
        digits = re.sub(r"[^0-9T]", "", to.upper())
        if len(digits) >= 8 and digits[:8].isdigit():
            matches = [p for p in points if _compact(p.when).startswith(digits)]
            if matches:
                return matches[-1]
        known = ", ".join(p.tag for p in points[-5:])
        raise RollbackError(f"no restore point of {env!r} is tagged or was taken at {to!r} "
                            f"(newest: {known}; see `envsync backup {env} --list`)")
    candidates = [p for p in points if p.kind == KIND_BACKUP]
    if running_since is not None:
        candidates = [p for p in candidates if p.when < running_since]
    if not candidates:
        since = f" (what runs now started at {running_since:%Y-%m-%dT%H:%M:%SZ})" \
            if running_since else ""
        raise RollbackError(f"no backup of {env!r} older than what runs now{since}: "
                            "name one with --to TAG")
    return candidates[-1]
