"""scripts/demo on the real engine: the whole story to its end, and Ctrl-C half-way; both
leave no container, network or file behind."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "scripts" / "demo"

pytestmark = pytest.mark.docker


def _leftovers(project: str) -> list[str]:
    found = []
    for kind in ("ps", "network"):
        args = ["docker", "ps", "-aq"] if kind == "ps" else ["docker", "network", "ls", "-q"]
        out = subprocess.run([*args, "--filter", f"label=com.docker.compose.project={project}"],
                             capture_output=True, text=True, check=True).stdout.split()
        found += [f"{kind} {i}" for i in out]
    return found


def _env(tmp_path: Path, project: str) -> dict[str, str]:
    return {**os.environ, "ENVSYNC_DEMO_PROJECT": project,
            "ENVSYNC_DEMO_DIR": str(tmp_path / "demo"), "PATH": os.environ.get("PATH", "")}


def test_the_demo_tells_the_whole_story_and_cleans_up(tmp_path: Path) -> None:
    project = f"envsync-demo-t{os.getpid()}"
    done = subprocess.run([str(DEMO)], env=_env(tmp_path, project), capture_output=True,
                          text=True, timeout=600)
    out = done.stdout
    assert done.returncode == 0, out[-4000:] + done.stderr[-2000:]
    # each step shows its command and its real output, in the order of the story
    marks = ["$ envsync drift local --fail-on high", "runtime-override",
             "containers.telegram-bot.command", "$ envsync patch local --to vcs",
             '+    command: ["python", "-u", "-m", "services.bot"]',
             "$ envsync drift local\n", "no differences", "$ envsync backup local",
             "restore point local-stable-", "local: UNHEALTHY",
             "$ envsync rollback local --level 1", "recreate telegram-bot: ok",
             "$ envsync health local", "local: healthy"]
    at = 0
    for mark in marks:
        found = out.find(mark, at)
        assert found >= 0, f"{mark!r} not after position {at}:\n{out[at:at + 3000]}"
        at = found
    assert "critical" in out.split("$ envsync drift local --fail-on high", 1)[1][:3000]
    assert _leftovers(project) == []
    assert not (tmp_path / "demo").exists()


def test_ctrl_c_half_way_cleans_up_too(tmp_path: Path) -> None:
    project = f"envsync-demo-i{os.getpid()}"
    proc = subprocess.Popen([str(DEMO)], env=_env(tmp_path, project), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    assert proc.stdout is not None
    seen = []
    deadline = time.monotonic() + 300
    for line in proc.stdout:
        seen.append(line)
        if line.startswith("== 2."):  # containers are up: the worst moment to stop
            break
        assert time.monotonic() < deadline, "".join(seen)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C at a terminal does
    rest, _ = proc.communicate(timeout=300)
    assert proc.returncode == 130, "".join(seen) + rest
    assert _leftovers(project) == []
    assert not (tmp_path / "demo").exists()


def test_a_failed_compose_up_stops_the_story_there(tmp_path: Path) -> None:
    project = f"envsync-demo-f{os.getpid()}"
    fake = tmp_path / "compose"
    fake.write_text("#!/bin/sh\necho 'no such image: envsync/services:dev' >&2\nexit 1\n")
    fake.chmod(0o755)
    env = {**_env(tmp_path, project), "ENVSYNC_DEMO_COMPOSE": str(fake)}
    done = subprocess.run([str(DEMO)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "no such image" in done.stdout
    assert "$ envsync health" not in done.stdout  # never goes on as if it were up
    assert done.stderr.strip().splitlines() == [
        "demo: stopped: `docker compose up -d --wait --wait-timeout 120` exited 1 (its "
        "output is above); cleaning up"]
    assert _leftovers(project) == []
    assert not (tmp_path / "demo").exists()
