"""``envsync backup``: record a restore point, list them, prune their image archives.

A restore point is a stored snapshot, a git tag at the deployed commit, and a ``docker
save`` of each image the running services use (through the environment's engine), tied
together by a manifest (see :mod:`envsync.rollback.points`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from envsync.capture import Progress, no_progress
from envsync.config import Config, Environment
from envsync.errors import EngineError, EnvsyncError, RollbackError
from envsync.model import Snapshot
from envsync.rollback.points import (
    KIND_BACKUP,
    ImageRecord,
    RestorePoint,
    backup_dir,
    ensure_backup_dir,
    list_points,
    next_tag,
    write_point,
)

__all__ = ["BackupResult", "PruneResult", "list_restore_points", "prune_archives",
           "running_images", "take_backup"]

Images = Literal["all", "cheap", "none"]
"""``all``: save every image (reusing an archive of the same image when one exists);
``cheap``: only reuse existing archives (hard links), never run ``docker save``;
``none``: record the image ids only."""


_DISK_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM)



@dataclass
class BackupResult:
    """What ``envsync backup`` recorded, and how long it took."""

    point: RestorePoint
    snapshot_path: Path
    saved: list[str] = field(default_factory=list)
    """Image ids written with ``docker save``."""
    reused: list[str] = field(default_factory=list)
    """Image ids hard-linked from an earlier point's archive."""
    not_saved: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    save_seconds: float = 0.0


def running_images(snapshot: Snapshot) -> dict[str, tuple[str | None, str]]:
    """Service → (image ref, image id) of its running container (the first replica)."""
    out: dict[str, tuple[str | None, str]] = {}
    for container in (snapshot.get("containers") or {}).values():
        service = container.get("service")
        if not service or container.get("state") != "running" or not container.get("image_id"):
            continue
        out.setdefault(service, (container.get("image"), container["image_id"]))
    return dict(sorted(out.items()))


def _engine_image_ids(env: Environment, snapshot: Snapshot,
                      running: dict[str, tuple[str | None, str]]
                      ) -> dict[str, tuple[str | None, str]]:
    """``running`` with each image id read again from the engine: the snapshot's copy is
    scrubbed for storage, and a scrubbed value must never reach `docker save` or be
    recorded as the id to restore (a label holding an image's id once made it a
    fingerprint). A service whose container stopped since the capture is left out."""
    if not running:
        return running
    from envsync.capture.engine import connect, engine_errors, engine_url
    from envsync.capture.runtime import NUMBER_LABEL, ONEOFF_LABEL, PROJECT_LABEL, SERVICE_LABEL

    project = str((snapshot.get("compose") or {}).get("project")
                  or (env.compose.project if env.compose else None) or "")
    found: dict[str, tuple[int, str]] = {}
    try:
        client = connect(engine_url(env.docker))
        try:
            listed = client.api.containers(filters={"label": [f"{PROJECT_LABEL}={project}"],
                                                    "status": "running"})
        finally:
            client.close()
    except engine_errors() as exc:
        from envsync.capture.engine import describe

        reason = exc if isinstance(exc, EngineError) else describe(exc)
        raise EngineError(f"{env.name}: cannot read the running images: {reason}") from None
    for container in listed:
        labels = container.get("Labels") or {}
        service, number = labels.get(SERVICE_LABEL), labels.get(NUMBER_LABEL, "")
        if not service or labels.get(ONEOFF_LABEL) == "True" or not container.get("ImageID"):
            continue
        rank = int(number) if number.isdigit() else 1 << 30  # the first replica, as captured
        if service not in found or rank < found[service][0]:
            found[service] = (rank, str(container["ImageID"]))
    return {service: (ref, found[service][1]) for service, (ref, _) in running.items()
            if service in found}


def _git_root(snapshot: Snapshot) -> Path:
    return Path((snapshot.get("git") or {})["path"])


def _existing_archives(folder: Path, snapshots_dir: Path, warn: Progress
                       ) -> dict[str, Path]:
    """Image id → an archive of it kept by an earlier point (a bad manifest is skipped)."""
    found: dict[str, Path] = {}
    for point in list_points(folder, snapshots_dir=snapshots_dir, warn=warn):
        for rec in point.images.values():
            path = point.archive_path(rec)
            if path is not None and path.is_file():
                found[rec.image_id] = path
    return found


