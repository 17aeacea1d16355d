"""What must hold before a prepared rollback may run: the restore point whole (manifest,
tag, snapshot, image archives or images), no half-done git operation under a level-3
reset, and nothing overwritten that git cannot give back (unless forced)."""

from __future__ import annotations

from pathlib import Path

from envsync.config import Config, Environment
from envsync.rollback.prepare import Prepared, at_risk, busy
from envsync.rollback.safety import describe_at_risk

__all__ = ["check_preconditions", "own_prefixes"]


def own_prefixes(config: Config, root: Path) -> tuple[str, ...]:
    out = []
    for folder in (config.snapshots_dir, config.backups_dir):
        if folder is None:
            continue
        try:
            out.append(folder.resolve().relative_to(root.resolve()).as_posix() + "/")
        except ValueError:
            continue
    return tuple(out)


def check_preconditions(prepared: Prepared, *, force: bool = False) -> list[str]:
    """What stops the rollback from running (empty when it may run). Reads only, but
    refreshes ``prepared.at_risk`` (the files the steps would overwrite that git cannot
    give back: refused unless ``force``)."""
    from envsync.capture.git import git_status, tag_commit

    rb, root = prepared.rollback, prepared.root
    point = rb.point
    problems = []
    if not point.manifest.is_file():
        problems.append(f"restore point {point.tag}: manifest {point.manifest} is gone")
    if tag_commit(root, point.tag) != point.commit:
        problems.append(f"git tag {point.tag} is missing or moved from {point.commit[:12]}")
    if not Path(point.snapshot).is_file():
        problems.append(f"restore point {point.tag}: snapshot {point.snapshot} is gone")
    for archive in rb.archives:
        if not archive.is_file() or archive.stat().st_size == 0:
            problems.append(f"image archive {archive} is missing (pruned or deleted): "
                            "level 2 cannot run; try level 3")
    if rb.images_in_engine:
        problems += _missing_images(prepared.env, rb.images_in_engine)
    if rb.level == 3:
        operation = busy(root)
        if operation:
            problems.append(operation)
    prepared.at_risk = at_risk(root, rb)
    own = own_prefixes(prepared.config, root)
    # envsync's own files (the log of a committed snapshots folder) are copied like the
    # others, but never a reason to stop.
    blocking = [a for a in prepared.at_risk if not a.path.startswith(own)]
    if blocking and not force:
        problems.append(
            f"the rollback would overwrite files git cannot give back: "
            f"{describe_at_risk(blocking)}; move them aside, or pass --force to "
            f"overwrite them (a copy of each is kept first in {point.folder / point.tag}/)")
    if not force:
        named = {a.path for a in blocking}  # already named above: once is enough
        # A staged rename touches both its paths: the one it left and the one it made.
        touched = [p for e in git_status(root, "--untracked-files=no")
                   for p in (e.source, e.path) if p is not None]
        dirty = [p for p in touched if not p.startswith(own) and p not in named]
        if dirty:
            shown = ", ".join(dirty[:5]) + (" …" if len(dirty) > 5 else "")
            problems.append(f"uncommitted edits in {root} ({shown}): commit or stash them, "
                            "or pass --force to let the rollback overwrite them")
    return problems


def _missing_images(env: Environment, image_ids: list[str]) -> list[str]:
    from envsync.capture.engine import connect, describe, engine_errors, engine_url, has_image

    try:
        client = connect(engine_url(env.docker))
    except engine_errors() as exc:
        return [f"cannot ask the engine for images without an archive: {describe(exc)}"]
    try:
        return [f"image {image_id[7:19]} has no archive and is no longer in the engine: "
                "level 2 cannot run; try level 3"
                for image_id in image_ids if not has_image(client, image_id)]
    finally:
        client.close()
