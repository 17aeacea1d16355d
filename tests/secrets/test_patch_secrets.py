"""`patch --to vcs` never writes a fingerprint as a value and never shows a secret line;
what it prints still applies with `git apply --check` (a real git repository)."""

from __future__ import annotations

import subprocess

import pytest

from envsync.config import load_config
from envsync.model import Direction, Finding, Kind, Severity
from envsync.patch.vcs import VcsPatch, plan_vcs_patch
from envsync.secrets import Redactor, forget_process_secrets
from tests.helpers.git import Repo

ENV_SECRET = "Env-Canary-5xQ2wL9mZ7"
COMPOSE_SECRET = "Cmp-Canary-8rT4yU1iO3"
FP = "secret:hmac-sha256:"

CONFIG = """\
environments:
  prod:
    git: .
    compose: {files: [app.yml], env_file: .env}
"""
COMPOSE = f"""\
services:
  db:
    image: envsync-test/busybox:1
    command: ["server", "--dsn", "postgres://adm:{COMPOSE_SECRET}@db/x"]
  app:
    image: envsync-test/busybox:1
    command: ["app", "--token", "${{APP_TOKEN}}"]
    environment:
      LOG_LEVEL: info
"""


@pytest.fixture(autouse=True)
def _fresh() -> None:
    forget_process_secrets()


def _repo(repo: Repo, env_text: str, config: str = CONFIG) -> Repo:
    repo.write("envsync.yaml", config)
    repo.write("app.yml", COMPOSE)
    repo.write(".env", env_text)
    repo.commit("app")
    # what a capture learns: the env file's values and the compose file's secrets
    r = Redactor(b"k")
    for line in env_text.splitlines():
        key, _, value = line.partition("=")
        r.value(key, value)
    r.text(COMPOSE)
    return repo


def _running(service: str, **fields: object) -> dict[str, object]:
    """A snapshot in which ``service`` runs as compose's replica 1, with ``fields``."""
    labels = {"com.docker.compose.project": "p", "com.docker.compose.service": service,
              "com.docker.compose.container-number": "1"}
    return {"compose": {"project": "p", "declared": {"services": {service: {}}}},
            "containers": {service: {"service": service, "name": f"p-{service}-1",
                                     "labels": labels, **fields}}}


def _override(service: str, field: str, value: object) -> tuple[dict[str, object], Finding]:
    snapshot = _running(service, **{field: value})
    finding = Finding(path=f"containers.{service}.{field}", kind=Kind.CHANGED,
                      category="runtime", severity=Severity.CRITICAL, message="differs",
                      service=service, direction=Direction.RUNTIME_OVERRIDE,
                      segments=("containers", service, field))
    return snapshot, finding


def _plan(repo: Repo, service: str, field: str, value: object) -> VcsPatch:
    config = load_config(repo.path / "envsync.yaml")
    snapshot, finding = _override(service, field, value)
    return plan_vcs_patch(repo.path, config.environment("prod"), snapshot, [finding])


def _applies(repo: Repo, diff: str) -> None:
    (repo.path / "fix.patch").write_text(diff)
    try:
        done = subprocess.run(["git", "apply", "--check", "fix.patch"], cwd=repo.path,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr + diff
    finally:
        (repo.path / "fix.patch").unlink()


def _no_secret(text: str) -> None:
    assert FP not in text
    for secret in (ENV_SECRET, COMPOSE_SECRET):
        for i in range(len(secret) - 7):
            assert secret[i:i + 8] not in text, (secret[i:i + 8], text)


def test_a_secret_in_a_command_becomes_a_variable_and_a_placeholder(repo: Repo) -> None:
    _repo(repo, f"LOG=info\nAPP_TOKEN={ENV_SECRET}\nMODE=a\nREGION=eu\nZONE=1\n")
    patch = _plan(repo, "app", "command", ["app", "--token", FP + "0123456789abcdef",
                                           "--dsn=postgres://u:" + FP + "fedcba9876543210@h/d"])
    diff = patch.diff
    _no_secret(diff + "\n".join(patch.notes))
    # the env file already has APP_TOKEN: it is referenced, and the note says to check it
    assert '"--token", "${APP_TOKEN}"' in diff
    assert any("differs from .env" in n for n in patch.notes)
    assert "postgres://u:${APP_DSN_POSTGRES_PASSWORD}@h/d" in diff
    assert "+APP_DSN_POSTGRES_PASSWORD=CHANGE_ME" in diff
    for _, new in patch.files.values():
        assert FP not in new
    _applies(repo, diff)


def test_env_file_context_never_shows_a_secret(repo: Repo) -> None:
    # the file ends with secrets: the placeholder goes where its neighbours are not secret
    _repo(repo, f"LOG=info\nMODE=a\nREGION=eu\nZONE=1\nDB_PASSWORD={ENV_SECRET}x\n"
                f"API_TOKEN={ENV_SECRET}\n")
    config = load_config(repo.path / "envsync.yaml")
    snapshot = _running("app", env={"NEW_SECRET": FP + "0" * 16})
    finding = Finding(path="containers.app.env.NEW_SECRET", kind=Kind.ADDED, category="env",
                      severity=Severity.HIGH, message="added", service="app",
                      direction=Direction.RUNTIME_OVERRIDE,
                      segments=("containers", "app", "env", "NEW_SECRET"))
    patch = plan_vcs_patch(repo.path, config.environment("prod"), snapshot, [finding])
    diff = patch.diff
    assert "+NEW_SECRET=CHANGE_ME" in diff and "${NEW_SECRET}" in diff
    _no_secret(diff)
    _applies(repo, diff)


def test_an_env_file_of_secrets_only_is_refused_with_a_note(repo: Repo) -> None:
    _repo(repo, f"API_TOKEN={ENV_SECRET}\nDB_PASSWORD={ENV_SECRET}y\n")
    patch = _plan(repo, "app", "command", ["app", "--pin", FP + "0123456789abcdef"])
    _no_secret(patch.diff + "\n".join(patch.notes))
    assert ".env" not in patch.diffs and ".env" not in patch.files
    assert any(".env: not patched" in n and "APP_PIN" in n for n in patch.notes), patch.notes
    _applies(repo, patch.diff)


def test_without_an_env_file_a_secret_command_is_refused(repo: Repo) -> None:
    config = CONFIG.replace(", env_file: .env", "")
    _repo(repo, "LOG=info\n", config)
    patch = _plan(repo, "app", "command", ["app", "--token", FP + "0123456789abcdef"])
    assert patch.diff == "" and patch.files == {}
    assert any("app's command holds a secret" in n for n in patch.notes)


def test_compose_context_holding_a_secret_is_narrowed(repo: Repo) -> None:
    _repo(repo, "LOG=info\n")
    # app's image sits two lines below db's command, which holds a password: one line of
    # context shows none of it, and git still applies the diff
    patch = _plan(repo, "app", "image", "envsync-test/busybox:2")
    _no_secret(patch.diff + "\n".join(patch.notes))
    assert "+    image: envsync-test/busybox:2" in patch.diff
    assert "@@ -6 +6 @@" in patch.diff or "@@ -5,3 +5,3 @@" in patch.diff, patch.diff
    _applies(repo, patch.diff)


def test_an_edit_next_to_a_secret_is_refused_with_a_note(repo: Repo) -> None:
    _repo(repo, "LOG=info\n")
    patch = _plan(repo, "db", "image", "envsync-test/busybox:2")  # the line above the password
    _no_secret(patch.diff + "\n".join(patch.notes))
    assert patch.diff == ""
    assert any("app.yml: db.image: not patched" in n for n in patch.notes), patch.notes
