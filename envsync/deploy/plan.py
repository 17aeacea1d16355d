"""Pure planning of a deploy: dependency order, a strategy per service, the steps.

Nothing here reads files, runs git or asks the engine: :mod:`envsync.deploy.run` gathers
the inputs (the target commit's resolved compose model and config hashes, what runs now,
the image ids the refs point at) and passes them in.

The steps, in order:

1. ``git reset --hard COMMIT`` when the working tree is not already at the target (as a
   level-3 rollback does: the branch checked out moves to the deployed commit; the restore
   point taken first tags the commit left);
2. ``compose build -- SERVICES`` for the services with a build section, before any
   container is touched, so a failing build changes nothing that runs;
3. per service in dependency order (``depends_on``), ``recreate``: ``compose up -d --wait
   --no-deps --force-recreate --pull never --no-build -- SERVICE`` (``--wait``: the step
   ends when the container runs and its image's health check passes, or fails); or
   ``blue-green``: the steps of :mod:`envsync.deploy.bluegreen` (a second container, the
   switch at the proxy, the watch window, the old one retired);
4. ``compose up --remove-orphans`` when services run that the target no longer declares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from envsync.config import Environment
from envsync.plan import Plan, Step
from envsync.rollback.plan import HASH_LABEL, Tools

__all__ = ["DeployPlan", "Target", "default_strategy", "dependency_order", "plan_deploy"]


@dataclass(frozen=True)
class Target:
    """What the deploy moves to: a commit, its resolved compose model and config hashes,
    and the image id each service's image ref points at in the engine (None: not there)."""

    ref: str
    commit: str
    model: dict[str, Any]
    hashes: dict[str, str]
    image_ids: dict[str, str | None] = field(default_factory=dict)


@dataclass
class DeployPlan:
    """The plan, and what the execution needs to know about it."""

    target: Target
    plan: Plan
    order: list[str] = field(default_factory=list)
    """Every service the target declares, in dependency order."""
    strategies: dict[str, str] = field(default_factory=dict)
    services: list[str] = field(default_factory=list)
    """The services the plan recreates, in order."""
    unchanged: list[str] = field(default_factory=list)
    checkout: bool = False
    """True when a step moves the working tree to the target commit."""
    builds: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    """Services running now that the target does not declare: their containers are removed."""
    blue_green: dict[str, Any] = field(default_factory=dict)
    """service → its :class:`~envsync.deploy.bluegreen.BlueGreen` (the steps' state)."""


def _services(model: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(k): v for k, v in (model.get("services") or {}).items() if isinstance(v, dict)}


def dependency_order(model: dict[str, Any]) -> list[str]:
    """The services, each after those it ``depends_on`` (ties by name). Compose rejects a
    cycle before we get here; one left anyway raises ValueError."""
    services = _services(model)
    deps = {name: sorted(str(d) for d in (svc.get("depends_on") or {}) if str(d) in services)
            for name, svc in services.items()}
    order: list[str] = []
    done: set[str] = set()
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            raise ValueError(f"depends_on cycle through {name}")
        visiting.add(name)
        for dep in deps[name]:
            visit(dep)
        visiting.discard(name)
        done.add(name)
        order.append(name)

    for name in sorted(services):
        visit(name)
    return order


def default_strategy(service: dict[str, Any], *, proxy: bool = False) -> str:
    """``blue-green`` for a service with published ports when a proxy is configured (it can
    run twice and move traffic); ``recreate`` for everything else (Redis, a polling bot)."""
    return "blue-green" if proxy and service.get("ports") else "recreate"


