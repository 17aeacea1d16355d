"""The canary test: a distinct secret planted in every place a secret can sit, every command
run in every format, and not one canary (nor any 8-character piece of one) in stdout,
stderr, the stored snapshots, the restore points, the --out files or the logs.

The project is real: a git repository in a temp folder, compose files run on the engine
(so runtime capture sees the containers' arguments, labels and env), an env file, a git
remote with a password (never contacted: 127.0.0.1:9), an unreachable engine URL with a
password, and a health check URL with a password.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo, make_repo

pytestmark = pytest.mark.docker

_PLACES = ("env_token", "env_db", "compose_dsn", "entrypoint", "hc_url", "hc_token", "label",
           "cmd_token", "cmd_p", "cmd_apikey", "container_env", "health_url", "git_remote",
           "engine", "run_token", "run_dsn", "worker_token", "label_inline")
# Not high-entropy (17 characters, a hex tail): each must be caught by what it is, not by luck.
CANARY = {place: f"cnry{i:x}{secrets.token_hex(6)}" for i, place in enumerate(_PLACES)}
MEM_CANARY = f"cnryM{secrets.token_hex(10)}"[:24]  # 24 characters, compose quotes 21

COMPOSE = """\
services:
  app:
    image: {image}
    network_mode: none
    entrypoint: ["sh", "-c", "export SESSION_TOKEN={entrypoint}; exec sleep 3600", "app"]
    command: ["--dsn", "postgres://adm:{compose_dsn}@db/x", "--token", "{cmd_token}",
              "-p", "{cmd_p}", "--api-key={cmd_apikey}"]
    environment:
      API_TOKEN: ${{API_TOKEN}}
      DB_PASSWORD: ${{DB_PASSWORD}}
      EXTRA_SECRET: {container_env}
      PLAIN: hello
    labels:
      auth.header: "Bearer {label}"
      proxy.note: "upstream wants Bearer {label_inline} on every call"
      team: core
    healthcheck:
      test: ["CMD-SHELL", "wget -q -O- http://hc:{hc_url}@127.0.0.1:1/ --token {hc_token} || true"]
      interval: 30s
  worker:
    image: {image}
    network_mode: none
    command: ["sh", "-c", "exec sleep 3600"]
"""


def _config(project: str) -> str:
    return f"""\
environments:
  local:
    git: .
    compose: {{files: [docker-compose.yml], project: {project}, env_file: .env}}
    health:
      - {{name: api, url: "http://probe:{CANARY['health_url']}@127.0.0.1:9/health", timeout: 2}}
  remote:
    git: .
    compose: {{files: [docker-compose.yml], project: {project}, env_file: .env}}
    docker: tcp://user:{CANARY['engine']}@127.0.0.1:9
  upstream:
    git: {{remote: origin, branch: main}}
    compose: {{files: [docker-compose.yml], project: {project}, env_file: .env}}
    runtime: false
"""


class Outputs:
    """Everything the commands printed, with where it came from."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, text: str) -> None:
        self.items.append((where, text))


def _leaks(text: str) -> list[str]:
    found = []
    for place, canary in [*CANARY.items(), ("mem_limit", MEM_CANARY)]:
        pieces = {canary[i:i + 8] for i in range(len(canary) - 7)}
        found += [f"{place}: {piece!r}" for piece in pieces if piece in text]
    return found


def _assert_clean(outputs: Outputs, *folders: Path) -> None:
    leaks = []
    for where, text in outputs.items:
        leaks += [f"{where}: {leak}" for leak in _leaks(text)]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.suffix == ".tar":  # docker save of the image: bytes of busybox only
                continue
            text = path.read_bytes().decode("utf-8", "replace")
            leaks += [f"{path}: {leak}" for leak in _leaks(text)]
    assert not leaks, "secrets leaked:\n" + "\n".join(leaks[:40])


