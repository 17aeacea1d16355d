"""Pure planning: a rollback level, a restore point and what runs now → a :class:`Plan`.

Nothing here reads files, runs git or asks the engine: :mod:`envsync.rollback.execute`
gathers the inputs (snapshots, which files the point's commit holds) and passes them in.

- level 1, configuration: ``git restore --source TAG --worktree -- FILES`` for the compose
  and env files the point's commit holds (the index is left alone: nothing is staged), then
  ``compose up -d --no-deps`` of the services whose config hash now differs from the
  point's;
- level 2, containers: ``docker load`` each saved image, ``docker tag`` it to the ref the
  service uses, ``compose up -d --no-deps --force-recreate --pull never --no-build``;
- level 3, full: ``git reset --hard TAG``, ``compose down --remove-orphans``,
  ``compose up -d`` (``--build`` when a service has a build section).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.capture.compose import compose_options
from envsync.config import Environment
from envsync.model import Snapshot
from envsync.plan import Plan, Step
from envsync.plan.verify import differing_services
from envsync.rollback.points import RestorePoint

__all__ = ["HASH_LABEL", "LEVELS", "RollbackPlan", "Tools", "plan_rollback"]

HASH_LABEL = "com.docker.compose.config-hash"
LEVELS = {1: "configuration", 2: "containers", 3: "full"}


@dataclass(frozen=True)
class Tools:
    """The argv prefixes the steps run."""

    compose: tuple[str, ...]
    docker: tuple[str, ...] = ("docker",)
    git: str = "git"


@dataclass
class RollbackPlan:
    """The plan, and what the executor must check before running it."""

    level: int
    point: RestorePoint
    plan: Plan
    services: list[str] = field(default_factory=list)
    """The services the plan recreates (all of them for level 3)."""
    restored: list[str] = field(default_factory=list)
    """The files level 1 writes from the point's commit (level 3 writes the whole tree)."""
    archives: list[Path] = field(default_factory=list)
    """Image archives the plan loads (must exist)."""
    images_in_engine: list[str] = field(default_factory=list)
    """Image ids the plan tags without an archive (must still be in the engine)."""


def _running(snapshot: Snapshot) -> dict[str, dict[str, Any]]:
    """Service → its running container (the first replica)."""
    out: dict[str, dict[str, Any]] = {}
    for container in (snapshot.get("containers") or {}).values():
        service = container.get("service")
        if service and container.get("state") == "running":
            out.setdefault(service, container)
    return out


def _declared(snapshot: Snapshot) -> dict[str, Any]:
    compose = snapshot.get("compose") or {}
    return dict(((compose.get("declared") or {}).get("services")) or {})


def _hash(container: dict[str, Any] | None) -> str | None:
    return ((container or {}).get("labels") or {}).get(HASH_LABEL)


class _Steps:
    """Builds the steps of one environment: compose with its files, project, env file,
    profiles, in the repository root, on its engine."""

    def __init__(self, env: Environment, project: str, root: Path, tools: Tools) -> None:
        spec = env.compose
        assert spec is not None  # checked by the caller
        self.root = str(root)
        self.tools = tools
        self.env = (("DOCKER_HOST", env.docker),) if env.docker else ()
        self.base = compose_options(spec.files, project=project, env_file=spec.env_file,
                                    profiles=spec.profiles)

    def compose(self, title: str, why: str, *args: str) -> Step:
        return Step(title=title, why=why, argv=(*self.tools.compose, *self.base, *args),
                    cwd=self.root, env=self.env)

    def docker(self, title: str, why: str, *args: str) -> Step:
        return Step(title=title, why=why, argv=(*self.tools.docker, *args), env=self.env)

    def git(self, title: str, why: str, *args: str) -> Step:
        # Literal pathspecs: a file named `*` or `:(glob)x` means that file, nothing more.
        return Step(title=title, why=why,
                    argv=(self.tools.git, "--literal-pathspecs", "-C", self.root, *args))