def take_backup(
    *,
    config: Config,
    env_name: str,
    images: Images = "all",
    kind: str = KIND_BACKUP,
    progress: Progress = no_progress,
    snapshot: Snapshot | None = None,
    warn: Progress = no_progress,
    wait_s: float = 0,
) -> BackupResult:
    """Capture ``env_name`` (or use ``snapshot``, one just taken), save the running images,
    store the snapshot, write the manifest, tag the deployed commit: the tag comes last, so
    a failed backup (a full disk) leaves no tag without its manifest, and what it wrote is
    removed. Holds the environment's lock (waiting up to ``wait_s`` for it)."""
    from envsync.lock import environment_lock

    with environment_lock(config, env_name, f"envsync backup {env_name}", wait_s=wait_s,
                          waiting=progress):
        return _take_backup(config=config, env_name=env_name, images=images, kind=kind,
                            progress=progress, snapshot=snapshot, warn=warn)


def _take_backup(*, config: Config, env_name: str, images: Images, kind: str,
                 progress: Progress, snapshot: Snapshot | None, warn: Progress
                 ) -> BackupResult:
    started = time.perf_counter()
    env = config.environment(env_name)
    env.one_engine("backup")
    if kind == KIND_BACKUP:
        from envsync import journal

        killed = journal.claim(config, env_name, f"envsync backup {env_name}")
        if killed is not None:  # a half-deployed state is no `stable` point to return to
            raise RollbackError(f"{journal.describe(config, env_name, killed)} (no restore "
                                "point was recorded)")
    if env.compose is None:
        raise RollbackError(f"{env_name}: has no compose files; there is nothing to back up")
    if snapshot is None:
        from envsync.capture import take_snapshot

        snapshot = take_snapshot(config, env, progress=progress)
    commit = (snapshot.get("git") or {}).get("head")
    if not commit:
        raise RollbackError(f"{env_name}: the repository has no commit to tag")
    root = _git_root(snapshot)
    folder = backup_dir(config, env_name)
    ensure_backup_dir(folder)
    _sweep_killed(root, folder, env_name, progress)
    now = dt.datetime.now(dt.UTC)
    tag = _new_tag(root, folder, env_name, kind, now)
    running = _engine_image_ids(env, snapshot, running_images(snapshot))
    dirty = bool((snapshot.get("git") or {}).get("dirty"))
    save_started = time.perf_counter()
    saving = _save_images(config=config, env=env, running=running, images=images,
                          folder=folder, tag=tag, progress=progress, warn=warn)
    save_seconds = time.perf_counter() - save_started
    progress("write the snapshot, the manifest and the tag")
    point = RestorePoint(tag=tag, environment=env_name, kind=kind,
                         time=now.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), commit=commit,
                         snapshot="", dirty=dirty, images=saving.records, folder=folder)
    snapshot_path = _record_point(config, root, point, snapshot)
    return BackupResult(point=point, snapshot_path=snapshot_path, saved=saving.saved,
                        reused=saving.reused, not_saved=saving.not_saved,
                        notes=_notes(snapshot, running, commit, dirty),
                        seconds=time.perf_counter() - started, save_seconds=save_seconds)


def _sweep_killed(root: Path, folder: Path, env_name: str, progress: Progress) -> None:
    """Remove the image archives a backup killed half-way left (``kill -9`` during
    ``docker save``): in a point's folder that has neither a manifest nor a git tag (both
    are written after the archives), only ``*.tar`` and ``.*.tar.tmp``. Nothing refers to
    them (a manifest names archives in its own folder only); whatever else is there stays.
    Called under the lock: no other backup is writing."""
    from envsync.capture.git import tag_names
    from envsync.files import size_text

    freed, tags = 0, None
    for sub in sorted(folder.iterdir()):
        if (not sub.name.startswith(f"{env_name}-") or sub.is_symlink() or not sub.is_dir()
                or (folder / f"{sub.name}.json").exists()):
            continue
        tags = tag_names(root) if tags is None else tags
        if sub.name in tags:
            continue
        for file in sub.iterdir():
            partial = file.name.startswith(".") and file.name.endswith(".tar.tmp")
            if (partial or file.name.endswith(".tar")) and file.is_file() \
                    and not file.is_symlink():
                with contextlib.suppress(OSError):
                    size = file.stat().st_size
                    file.unlink()
                    freed += size
        with contextlib.suppress(OSError):
            sub.rmdir()
    if freed:
        progress(f"removed {size_text(freed)} of image archives a killed backup left")


