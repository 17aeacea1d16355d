"""Reaching a Docker engine: which URL, how to connect, and which errors mean "engine trouble".

The ``docker`` package is imported inside functions only: ``envsync --help`` must not pay for it.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from envsync.errors import EngineError

__all__ = [
    "API_TIMEOUT_S",
    "DEFAULT_SOCKET",
    "SSH_CHANNELS",
    "SSH_MAX_CONNECTIONS",
    "connect",
    "describe",
    "engine_errors",
    "engine_url",
    "has_image",
    "image_digests",
    "lanes",
    "local_engine",
    "public_url",
    "save_image",
]

DEFAULT_SOCKET = "unix:///var/run/docker.sock"
API_TIMEOUT_S = 30
"""Per API call. A stats call takes 1-2 s; anything near this limit means a hung engine."""
SSH_CONNECT_TIMEOUT_S = 10.0
SSH_CHANNELS = 8
"""API calls at once on one SSH connection: each is one SSH channel, to the engine's socket
(envsync/capture/sshdial.py) or, where the server refuses that, a session running
``docker system dial-stdio``; sshd's default ``MaxSessions`` is 10 per connection, so stay
under it."""
SSH_MAX_CONNECTIONS = 4
"""SSH connections one capture may open: stats calls asked at once are answered on the
engine's same 1-2 s tick, so more connections mean fewer rounds, but each costs a key
exchange on both sides (and, where dial-stdio is used, each session a process on the
server). Measured for 50 containers over ssh (dial-stdio) to this machine: 1 connection
15 s, 2: 8.4 s, 4: 7.7 s, 7: 9-11 s
(``docker stats --no-stream`` over the same ssh: 12 s). Well under sshd's default
``MaxStartups`` (10 unauthenticated connections at once)."""
LOCAL_PARALLEL = 64
_FIRST_API_VERSION = "1.24"
"""docker-py's oldest, set on an ssh:// client until the engine has said its own."""


def engine_url(docker: str | None) -> str:
    """The engine URL to use: the environment's ``docker:``, else DOCKER_HOST, else the socket."""
    return docker or os.environ.get("DOCKER_HOST") or DEFAULT_SOCKET


def local_engine(docker: str | None) -> bool:
    """Whether the engine of an environment whose ``docker:`` is ``docker`` runs on this
    machine, so that its containers' files (/proc, /sys/fs/cgroup) are this machine's: a
    ``unix://`` URL (the environment's, else DOCKER_HOST), or neither and no docker context
    chosen (``DOCKER_CONTEXT``, else ``currentContext`` in the docker CLI's config.json: the
    CLI, compose, would go there). The docker CLI's own order, as
    :mod:`envsync.capture.sshdial` asks it of a server. A local socket may still lead into a
    VM (Docker Desktop) or another pid namespace (rootless): a caller that uses the
    engine's pids checks that they are the container's."""
    url = docker or os.environ.get("DOCKER_HOST")
    if url:
        return url.startswith("unix://")
    context = os.environ.get("DOCKER_CONTEXT")
    if not context:
        try:
            home = Path(os.environ.get("DOCKER_CONFIG") or Path.home() / ".docker")
            config = json.loads((home / "config.json").read_text())
        except FileNotFoundError:
            return True
        except (OSError, ValueError, RuntimeError):  # unreadable, not JSON, no home: unknown
            return False
        context = config.get("currentContext") if isinstance(config, dict) else None
    return context in (None, "", "default")


