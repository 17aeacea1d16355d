"""SIGINT/SIGTERM sent to a real `envsync deploy --execute` when its "step N/M" line
appears: the executor lets the step finish or brings the services back, the log line
says interrupted, the exit code is 130/143, no container is left created or exited, and
a second deploy finishes the job (drift clean)."""

from __future__ import annotations

import json
import signal

import pytest

from tests.deploy.test_helpers import commit_release, drift_code
from tests.rollback.conftest import Stack
from tests.rollback.test_interrupts import _interrupt_at

pytestmark = pytest.mark.docker


@pytest.mark.parametrize(("step", "sig"), [(1, signal.SIGINT), (2, signal.SIGTERM)],
                         ids=["checkout-SIGINT", "recreate-SIGTERM"])
def test_signal_during_a_step(stack: Stack, step: int, sig: int) -> None:
    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    code, out, err = _interrupt_at(stack, ["deploy", "prod", "--ref", "v2", "--execute"],
                                   step, sig)
    name = signal.Signals(sig).name
    assert code == 128 + sig, out + err
    assert "Traceback" not in err
    log_path = stack.repo.path / "snapshots" / "prod" / "deploys.jsonl"
    log = json.loads(log_path.read_text().splitlines()[-1])
    assert log["result"] == "interrupted" and log["signal"] == name
    assert f"rollback prod --to {log['restore_point']}" in log["failure"]
    assert {c.status for c in stack.project.containers()} == {"running"}
    again = stack.cli("deploy", "prod", "--ref", "v2", "--execute")
    assert again.exit_code == 0, again.stdout + again.stderr
    assert drift_code(stack) == 0


def test_a_second_deploy_while_one_runs_is_refused(stack: Stack) -> None:
    import subprocess

    from tests.rollback.test_interrupts import ENVSYNC

    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    proc = subprocess.Popen([ENVSYNC, "deploy", "prod", "--ref", "v2", "--execute"],
                            cwd=stack.repo.path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            if line.startswith("envsync: step 1/"):
                break
        second = stack.cli("deploy", "prod", "--ref", "v2", "--execute")
        assert second.exit_code == 2
        assert "envsync deploy prod --execute" in second.stderr  # names the holder
    finally:
        proc.communicate(timeout=300)
    assert proc.returncode == 0
