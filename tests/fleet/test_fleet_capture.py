"""A fleet of three compose hosts, captured in one snapshot: findings name their host, and
a host that cannot be reached is named while the others are still captured.

The three hosts are this machine's one engine reached three ways (the socket, and two
ssh:// URLs to a test sshd on 127.0.0.1). One engine cannot hold three copies of one compose
project, so each host runs the app under its own compose project name (``engines[].project``,
the setting an operator uses when a host runs the app under another name): a hand change
to one host's container is then seen on that host only, exactly as on separate machines.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject, free_port
from tests.helpers.git import Repo

COMPOSE = """\
services:
  app:
    image: {image}
    command: ["sleep", "3600"]
    network_mode: none
    environment: {{LOG_LEVEL: info}}
"""
DEAD_PASSWORD = "fleet-Pw-5c8e1a9d"  # in the dead host's URL: it must never be shown


def _fleet(repo: Repo, image: str, projects: list[ComposeProject], urls: list[str]) -> None:
    for project in projects:
        project.write(COMPOSE.format(image=image))
        project.up()
    repo.write("compose.yml", COMPOSE.format(image=image))
    engines = "\n".join(f"      - {{name: web-{i + 1}, url: \"{url}\", project: {p.name}}}"
                        for i, (url, p) in enumerate(zip(urls, projects, strict=True)))
    repo.write("envsync.yaml", f"""\
environments:
  fleet:
    git: .
    compose: {{files: [compose.yml], project: {projects[0].name}}}
    engines:
{engines}
    workers: 2
  partial:
    git: .
    compose: {{files: [compose.yml], project: {projects[0].name}}}
    engines:
      - unix:///var/run/docker.sock
      - {{name: dead, url: "ssh://root:{DEAD_PASSWORD}@127.0.0.1:{free_port()}"}}
""")
    repo.commit("fleet")


def _stored(repo: Repo, env: str) -> dict[str, object]:
    files = sorted((repo.path / "snapshots" / env).glob("*.json"))
    assert len(files) == 1, files
    doc: dict[str, object] = json.loads(files[0].read_text())
    return doc


@pytest.mark.docker
@pytest.mark.ssh
def test_three_hosts_one_capture_findings_per_host(
    repo: Repo, compose_project_factory: Callable[[], ComposeProject], busybox_image: str,
    sshd_engine_url: str,
) -> None:
    projects = [compose_project_factory() for _ in range(3)]
    plain_ssh = sshd_engine_url.replace("root@", "")  # same sshd, the login user's default
    _fleet(repo, busybox_image, projects,
           ["unix:///var/run/docker.sock", sshd_engine_url, plain_ssh])
    # A hand change on web-2 only: its container's memory limit, set after it was created.
    (container,) = projects[1].containers()
    container.update(mem_limit="64m", memswap_limit="64m")

    snap = run_cli("snapshot", "fleet", "--workers", "3", cwd=repo.path)
    assert snap.exit_code == 0, snap.stdout + snap.stderr
    for host in ("web-1", "web-2", "web-3"):
        assert f"host {host}" in snap.stdout
    doc = _stored(repo, "fleet")
    hosts = doc["hosts"]
    assert isinstance(hosts, dict) and list(hosts) == ["web-1", "web-2", "web-3"]
    assert doc["containers"] is None and doc["stats"] is None  # no one engine holds them
    assert [h["engine"]["url"] for h in hosts.values()] == [
        "unix:///var/run/docker.sock", sshd_engine_url, plain_ssh]
    for host, project in zip(hosts.values(), projects, strict=True):
        assert host["project"] == project.name
        assert host["errors"] == []
        assert host["containers"]["app"]["state"] == "running"
        assert host["duration_s"] > 0
    assert hosts["web-2"]["containers"]["app"]["memory_limit_mb"] == 64.0
    assert hosts["web-1"]["containers"]["app"]["memory_limit_mb"] is None

    drift = run_cli("drift", "fleet", "--snapshot", "fleet@latest", "-f", "json",
                    cwd=repo.path)
    report = json.loads(drift.stdout)
    assert drift.exit_code == 1
    (finding,) = report["findings"]
    assert finding["host"] == "web-2"
    assert finding["path"] == "containers.app.memory_limit_mb"
    assert finding["direction"] == "runtime-override"
    assert finding["message"].startswith("web-2: app: ")
    for fmt, shown in (("table", "web-2"), ("markdown", "| web-2 |"),
                       ("sarif", "web-2/containers.app.memory_limit_mb"),
                       ("github", "web-2:containers.app.memory_limit_mb")):
        out = run_cli("drift", "fleet", "--snapshot", "fleet@latest", "-f", fmt, cwd=repo.path)
        assert shown in out.stdout, fmt
        assert "web-1" not in out.stdout and "web-3" not in out.stdout, fmt

    # The same fleet now against the stored one: no change on any host.
    same = run_cli("diff", "fleet@latest", "fleet", "-f", "json", cwd=repo.path)
    assert same.exit_code == 0, same.stdout
    assert json.loads(same.stdout)["findings"] == []


@pytest.mark.docker
def test_an_unreachable_host_is_named_and_the_others_captured(
    repo: Repo, compose_project_factory: Callable[[], ComposeProject], busybox_image: str,
) -> None:
    project = compose_project_factory()
    _fleet(repo, busybox_image, [project], ["unix:///var/run/docker.sock"])

    snap = run_cli("snapshot", "partial", cwd=repo.path)
    # A partial result, as for one engine: stored, a warning naming the host, exit 0 ...
    assert snap.exit_code == 0
    (warning,) = [ln for ln in snap.stderr.splitlines() if "warning" in ln]
    assert warning.startswith("envsync: warning: partial: engine not captured: dead: ")
    doc = _stored(repo, "partial")
    hosts = doc["hosts"]
    assert isinstance(hosts, dict)
    assert hosts["local"]["containers"]["app"]["state"] == "running"
    assert hosts["dead"]["containers"] is None and hosts["dead"]["stats"] is None
    (error,) = hosts["dead"]["errors"]  # one line for the host, not one per part
    assert error["part"] == "engine" and error["host"] == "dead"
    assert hosts["dead"]["engine"]["url"].startswith("ssh://root@127.0.0.1:")
    # ... and exit 2 with --strict.
    strict = run_cli("snapshot", "partial", "--strict", cwd=repo.path)
    assert strict.exit_code == 2
    drift = run_cli("drift", "partial", "-f", "json", cwd=repo.path)
    report = json.loads(drift.stdout)
    assert drift.exit_code == 0 and report["findings"] == []
    assert any(n.startswith("partial: engine not captured: dead: ") for n in report["notes"])
    everything = snap.stdout + snap.stderr + strict.stderr + drift.stdout + "".join(
        p.read_text() for p in (repo.path / "snapshots").rglob("*.json"))
    assert DEAD_PASSWORD not in everything
