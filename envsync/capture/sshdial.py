"""How an ssh:// engine connection reaches the engine: the engine's socket through the SSH
connection itself, or ``docker system dial-stdio`` on the server when that is refused.

docker-py (with paramiko) opens every API connection as one SSH session running
``docker system dial-stdio`` on the server: a Go process per connection, which on a loaded
host (or ten "hosts" on one machine) is most of a capture's cost. OpenSSH can instead
connect a channel to a Unix socket on the server itself (``direct-streamlocal@openssh.com``,
OpenSSH's PROTOCOL section 2.4; ``ssh -L local.sock:/var/run/docker.sock``): no process is
started, sshd relays the bytes. It is refused where the server disallows it
(``AllowStreamLocalForwarding no``, ``DisableForwarding``, ``restrict`` or
``no-port-forwarding`` on the key); then the connection falls back to dial-stdio, as before.

Which socket: the one the remote ``DOCKER_HOST`` names when it is ``unix://PATH``, else
``/var/run/docker.sock``. Where the docker CLI there would go elsewhere (``DOCKER_HOST`` of
another kind, ``DOCKER_CONTEXT``, or a ``currentContext`` in its config.json) the connection
is left to dial-stdio, which follows it. This is asked once per SSH connection, by a short
``sh`` line (one short-lived process instead of one per API connection) that never prints
the config file (it holds registry credentials).

Host keys are checked exactly as docker-py does (its client, known_hosts, RejectPolicy): this
module only changes what runs inside the authenticated connection.

Imported by :func:`envsync.capture.engine.connect` for ssh:// URLs only (it imports docker
and paramiko).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import paramiko  # type: ignore[import-untyped]
from docker.transport.sshconn import (  # type: ignore[import-untyped]
    SSHConnection,
    SSHConnectionPool,
)

__all__ = ["DEFAULT_SOCKET_PATH", "DIAL_STDIO", "install", "open_streamlocal", "route_of"]

DEFAULT_SOCKET_PATH = "/var/run/docker.sock"
DIAL_STDIO = "dial-stdio"
STREAMLOCAL = "direct-streamlocal@openssh.com"
_PROBE_TIMEOUT_S = 10.0
_POOL_KEY = "http+docker://ssh/"


class _QuietRefusals(logging.Filter):
    """paramiko logs a refused channel at ERROR, which Python prints to stderr when the
    program configures no logging; the refusal is raised too, and a refused streamlocal
    channel is expected (dial-stdio then), so the log line is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "open FAILED" not in record.getMessage()


logging.getLogger("paramiko.transport").addFilter(_QuietRefusals())


def open_streamlocal(transport: Any, path: str, timeout: float) -> Any:
    """A channel connected to the Unix socket ``path`` on the server, or
    ``paramiko.ChannelException`` when the server refuses (or cannot connect to) it.

    paramiko's ``Transport.open_channel`` packs the open message's addresses only for the
    tcpip and x11 kinds (paramiko#544, open since 2015), so this is that method with the
    streamlocal fields: after the common ones come ``string socket path``, ``string
    reserved`` and ``uint32 reserved`` (OpenSSH PROTOCOL 2.4; JSch's
    ChannelDirectStreamLocal sends the same). The rest (the channel table, the event
    the reply sets) is paramiko's own bookkeeping, done as open_channel does it.
    """
    from paramiko.common import cMSG_CHANNEL_OPEN  # type: ignore[import-untyped]

    if not transport.active:
        raise paramiko.SSHException("SSH session not active")
    with transport.lock:
        window = transport._sanitize_window_size(None)
        packet_size = transport._sanitize_packet_size(None)
        chanid = transport._next_channel()
        m = paramiko.Message()
        m.add_byte(cMSG_CHANNEL_OPEN)
        m.add_string(STREAMLOCAL)
        m.add_int(chanid)
        m.add_int(window)
        m.add_int(packet_size)
        m.add_string(path)
        m.add_string("")
        m.add_int(0)
        chan = paramiko.Channel(chanid)
        transport._channels.put(chanid, chan)
        event = transport.channel_events[chanid] = threading.Event()
        transport.channels_seen[chanid] = True
        chan._set_transport(transport)
        chan._set_window(window, packet_size)
    transport._send_user_message(m)
    deadline = time.monotonic() + timeout
    while not event.wait(0.1):
        if not transport.active:
            raise transport.get_exception() or paramiko.SSHException("Unable to open channel.")
        if time.monotonic() > deadline:
            raise paramiko.SSHException("Timeout opening channel.")
    opened = transport._channels.get(chanid)
    if opened is None:  # refused: paramiko saved the server's reason
        raise transport.get_exception() or paramiko.SSHException("Unable to open channel.")
    return opened


def _dial_stdio(transport: Any, timeout: float) -> Any:
    # docker-py's own way (docker.transport.sshconn.SSHConnection.connect)
    chan = transport.open_session(timeout=timeout)
    chan.settimeout(timeout)
    chan.exec_command("docker system dial-stdio")
    return chan


