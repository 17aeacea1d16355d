"""An environment's ``engines:`` (the hosts of a fleet) and ``workers:``, read from
envsync.yaml with errors naming the file, the line and the key."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from envsync.errors import ConfigError

if TYPE_CHECKING:
    from envsync.config import _Reader

__all__ = ["DEFAULT_WORKERS", "ENGINE_SCHEMES", "EngineSpec", "default_name",
           "engine_url_problem", "parse_engines", "parse_workers"]

DEFAULT_WORKERS = 32
"""Hosts captured at once. A host's capture mostly waits (its engine answers stats on a 1-2 s
tick) and costs this machine about 0.02-0.05 s of CPU and 0.5 MB (bench/fleet_capture.py), so
the time of a fleet is rounds of ``hosts / workers``: 32 reads 50 hosts in 2 rounds and 500
in 16 (16 would take 32), while envsync's Python, one core for all threads, stays a third
to half busy at a few seconds a round. The bound keeps a 500-host fleet from opening
thousands of SSH connections and threads at once: each host holds 1-4 connections of up to
8 channels (docs/scale.md)."""
MAX_WORKERS = 64
ENGINE_SCHEMES = ("unix://", "tcp://", "ssh://", "npipe://", "http://")
HOST_NAME_RULE = "letters, digits and '-', '_', '.', ':', '@' (not first), at most 128 characters"
_HOST_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:@-]{0,127}")
_ENGINE_KEYS = {"name", "url", "project"}


_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def engine_url_problem(url: str) -> str | None:
    """Why ``url`` is not an engine URL envsync will hand to docker, or None.

    Beyond the scheme: no space or control character, and no user or host starting with
    ``-``. The docker CLI (deploy and rollback scripts, ``DOCKER_HOST``) runs ``ssh`` with
    the URL's user and host as arguments, where ``ssh://-oProxyCommand=…`` would be an
    option, not a host."""
    from urllib.parse import urlsplit

    if not url.startswith(ENGINE_SCHEMES):
        return "is not an engine URL (unix://, tcp:// or ssh://user@host[:port])"
    if _SPACE_OR_CONTROL.search(url):
        return "holds a space or a control character"
    if url.startswith(("unix://", "npipe://")):
        return None
    try:
        parts = urlsplit(url)
        _port = parts.port  # reading it checks it
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    host, user = parts.hostname or "", parts.username or ""
    if not host:
        return "names no host"
    if host.startswith("-") or user.startswith("-"):
        return "has a user or host starting with '-' (ssh would read it as an option)"
    return None


@dataclass(frozen=True)
class EngineSpec:
    """One host of a fleet: its name in findings, its engine URL and, when the app runs
    there under another compose project name than the environment's, that name."""

    name: str
    url: str
    project: str | None = None


def default_name(url: str) -> str:
    """The name a host gets when envsync.yaml gives none: ``local`` for a socket, else
    the URL's host (and port, when one is given), without user or password."""
    from urllib.parse import urlsplit

    if url.startswith(("unix://", "npipe://")):
        return "local"
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or url, parts.port
    except ValueError:
        return url
    return f"{host}:{port}" if port is not None else host


def parse_engines(r: _Reader, parent: Any, node: Any, where: str) -> tuple[EngineSpec, ...]:
    """``engines:``: a list of engine URLs, or ``{name, url, project}`` mappings."""
    from envsync.capture.engine import public_url

    where = f"{where}.engines"
    if not isinstance(node, list) or not node:
        raise r.fail(parent, "engines", f"{where} must be a list of engine URLs "
                                        "(or {name, url} mappings), at least one")
    out: list[EngineSpec] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(node):
        at = f"{where}[{i}]"
        name: str | None = None
        project: str | None = None
        holder: Any = None
        if isinstance(item, dict):
            r.unknown(item, _ENGINE_KEYS, at)
            if "url" not in item:
                raise _item_error(r, node, i, f"{at}.url: missing (the host's engine URL)")
            url = r.string(item, "url", item["url"], f"{at}.url")
            if item.get("name") is not None:
                name = r.string(item, "name", item["name"], f"{at}.name")
            if item.get("project") is not None:
                project = r.string(item, "project", item["project"], f"{at}.project")
            holder = item
        elif isinstance(item, str):
            if not item.strip():
                raise _item_error(r, node, i, f"{at} must be a non-empty engine URL")
            url = r.printable(parent, "engines", item, at)
        else:
            raise _item_error(r, node, i, f"{at} must be an engine URL or a {{name, url}} mapping")
        def fail(key: str, problem: str) -> ConfigError:
            return r.fail(holder, key, problem) if holder is not None \
                else _item_error(r, node, i, problem)  # noqa: B023 - called at once

        problem = engine_url_problem(url)
        if problem is not None:
            raise fail("url", f"{at}: {public_url(url)!r} {problem}")
        name = name or default_name(url)
        if not _HOST_NAME.fullmatch(name):
            raise fail("name", f"{at}.name: {name!r} is not a valid host name "
                               f"({HOST_NAME_RULE})")
        if name in seen:
            raise fail("name", f"{at}: the host name {name!r} is also {where}[{seen[name]}]'s;"
                               " give each a distinct `name:`")
        seen[name] = i
        out.append(EngineSpec(name=name, url=url, project=project))
    return tuple(out)


def _item_error(r: _Reader, seq: Any, index: int, problem: str) -> ConfigError:
    """An error at item ``index`` of a YAML list: ``file:line: engines: problem``."""
    line: int | None = None
    with contextlib.suppress(AttributeError, KeyError, TypeError):
        line = int(seq.lc.item(index)[0]) + 1
    where = f"{r.path}:{line}" if line else str(r.path)
    return ConfigError(f"{where}: engines: {problem}")


def parse_workers(r: _Reader, parent: Any, node: Any, where: str) -> int:
    """``workers:``: how many hosts are captured at once (1-64)."""
    if not isinstance(node, int) or isinstance(node, bool) or not 1 <= node <= MAX_WORKERS:
        raise r.fail(parent, "workers", f"{where}.workers must be a whole number from 1 to "
                                        f"{MAX_WORKERS} (hosts captured at once)")
    return node
