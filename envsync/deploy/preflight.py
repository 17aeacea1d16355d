"""The checks a deploy makes before anything changes. Each reads only; each problem is
one line, and a :class:`Refusal` says whether it is the environment's state (exit 1: a
runtime override, not enough memory) or bad input (exit 2: an image that is not there)."""

from __future__ import annotations

import re
import shlex
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from envsync.config import Config, Environment
from envsync.errors import ComposeError, EnvsyncError, GitError
from envsync.human import MIB
from envsync.model import Direction, Finding

__all__ = ["MemoryBudget", "Refusal", "blue_green_problems", "describe_overrides", "ensure",
           "fixed_host_ports", "image_problems", "mem_limit_mb", "memory_budget", "overrides",
           "patch_command", "proxy_container", "resolve_target"]

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": MIB, "mb": MIB, "g": 1024 * MIB,
          "gb": 1024 * MIB}


@dataclass(frozen=True)
class Refusal:
    """Why the deploy does not start: one line, and the exit code it means."""

    line: str
    code: int = 1
    service: str | None = None


def resolve_target(root: Path, env: Environment, ref: str, unversioned: list[str]
                   ) -> tuple[str, dict[str, Any], dict[str, str]]:
    """(commit, resolved compose model, config hashes) of ``ref``: its files written to a
    temp folder (the working tree's env files git does not hold are borrowed, as capture
    does) and resolved by compose. Bad ref or files compose rejects: an error naming them."""
    from envsync.capture import _borrow_unversioned
    from envsync.capture.compose import resolve
    from envsync.capture.git import materialise, run_git

    spec = env.compose
    assert spec is not None
    if ref.startswith("-"):
        raise GitError(f"--ref {ref!r}: not a commit or tag")
    sha = run_git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                  f"{ref}^{{commit}}", check=False)
    if not sha:
        raise GitError(f"--ref {ref!r}: no such commit or tag in {root}")
    commit = str(sha).strip()
    with tempfile.TemporaryDirectory(prefix="envsync-deploy-") as name:
        tmp = Path(name)
        materialise(root, commit, tmp)
        _borrow_unversioned(root, tmp, unversioned)
        try:
            # origin: model and hashes as resolved in root (a bind mount's absolute path is
            # part of the config hash: resolved in tmp, such a service always "changed")
            model, hashes = resolve(tmp, spec.files, project=spec.project,
                                    env_file=spec.env_file, profiles=spec.profiles,
                                    origin=root)
        except ComposeError as exc:
            raise ComposeError(f"the compose files at {ref} ({commit[:12]}) are not valid: "
                               f"{str(exc).replace(str(tmp), f'{root}@{commit[:12]}')}"
                               ) from None
        return commit, model, hashes


def overrides(findings: list[Finding]) -> list[Finding]:
    """The drift findings a deploy would erase: values running that no file holds."""
    return [f for f in findings
            if f.direction in (Direction.RUNTIME_OVERRIDE, Direction.CONFLICT)]


def patch_command(config: Config, env: str) -> str:
    """The command that writes what runs into the files, so the deploy keeps it."""
    return shlex.join(["envsync", "--config", str(config.path), "patch", env, "--to", "vcs"])


def mem_limit_mb(service: dict[str, Any]) -> float | None:
    """The service's memory limit (``mem_limit`` or ``deploy.resources.limits.memory``) in
    MiB; compose writes bytes, a hand-written file may say ``256m``."""
    value = service.get("mem_limit")
    if value in (None, "", 0, "0"):
        value = ((((service.get("deploy") or {}).get("resources") or {}).get("limits") or {})
                 .get("memory"))
    if value in (None, "", 0, "0"):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) / MIB
    match = re.fullmatch(r"\s*([0-9.]+)\s*([a-zA-Z]*)\s*", str(value))
    if not match or match.group(2).lower() not in _UNITS:
        return None
    return float(match.group(1)) * _UNITS[match.group(2).lower()] / MIB


@dataclass
class MemoryBudget:
    """What the new containers need beside what runs, and what the host has."""

    available_mb: float | None
    source: str
    """Where ``available_mb`` comes from (for the message and the plan's notes)."""
    refusals: list[Refusal]
    unbudgeted: list[str]
    """Deployed services without a memory limit (nothing to count)."""