_PROBE = ("sh -c 'if [ -n \"${DOCKER_HOST-}\" ]; then echo \"host $DOCKER_HOST\"; "
          "elif [ -n \"${DOCKER_CONTEXT-}\" ] || grep -qs currentContext "
          "\"${DOCKER_CONFIG:-$HOME/.docker}/config.json\"; then echo context; "
          "else echo default; fi'")
"""What the docker CLI on the server would connect to (see the module's text); run by the
user's login shell, so it is one ``sh -c`` line that fish or zsh pass on unchanged."""


def _remote_socket(transport: Any) -> str | None:
    """The engine socket the server's docker CLI would use (``/var/run/docker.sock`` unless
    ``DOCKER_HOST`` names another), or None when it would go elsewhere or the answer is not
    understood (dial-stdio follows the CLI then)."""
    chan = transport.open_session(timeout=_PROBE_TIMEOUT_S)
    try:
        chan.settimeout(_PROBE_TIMEOUT_S)
        chan.exec_command(_PROBE)
        chan.shutdown_write()  # a forced command reading stdin sees its end
        out = b""
        while chunk := chan.recv(4096):
            out += chunk
            if len(out) > 4096:
                return None
    finally:
        chan.close()
    answer = out.decode("utf-8", "replace").strip()
    if answer == "default":
        return DEFAULT_SOCKET_PATH
    path = answer.removeprefix("host unix://")
    if path != answer and path.startswith("/") and "\n" not in path:
        return path
    return None  # another kind of DOCKER_HOST, a context, or a shell we do not understand


class _Route:
    """How one SSH connection reaches the engine: decided at its first API connection
    (``printenv DOCKER_HOST``, then a streamlocal channel), then kept for the others."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.how: str | None = None  # a socket path, DIAL_STDIO, or None while undecided

    def open(self, transport: Any, timeout: float) -> Any:
        how = self.how
        if how is None:
            with self.lock:
                if self.how is None:
                    return self._first(transport, timeout)
                how = self.how
        if how == DIAL_STDIO:
            return _dial_stdio(transport, timeout)
        return open_streamlocal(transport, how, timeout)

    def _first(self, transport: Any, timeout: float) -> Any:
        try:
            path = _remote_socket(transport)
        except (paramiko.SSHException, OSError):
            path = None  # no shell for us there (a forced command?): dial-stdio as before
        if path is not None:
            try:
                chan = open_streamlocal(transport, path, timeout)
            except paramiko.ChannelException:
                pass  # refused (forwarding not allowed) or no socket there: dial-stdio
            except (AttributeError, TypeError):
                pass  # a paramiko whose internals moved (open_streamlocal): dial-stdio
            else:
                self.how = path
                return chan
        self.how = DIAL_STDIO
        return _dial_stdio(transport, timeout)


class _Connection(SSHConnection):  # type: ignore[misc]
    def __init__(self, route: _Route, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.route = route

    def connect(self) -> None:
        sock = self.route.open(self.ssh_transport, self.timeout)
        sock.settimeout(self.timeout)
        self.sock = sock


class _Pool(SSHConnectionPool):  # type: ignore[misc]
    def __init__(self, route: _Route, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.route = route

    def _new_conn(self) -> _Connection:
        return _Connection(self.route, self.ssh_transport, self.timeout, self.ssh_host)


def install(api: Any) -> bool:
    """Route ``api``'s (a docker ``APIClient`` for an ssh:// URL, before its first call)
    connections as the module says, all through one pool of at most its ``max_pool_size``.

    docker-py keys its SSH pools by the full request URL, so by itself every container's
    inspect or stats call would open a new session; one pool reuses them. This reaches into
    docker-py's adapter; if that ever changes shape, False: the client is left as docker-py
    made it (slower, still correct)."""
    adapter: Any = getattr(api, "_custom_adapter", None)
    original = getattr(adapter, "get_connection", None)
    pools = getattr(adapter, "pools", None)
    ssh_client = getattr(adapter, "ssh_client", None)
    if original is None or pools is None or ssh_client is None:
        return False
    route = _Route()
    pools[_POOL_KEY] = _Pool(route, ssh_client=ssh_client, timeout=adapter.timeout,
                             maxsize=adapter.max_pool_size, host=adapter.ssh_host)

    def one_pool(_url: str, proxies: Any = None) -> Any:
        return original(_POOL_KEY, proxies)

    adapter.get_connection = one_pool
    adapter.envsync_route = route
    return True


def route_of(api: Any) -> str | None:
    """How ``api``'s SSH connection reaches the engine: the socket path on the server,
    ``dial-stdio``, or None (not decided yet, or not routed by this module)."""
    route = getattr(getattr(api, "_custom_adapter", None), "envsync_route", None)
    return route.how if isinstance(route, _Route) else None