def _new_tag(root: Path, folder: Path, env_name: str, kind: str, now: dt.datetime) -> str:
    """The next free ``ENV-stable-YYYYMMDD[-N]`` tag (or the kind's prefix), checked."""
    # A manifest or folder left without its tag (a bad or half-removed point) keeps its
    # name: the new point never overwrites it.
    from envsync.capture.git import is_valid_tag_name, tag_names

    taken = {p.stem if p.suffix == ".json" else p.name for p in folder.iterdir()}
    tag = next_tag(env_name, kind, now, tag_names(root) | taken)
    if not is_valid_tag_name(root, tag):
        raise RollbackError(f"{tag!r} is not a valid git tag name: rename the environment "
                            "to letters, digits, '-' and '_'")
    return tag


def _notes(snapshot: Snapshot, running: dict[str, tuple[str | None, str]], commit: str,
           dirty: bool) -> list[str]:
    """What a person should know about the point: images not recorded, edits not tagged."""
    notes = []
    if snapshot.get("containers") is None:
        notes.append("the engine was not captured: no images recorded")
    elif not running:
        notes.append("no service container is running: no images recorded")
    if dirty:
        notes.append(f"uncommitted edits: the tag marks {commit[:12]}; the snapshot "
                     "holds the files as they are")
    return notes


@dataclass
class _Saving:
    """The images of a point: their records, and which archives were made how."""

    records: dict[str, ImageRecord] = field(default_factory=dict)
    saved: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    not_saved: list[str] = field(default_factory=list)


def _save_images(*, config: Config, env: Environment,
                 running: dict[str, tuple[str | None, str]], images: Images, folder: Path,
                 tag: str, progress: Progress, warn: Progress) -> _Saving:
    """An archive of each running service's image in ``folder/tag/`` (one per image:
    hard-linked from an earlier point's when there is one, else ``docker save``), as
    ``images`` allows. On any failure the folder goes, and the error names the cause."""
    from envsync.capture.engine import describe, engine_errors

    archive_dir, env_name = folder / tag, env.name
    try:
        return _archive_images(config=config, env=env, running=running, images=images,
                               folder=folder, tag=tag, progress=progress, warn=warn)
    except engine_errors() as exc:
        shutil.rmtree(archive_dir, ignore_errors=True)
        if isinstance(exc, OSError) and exc.errno in _DISK_ERRNOS:  # a full disk, not docker
            raise RollbackError(f"{env_name}: cannot write an image archive in {archive_dir}:"
                                f" {exc.strerror} (no restore point was recorded)") from None
        reason = exc if isinstance(exc, EngineError) else describe(exc)
        raise EngineError(f"{env_name}: docker save failed: {reason}") from None
    except OSError as exc:  # a full or read-only disk
        shutil.rmtree(archive_dir, ignore_errors=True)
        raise RollbackError(f"{env_name}: cannot write an image archive in {archive_dir}: "
                            f"{exc.strerror or exc} (no restore point was recorded)") from None
    except BaseException:
        shutil.rmtree(archive_dir, ignore_errors=True)
        raise


def _archive_images(*, config: Config, env: Environment,
                    running: dict[str, tuple[str | None, str]], images: Images, folder: Path,
                    tag: str, progress: Progress, warn: Progress) -> _Saving:
    from envsync.capture.engine import connect, engine_url, image_digests, save_image

    out = _Saving()
    existing = (_existing_archives(folder, config.snapshots_dir, warn)
                if images != "none" and running else {})
    client = None
    by_id: dict[str, str] = {}  # image id → archive name, one archive per image
    for service, (ref, image_id) in running.items():
        record = ImageRecord(service=service, ref=ref, image_id=image_id)
        out.records[service] = record
        if images == "none":
            continue
        if image_id in by_id:
            record.archive = by_id[image_id]
        else:
            name = f"{tag}/{image_id.removeprefix('sha256:')[:64]}.tar"
            dest = folder / name
            if image_id in existing:
                (folder / tag).mkdir(exist_ok=True)
                progress(f"reuse the archive of {service}'s image")
                _link_or_copy(existing[image_id], dest)
                out.reused.append(image_id)
            elif images == "all":
                (folder / tag).mkdir(exist_ok=True)
                progress(f"docker save {service}'s image")
                if client is None:
                    client = connect(engine_url(env.docker))
                save_image(client, image_id, dest)
                out.saved.append(image_id)
            else:
                out.not_saved.append(image_id)
                continue
            by_id[image_id] = name
            record.archive = name
        record.size = (folder / record.archive).stat().st_size
    if client is not None:
        for record in out.records.values():
            record.digests = image_digests(client, record.image_id)
        client.close()
    return out