def _running(current: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for container in (current.get("containers") or {}).values():
        service = container.get("service")
        if service and container.get("state") == "running":
            out.setdefault(str(service), container)
    return out


def _changed(name: str, svc: dict[str, Any], target: Target,
             running: dict[str, dict[str, Any]]) -> bool:
    now = running.get(name)
    if now is None or svc.get("build"):
        return True  # not running, or rebuilt from the target's sources
    if (now.get("labels") or {}).get(HASH_LABEL) != target.hashes.get(name):
        return True
    wanted = target.image_ids.get(name)
    return wanted is None or now.get("image_id") != wanted


class _Steps:
    def __init__(self, env: Environment, project: str, root: str, tools: Tools) -> None:
        spec = env.compose
        assert spec is not None  # checked by the caller
        self.root, self.tools = root, tools
        self.env = (("DOCKER_HOST", env.docker),) if env.docker else ()
        base: list[str] = []
        for f in spec.files:
            base += ["-f", f]
        base += ["--project-name", project]
        if spec.env_file:
            base += ["--env-file", spec.env_file]
        for p in spec.profiles:
            base += ["--profile", p]
        self.base = tuple(base)

    def compose(self, title: str, why: str, *args: str) -> Step:
        return Step(title=title, why=why, argv=(*self.tools.compose, *self.base, *args),
                    cwd=self.root, env=self.env)

    def git(self, title: str, why: str, *args: str) -> Step:
        return Step(title=title, why=why,
                    argv=(self.tools.git, "--literal-pathspecs", "-C", self.root, *args))


def plan_deploy(*, env: Environment, project: str, root: str, tools: Tools, target: Target,
                current: dict[str, Any], head: str | None, files_clean: bool,
                strategy: dict[str, str], health_timeout_s: float = 60.0,
                everything: bool = False, blue_green: dict[str, Any] | None = None
                ) -> DeployPlan:
    """The steps that take ``env`` from ``current`` to ``target``.

    ``head``: the commit checked out now; ``files_clean``: False when the working tree holds
    edits the checkout would overwrite (then it is planned even at the same commit, and
    only runs with --force). ``strategy``: envsync.yaml's choices (the others get
    :func:`default_strategy`). ``everything``: recreate unchanged services too.
    """
    services = _services(target.model)
    order = dependency_order(target.model)
    short = target.commit[:12]
    title = f"envsync deploy of {env.name} to {target.ref} (commit {short})"
    result = DeployPlan(target=target, plan=Plan(title=title), order=order)
    steps = _Steps(env, project, root, tools)
    for name in order:
        result.strategies[name] = strategy.get(name) or default_strategy(services[name])
    if head != target.commit or not files_clean:
        result.checkout = True
        result.plan.add(steps.git(
            f"check out {target.ref}",
            f"Move the working tree (and the branch checked out) to {short}, as a level-3 "
            "rollback does; untracked and ignored files (env files with secrets) stay.",
            "reset", "--hard", target.commit))
    running = _running(current)
    wanted = [n for n in order if everything or _changed(n, services[n], target, running)]
    result.unchanged = [n for n in order if n not in wanted]
    if result.unchanged:
        result.plan.notes.append("same config hash and image as what runs, left running: "
                                 + ", ".join(result.unchanged))
    result.builds = [n for n in wanted if services[n].get("build")]
    if result.builds:
        result.plan.add(steps.compose(
            f"build {', '.join(result.builds)}",
            "Build the images from the deployed sources before any container is touched "
            "(never pulling a base image: --pull is not passed).",
            "build", "--", *result.builds))
    wait = str(max(1, round(health_timeout_s)))
    blue_green = blue_green or {}
    for name in wanted:
        kind = result.strategies[name]
        bg = blue_green.get(name)
        if kind == "blue-green" and bg is not None:
            result.blue_green[name] = bg
            bg.new_hash = target.hashes.get(name)
            n = len(bg.old)
            up = ("up", "-d", "--no-deps", "--no-recreate", "--pull", "never", "--no-build")
            for st in bg.steps(
                    steps.compose(f"start a new {name} beside the old one",
                                  f"Compose's own new container ({name} number {n + 1}, the "
                                  "new config hash) next to the running one, which is left "
                                  "alone; no traffic reaches it yet.",
                                  *up, "--scale", f"{name}={n + 1}", "--", name),
                    steps.compose(f"scale {name} back to {n}",
                                  "Compose's scale back to what the files say (the new "
                                  "container stays).", *up, "--scale", f"{name}={n}", "--",
                                  name)):
                result.plan.add(st)
            result.plan.settle.append(Step(
                title=f"settle {name} on one version", argv=(), call=bg.settle,
                script=f"# before the window passed: the old slot ready first, the new one "
                       f"drained, the new {name} container removed; after it: the old "
                       "container retired"))
            continue
        if kind == "blue-green":
            result.plan.notes.append(f"{name}: blue-green is not possible here (see the "
                                     "refusal, or the service is not running): recreate")
        deps = sorted(str(d) for d in (services[name].get("depends_on") or {}))
        after = f" (after {', '.join(deps)})" if deps else ""
        result.plan.add(steps.compose(
            f"recreate {name}",
            f"Stop {name}'s container and start the new one{after}; wait up to {wait} s "
            "for it to run and pass its image's health check. Never pulls, never builds, "
            "leaves the other services alone.",
            "up", "-d", "--wait", "--wait-timeout", wait, "--no-deps", "--force-recreate",
            "--pull", "never", "--no-build", "--", name))
    result.services = wanted
    result.orphans = sorted(set(running) - set(services))
    if result.orphans and order:
        # Service arguments do not narrow --remove-orphans: it acts on the whole project;
        # --no-recreate leaves the service named (it must be named, or compose starts all).
        result.plan.add(steps.compose(
            f"remove {', '.join(result.orphans)}",
            f"Remove the containers of services {target.ref} no longer declares.",
            "up", "-d", "--no-deps", "--no-recreate", "--no-build", "--pull", "never",
            "--remove-orphans", "--", order[-1]))
    recreated = [n for n in wanted if n not in result.blue_green]
    if recreated:
        result.plan.settle.append(steps.compose(
            f"bring {', '.join(recreated)} back",
            "Start the containers a stopped recreate left created or exited.",
            "up", "-d", "--no-deps", "--no-recreate", "--no-build", "--pull", "never",
            "--", *recreated))
    return result