def plan_rollback(
    *,
    env: Environment,
    level: int,
    point: RestorePoint,
    point_snapshot: Snapshot,
    current: Snapshot,
    root: Path,
    tools: Tools,
    point_files: tuple[str, ...] = (),
    current_files: tuple[str, ...] = (),
) -> RollbackPlan:
    """The steps that take ``env`` from ``current`` back to ``point``.

    ``point_files``: the compose and env files the point's commit holds (level 1 restores
    these); ``current_files``: the ones tracked now (those the point lacks are named in a
    note and left alone).
    """
    if level not in LEVELS:
        raise ValueError(f"level {level}: choose 1, 2 or 3")
    project = str((current.get("compose") or {}).get("project")
                  or (point_snapshot.get("compose") or {}).get("project") or "")
    steps = _Steps(env, project, root, tools)
    title = (f"envsync rollback of {env.name} to {point.tag} (commit {point.commit[:12]}), "
             f"level {level}: {LEVELS[level]}")
    result = RollbackPlan(level=level, point=point, plan=Plan(title=title))
    if level == 1:
        _level1(result, steps, point_snapshot, current, point_files, current_files)
    elif level == 2:
        _level2(result, steps, current)
    else:
        _level3(result, steps, point_snapshot)
    _settle(result, steps)
    return result


def _settle(result: RollbackPlan, steps: _Steps) -> None:
    """After an interrupt, the executor starts what a stopped step left created, exited or
    down (level 3 between `down` and `up`), recreating nothing that runs."""
    if result.level == 3:
        result.plan.settle.append(steps.compose(
            "bring the services back", "Start the services the files now declare.",
            "up", "-d", "--no-recreate"))
    elif result.services:
        result.plan.settle.append(steps.compose(
            f"bring {', '.join(result.services)} back",
            "Start the containers a stopped recreate left created or exited.",
            "up", "-d", "--no-deps", "--no-recreate", "--no-build", "--pull", "never",
            "--", *result.services))


def _level1(result: RollbackPlan, steps: _Steps, point_snapshot: Snapshot, current: Snapshot,
            point_files: tuple[str, ...], current_files: tuple[str, ...]) -> None:
    point, plan = result.point, result.plan
    if point_files:
        plan.add(steps.git(
            f"restore {len(point_files)} file(s) from {point.tag}",
            "Put the compose and env files back as they were at the restore point "
            "(only these files, and only in the working tree: the branch, the index and "
            "other files stay).",
            "restore", "--source", point.tag, "--worktree", "--", *point_files))
        result.restored = list(point_files)
    missing = [f for f in current_files if f not in point_files]
    if missing:
        plan.notes.append(f"not in {point.tag}'s commit, left as they are: {', '.join(missing)}")
    then = _running(point_snapshot) if point_snapshot.get("containers") is not None else None
    now = _running(current) if current.get("containers") is not None else None
    wanted = sorted(then) if then is not None else sorted(_declared(point_snapshot))
    # `docker update --memory` keeps compose's config hash: the containers' fields count too.
    fields = differing_services(point_snapshot, current) if then and now is not None else set()
    changed = [s for s in wanted
               if now is None or then is None or s not in now or _hash(now[s]) != _hash(then[s])
               or s in fields]
    # compose recreates only on a new config hash; --force-recreate for those it would keep
    force = ("--force-recreate",) if any(
        s in fields and now and s in now and then and _hash(now[s]) == _hash(then[s])
        for s in changed) else ()
    orphans = sorted(set(now or {}) - set(_declared(point_snapshot)))
    if now is None:
        plan.notes.append("what runs now was not captured: every service is recreated")
    unchanged = [s for s in wanted if s not in changed]
    if unchanged:
        plan.notes.append(f"config unchanged since {point.tag}, left running: "
                          f"{', '.join(unchanged)}")
    if changed or orphans:
        extra = ("--remove-orphans",) if orphans else ()
        why = (f"Recreate only the services whose resolved config (compose config hash) "
               f"differs from {point.tag}'s: {', '.join(changed) or 'none'}.")
        if orphans:
            why += f"\nRemove containers of services {point.tag} does not declare: " \
                   f"{', '.join(orphans)}."
        plan.add(steps.compose(f"recreate {', '.join(changed) or 'nothing'}"
                               + (f", remove {', '.join(orphans)}" if orphans else ""),
                               why, "up", "-d", "--no-deps", *force, *extra, "--", *changed))
    result.services = changed


