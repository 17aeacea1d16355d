"""``patch --to runtime``: a plan that recreates exactly the drifted services from the
declared files, with the environment's files, project, env file and engine."""

from __future__ import annotations

from pathlib import Path

from envsync.capture.compose import compose_command
from envsync.config import Environment
from envsync.model import Direction, Finding, Snapshot
from envsync.plan import Plan, Step

__all__ = ["compose_argv", "plan_runtime_patch"]

_RECREATE = {Direction.RUNTIME_OVERRIDE, Direction.NOT_DEPLOYED, Direction.CONFLICT,
             Direction.NOT_RUNNING}


def compose_argv(env: Environment, project: str | None) -> tuple[str, ...]:
    """``compose -f … -p … --env-file …`` for an environment (files relative to its root)."""
    assert env.compose is not None
    argv = list(compose_command())
    for f in env.compose.files:
        argv += ["-f", f]
    if project:
        argv += ["--project-name", project]
    if env.compose.env_file:
        argv += ["--env-file", env.compose.env_file]
    for p in env.compose.profiles:
        argv += ["--profile", p]
    return tuple(argv)


def _drifted(findings: list[Finding], snapshot: Snapshot) -> tuple[list[str], list[str]]:
    containers = snapshot.get("containers") or {}
    services: set[str] = set()
    undeclared: list[str] = []
    for f in findings:
        seg = f.segments
        if seg[:1] != ("containers",) or len(seg) < 2:
            continue
        if f.direction is Direction.UNDECLARED:
            undeclared.append((containers.get(seg[1]) or {}).get("name") or seg[1])
            continue
        extra = f.extra or {}
        differs = extra.get("declared") != extra.get("running") if extra else True
        if f.direction in _RECREATE or (f.direction is Direction.UNCOMMITTED and differs):
            services.add((containers.get(seg[1]) or {}).get("service") or f.service or seg[1])
    return sorted(services), sorted(undeclared)


def plan_runtime_patch(root: Path, env: Environment, snapshot: Snapshot,
                       findings: list[Finding]) -> Plan:
    """``up -d --no-deps --force-recreate`` for the drifted services, nothing else.

    --force-recreate because a change made with `docker update` leaves compose's config hash
    as it was, and compose alone would then keep the drifted container.
    """
    plan = Plan(title=f"envsync patch {env.name} --to runtime: make the running containers "
                      "match the declared files")
    if env.compose is None:
        plan.notes.append(f"{env.name} has no compose files")
        return plan
    services, undeclared = _drifted(findings, snapshot)
    project = (snapshot.get("compose") or {}).get("project")
    docker_env = (("DOCKER_HOST", env.docker),) if env.docker else ()
    if services:
        plan.add(Step(
            title=f"recreate {', '.join(services)}",
            # `--`: a service named `--remove-orphans` stays a service name, not an option.
            argv=(*compose_argv(env, project), "up", "-d", "--no-deps", "--force-recreate",
                  "--", *services),
            why="these services run something other than the declared files say; only they "
                "are recreated (--no-deps leaves the others alone)",
            cwd=str(root), env=docker_env,
        ))
        plan.settle.append(Step(
            title=f"bring {', '.join(services)} back",
            argv=(*compose_argv(env, project), "up", "-d", "--no-deps", "--no-recreate",
                  "--no-build", "--pull", "never", "--", *services),
            why="after an interrupt: start the containers a stopped recreate left created "
                "or exited, recreating nothing",
            cwd=str(root), env=docker_env,
        ))
    for name in undeclared:
        plan.notes.append(f"container {name} runs in this project but no file declares it; "
                          f"remove it by hand if it should not run: docker rm -f {name}")
    return plan
