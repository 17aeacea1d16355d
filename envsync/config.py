"""envsync.yaml → typed settings. Every error names the file, the line and the key.

Lookup order: ``--config PATH``, then ``ENVSYNC_CONFIG``, then ``envsync.yaml`` in the
current folder or the nearest folder above it.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from envsync.configfile import CONFIG_NAME, find_config
from envsync.errors import ConfigError
from envsync.names import ENV_NAME_RULE, env_name_problem

if TYPE_CHECKING:
    from envsync.deploy.settings import DeploySettings
    from envsync.fleet.settings import EngineSpec
    from envsync.swarmconfig import SwarmSettings
    from envsync.watch.settings import WatchSettings

__all__ = [
    "CONFIG_NAME",
    "ComposeSpec",
    "Config",
    "Environment",
    "GitSource",
    "HealthCheck",
    "find_config",
    "load_config",
]


@dataclass(frozen=True)
class GitSource:
    """Where an environment's files come from.

    Either a working tree (``path``; ``branch`` optional: when set, that branch's commit
    is read instead of HEAD, without checking it out) or a remote branch of the
    repository that holds envsync.yaml (``remote`` + ``branch``), read without touching
    the working tree.
    """

    path: Path | None = None
    remote: str | None = None
    branch: str | None = None

    @property
    def is_worktree(self) -> bool:
        """True when the files are read from a working tree (uncommitted state included)."""
        return self.remote is None and self.branch is None


@dataclass(frozen=True)
class ComposeSpec:
    """The compose files (relative to the git root), project name and env file."""

    files: tuple[str, ...]
    project: str | None = None
    env_file: str | None = None
    profiles: tuple[str, ...] = ()


@dataclass(frozen=True)
class HealthCheck:
    """One HTTP check: ``expect_status`` is what counts as healthy."""

    name: str
    url: str
    method: str = "GET"
    json: Any = None
    expect_status: int = 200
    timeout_s: float = 5.0


@dataclass(frozen=True)
class Environment:
    """One environment: a git source, maybe a compose project, maybe an engine."""

    name: str
    git: GitSource
    compose: ComposeSpec | None = None
    docker: str | None = None
    runtime: bool = True
    health: tuple[HealthCheck, ...] = ()
    memory_limits_mb: dict[str, float] = field(default_factory=dict)
    # `deploy:` (envsync/deploy/settings.py): strategies, host memory; None = defaults
    deploy_node: DeploySettings | None = None
    # `swarm:` (envsync/swarmconfig.py): the environment is a stack on a Swarm
    swarm: SwarmSettings | None = None
    # `engines:` (envsync/fleet/settings.py): the hosts of a fleet, instead of `docker:`;
    # `workers:` of them captured at once
    engines: tuple[EngineSpec, ...] = ()
    workers: int = 32

    def one_engine(self, what: str) -> None:
        """Raise ConfigError when ``what`` (a command that acts on one engine) is asked of
        a fleet: deploys, rollbacks and patches run host by host, not on ``engines:``."""
        if self.engines:
            raise ConfigError(
                f"{self.name}: a fleet ({len(self.engines)} engines) is captured and compared "
                f"(snapshot, drift, diff, gate), but {what} works on one engine: add an "
                "environment with `docker:` for the host, or run it with Ansible per host "
                "(docs/scale.md)")

    @property
    def deploy(self) -> DeploySettings:
        """``envsync deploy``'s settings: the environment's ``deploy:`` over the defaults."""
        if self.deploy_node is None:
            from envsync.deploy.settings import DeploySettings

            return DeploySettings()
        return self.deploy_node


@dataclass(frozen=True)
class Config:
    """The whole envsync.yaml."""

    path: Path
    project: str
    snapshots_dir: Path
    environments: dict[str, Environment]
    ignore: tuple[str, ...] = ()
    expect_different: tuple[str, ...] = ()
    backups_dir: Path | None = None
    # `watch:` (envsync/watch/settings.py): alert rules, channels, /metrics; None = defaults
    watch_node: WatchSettings | None = None

    @property
    def watch(self) -> WatchSettings:
        """The watcher's settings: envsync.yaml's ``watch:`` block over the defaults."""
        if self.watch_node is None:
            from envsync.watch.settings import WatchSettings

            return WatchSettings()
        return self.watch_node

    @property
    def root(self) -> Path:
        """The folder holding envsync.yaml; relative paths start here."""
        return self.path.parent

    def environment(self, name: str) -> Environment:
        """The named environment, or an error listing the ones that exist."""
        from envsync.errors import UnknownEnvironmentError

        problem = env_name_problem(name)
        if problem is not None:
            raise UnknownEnvironmentError(problem)
        try:
            return self.environments[name]
        except KeyError:
            known = ", ".join(sorted(self.environments)) or "none"
            raise UnknownEnvironmentError(
                f"{self.path}: no environment named {name!r} (defined: {known})"
            ) from None


class _Reader:
    """Reads one YAML node tree and reports errors as ``file:line: key: problem``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: Any, key: str, problem: str) -> ConfigError:
        line = _line_of(node, key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {key}: {problem}")

    def mapping(self, parent: Any, key: str, value: Any, dotted: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(parent, key, f"{dotted} must be a mapping, got {_kind(value)}")
        return value

    def string(self, parent: Any, key: str, value: Any, dotted: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(parent, key, f"{dotted} must be a non-empty string, got {_kind(value)}")
        return self.printable(parent, key, value, dotted)

    def string_list(self, parent: Any, key: str, value: Any, dotted: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(parent, key, f"{dotted} must be a list of strings, got {_kind(value)}")
        return tuple(self.printable(parent, key, v, dotted) for v in value)

    def printable(self, parent: Any, key: str, value: str, dotted: str) -> str:
        # A NUL byte makes every OS call fail with ValueError, a newline splits the one-line
        # error, an escape sequence would reach the terminal: no path or name holds them.
        if _CONTROL.search(value):
            raise self.fail(parent, key, f"{dotted} holds a control character "
                                         f"(NUL, newline, escape): {value!a}")
        return value

    def number(self, parent: Any, key: str, value: Any, dotted: str) -> float:
        """A positive, finite number (NaN and infinity are YAML numbers too)."""
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0 \
                or not math.isfinite(value):
            raise self.fail(parent, key, f"{dotted} must be a positive number")
        return float(value)

    def unknown(self, node: dict[str, Any], allowed: set[str], dotted: str) -> None:
        for key in node:
            if key not in allowed:
                choices = ", ".join(sorted(allowed))
                raise self.fail(node, key, f"unknown key in {dotted} (expected one of: {choices})")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _line_of(node: Any, key: str) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        return int(lc.key(key)[0]) + 1
    except (KeyError, TypeError, AttributeError):
        line = getattr(lc, "line", None)
        return int(line) + 1 if line is not None else None


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    return repr(value)


_TOP_KEYS = {"project", "snapshots", "backups", "environments", "ignore", "expect_different",
             "watch"}
_ENV_KEYS = {"git", "compose", "docker", "health", "limits", "runtime", "deploy", "swarm",
             "engines", "workers"}
_GIT_KEYS = {"path", "remote", "branch"}
_COMPOSE_KEYS = {"files", "project", "env_file", "profiles"}
_HEALTH_KEYS = {"name", "url", "method", "json", "expect_status", "timeout"}


def load_config(path: Path | None = None) -> Config:
    """Read and check envsync.yaml; raises ConfigError naming file, line and key."""
    from ruamel.yaml.error import YAMLError

    from envsync.files import CONFIG_LIMIT, read_text_bounded
    from envsync.yamlload import bounded_yaml

    path = find_config(path)
    text = read_text_bounded(path, CONFIG_LIMIT, "config file", ConfigError)
    try:
        data = bounded_yaml("rt").load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{line}: not valid YAML: {problem}") from None
    return _parse(path.resolve(), data)


def _parse(path: Path, data: Any) -> Config:
    r = _Reader(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the file must be a mapping with an `environments` key")
    r.unknown(data, _TOP_KEYS, "the top level")
    root = path.parent
    project = data.get("project") or root.name
    if not isinstance(project, str):
        raise r.fail(data, "project", "project must be a string")
    snapshots = data.get("snapshots", "snapshots")
    snapshots = r.string(data, "snapshots", snapshots, "snapshots")
    backups = data.get("backups")
    backups_dir = root / r.string(data, "backups", backups, "backups") if backups else None
    if "environments" not in data:
        raise ConfigError(f"{path}:1: environments: missing (define at least one environment)")
    envs_node = r.mapping(data, "environments", data["environments"], "environments")
    if not envs_node:
        raise r.fail(data, "environments", "define at least one environment")
    for name in envs_node:
        if env_name_problem(str(name)) is not None:
            raise r.fail(envs_node, name, f"not a valid environment name (use {ENV_NAME_RULE})")
    environments = {
        str(name): _environment(r, envs_node, str(name), node, root)
        for name, node in envs_node.items()
    }
    ignore = r.string_list(data, "ignore", data.get("ignore") or [], "ignore")
    expect = r.string_list(
        data, "expect_different", data.get("expect_different") or [], "expect_different"
    )
    watch = None
    if data.get("watch") is not None:
        from envsync.watch.settings import parse_watch

        watch = parse_watch(r, data, data["watch"], set(environments))
    return Config(
        path=path,
        project=project,
        snapshots_dir=root / snapshots,
        environments=environments,
        ignore=ignore,
        expect_different=expect,
        backups_dir=backups_dir,
        watch_node=watch,
    )


def _environment(r: _Reader, parent: Any, name: str, node: Any, root: Path) -> Environment:
    where = f"environments.{name}"
    node = r.mapping(parent, name, node, where)
    r.unknown(node, _ENV_KEYS, where)
    if "git" not in node:
        raise r.fail(parent, name, f"{where}.git: missing (a path, or {{remote:, branch:}})")
    git = _git(r, node, node["git"], where, root)
    compose = None
    if node.get("compose") is not None:
        compose = _compose(r, node, node["compose"], where)
    docker = node.get("docker")
    if docker is not None:
        docker = r.string(node, "docker", docker, f"{where}.docker")
        from envsync.capture.engine import public_url
        from envsync.fleet.settings import engine_url_problem

        problem = engine_url_problem(docker)
        if problem is not None:
            raise r.fail(node, "docker", f"{where}.docker: {public_url(docker)!r} {problem}")
    runtime = node.get("runtime", True)
    if not isinstance(runtime, bool):
        raise r.fail(node, "runtime", f"{where}.runtime must be true or false")
    if git.remote is not None:
        runtime = False  # a remote branch is declared state only
    health = tuple(
        _health(r, node, item, f"{where}.health[{i}]")
        for i, item in enumerate(_list(r, node, "health", where))
    )
    limits = _limits(r, node, node.get("limits"), where)
    deploy = None
    if node.get("deploy") is not None:
        from envsync.deploy.settings import parse_deploy

        deploy = parse_deploy(r, node, node["deploy"], where)
    swarm = None
    if node.get("swarm") is not None:
        from envsync.swarmconfig import parse_swarm

        swarm = parse_swarm(r, node, node["swarm"], where)
        if compose is None:
            raise r.fail(node, "swarm", f"{where}.swarm: a stack needs `compose: {{files: "
                                        "[...]}}` (the files it is deployed from)")
        if compose.project is None:  # compose resolves the files as the stack's project
            import dataclasses

            compose = dataclasses.replace(compose, project=swarm.stack)
    engines, workers = _fleet(r, node, where, docker)
    if engines and swarm is not None:
        raise r.fail(node, "engines", f"{where}: give either swarm: (a stack) or engines: "
                                      "(a fleet of compose hosts), not both")
    return Environment(
        name=name, git=git, compose=compose, docker=docker, runtime=runtime,
        health=health, memory_limits_mb=limits, deploy_node=deploy, swarm=swarm,
        engines=engines, workers=workers,
    )


def _fleet(r: _Reader, node: dict[str, Any], where: str, docker: str | None
           ) -> tuple[tuple[EngineSpec, ...], int]:
    """``engines:`` and ``workers:`` (envsync/fleet/settings.py)."""
    if node.get("engines") is None and node.get("workers") is None:
        return (), 16
    from envsync.fleet.settings import DEFAULT_WORKERS, parse_engines, parse_workers

    if node.get("engines") is None:
        raise r.fail(node, "workers", f"{where}.workers: only for an environment with engines:")
    if docker is not None:
        raise r.fail(node, "engines", f"{where}: give either docker: (one engine) or "
                                      "engines: (a fleet), not both")
    workers = DEFAULT_WORKERS
    if node.get("workers") is not None:
        workers = parse_workers(r, node, node["workers"], where)
    return parse_engines(r, node, node["engines"], where), workers


def _list(r: _Reader, node: dict[str, Any], key: str, where: str) -> list[Any]:
    value = node.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise r.fail(node, key, f"{where}.{key} must be a list, got {_kind(value)}")
    return value


def _git(r: _Reader, parent: Any, node: Any, where: str, root: Path) -> GitSource:
    if isinstance(node, str):
        return GitSource(path=_real(root / r.printable(parent, "git", node, f"{where}.git")))
    node = r.mapping(parent, "git", node, f"{where}.git")
    r.unknown(node, _GIT_KEYS, f"{where}.git")
    path = node.get("path")
    remote = node.get("remote")
    branch = node.get("branch")
    if path is not None and remote is not None:
        raise r.fail(node, "remote", f"{where}.git: give either path or remote, not both")
    if path is None and remote is None:
        raise r.fail(parent, "git", f"{where}.git: needs a path, or a remote and a branch")
    if remote is not None:
        remote = r.string(node, "remote", remote, f"{where}.git.remote")
        if branch is None:
            raise r.fail(node, "remote", f"{where}.git.branch: missing (a remote needs a branch)")
    if branch is not None:
        branch = r.string(node, "branch", branch, f"{where}.git.branch")
    resolved = _real(root / r.string(node, "path", path, f"{where}.git.path")) if path else root
    return GitSource(path=resolved, remote=remote, branch=branch)


def _real(path: Path) -> Path:
    """``path`` with symlinks resolved; a symlink loop stays as written (git reports it
    when the path is used), where ``Path.resolve`` would raise RuntimeError."""
    return Path(os.path.realpath(path))


def _compose(r: _Reader, parent: Any, node: Any, where: str) -> ComposeSpec:
    where = f"{where}.compose"
    node = r.mapping(parent, "compose", node, where)
    r.unknown(node, _COMPOSE_KEYS, where)
    if "files" not in node:
        raise r.fail(parent, "compose", f"{where}.files: missing (the compose files, in order)")
    files = r.string_list(node, "files", node["files"], f"{where}.files")
    if not files:
        raise r.fail(node, "files", f"{where}.files: give at least one compose file")
    project = node.get("project")
    if project is not None:
        project = r.string(node, "project", project, f"{where}.project")
    env_file = node.get("env_file")
    if env_file is not None:
        env_file = r.string(node, "env_file", env_file, f"{where}.env_file")
    profiles = r.string_list(node, "profiles", node.get("profiles") or [], f"{where}.profiles")
    return ComposeSpec(files=files, project=project, env_file=env_file, profiles=profiles)


def _health(r: _Reader, parent: Any, node: Any, where: str) -> HealthCheck:
    if not isinstance(node, dict):
        raise r.fail(parent, "health", f"{where} must be a mapping with name and url")
    r.unknown(node, _HEALTH_KEYS, where)
    for key in ("name", "url"):
        if key not in node:
            raise r.fail(parent, "health", f"{where}.{key}: missing")
    name = r.string(node, "name", node["name"], f"{where}.name")
    url = r.string(node, "url", node["url"], f"{where}.url")
    problem = http_url_problem(url)
    if problem is not None:
        from envsync.capture.engine import public_url

        raise r.fail(node, "url", f"{where}.url: {public_url(url)!r} {problem}")
    method = r.string(node, "method", node.get("method", "GET"), f"{where}.method").upper()
    if not re.fullmatch(r"[A-Z]{1,16}", method):
        raise r.fail(node, "method", f"{where}.method: {method!r} is not an HTTP method")
    status = node.get("expect_status", 200)
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        raise r.fail(node, "expect_status", f"{where}.expect_status must be an HTTP status")
    timeout = r.number(node, "timeout", node.get("timeout", 5.0), f"{where}.timeout (seconds)")
    if timeout > _MAX_TIMEOUT_S:  # 1e308 s overflows every clock
        raise r.fail(node, "timeout", f"{where}.timeout must be at most {_MAX_TIMEOUT_S} seconds")
    body = _plain(node.get("json"))
    bad = _not_json(body)
    if bad:  # YAML has more types than JSON: !!binary, dates, sets, NaN
        raise r.fail(node, "json", f"{where}.json holds {bad}, which JSON cannot send")
    return HealthCheck(name=name, url=url, method=method, json=body,
                       expect_status=status, timeout_s=timeout)


def _limits(r: _Reader, parent: Any, node: Any, where: str) -> dict[str, float]:
    if node is None:
        return {}
    node = r.mapping(parent, "limits", node, f"{where}.limits")
    r.unknown(node, {"memory_mb"}, f"{where}.limits")
    mem = node.get("memory_mb") or {}
    mem = r.mapping(node, "memory_mb", mem, f"{where}.limits.memory_mb")
    out: dict[str, float] = {}
    for service, value in mem.items():
        out[str(service)] = r.number(mem, service, value, f"{where}.limits.memory_mb.{service}")
    return out


_MAX_TIMEOUT_S = 3600


def http_url_problem(url: str) -> str | None:
    """Why ``url`` is not an http(s) URL a check can be sent to, or None: caught here, not
    mid-deploy (``http://h:99999/``, ``http://``, a space)."""
    from urllib.parse import urlsplit

    if not url.startswith(("http://", "https://")):
        return "is not an http(s) URL"
    if re.search(r"\s", url):
        return "holds a space"
    try:
        parts = urlsplit(url)
        _port = parts.port  # reading it checks it (a number, 0-65535)
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if not parts.hostname:
        return "names no host"
    return None


def _not_json(value: Any) -> str | None:
    """What in ``value`` has no JSON form (``a date``, ``NaN``), or None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, float) and not math.isfinite(item):
            return str(item)
        elif not isinstance(item, str | int | float | bool) and item is not None:
            return f"a {type(item).__name__}"
    return None


def _plain(value: Any) -> Any:
    """ruamel's commented containers → plain dicts and lists (for JSON)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