@pytest.fixture
def planted(repo: Repo, compose_project: ComposeProject, busybox_image: str,
            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Repo]:
    """The project, running; the app was started by hand with another token and DSN, and
    its memory changed, so drift and patch have runtime overrides to work on."""
    monkeypatch.setenv("ENVSYNC_FINGERPRINT_KEY", "canary-test-key")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    compose = COMPOSE.format(image=busybox_image, **CANARY)
    repo.write("docker-compose.yml", compose)
    repo.write(".env", f"API_TOKEN={CANARY['env_token']}\nDB_PASSWORD={CANARY['env_db']}\n"
                       "LOG_LEVEL=info\n")
    repo.write(".gitignore", ".env\nsnapshots/\n*.patch\n*.sh\n")
    repo.write("envsync.yaml", _config(compose_project.name))
    repo.commit("app")
    repo.git("remote", "add", "origin", f"https://user:{CANARY['git_remote']}@127.0.0.1:9/x.git")
    compose_project.files = [repo.path / "docker-compose.yml"]
    compose_project.workdir = repo.path
    # the app as started by hand: another token and DSN password than the file says
    by_hand = compose.replace(CANARY["cmd_token"], CANARY["run_token"]).replace(
        CANARY["compose_dsn"], CANARY["run_dsn"]).replace(
        '"exec sleep 3600"]', f'"exec sleep 3600", "w", "--token", "{CANARY["worker_token"]}"]')
    (repo.path / "docker-compose.yml").write_text(by_hand)
    compose_project.compose("--env-file", ".env", "up", "-d", "--no-build")
    (repo.path / "docker-compose.yml").write_text(compose)
    running = {c.labels.get("com.docker.compose.service"): c
               for c in compose_project.containers()}
    app, worker = running["app"], running["worker"]
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m", worker.id],
                   check=True, capture_output=True)
    # the canaries really are where the test says: in the running container
    app.reload()
    worker.reload()
    assert CANARY["run_token"] in app.attrs["Config"]["Cmd"]
    assert CANARY["worker_token"] in worker.attrs["Config"]["Cmd"]
    assert f"EXTRA_SECRET={CANARY['container_env']}" in app.attrs["Config"]["Env"]
    assert app.attrs["Config"]["Labels"]["auth.header"] == f"Bearer {CANARY['label']}"
    yield repo


def _assert_readable(snap: dict[str, Any]) -> None:
    """Only the secrets went: what drift compares and people read is as it was."""
    fp = r"secret:hmac-sha256:[0-9a-f]{16}"
    app, worker = snap["containers"]["app"], snap["containers"]["worker"]
    assert app["labels"]["team"] == "core"
    assert re.fullmatch(fp, app["labels"]["auth.header"])  # a secret by its name: all of it
    assert re.fullmatch(f"upstream wants Bearer {fp} on every call", app["labels"]["proxy.note"])
    assert re.fullmatch(r"[0-9a-f]{64}", app["labels"]["com.docker.compose.config-hash"])
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", app["image_id"])
    assert app["env"]["PLAIN"] == "hello"
    assert re.fullmatch(f"postgres://adm:{fp}@db/x", app["command"][1])
    assert app["command"][2] == "--token" and re.fullmatch(fp, app["command"][3])
    assert re.fullmatch(f"--api-key={fp}", app["command"][6])
    assert app["entrypoint"][:2] == ["sh", "-c"]
    assert re.fullmatch(f"export SESSION_TOKEN={fp}; exec sleep 3600", app["entrypoint"][2])
    assert worker["command"][:5] == ["sh", "-c", "exec sleep 3600", "w", "--token"]
    assert snap["git"]["head"] == snap["git"]["head"].lower() and len(snap["git"]["head"]) == 40
    declared = snap["compose"]["declared"]["services"]["app"]
    assert declared["image"] == "envsync-test/busybox:1"


def _cli(outputs: Outputs, repo: Repo, *args: str, codes: tuple[int, ...] = (0, 1)) -> str:
    result = run_cli(*args, cwd=repo.path)
    where = "envsync " + " ".join(args)
    outputs.add(f"{where} (stdout)", result.stdout)
    outputs.add(f"{where} (stderr)", result.stderr)
    assert result.exit_code in codes, f"{where}: exit {result.exit_code}: {result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout


