"""The ``deploy:`` block of an environment in envsync.yaml (the blue-green part follows
/work/wt/BLUEGREEN-CONTRACT.md: ``watch_window``, ``proxy:``, ``smoke:``)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["STRATEGIES", "DeploySettings", "ProxySettings", "SmokeCheck", "parse_deploy"]

STRATEGIES = ("recreate", "blue-green")
_KEYS = {"strategy", "host_memory_mb", "health_timeout", "watch_window", "proxy", "smoke",
         "restore_images"}
IMAGE_CHOICES = ("all", "cheap", "none")
_PROXY_KEYS = {"service", "socket", "preview_url", "backends"}
_SMOKE_KEYS = {"method", "path", "json", "expect", "timeout"}
DEFAULT_SOCKET = "/run/haproxy/admin.sock"
_METHOD = re.compile(r"[A-Z]{1,16}")
_BACKEND_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:")


@dataclass(frozen=True)
class ProxySettings:
    """The HAProxy a blue-green deploy switches: its compose service, the runtime API's
    socket inside that container, the preview frontend as the host reaches it, and the
    backend of each blue-green service."""

    service: str
    preview_url: str
    socket: str = DEFAULT_SOCKET
    backends: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SmokeCheck:
    """One request sent to a new container through the preview frontend."""

    path: str
    method: str = "GET"
    json: Any = None
    expect: int = 200
    timeout_s: float = 5.0

    @property
    def name(self) -> str:
        return f"smoke {self.method} {self.path}"


@dataclass(frozen=True)
class DeploySettings:
    """How ``envsync deploy`` changes one environment."""

    strategy: dict[str, str] = field(default_factory=dict)
    """service → ``recreate`` or ``blue-green``; the others get the default."""
    host_memory_mb: float | None = None
    """The engine host's memory, instead of what the engine reports (a VM smaller than
    the machine the engine runs on; tests)."""
    health_timeout_s: float = 60.0
    """How long a recreated service may take to run (and pass its image's health check)."""
    watch_window_s: float = 60.0
    """After a blue-green switch, how long the new container is watched (the old one kept)."""
    proxy: ProxySettings | None = None
    smoke: dict[str, tuple[SmokeCheck, ...]] = field(default_factory=dict)
    restore_images: str = "all"
    """What the restore point keeps of the images (``envsync backup``'s choices): ``all``
    saves them (level-2 rollback works), ``cheap`` reuses archives already saved, ``none``
    records their ids only (a large image on a slow disk)."""


MAX_SECONDS = 86_400
"""The longest watch window, health or smoke timeout: a day (1e308 s is a finite number
that no clock or ``--wait-timeout`` can hold)."""


def _positive(r: Any, node: dict[str, Any], key: str, where: str, *,
              seconds: bool = True) -> float | None:
    value = node.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0 \
            or not math.isfinite(value):  # .inf overflows every clock
        unit = " of seconds (60, not '1m' or '60s')" if seconds else ""
        raise r.fail(node, key, f"{where}.{key} must be a positive number{unit}, "
                                f"got {value!r}")
    if seconds and value > MAX_SECONDS:
        raise r.fail(node, key, f"{where}.{key} must be at most {MAX_SECONDS} seconds, "
                                f"got {value!r}")
    return float(value)


def _proxy(r: Any, parent: Any, node: Any, where: str) -> ProxySettings:
    where = f"{where}.proxy"
    node = r.mapping(parent, "proxy", node, where)
    r.unknown(node, _PROXY_KEYS, where)
    for key in ("service", "preview_url"):
        if node.get(key) is None:
            raise r.fail(parent, "proxy", f"{where}.{key}: missing")
    service = r.string(node, "service", node["service"], f"{where}.service")
    preview = r.string(node, "preview_url", node["preview_url"], f"{where}.preview_url")
    from envsync.capture.engine import public_url
    from envsync.config import http_url_problem

    problem = http_url_problem(preview)
    if problem is not None:
        raise r.fail(node, "preview_url", f"{where}.preview_url: {public_url(preview)!r} "
                     f"{problem}")
    socket = r.string(node, "socket", node.get("socket", DEFAULT_SOCKET), f"{where}.socket")
    if not socket.startswith("/"):
        raise r.fail(node, "socket", f"{where}.socket: {socket!r} must be an absolute path "
                     "inside the proxy's container")
    backends: dict[str, str] = {}
    if node.get("backends") is not None:
        chosen = r.mapping(node, "backends", node["backends"], f"{where}.backends")
        for svc, backend in chosen.items():
            name = r.string(chosen, svc, backend, f"{where}.backends.{svc}")
            if not set(name) <= _BACKEND_CHARS:
                # it goes into a runtime API command: no spaces, no ';'
                raise r.fail(chosen, svc, f"{where}.backends.{svc}: {name!r} is not a "
                             "HAProxy backend name")
            backends[str(svc)] = name
    return ProxySettings(service=service, preview_url=preview.rstrip("/"), socket=socket,
                         backends=backends)


def _smoke(r: Any, parent: Any, node: Any, where: str) -> dict[str, tuple[SmokeCheck, ...]]:
    where = f"{where}.smoke"
    node = r.mapping(parent, "smoke", node, where)
    out: dict[str, tuple[SmokeCheck, ...]] = {}
    for svc, items in node.items():
        if not isinstance(items, list):
            raise r.fail(node, svc, f"{where}.{svc} must be a list of checks")
        checks = []
        for i, item in enumerate(items):
            at = f"{where}.{svc}[{i}]"
            if not isinstance(item, dict):
                raise r.fail(node, svc, f"{at} must be a mapping with path")
            r.unknown(item, _SMOKE_KEYS, at)
            if item.get("path") is None:
                raise r.fail(node, svc, f"{at}.path: missing")
            path = r.string(item, "path", item["path"], f"{at}.path")
            if not path.startswith("/"):
                raise r.fail(item, "path", f"{at}.path: {path!r} must start with /")
            method = r.string(item, "method", item.get("method", "GET"), f"{at}.method").upper()
            if not _METHOD.fullmatch(method):
                raise r.fail(item, "method", f"{at}.method: {method!r} is not an HTTP method")
            expect = item.get("expect", 200)
            if not isinstance(expect, int) or isinstance(expect, bool) \
                    or not 100 <= expect <= 599:
                raise r.fail(item, "expect", f"{at}.expect must be an HTTP status")
            timeout = _positive(r, item, "timeout", at)
            from envsync.config import _not_json, _plain

            body = _plain(item.get("json"))
            bad = _not_json(body)
            if bad:  # YAML has more types than JSON: !!binary, dates, sets, NaN
                raise r.fail(item, "json", f"{at}.json holds {bad}, which JSON cannot send")
            checks.append(SmokeCheck(path=path, method=method, json=body,
                                     expect=expect, timeout_s=timeout or 5.0))
        out[str(svc)] = tuple(checks)
    return out


def parse_deploy(r: Any, parent: Any, node: Any, where: str) -> DeploySettings:
    """``deploy:`` → DeploySettings; ``r`` is config's reader (errors name file and line)."""
    if node is None:
        return DeploySettings()
    where = f"{where}.deploy"
    node = r.mapping(parent, "deploy", node, where)
    r.unknown(node, _KEYS, where)
    strategy: dict[str, str] = {}
    if node.get("strategy") is not None:
        chosen = r.mapping(node, "strategy", node["strategy"], f"{where}.strategy")
        for service, value in chosen.items():
            if value not in STRATEGIES:
                raise r.fail(chosen, service, f"{where}.strategy.{service}: {value!r} is not a "
                             f"strategy (choose {' or '.join(STRATEGIES)})")
            strategy[str(service)] = str(value)
    timeout = _positive(r, node, "health_timeout", where)
    window = _positive(r, node, "watch_window", where)
    proxy = _proxy(r, node, node["proxy"], where) if node.get("proxy") is not None else None
    smoke = _smoke(r, node, node["smoke"], where) if node.get("smoke") is not None else {}
    images = node.get("restore_images", "all")
    if images not in IMAGE_CHOICES:
        raise r.fail(node, "restore_images", f"{where}.restore_images: {images!r} (choose "
                     f"{', '.join(IMAGE_CHOICES)})")
    return DeploySettings(strategy=strategy,
                          host_memory_mb=_positive(r, node, "host_memory_mb", where,
                                                   seconds=False),
                          health_timeout_s=timeout if timeout is not None else 60.0,
                          watch_window_s=window if window is not None else 60.0,
                          proxy=proxy, smoke=smoke, restore_images=str(images))