def _host_memory(env: Environment, used_mb: float) -> tuple[float | None, str]:
    """(MiB available for new containers, where that figure comes from)."""
    from envsync.capture.engine import connect, describe, engine_errors, engine_url

    if env.deploy.host_memory_mb is not None:
        return (env.deploy.host_memory_mb - used_mb,
                f"envsync.yaml host_memory_mb {env.deploy.host_memory_mb:.0f} MiB minus "
                f"{used_mb:.0f} MiB the containers use")
    url = engine_url(env.docker)
    if url.startswith("unix://"):
        # The engine runs here: the kernel's own estimate already counts the containers.
        try:
            text = Path("/proc/meminfo").read_text()
        except OSError:
            text = ""
        match = re.search(r"^MemAvailable:\s+(\d+) kB", text, re.M)
        if match:
            return int(match.group(1)) / 1024, "/proc/meminfo MemAvailable"
    try:
        client = connect(url)
        try:
            total = float(client.info().get("MemTotal") or 0) / MIB
        finally:
            client.close()
    except engine_errors() as exc:
        return None, f"the engine's memory is unknown ({describe(exc)})"
    return total - used_mb, (f"the engine host's {total:.0f} MiB minus {used_mb:.0f} MiB "
                             "the containers use")


def memory_budget(env: Environment, *, current: dict[str, Any], model: dict[str, Any],
                  services: list[str], strategies: dict[str, str]) -> MemoryBudget:
    """Can the host hold the new containers? Blue-green runs the new one beside the old
    (it needs its whole limit); recreate stops the old one first (it needs its limit minus
    what the old one uses). Counted in order, the first service that does not fit refuses."""
    stats = current.get("stats") or {}
    used = sum(float(s.get("memory_used_mb") or 0) for s in stats.values()
               if isinstance(s, dict))
    available, source = _host_memory(env, used)
    by_service: dict[str, float] = {}
    for name, container in (current.get("containers") or {}).items():
        service = container.get("service")
        record = stats.get(name) if isinstance(stats.get(name), dict) else None
        if service and record and container.get("state") == "running":
            by_service[service] = by_service.get(service, 0.0) + float(
                record.get("memory_used_mb") or 0)
    declared = model.get("services") or {}
    refusals: list[Refusal] = []
    unbudgeted: list[str] = []
    if available is None:
        return MemoryBudget(None, source, [], list(services))
    left = available
    for name in services:
        limit = mem_limit_mb(declared.get(name) or {})
        if limit is None:
            unbudgeted.append(name)
            continue
        freed = 0.0 if strategies.get(name) == "blue-green" else by_service.get(name, 0.0)
        need = limit - freed
        if need > left:
            how = ("beside the running one (blue-green)" if not freed and
                   strategies.get(name) == "blue-green" else
                   f"({limit:.0f} MiB limit, {freed:.0f} MiB freed by stopping the old one)")
            refusals.append(Refusal(
                f"memory: {name} needs {need:.0f} MiB {how}, {max(left, 0):.0f} MiB available "
                f"({source}): {need - left:.0f} MiB short; lower its mem_limit or free memory "
                "first"))
            break
        left -= need
    return MemoryBudget(available, source, refusals, unbudgeted)


def image_problems(env: Environment, *, model: dict[str, Any], project: str,
                   services: list[str]) -> tuple[list[Refusal], dict[str, str | None]]:
    """(problems, service → image id its ref points at). A deploy never pulls: each image
    must be in the engine, or the service must have a build section."""
    from envsync.capture.engine import connect, describe, engine_errors, engine_url

    declared = model.get("services") or {}
    ids: dict[str, str | None] = {}
    problems: list[Refusal] = []
    try:
        client = connect(engine_url(env.docker))
    except engine_errors() as exc:
        return [Refusal(f"cannot ask the engine for the images: {describe(exc)}", 2)], ids
    try:
        for name in services:
            svc = declared.get(name) or {}
            ref = svc.get("image") or f"{project}-{name}"
            try:
                ids[name] = str(client.api.inspect_image(ref)["Id"])
            except engine_errors():
                ids[name] = None
            if ids[name] is None and not svc.get("build"):
                policy = svc.get("pull_policy")
                why = f" (pull_policy: {policy})" if policy else ""
                problems.append(Refusal(
                    f"image {ref} of {name} is not in the engine and {name} has no build "
                    f"section{why}: a deploy never pulls; run `docker pull {ref}` first", 2,
                    name))
    finally:
        client.close()
    return problems, ids


