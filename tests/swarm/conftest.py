"""A real single-node Swarm on the shared engine, made by the tests and left afterwards.

Other test runs use the same engine at the same time: the Swarm session holds a file lock
from the first Swarm test to the end of the run, initialises the Swarm only when the engine
is not in one, and at the end removes its stacks, and leaves the Swarm (and removes
``docker_gwbridge``) only when it made them.
"""

from __future__ import annotations

import contextlib
import fcntl
import secrets
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.git import Repo, make_repo

LOCK = Path("/tmp/envsync-swarm.lock")
GWBRIDGE = "docker_gwbridge"


def docker(*args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The docker CLI against the local engine; a failure fails the test with its stderr."""
    proc = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout,
                          check=False)
    if check and proc.returncode != 0:
        pytest.fail(f"docker {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()}",
                    pytrace=False)
    return proc


@dataclass
class SwarmSession:
    """The Swarm the tests use, and the stacks they deployed (removed at the end)."""

    client: Any
    stacks: list[str] = field(default_factory=list)

    def stack_name(self) -> str:
        name = f"envsync-sw-{secrets.token_hex(3)}"
        self.stacks.append(name)
        return name

    def remove_stacks(self) -> None:
        for name in self.stacks:
            docker("stack", "rm", name, check=False)
        deadline = time.monotonic() + 60
        label = {"label": [f"com.docker.stack.namespace={n}" for n in self.stacks]}
        while self.stacks and time.monotonic() < deadline:
            # Networks go only once the task containers have: wait for both.
            if not self.client.api.containers(all=True, filters=label) and not any(
                    self.client.networks.list(names=[f"{n}_default"]) for n in self.stacks):
                break
            time.sleep(0.5)
            for name in self.stacks:
                docker("stack", "rm", name, check=False)


@pytest.fixture(scope="session")
def swarm(docker_client: Any) -> Iterator[SwarmSession]:
    """A single-node Swarm (``docker swarm init --advertise-addr 127.0.0.1``) under the lock."""
    with LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = docker_client.info()["Swarm"]["LocalNodeState"]
        had_bridge = bool(docker_client.networks.list(names=[GWBRIDGE]))
        created = False
        if state == "inactive":
            docker("swarm", "init", "--advertise-addr", "127.0.0.1")
            created = True
        elif state != "active":
            pytest.fail(f"the engine's Swarm state is {state!r}; expected inactive or active",
                        pytrace=False)
        session = SwarmSession(client=docker_client)
        try:
            yield session
        finally:
            try:
                session.remove_stacks()
            finally:
                _leave(docker_client, created, had_bridge)
                fcntl.flock(lock, fcntl.LOCK_UN)


def _leave(docker_client: Any, created: bool, had_bridge: bool) -> None:
    """Leave the Swarm, and remove the bridge it made, when this session made them."""
    if created:
        docker("swarm", "leave", "--force", check=False)
        if not had_bridge:
            with contextlib.suppress(Exception):
                bridge = docker_client.api.inspect_network(GWBRIDGE)
                if not bridge.get("Containers"):
                    docker_client.api.remove_network(GWBRIDGE)


STACK_FILE = """\
services:
  web:
    image: {image}
    command: ["sleep", "3600"]
    env_file: [app.env]
    environment:
      MODE: "{mode}"
    stop_grace_period: 1s
    deploy:
      replicas: 2
      resources: {{limits: {{memory: 32M}}}}
  worker:
    image: {image}
    command: sleep 3600
    stop_grace_period: 1s
    deploy:
      labels: {{team: core}}
  cache:
    image: {image}
    command: ["sh", "-c", "sleep 3600"]
    stop_grace_period: 1s
"""
CANARY = "canary-Zq8vX3mKp2Lr7Tw9"


@dataclass
class StackApp:
    """A git repository holding a stack's compose file and an envsync.yaml naming it."""

    repo: Repo
    stack: str
    image: str

    def write_stack(self, *, image: str | None = None, mode: str = "one",
                    web_command: str = '["sleep", "3600"]') -> None:
        text = STACK_FILE.format(image=image or self.image, mode=mode).replace(
            '["sleep", "3600"]', web_command, 1)
        self.repo.write("stack.yml", text)

    def deploy_by_hand(self) -> None:
        """``docker stack deploy`` of the raw file, as an operator did before envsync."""
        proc = subprocess.run(["docker", "stack", "deploy", "--resolve-image", "never",
                               "-c", "stack.yml", self.stack], cwd=self.repo.path,
                              capture_output=True, text=True, timeout=120, check=False)
        if proc.returncode != 0:
            pytest.fail(f"docker stack deploy: {proc.stderr.strip()}", pytrace=False)

    def service(self, name: str) -> str:
        return f"{self.stack}_{name}"


def wait_converged(client: Any, stack: str, timeout: float = 60) -> None:
    """Until every service of ``stack`` runs as many tasks as it wants."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        services = client.api.services(filters={"label": f"com.docker.stack.namespace={stack}"})
        ok = bool(services)
        for svc in services:
            want = ((svc["Spec"].get("Mode") or {}).get("Replicated") or {}).get("Replicas", 1)
            tasks = client.api.tasks(filters={"service": svc["ID"], "desired-state": "running"})
            running = sum(1 for t in tasks if t["Status"]["State"] == "running")
            ok = ok and running == want and not (svc.get("UpdateStatus") or {}).get(
                "State", "").endswith(("updating", "rollback_started"))
        if ok:
            return
        time.sleep(0.5)
    pytest.fail(f"stack {stack} did not converge in {timeout:.0f} s", pytrace=False)


@pytest.fixture
def stack_app(swarm: SwarmSession, busybox_image: str, tmp_path: Path) -> StackApp:
    """A stack of 3 services (web with 2 replicas) in a fresh repository, not deployed yet."""
    repo = make_repo(tmp_path / "app")
    stack = swarm.stack_name()
    app = StackApp(repo=repo, stack=stack, image=busybox_image)
    app.write_stack()
    repo.write("app.env", f"API_TOKEN={CANARY}\nLOG_LEVEL=info\n")
    repo.write("envsync.yaml", f"""\
project: swarm-test
environments:
  prod:
    git: .
    compose: {{files: [stack.yml]}}
    swarm:
      stack: {stack}
      update: {{monitor: 2s, parallelism: 0}}
      converge_timeout: 90
      resolve_image: never
    deploy: {{watch_window: 3}}
  plain:
    git: .
    compose: {{files: [stack.yml], project: {stack}}}
""")
    repo.write(".gitignore", "snapshots/\n")
    repo.commit("the stack")
    return app
