"""Names with spaces, quotes, `$` and `;` (in the repository path, the compose and env file
names, env values, service names, image refs, the engine URL) cannot break or inject into
a generated rollback script: the scripts are run with bash and must do exactly the steps.

Compose itself only allows `[a-zA-Z0-9._-]` in service and project names, so the hostile
service names are fed to the (pure) planner directly; the real stack uses every character
compose accepts there.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from envsync.config import ComposeSpec, Environment, GitSource
from envsync.plan import render_script
from envsync.rollback.plan import Tools, plan_rollback
from envsync.rollback.points import ImageRecord, RestorePoint
from tests.rollback.conftest import Stack

HOSTILE = """it's "a" $HOME `id` $(touch PWNED); touch PWNED2 & \\ *"""
RECORDER = """#!{python}
import json, os, sys
with open(os.environ["REC_LOG"], "a") as fh:
    fh.write(json.dumps({{"tool": {tool!r}, "argv": sys.argv[1:], "cwd": os.getcwd(),
                         "docker_host": os.environ.get("DOCKER_HOST")}}) + "\\n")
"""


def _recorder(folder: Path, tool: str) -> str:
    path = folder / f"rec-{tool}"
    path.write_text(RECORDER.format(python=sys.executable, tool=tool))
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def _snapshot(services: dict[str, str], image_ids: dict[str, str], hashes: dict[str, str],
              project: str) -> dict[str, object]:
    return {
        "compose": {"project": project, "declared": {"services": {
            s: {"image": ref} for s, ref in services.items()}}},
        "containers": {s: {"service": s, "state": "running", "image": ref,
                           "image_id": image_ids[s],
                           "labels": {"com.docker.compose.config-hash": hashes[s]}}
                       for s, ref in services.items()},
        "env_files": {},
    }


def test_every_level_runs_exactly_its_argv_under_bash(tmp_path: Path) -> None:
    root = tmp_path / HOSTILE
    root.mkdir()
    tools_dir = tmp_path / "tools"
    tools_dir.mkdir()
    tools = Tools(compose=(_recorder(tools_dir, "compose"), "compose"),
                  docker=(_recorder(tools_dir, "docker"),), git=_recorder(tools_dir, "git"))
    services = {f"svc {HOSTILE} {i}": f"reg/{HOSTILE}:{i}" for i in (1, 2)}
    env = Environment(
        name=f"prod{HOSTILE}", git=GitSource(path=root), docker=f"ssh://u@h/{HOSTILE}",
        compose=ComposeSpec(files=(f"compose {HOSTILE}.yml", f"-f {HOSTILE}.yml"),
                            project=f"p {HOSTILE}", env_file=f".env {HOSTILE}",
                            profiles=(HOSTILE,)),
    )
    point = RestorePoint(
        tag=f"prod-stable-{HOSTILE}", environment=env.name, kind="backup",
        time="2026-01-01T00:00:00.000000Z", commit="0" * 40, snapshot=str(root / "s.json"),
        folder=root / f"backups {HOSTILE}",
        images={s: ImageRecord(service=s, ref=ref, image_id=f"sha256:{i}{HOSTILE}",
                               archive=f"{HOSTILE}/{i}.tar")
                for i, (s, ref) in enumerate(services.items())})
    then = _snapshot(services, {s: r.image_id for s, r in point.images.items()},
                     dict.fromkeys(services, "old"), f"p {HOSTILE}")
    now = _snapshot({**services, f"orphan {HOSTILE}": "x"},
                    {**dict.fromkeys(services, "sha256:bad"), f"orphan {HOSTILE}": "sha256:x"},
                    {**dict.fromkeys(services, "new"), f"orphan {HOSTILE}": "x"}, f"p {HOSTILE}")
    files = (*env.compose.files, env.compose.env_file)  # type: ignore[union-attr]
    for level in (1, 2, 3):
        rb = plan_rollback(env=env, level=level, point=point, point_snapshot=then, current=now,
                           root=root, tools=tools, point_files=files, current_files=files)
        script = tmp_path / f"level{level}.sh"
        script.write_text(render_script(rb.plan))
        log = tmp_path / f"level{level}.jsonl"
        proc = subprocess.run(["bash", str(script)], cwd=tmp_path, capture_output=True,
                              text=True, env={**os.environ, "REC_LOG": str(log)})
        assert proc.returncode == 0, proc.stderr
        ran = [json.loads(line) for line in log.read_text().splitlines()]
        assert len(ran) == len(rb.plan.steps) >= 2
        for step, record in zip(rb.plan.steps, ran, strict=True):
            assert record["argv"] == list(step.argv[1:])  # word for word, nothing more
            if step.cwd:
                assert record["cwd"] == str(root)
            if record["tool"] in ("compose", "docker"):
                assert record["docker_host"] == env.docker
        assert not list(tmp_path.rglob("PWNED*"))
        assert not list(Path.cwd().glob("PWNED*"))


NASTY_ENV = """NOTE='value with $HOME `id` $(touch PWNED) ; touch PWNED2 "q"'\n"""


@pytest.mark.docker
def test_generated_script_runs_at_a_hostile_path(stack_factory: Callable[..., Stack],
                                                 tmp_path: Path) -> None:
    stack = stack_factory(folder="it's a \"$HOME\" ; dir", compose_name="compose $x; 'q'.yml",
                          env_file=".env \"$y\";z", env_extra=NASTY_ENV)
    point = stack.backup()
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: bad"))
    stack.repo.commit("bad config")
    stack.deploy_bad_image("web")
    for level in ("1", "2"):
        script = tmp_path / f"rollback {level}; $x.sh"
        made = stack.cli("rollback", "prod", "--level", level, "--to", point["tag"],
                         "--script", str(script))
        assert made.exit_code == 0, made.stderr
        assert made.stdout == ""  # --script writes the plan there, not to stdout
        text = script.read_text()
        assert "set -euo pipefail" in text and "PWNED" not in text
        proc = subprocess.run(["bash", str(script)], cwd=tmp_path, capture_output=True,
                              text=True)
        assert proc.returncode == 0, proc.stderr
    assert not list(tmp_path.rglob("PWNED*"))
    assert stack.running_image("web") == stack.good["web"]
    env = stack.container("web").attrs["Config"]["Env"]
    assert "LOG_LEVEL=info" in env
    assert stack.diff_against(point["snapshot"], "git") == (0, [])