def _level2(result: RollbackPlan, steps: _Steps, current: Snapshot) -> None:
    point, plan = result.point, result.plan
    now = _running(current) if current.get("containers") is not None else None
    declared_now = _declared(current)
    if not point.images:
        plan.notes.append(f"{point.tag} recorded no images (nothing ran when it was taken)")
    services: list[str] = []
    loaded: set[str] = set()
    tagged: set[tuple[str, str]] = set()  # services sharing an image and ref: one tag step
    for service, rec in sorted(point.images.items()):
        running = (now or {}).get(service)
        same = running is not None and running.get("image_id") == rec.image_id
        ref = ((running or {}).get("image") or (declared_now.get(service) or {}).get("image")
               or rec.ref)
        if not ref:
            plan.notes.append(f"{service}: no image ref to tag; skipped")
            continue
        if rec.ref and ref != rec.ref:
            plan.notes.append(f"{service} now uses {ref}; {point.tag} ran it as {rec.ref}: "
                              f"{ref} is pointed at the old image")
        archive = point.archive_path(rec)
        first_tag = (rec.image_id, ref) not in tagged
        tagged.add((rec.image_id, ref))
        if same:
            if not first_tag:
                continue
            plan.add(steps.docker(
                f"tag {rec.image_id[7:19]} as {ref}",
                f"{service} already runs the restore point's image; point its ref back at "
                "it, so a later `compose up` starts the same image.",
                "tag", rec.image_id, ref))
            continue
        if rec.image_id not in loaded:
            loaded.add(rec.image_id)
            if archive is not None:
                result.archives.append(archive)
                plan.add(steps.docker(
                    f"load {service}'s image from {point.tag}",
                    f"The image {service} ran at the restore point ({rec.image_id[7:19]}), "
                    "saved by `envsync backup`.",
                    "load", "--input", str(archive)))
            else:
                result.images_in_engine.append(rec.image_id)
                plan.notes.append(f"{service}: no archive of {rec.image_id[7:19]}"
                                  + (" (pruned)" if rec.pruned else "")
                                  + "; it must still be in the engine")
        if first_tag:
            plan.add(steps.docker(
                f"tag {rec.image_id[7:19]} as {ref}",
                f"Point the ref {service} uses back at the restore point's image, so compose "
                "starts it without pulling or building.",
                "tag", rec.image_id, ref))
        services.append(service)
    if services:
        plan.add(steps.compose(
            f"recreate {', '.join(services)}",
            "Recreate the services on the restored images; never pull or build, leave the "
            "other services alone.",
            "up", "-d", "--no-deps", "--force-recreate", "--pull", "never", "--no-build",
            "--", *services))
    elif point.images:
        plan.notes.append(f"every service already runs {point.tag}'s image: none is recreated")
    result.services = services


def _level3(result: RollbackPlan, steps: _Steps, point_snapshot: Snapshot) -> None:
    point, plan = result.point, result.plan
    plan.add(steps.git(
        f"reset the working tree to {point.tag}",
        "Move the branch and every tracked file back to the restore point's commit; "
        "untracked and ignored files (env files with secrets) stay.",
        "reset", "--hard", point.tag))
    plan.add(steps.compose(
        "stop and remove the project's containers",
        "Take everything down, including containers of services the point does not declare.",
        "down", "--remove-orphans"))
    builds = sorted(s for s, svc in _declared(point_snapshot).items()
                    if isinstance(svc, dict) and svc.get("build"))
    if builds:
        plan.add(steps.compose(
            "start every service (building images)",
            f"Start the restore point's services; {', '.join(builds)} have build sections, "
            "so their images are rebuilt from the restored sources.",
            "up", "-d", "--build"))
    else:
        plan.add(steps.compose(
            "start every service",
            "Start the restore point's services (no service has a build section).",
            "up", "-d"))
    result.services = sorted(_declared(point_snapshot))
