"""The HAProxy adapter against a real HAProxy 2.6 (envsync/haproxy:2.6, built offline by
scripts/build-images from Debian's package): an edge proxy published on 127.0.0.1 only,
two upstreams (busybox httpd answering "blue" and "green") on an `internal: true` compose
network the test creates, the runtime API on a unix socket in the test's folder."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from envsync.proxy.haproxy import HAProxyRuntime, ProxyError
from tests.helpers.docker import ComposeProject

pytestmark = pytest.mark.docker

IMAGE = "envsync/haproxy:2.6"
CFG = """\
global
    stats socket /run/hap/admin.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 10s
    timeout server 10s
    default-server init-addr last,libc,none
frontend web
    bind :8080
    default_backend app
backend app
    server blue blue:8080
    server green green:8080 disabled
"""
UPSTREAM = ("    image: {busybox}\n    networks: [up]\n    command: [sh, -c, 'mkdir -p /www "
            "&& echo {colour} > /www/index.html && exec httpd -f -p 8080 -h /www']\n")


def _proxy(project: ComposeProject, busybox: str,
           cfg: str = CFG) -> tuple[HAProxyRuntime, str]:
    if not project.client.images.list(name=IMAGE):
        pytest.fail(f"{IMAGE} is not in the engine: run scripts/build-images")
    (project.workdir / "haproxy.cfg").write_text(cfg)
    (project.workdir / "run").mkdir()
    project.write("services:\n"
                  + "".join(f"  {c}:\n" + UPSTREAM.format(busybox=busybox, colour=c)
                            for c in ("blue", "green"))
                  + f"  proxy:\n    image: {IMAGE}\n    depends_on: [blue, green]\n"
                  "    networks: [up, edge]\n    ports: ['127.0.0.1::8080']\n"
                  "    volumes: ['./haproxy.cfg:/etc/haproxy/haproxy.cfg:ro', './run:/run/hap']\n"
                  "networks:\n  up: {internal: true}\n  edge: {}\n")
    project.up()
    proxy = next(c for c in project.containers()
                 if c.labels.get("com.docker.compose.service") == "proxy")
    proxy.reload()
    binding = proxy.attrs["NetworkSettings"]["Ports"]["8080/tcp"][0]
    assert binding["HostIp"] == "127.0.0.1"
    runtime = HAProxyRuntime(project.workdir / "run" / "admin.sock")
    for _ in range(100):  # bounded: 10 s for HAProxy to open its socket
        if runtime.path.exists():
            break
        time.sleep(0.1)
    return runtime, f"http://127.0.0.1:{binding['HostPort']}/"


def _answers(client: Any, url: str, count: int = 10) -> list[str]:
    out = []
    for _ in range(count):
        response = client.get(url, timeout=5)
        out.append(f"{response.status_code} {response.text.strip()}")
    return out


def test_switch_traffic_through_the_runtime_api(compose_project: ComposeProject,
                                                busybox_image: str) -> None:
    runtime, url = _proxy(compose_project, busybox_image)
    states = {s.name: s.status for s in runtime.servers("app")}
    assert states["green"] == "MAINT" and states["blue"] != "MAINT"
    with httpx.Client() as client:
        for _ in range(50):  # bounded: the upstreams' httpd may take a moment
            if client.get(url, timeout=5).status_code == 200:
                break
            time.sleep(0.2)
        assert set(_answers(client, url)) == {"200 blue"}
        runtime.set_state("app", "green", "ready")
        runtime.set_state("app", "blue", "drain")
        assert set(_answers(client, url)) == {"200 green"}
        assert {s.name: s.status for s in runtime.servers("app")}["blue"] == "DRAIN"
        runtime.set_state("app", "blue", "ready")
        runtime.set_state("app", "green", "maint")
        assert set(_answers(client, url)) == {"200 blue"}


def test_errors_are_one_clear_line(compose_project: ComposeProject,
                                   busybox_image: str) -> None:
    runtime, _ = _proxy(compose_project, busybox_image)
    with pytest.raises(ProxyError, match="refused to set app/purple ready: No such server"):
        runtime.set_state("app", "purple", "ready")
    with pytest.raises(ProxyError, match="no backend 'nope'"):
        runtime.servers("nope")
    with pytest.raises(ProxyError, match="without ';'"):
        runtime.command("show stat; shutdown frontend web")
    gone = HAProxyRuntime(compose_project.workdir / "no.sock")
    with pytest.raises(ProxyError, match=r"no\.sock"):
        gone.servers("app")


def test_the_exec_transport_reaches_the_socket_inside_the_container(
        compose_project: ComposeProject, busybox_image: str) -> None:
    """`docker exec` into the proxy's container, python3 writing the command to the socket:
    the same answers as the unix socket, and one line when the socket or container is not
    there."""
    import shutil

    unix, url = _proxy(compose_project, busybox_image)
    proxy = next(c for c in compose_project.containers()
                 if c.labels.get("com.docker.compose.service") == "proxy")
    docker = shutil.which("docker") or "docker"
    runtime = HAProxyRuntime.in_container(proxy.name, "/run/hap/admin.sock", docker=docker)
    assert [s.name for s in runtime.servers("app")] == [s.name for s in unix.servers("app")]
    green = runtime.server("app", "green")
    assert green.status == "MAINT"
    with httpx.Client() as client:
        for _ in range(50):
            if client.get(url, timeout=5).status_code == 200:
                break
            time.sleep(0.2)
        runtime.set_state("app", "green", "ready")
        runtime.set_state("app", "blue", "drain")
        assert set(_answers(client, url)) == {"200 green"}
        assert unix.server("app", "blue").status == "DRAIN"  # the same proxy, seen both ways
        # several commands in one exec, in order (the way back: old ready, then new drain)
        runtime.set_states(("app", "blue", "ready"), ("app", "green", "maint"))
        assert set(_answers(client, url)) == {"200 blue"}
        assert runtime.commands("show servers state app", "show info")[1].startswith("Name:")
    with pytest.raises(ProxyError, match="refused to set app/purple ready"):
        runtime.set_state("app", "purple", "ready")
    # one `docker exec -i` served all of the above; an exec per call answers the same
    session = runtime.session
    assert session is not None and session.alive
    per_call = HAProxyRuntime.in_container(proxy.name, "/run/hap/admin.sock", docker=docker,
                                           session=False)
    assert per_call.session is None
    assert per_call.server("app", "blue").status == runtime.server("app", "blue").status
    # the session dies (an engine restart, a killed exec): the command still answers,
    # through an exec of its own, and the next one opens a new session
    import os
    import signal

    os.kill(session.pid, signal.SIGKILL)
    session.wait_ended()
    assert runtime.server("app", "green").status == "MAINT"
    assert runtime.server("app", "blue") == per_call.server("app", "blue")
    assert runtime.session is not None and runtime.session is not session
    runtime.close()
    assert runtime.session is None
    with pytest.raises(ProxyError, match=r"no\.sock in container .*No such file"):
        HAProxyRuntime.in_container(proxy.name, "/run/hap/no.sock", docker=docker).servers("app")
    with pytest.raises(ProxyError, match="no-such-container"):
        HAProxyRuntime.in_container("no-such-container", "/run/hap/admin.sock",
                                    docker=docker).servers("app")


def _shipped_defaults() -> str:
    """The `defaults` section of the proxy the services ship (services/proxy/haproxy.cfg):
    its timeouts, retries and redispatch are what the test below holds it to."""
    from pathlib import Path

    text = (Path(__file__).parents[2] / "services" / "proxy" / "haproxy.cfg").read_text()
    section = text[text.index("\ndefaults\n") + 1:].split("\n\n")[0]
    return "\n".join(line for line in section.splitlines()
                     if not line.lstrip().startswith(("#", "log ")))


def test_a_request_to_a_dead_slot_ends_on_the_live_one(compose_project: ComposeProject,
                                                       busybox_image: str) -> None:
    """The shipped defaults (connect timeout, retries, redispatch) with the blue-green
    backend's pinning rules: a user's request that HAProxy sent to a container that just
    died (the watch window's crash case, before envsync switches back) is answered by the
    other slot once envsync has put it back, not held for the client's timeout or
    failed; a check pinned to the dead slot (force-persist) never lands on the other
    one."""
    import threading

    cfg = ("global\n    stats socket /run/hap/admin.sock mode 600 level admin\n"
           + _shipped_defaults()
           + "\nfrontend web\n    bind :8080\n    default_backend app\n"
           "backend app\n"
           "    use-server green if { req.hdr(x-envsync-server) green }\n"
           "    force-persist if { req.hdr(x-envsync-server) -m found }\n"
           "    default-server init-addr last,libc,none\n"
           "    server blue blue:8080\n    server green green:8080\n")
    assert "option redispatch" in cfg and "retries 3" in cfg
    runtime, url = _proxy(compose_project, busybox_image, cfg)
    with httpx.Client() as client:
        for _ in range(50):
            if client.get(url, timeout=5).status_code == 200:
                break
            time.sleep(0.2)
        runtime.set_state("app", "blue", "drain")  # green live, blue kept to come back
        assert set(_answers(client, url)) == {"200 green"}
    green = next(c for c in compose_project.containers()
                 if c.labels.get("com.docker.compose.service") == "green")
    green.kill()  # its address answers nothing now: a connect to it hangs
    answers: list[str] = []

    def ask(headers: dict[str, str]) -> None:
        try:
            response = httpx.get(url, headers=headers, timeout=8)
            answers.append(f"{response.status_code} {response.text.strip()}")
        except httpx.HTTPError as exc:
            answers.append(type(exc).__name__)

    user = threading.Thread(target=ask, args=({},))
    user.start()
    time.sleep(0.3)  # HAProxy is connecting to the dead green (it has no health check)
    # envsync's way back after a crash (bluegreen._back_to_live, cut=True); its sessions
    # are cut only after bluegreen.CUT_GRACE_S
    runtime.commands("set server app/blue state ready", "set server app/green state maint")
    user.join(timeout=10)
    assert answers == ["200 blue"], answers
    pinned = threading.Thread(target=ask, args=({"x-envsync-server": "green"},))
    pinned.start()
    pinned.join(timeout=15)
    assert answers[1].startswith("503"), answers  # refused, never blue's answer
