"""SECONDS options given NaN, infinity or 1e308. Before: ``watch --interval 1e308`` (or
``inf``) was "unexpected OverflowError … a bug" after the first round, ``--interval nan``
was taken (click's float range lets NaN pass: every comparison with it is false), and
``--wait nan`` waited forever on a held lock. Now each is one usage line, exit 2."""

from __future__ import annotations

import json

import pytest

from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import assert_refused, envsync

CONFIG = "environments:\n  local:\n    git: .\n    compose: {files: [dc.yml]}\n"
COMMANDS = {
    "watch --interval": ("watch", "local", "--rounds", "2", "--interval"),
    "watch --drift-interval": ("watch", "local", "--rounds", "1", "--drift-interval"),
    "health --interval": ("health", "local", "--watch", "--interval"),
    "backup --wait": ("backup", "local", "--wait"),
    "rollback --wait": ("rollback", "local", "--execute", "--wait"),
    "patch --wait": ("patch", "local", "--to", "runtime", "--execute", "--wait"),
}


@pytest.mark.parametrize("value", ["nan", "inf", "1e308", "-inf"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_seconds_that_no_clock_holds(repo: Repo, command: str, value: str) -> None:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    *args, option = COMMANDS[command]
    proc = envsync(*args, option, value, cwd=repo.path, timeout=30)
    # -inf is below the option's minimum where it has one: click's own line says so
    assert_refused(proc, option, *(() if value == "-inf" else ("not a number of seconds",)))
    assert not [ln for ln in proc.stdout.splitlines() if ln.startswith("{")
                and json.loads(ln).get("event") == "round"]  # refused before any round