def describe_overrides(found: list[Finding], limit: int = 5) -> str:
    """``web: command ('python main.py')`` for each finding, at most ``limit``."""
    parts = []
    for f in found[:limit]:
        value = f" ({f.after!r})" if f.after is not None and len(repr(f.after)) < 80 else ""
        parts.append(f"{f.service or '?'}: {f.path.split('.')[-1]}{value}")
    more = f" and {len(found) - limit} more" if len(found) > limit else ""
    return "; ".join(parts) + more


def ensure(env: Environment) -> None:
    """A deploy needs a working tree and compose files."""
    if env.compose is None or not env.git.is_worktree:
        raise EnvsyncError(f"{env.name}: a deploy needs a working tree (git: PATH) and "
                           "compose files")


def proxy_container(current: dict[str, Any], service: str) -> str | None:
    """The name of the running container of the proxy's compose ``service``, or None."""
    for container in (current.get("containers") or {}).values():
        if container.get("service") == service and container.get("state") == "running":
            return str(container.get("name"))
    return None


def fixed_host_ports(service: dict[str, Any]) -> list[str]:
    """The ``ports:`` entries that publish a fixed host port (two containers cannot)."""
    out = []
    for port in service.get("ports") or []:
        published = port.get("published") if isinstance(port, dict) else None
        if published not in (None, "", "0", 0):
            out.append(f"{port.get('host_ip') or '0.0.0.0'}:{published}:{port.get('target')}")
    return out


def blue_green_problems(env: Environment, *, model: dict[str, Any], current: dict[str, Any],
                        services: list[str], strategies: dict[str, str],
                        docker: str = "docker") -> list[Refusal]:
    """Why the blue-green services cannot run twice behind the proxy, one line each: no
    proxy in envsync.yaml or no backend for the service (2), a ``container_name`` or a
    fixed host port (2), the proxy not running or without the backend's blue/green
    servers (1)."""
    from envsync.capture.engine import engine_url
    from envsync.proxy.haproxy import HAProxyRuntime, ProxyError

    blue = [s for s in services if strategies.get(s) == "blue-green"]
    if not blue:
        return []
    proxy = env.deploy.proxy
    where = f"environments.{env.name}.deploy"
    if proxy is None:
        return [Refusal(f"blue-green ({', '.join(blue)}) needs {where}.proxy in envsync.yaml "
                        "(service, preview_url, backends)", 2, blue[0])]
    declared = model.get("services") or {}
    out: list[Refusal] = []
    for name in blue:
        svc = declared.get(name) or {}
        if name not in proxy.backends:
            out.append(Refusal(f"blue-green {name}: no backend for it in {where}.proxy."
                               f"backends (the HAProxy backend whose blue/green servers "
                               f"serve {name})", 2, name))
        if svc.get("container_name"):
            out.append(Refusal(f"blue-green {name}: container_name "
                               f"{svc['container_name']!r} cannot run twice; remove it (or "
                               "use strategy recreate)", 2, name))
        fixed = fixed_host_ports(svc)
        if fixed:
            out.append(Refusal(f"blue-green {name}: a fixed host port ({', '.join(fixed)}) "
                               "cannot be published twice; let the proxy publish it (or use "
                               "strategy recreate)", 2, name))
    if out:
        return out
    container = proxy_container(current, proxy.service)
    if container is None:
        return [Refusal(f"blue-green ({', '.join(blue)}): the proxy service {proxy.service!r} "
                        "is not running; start it first", 1, blue[0])]
    # an exec per call: one or two commands, no session to leave open
    runtime = HAProxyRuntime.in_container(container, proxy.socket, docker=docker,
                                          docker_host=engine_url(env.docker), session=False)
    for name in blue:
        backend = proxy.backends[name]
        try:
            found = {s.name for s in runtime.servers(backend)}
        except ProxyError as exc:
            out.append(Refusal(f"blue-green {name}: {exc}", 1, name))
            continue
        if not {"blue", "green"} <= found:
            out.append(Refusal(f"blue-green {name}: HAProxy backend {backend!r} needs servers "
                               f"blue and green (it has {', '.join(sorted(found)) or 'none'})",
                               1, name))
    return out