def _record_point(config: Config, root: Path, point: RestorePoint, snapshot: Snapshot) -> Path:
    """Store the snapshot, write the manifest (``point.snapshot`` set to the stored file),
    then tag the commit: last, so that a tag always has its manifest. On failure what was
    written goes, the archives too; returns the snapshot's path."""
    from envsync.capture.git import create_tag
    from envsync.store import write_snapshot

    written: list[Path] = []
    try:
        snapshot_path = write_snapshot(config.snapshots_dir, snapshot)
        written.append(snapshot_path)
        point.snapshot = str(snapshot_path.resolve())
        write_point(point)
        written.append(point.manifest)
        create_tag(root, point.tag, point.commit)
    except BaseException as exc:
        shutil.rmtree(point.folder / point.tag, ignore_errors=True)
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        if isinstance(exc, EnvsyncError | OSError):
            why = str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)
            raise RollbackError(f"{point.environment}: the restore point {point.tag} could "
                                f"not be recorded: {why} (nothing was kept)") from None
        raise
    return snapshot_path


def _link_or_copy(src: Path, dest: Path) -> None:
    """A hard link (free, and survives pruning of ``src``'s point), else a copy."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def list_restore_points(*, config: Config, env_name: str, warn: Progress = no_progress
                        ) -> list[RestorePoint]:
    """``env_name``'s restore points, oldest first; each bad manifest is skipped and
    passed to ``warn``."""
    config.environment(env_name)
    return list_points(backup_dir(config, env_name), snapshots_dir=config.snapshots_dir,
                       warn=warn)


@dataclass
class PruneResult:
    """The points whose archives were deleted, and the bytes freed."""

    pruned: list[RestorePoint] = field(default_factory=list)
    freed_bytes: int = 0
    """Bytes really freed: an archive still hard-linked from a kept point frees nothing."""
    shared: int = 0
    """Archives deleted whose data a kept point still links (they freed nothing)."""
    kept: int = 0


def _freed(doomed: list[RestorePoint]) -> tuple[int, int]:
    """(the bytes deleting these points' archives frees, the archives that free nothing).

    Points share an image's archive through hard links (``os.link``): deleting one link
    frees the data only when every link to that inode goes too."""
    links: dict[tuple[int, int], set[Path]] = {}
    sizes: dict[tuple[int, int], tuple[int, int]] = {}  # inode → (links, bytes)
    for point in doomed:
        for rec in point.images.values():
            path = point.archive_path(rec)
            if path is None:
                continue
            try:
                st = path.stat()
            except FileNotFoundError:
                continue
            key = (st.st_dev, st.st_ino)
            links.setdefault(key, set()).add(path)  # services sharing an image: one path
            sizes[key] = (st.st_nlink, st.st_size)
    freed = shared = 0
    for key, paths in links.items():
        nlink, size = sizes[key]
        if len(paths) >= nlink:
            freed += size
        else:
            shared += len(paths)
    return freed, shared


def prune_archives(
    *,
    config: Config,
    env_name: str,
    keep: int,
    confirm: Callable[[list[RestorePoint], int], bool] = lambda _points, _bytes: True,
    warn: Progress = no_progress,
) -> PruneResult:
    """Delete the image archives of all but the newest ``keep`` restore points (their
    manifests, tags and snapshots stay). ``confirm(points, bytes)`` is asked first;
    when it says no, nothing is deleted."""
    if keep < 0:
        raise RollbackError(f"--prune {keep}: keep a number of points, 0 or more")
    points = list_restore_points(config=config, env_name=env_name, warn=warn)
    old = points[: max(len(points) - keep, 0)]
    doomed = [p for p in old if any(r.archive for r in p.images.values())]
    freed, shared = _freed(doomed)
    result = PruneResult(kept=len(points) - len(old))
    if not doomed or not confirm(doomed, freed):
        return result
    for point in doomed:
        for rec in point.images.values():
            path = point.archive_path(rec)
            if path is not None:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                rec.archive, rec.pruned = None, True
        with contextlib.suppress(OSError):
            (point.folder / point.tag).rmdir()
        write_point(point)
    result.pruned, result.freed_bytes, result.shared = doomed, freed, shared
    return result