def public_url(url: str) -> str:
    """``url`` without any password (safe to record in a snapshot)."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        port = parts.port
    except ValueError:  # an unparsable URL, or a port that is not a number: cut blindly
        import re

        return re.sub(r"^([\w+.-]+://[^/@:]*):[^/]*@", r"\1@", url)
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def lanes(url: str, running: int) -> tuple[int, int]:
    """``(connections, calls at once on each)`` to read ``running`` containers' stats.

    A local or TCP engine takes many calls on one client; over ssh:// each connection takes
    at most :data:`SSH_CHANNELS`, so more connections are opened, up to a limit.
    """
    if url.startswith("ssh://"):
        connections = -(-max(running, 1) // SSH_CHANNELS)
        return min(connections, SSH_MAX_CONNECTIONS), SSH_CHANNELS
    return 1, LOCAL_PARALLEL


def engine_errors() -> tuple[type[BaseException], ...]:
    """The exception types that mean the engine is unreachable, failing or went away.

    Anything else raised while talking to the engine is a bug in envsync and propagates.
    """
    import docker.errors  # type: ignore[import-untyped]
    import requests
    import urllib3.exceptions

    kinds: list[type[BaseException]] = [
        docker.errors.DockerException,
        requests.exceptions.RequestException,
        urllib3.exceptions.HTTPError,
        OSError,  # sockets: refused, reset, broken pipe, timeouts
        EngineError,
        ValueError,  # a half-written JSON answer from an engine that died mid-reply
    ]
    try:
        import paramiko  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - paramiko is a dependency; ssh:// needs it
        pass
    else:
        kinds.append(paramiko.SSHException)
    return tuple(kinds)


def _check_ssh_reachable(url: str) -> None:
    # The docker package opens the SSH connection with no timeout: a host that drops
    # packets would hang the capture for minutes. Try the TCP port first, briefly.
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 22
    try:
        with socket.create_connection((host, port), timeout=SSH_CONNECT_TIMEOUT_S):
            pass
    except OSError as exc:
        raise EngineError(f"cannot reach {host}:{port} over SSH: {exc}") from None


def connect(url: str, *, pool_size: int = LOCAL_PARALLEL) -> Any:
    """A connected ``docker.DockerClient`` for ``url`` whose engine has answered a ping.

    Raises one of :func:`engine_errors` (EngineError with a helpful message where we can
    tell why) when the engine cannot be reached.
    """
    import docker

    ssh = url.startswith("ssh://")
    if ssh:
        _check_ssh_reachable(url)
        pool_size = min(pool_size, SSH_CHANNELS)
    try:
        # paramiko for ssh:// (no ssh binary needed); version "auto" negotiates down to
        # older engines (Debian's 20.10 speaks API 1.41). Over ssh the version is asked
        # below, once the connection is routed (its first call decides the route).
        client = docker.DockerClient(
            base_url=url, version=_FIRST_API_VERSION if ssh else "auto",
            timeout=API_TIMEOUT_S, max_pool_size=pool_size, use_ssh_client=False,
        )
    except docker.errors.DockerException as exc:
        raise EngineError(f"cannot reach the Docker engine at {public_url(url)}: "
                          f"{describe(exc)}") from None
    if url.startswith(("unix://", "ssh://", "npipe://")):
        # requests reads proxy settings from the whole environment on every call (about a
        # millisecond each, a watcher's largest cost per round); no proxy applies to these
        client.api.trust_env = False
    try:
        if ssh:
            from envsync.capture import sshdial

            sshdial.install(client.api)
            version = client.api.version(api_version=False).get("ApiVersion")
            if not isinstance(version, str):
                raise EngineError(f"the Docker engine at {public_url(url)} did not say "
                                  "its API version")
            client.api._version = version  # it answered: no ping needed
        else:
            client.ping()
    except BaseException:
        client.close()  # the SSH connection, when there is one
        raise
    return client


_KNOWN_CAUSES = (
    # (marker in docker-py / requests / urllib3's nested message, what it means)
    ("Connection refused", "connection refused"),
    ("No such file or directory", "no engine socket there"),
    ("Permission denied", "permission denied"),
    ("RemoteDisconnected", "the engine closed the connection (did it stop?)"),
    ("Connection aborted", "the engine closed the connection (did it stop?)"),
    ("Connection reset", "the engine reset the connection (did it stop?)"),
    ("Broken pipe", "the engine closed the connection (did it stop?)"),
    ("timed out", "timed out"),
    ("Name or service not known", "unknown host name"),
    ("Authentication failed", "SSH authentication failed"),
    # sshd could not connect the forwarded channel to the engine's socket (sshdial.py)
    ("'Connect failed'", "the engine's socket did not answer through SSH (is the engine running?)"),
)


def describe(exc: BaseException) -> str:
    """A one-line reason for an engine error, without docker-py's nested URL dumps."""
    text = str(exc).strip() or type(exc).__name__
    for marker, meaning in _KNOWN_CAUSES:
        if marker in text:
            return meaning
    return text if len(text) <= 300 else text[:297] + "..."


def save_image(client: Any, image_id: str, dest: Path) -> None:
    """``docker save IMAGE_ID`` into ``dest``: streamed to a temp file beside it, then
    renamed, so ``dest`` is whole or absent. Raises one of :func:`engine_errors`."""
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        with tmp.open("wb") as fh:
            for chunk in client.api.get_image(image_id, chunk_size=1 << 20):
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def image_digests(client: Any, image_id: str) -> list[str]:
    """The registry digests (``repo@sha256:…``) the engine knows for an image; [] when
    none, or when the engine cannot say."""
    try:
        return sorted(client.api.inspect_image(image_id).get("RepoDigests") or [])
    except engine_errors():
        return []


def has_image(client: Any, image_id: str) -> bool:
    """Whether the engine still holds the image (False as well when it cannot say)."""
    try:
        client.api.inspect_image(image_id)
    except engine_errors():
        return False
    return True