def test_no_canary_in_any_output_of_any_command(planted: Repo, tmp_path: Path) -> None:
    repo, out = planted, Outputs()
    formats = ("table", "json", "markdown", "sarif", "junit", "github")
    _cli(out, repo, "snapshot", "local")
    _cli(out, repo, "snapshot", "local", "--format", "json")
    baseline = sorted((repo.path / "snapshots" / "local").glob("*.json"))[0]
    _assert_readable(json.loads(baseline.read_text()))
    for fmt in formats:
        _cli(out, repo, "diff", "local@latest", str(baseline), "--format", fmt)
        _cli(out, repo, "drift", "local", "--format", fmt)
        _cli(out, repo, "gate", "local", "--baseline", str(baseline), "--format", fmt)
    drift = _cli(out, repo, "drift", "local", "--format", "json")
    assert "runtime-override" in drift  # the hand-started app is seen

    result = run_cli("patch", "local", "--to", "vcs", cwd=repo.path)
    out.add("patch --to vcs", result.stdout + result.stderr)
    diff = result.stdout
    # the worker's running token became a variable and a placeholder, never a fingerprint
    assert '"--token", "${WORKER_TOKEN}"' in diff and "+WORKER_TOKEN=CHANGE_ME" in diff, diff
    assert "mem_limit: 96m" in diff
    assert "secret:hmac-sha256:" not in diff
    # the app's command line holds secrets in the file: showing its edit would show them
    assert "app.command: not patched" in result.stderr, result.stderr
    (repo.path / "fix.patch").write_text(diff)
    repo.git("apply", "--check", "fix.patch")
    _cli(out, repo, "patch", "local", "--to", "vcs", "--out", str(tmp_path / "out.patch"))
    _cli(out, repo, "patch", "local", "--to", "runtime")
    _cli(out, repo, "patch", "local", "--to", "runtime", "--out", str(tmp_path / "out.sh"))
    out.add("out.patch", (tmp_path / "out.patch").read_text())
    out.add("out.sh", (tmp_path / "out.sh").read_text())

    _cli(out, repo, "history", "local")
    _cli(out, repo, "history", "local", "--format", "json")
    _cli(out, repo, "health", "local")
    _cli(out, repo, "health", "local", "--format", "json")
    _cli(out, repo, "backup", "local")
    _cli(out, repo, "backup", "local", "--list")
    _cli(out, repo, "backup", "local", "--list", "--format", "json")
    for level in ("1", "2", "3"):
        _cli(out, repo, "rollback", "local", "--level", level, "--force", codes=(0, 1, 2))
    _cli(out, repo, "rollback", "local", "--level", "1", "--script", str(tmp_path / "rb.sh"),
         codes=(0, 1, 2))

    # an unreachable engine whose URL has a password: a warning, and meta.errors
    warned = run_cli("snapshot", "remote", "--format", "json", cwd=repo.path)
    out.add("snapshot remote", warned.stdout + warned.stderr)
    assert "Docker engine" in warned.stderr or "engine" in warned.stdout
    _cli(out, repo, "drift", "remote", "--format", "json", codes=(0, 1, 2))
    _cli(out, repo, "health", "remote", codes=(0, 1, 2))
    # a git remote whose URL has a password, never reachable
    _cli(out, repo, "snapshot", "upstream", codes=(2,))
    _cli(out, repo, "diff", "local", "remote", "--format", "sarif", codes=(0, 1, 2))

    for f in tmp_path.glob("*.sh"):
        out.add(f.name, f.read_text())
    _assert_clean(out, repo.path / "snapshots", tmp_path / "state")

    # --write: the files get variables and placeholders, never a fingerprint
    _cli(out, repo, "patch", "local", "--to", "vcs", "--write")
    written = (repo.path / "docker-compose.yml").read_text() + (repo.path / ".env").read_text()
    assert "secret:hmac-sha256:" not in written
    assert '"--token", "${WORKER_TOKEN}"' in written and "WORKER_TOKEN=CHANGE_ME" in written
    _assert_clean(out)


ENVSYNC = [str(Path(sys.executable).with_name("envsync"))]  # the console script of this venv


def test_the_main_commands_as_processes(planted: Repo, tmp_path: Path) -> None:
    repo, out = planted, Outputs()
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*ENVSYNC, *args], cwd=repo.path, env=env, capture_output=True,
                              text=True, timeout=300)
        out.add(" ".join(args), done.stdout + done.stderr)
        assert "Traceback" not in done.stderr
        return done

    assert run("snapshot", "local").returncode == 0
    assert run("drift", "local", "--format", "sarif").returncode == 1
    assert run("drift", "local", "--format", "markdown").returncode == 1
    assert run("diff", "local", "local@latest", "--format", "github").returncode in (0, 1)
    assert run("patch", "local", "--to", "vcs").returncode == 0
    assert run("snapshot", "remote").returncode in (0, 1)
    assert run("snapshot", "upstream").returncode == 2
    assert run("health", "local").returncode == 1
    _assert_clean(out, repo.path / "snapshots", tmp_path / "state")


def test_a_secret_compose_cuts_in_its_error_is_scrubbed(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """compose quotes 21 of the 24 characters of ``${API_TOKEN}`` used as mem_limit."""
    monkeypatch.setenv("ENVSYNC_FINGERPRINT_KEY", "canary-test-key")
    repo = make_repo(tmp_path / "mem")
    repo.write("docker-compose.yml", "services:\n  app:\n    image: envsync-test/busybox:1\n"
                                     "    mem_limit: ${API_TOKEN}\n")
    repo.write(".env", f"API_TOKEN={MEM_CANARY}\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
                               "    compose: {files: [docker-compose.yml], env_file: .env}\n")
    repo.commit("app")
    out = Outputs()
    for args in (("snapshot", "local", "--no-runtime"), ("drift", "local"),
                 ("diff", "local", "local", "--format", "json")):
        result = run_cli(*args, cwd=repo.path)
        out.add(" ".join(args), result.stdout + result.stderr)
        assert result.exit_code == 2 and "mem_limit" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    done = subprocess.run([*ENVSYNC, "snapshot", "local", "--no-runtime"], cwd=repo.path,
                          capture_output=True, text=True, timeout=120)
    out.add("process", done.stdout + done.stderr)
    assert done.returncode == 2
    _assert_clean(out, repo.path / "snapshots")
