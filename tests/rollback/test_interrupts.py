"""SIGINT and SIGTERM during `rollback --execute`, at each step of each level, sent to a
real envsync process when its "step N/M" line appears: the step finishes (or is stopped
and the services brought back), the log line says interrupted and where, the summary
names the before-rollback point and the way back, the exit code is 130/143, no container
is left created or exited, and a second run finishes the job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rollback.conftest import Stack

pytestmark = pytest.mark.docker

ENVSYNC = str(Path(sys.executable).parent / "envsync")


def _bad_release(stack: Stack, level: int) -> None:
    if level == 2:
        stack.deploy_bad_image("web")
        return
    stack.file.write_text(stack.file.read_text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"))
    stack.repo.commit("bad config")
    stack.up()


def _interrupt_at(stack: Stack, args: list[str], step: int, sig: int) -> tuple[int, str, str]:
    # Its own process group, as a shell gives a foreground job: Ctrl-C at a terminal sends
    # SIGINT to the whole group, so SIGINT goes to the group here (compose must not get it);
    # SIGTERM (kill, a CI runner) goes to envsync alone.
    proc = subprocess.Popen([ENVSYNC, *args], cwd=stack.repo.path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None and proc.stdout is not None
    err = []
    for line in proc.stderr:
        err.append(line)
        if line.startswith(f"envsync: step {step}/"):
            if sig == signal.SIGINT:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
            break
    rest_err = proc.stderr.read()
    out = proc.stdout.read()
    proc.wait(timeout=300)
    return proc.returncode, out, "".join(err) + rest_err


CASES = [(level, step, sig) for level, steps in ((1, 2), (2, 3), (3, 3))
         for step in range(1, steps + 1) for sig in (signal.SIGINT, signal.SIGTERM)]


@pytest.mark.parametrize(("level", "step", "sig"), CASES,
                         ids=[f"level{lv}-step{st}-{signal.Signals(sg).name}"
                              for lv, st, sg in CASES])
def test_signal_during_a_step(stack: Stack, level: int, step: int, sig: int) -> None:
    point = stack.backup() if level == 2 else stack.backup("--no-images")
    _bad_release(stack, level)
    args = ["rollback", "prod", "--level", str(level), "--to", point["tag"], "--execute",
            "--yes"]
    code, out, err = _interrupt_at(stack, args, step, sig)
    name = signal.Signals(sig).name
    assert code == 128 + sig, out + err
    assert "Traceback" not in err
    log = stack.log()[-1]
    assert log["result"] == "interrupted" and log["signal"] == name
    assert log["interrupted_at"] == step
    assert log["before_tag"].startswith("prod-before-rollback-")
    assert f"interrupted by {name}" in log["failure"]
    assert "INTERRUPTED" in out and "where it stopped:" in out
    assert f"to go back: envsync rollback prod --to {log['before_tag']}" in out
    # nothing half-done: every container of the project runs
    containers = stack.project.containers()
    assert containers and all(c.status == "running" for c in containers), [
        (c.name, c.status) for c in containers]
    # the second run recovers (level 1 restored a file already: --force, as its way back)
    again = stack.cli("rollback", "prod", "--level", str(level), "--to", point["tag"],
                      "--execute", "--yes", "--format", "json",
                      *(["--force"] if level == 1 else []))
    assert again.exit_code == 0, again.stdout + again.stderr
    assert json.loads(again.stdout)["result"] == "ok"
    assert all(c.status == "running" for c in stack.project.containers())
    assert stack.diff_against(point["snapshot"], "git")[0] == 0
