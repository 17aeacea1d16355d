"""A step outlives a killed envsync (it runs in its own session): it keeps the lock until
it ends, and the run refused meanwhile is told the holder has ended and why it still
holds (the step and its pid). Then the lock is free (nothing to clean up)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from envsync.lock import EnvironmentLocked, env_lock

HOLDER = textwrap.dedent("""\
    import sys
    from pathlib import Path
    from envsync.lock import env_lock
    from envsync.plan import Plan, Step
    from envsync.plan.executor import run_plan
    plan = Plan(title="t")
    plan.add(Step(title="slow", argv=("sh", "-c", "echo started > " + sys.argv[2]
                                      + "; sleep 4")))
    with env_lock(Path(sys.argv[1]), "prod", "envsync deploy prod --execute"):
        run_plan(plan)
""")


def test_a_step_keeps_the_lock_after_envsync_is_killed(tmp_path: Path) -> None:
    mark = tmp_path / "started"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path), str(mark)])
    deadline = time.monotonic() + 30
    while not mark.exists():
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    with pytest.raises(EnvironmentLocked) as info, env_lock(tmp_path, "prod", "backup"):
        pass
    message = str(info.value)
    assert re.search(rf"pid {proc.pid} \(it has ended; a step it started 'slow', pid \d+, "
                     r"still runs\)", message), message
    assert "(envsync deploy prod --execute)" in message
    with env_lock(tmp_path, "prod", "backup", wait_s=30):  # the step ended: free again
        pass
