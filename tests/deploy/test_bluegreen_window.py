"""Blue-green failures after the switch and signals (tests/deploy/bg.py): a release that
fails in the watch window (its smoke check answers 500 once users' traffic reaches it, or
it allocates past 80 % of its memory limit) is switched back automatically, the reason
printed and logged; SIGTERM sent to the deploy during the scale-up, mid-switch or in the
window leaves the old version serving with 0 failed requests, the new container removed and
the files back; a signal once the window has passed (as the old one is retired) finishes the
retire: the new version serves, the files say so."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from typing import Any

import pytest

from tests.deploy.bg import BlueGreenStack
from tests.deploy.test_bluegreen import _load
from tests.helpers.load import LoadClient

pytestmark = pytest.mark.docker


@pytest.mark.parametrize(("bad", "why"), [
    (("BAD: smoke",), "smoke POST /combined_price: expected HTTP 200, got 500"),
    # 43 MiB: ~53 of 64 MiB (82 %); with 44 the health check's own python3 -c (~9 MiB)
    # got the container OOM-killed, and that, not the memory rule, failed the window
    (("BAD: memory", "ALLOC_MB: \"43\""), "memory"),
], ids=["smoke-500", "memory-over-80%"])
def test_a_failure_in_the_watch_window_switches_back(bg_stack: BlueGreenStack,
                                                     bad: tuple[str, ...], why: str) -> None:
    bg_stack.release(*bad)
    (old,) = bg_stack.apps()
    started = old.attrs["State"]["StartedAt"]
    with _load(bg_stack) as load:  # users' traffic: what makes the bad release go bad
        result = bg_stack.cli("deploy", "prod", "--ref", "v2", "--execute")
        after = load.report.ok
        while load.report.ok < after + 20:  # bounded by the client's max_seconds
            load.wait_first_success(0.05)
    assert result.exit_code == 1, result.stdout + result.stderr
    said = [ln for ln in result.stdout.splitlines() if ln.startswith("why")]
    assert "watch window" in result.stdout and why in result.stdout, said
    failures = [t for t, _ in load.report.failures]
    # a figure, not an assertion: how long users saw the bad release's errors
    print(f"errors seen for {failures[-1] - failures[0] if failures else 0:.2f} s "
          f"({len(failures)} failed of {load.report.requests})")
    # users' traffic reached the new release (its answers, or its 500s) before the way back
    assert load.report.bodies.get(json.dumps({"version": "2", "ok": True}), 0) > 0 or {
        reason for _, reason in load.report.failures} == {"HTTP 500"}
    (still,) = bg_stack.apps()  # back on the old container, never stopped
    assert still.id == old.id and still.attrs["State"]["StartedAt"] == started
    import httpx

    answers = {httpx.post(bg_stack.url + "/combined_price", json={}, timeout=5).text
               for _ in range(10)}
    assert answers == {json.dumps({"version": "1", "ok": True})}
    record = bg_stack.log()[-1]
    assert record["result"] == "failed" and "watch window" in record["failure"]
    assert why in record["blue_green"][0]["reason"]
    if why == "memory":  # seen by the window's fast vital sign, not a 1-2 s capture
        reason = record["blue_green"][0]["reason"]
        assert "memory high: the new app container uses" in reason, reason
        # this machine's engine is local: the container's cgroup files, read every round
        assert "of its 64 MiB limit" in reason and "cgroup reads in a row" in reason, reason
        print(f"switched back on: {reason}; {record['blue_green'][0]['events']}")
    assert record["blue_green"][0]["phase"] == "restored"
    assert bg_stack.drift_code() == 0


def _slots(stack: BlueGreenStack) -> dict[str, str]:
    """HAProxy's view of the app backend now: slot -> status (UP, MAINT, DRAIN ...)."""
    from envsync.proxy.haproxy import HAProxyRuntime

    proxy = next(c for c in stack.project.containers()
                 if c.labels.get("com.docker.compose.service") == "proxy")
    runtime = HAProxyRuntime.in_container(proxy.name, "/run/haproxy/admin.sock")
    try:
        return {s.name: s.status for s in runtime.servers("app")}
    finally:
        runtime.close()


def _deploy_signalled(stack: BlueGreenStack, at: str, signals: tuple[int, ...],
                      after: Callable[[LoadClient], bool] | None = None
                      ) -> tuple[int, str, LoadClient]:
    """``envsync deploy prod --ref v2 --execute`` under load, sent ``signals`` (the
    second one while the first is being handled) once it prints ``at`` on stderr and
    ``after`` holds (bounded); its exit code, stdout and stderr, and the load client."""
    import subprocess
    import time

    from tests.rollback.test_interrupts import ENVSYNC

    with _load(stack) as load:
        proc = subprocess.Popen([ENVSYNC, "deploy", "prod", "--ref", "v2", "--execute"],
                                cwd=stack.repo.path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        assert proc.stderr is not None
        err = []
        for line in proc.stderr:
            err.append(line)
            if at in line:
                for _ in range(100):  # bounded: the condition, not a duration, matters
                    if after is None or after(load):
                        break
                    time.sleep(0.05)
                for n, sig in enumerate(signals):
                    if n:
                        time.sleep(0.2)
                    proc.send_signal(sig)
                break
        out, rest = proc.communicate(timeout=300)
    return proc.returncode, out + "".join(err) + rest, load


def _served_v2(load: LoadClient) -> bool:
    return load.report.bodies.get(json.dumps({"version": "2", "ok": True}), 0) > 0


@pytest.mark.parametrize(("at", "signals"), [
    ("start a new app", (signal.SIGTERM,)),
    ("switch app to green", (signal.SIGTERM,)),
    # in the window: users' traffic on the new container, the old one kept ready; a
    # second signal while the way back runs must not cut it short
    ("watch app for", (signal.SIGTERM, signal.SIGINT)),
], ids=["during-scale-up", "mid-switch", "in-the-window"])
def test_sigterm_keeps_the_old_version_serving(bg_stack: BlueGreenStack, at: str,
                                               signals: tuple[int, ...]) -> None:
    bg_stack.release()
    (old,) = bg_stack.apps()
    window = at.startswith("watch")
    code, said, load = _deploy_signalled(bg_stack, at, signals,
                                         after=_served_v2 if window else None)
    assert code == 143, said
    assert load.report.failed == 0, load.report.failures[:5]
    if window:  # the signal came once users were on the new version
        assert _served_v2(load), load.report.bodies
    (still,) = bg_stack.apps()  # the new container removed, the old one serving
    assert still.id == old.id and still.status == "running"
    record = bg_stack.log()[-1]
    assert record["result"] == "interrupted" and record["signal"] == "SIGTERM"
    assert record["blue_green"][0]["phase"] == "restored"
    assert record["rollback"]["files_only"] and record["rollback"]["result"] == "ok"
    assert "back on the old container" in record["failure"], record["failure"]
    assert _slots(bg_stack) == {record["blue_green"][0]["from"]: "UP",
                                record["blue_green"][0]["to"]: "MAINT"}
    assert bg_stack.repo.git("rev-parse", "HEAD").strip() == bg_stack.good
    assert bg_stack.drift_code() == 0


def _on_the_new_version(stack: BlueGreenStack, old: Any, release: str,
                        record: dict[str, Any]) -> None:
    """The window had passed: the retire finished, the new version alone serves, the
    files say so (not rolled back under it), drift clean."""
    import httpx

    (now,) = stack.apps()
    assert now.id != old.id and now.status == "running"
    answers = {httpx.post(stack.url + "/combined_price", json={}, timeout=5).text
               for _ in range(10)}
    assert answers == {json.dumps({"version": "2", "ok": True})}
    bg = record["blue_green"][0]
    assert _slots(stack) == {bg["to"]: "UP", bg["from"]: "MAINT"}
    assert stack.repo.git("rev-parse", "HEAD").strip() == release
    assert stack.drift_code() == 0
    assert record["result"] == "interrupted" and bg["phase"] == "retired", record
    assert record["rollback"] is None
    assert "the new version serves, the old container retired" in record["failure"]


def test_signals_during_the_retire_finish_it(bg_stack: BlueGreenStack) -> None:
    """SIGTERM as the old container is being retired, then SIGINT: the window has passed,
    so the retire goes to its end (the old slot's drain not cut short) and the files stay
    at the release."""
    release = bg_stack.release()
    (old,) = bg_stack.apps()
    code, said, load = _deploy_signalled(bg_stack, "retire the old app",
                                         (signal.SIGTERM, signal.SIGINT))
    assert code == 143, said
    assert load.report.failed == 0, load.report.failures[:5]
    record = bg_stack.log()[-1]
    assert record["signal"] == "SIGTERM"
    _on_the_new_version(bg_stack, old, release, record)
    # the retire saw the signal (it came during the step) and said it goes on
    assert "SIGTERM: the watch window has passed, app runs the new version: finishing the " \
           "retire" in said, said
    assert "retire the old app" not in record["not_run"], record["not_run"]


def test_a_signal_as_the_window_passes_finishes_the_retire(
        bg_stack: BlueGreenStack, monkeypatch: pytest.MonkeyPatch) -> None:
    """A signal after the window passed and before the retire step starts (in-process, so
    it lands exactly there): the settle step finishes the retire; not both versions left
    running under files that name one."""
    import os

    from envsync.deploy.bluegreen import BlueGreen

    watch = BlueGreen.watch

    def then_a_signal(self: BlueGreen, interrupts: Any) -> tuple[int, str]:
        done = watch(self, interrupts)
        os.kill(os.getpid(), signal.SIGINT)  # caught by the deploy's Interrupts
        return done

    monkeypatch.setattr(BlueGreen, "watch", then_a_signal)
    release = bg_stack.release()
    (old,) = bg_stack.apps()
    with _load(bg_stack) as load:
        result = bg_stack.cli("deploy", "prod", "--ref", "v2", "--execute")
    assert result.exit_code == 130, result.stdout + result.stderr
    assert load.report.failed == 0, load.report.failures[:5]
    record = bg_stack.log()[-1]
    assert record["signal"] == "SIGINT" and "retire the old app" in record["not_run"]
    _on_the_new_version(bg_stack, old, release, record)
    assert record["settled"] == [{"title": "settle app on one version", "returncode": 0}]
    assert "finishing the retire of the old app" in result.stderr, result.stderr


def test_a_crash_restarted_in_the_window_switches_back(bg_stack: BlueGreenStack) -> None:
    """A release that passes its checks, then exits once a second after users' traffic
    reaches it, and that its restart policy starts again (serving then): the window sees
    the restart at once (its count since the checks passed, not between two captures that
    may both come after it), the old slot serves again, exit 1 naming the crash."""
    text = bg_stack.file.read_text()
    bg_stack.file.write_text(text.replace("    stop_grace_period: 2s",
                                          "    restart: unless-stopped\n"
                                          "    stop_grace_period: 2s"))
    bg_stack.release("BAD: exit", 'FAIL_AFTER: "1"')
    (old,) = bg_stack.apps()
    # a pause per request: failures count time, not how fast a dead backend says 503
    with LoadClient(bg_stack.url + "/combined_price", method="POST", json={"symbol": "B"},
                    workers=2, pause_s=0.02) as load:
        assert load.wait_first_success()
        result = bg_stack.cli("deploy", "prod", "--ref", "v2", "--execute")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "watch window" in result.stdout and "crashed" in result.stdout, result.stdout
    report = load.report
    print(f"{report.failed} failed of {report.requests}")  # a figure
    assert report.bodies.get(json.dumps({"version": "2", "ok": True}), 0) > 0  # it served
    assert report.failed <= report.requests // 10, report.failures[:5]
    # a request HAProxy sent to the dead container before the switch back was moved to
    # the old slot (option redispatch), not held until the client gave up after 5 s
    assert not [why for _, why in report.failures if "Timeout" in why], report.failures[:5]
    (still,) = bg_stack.apps()
    assert still.id == old.id
    import httpx

    answers = {httpx.post(bg_stack.url + "/combined_price", json={}, timeout=5).text
               for _ in range(10)}
    assert answers == {json.dumps({"version": "1", "ok": True})}
    record = bg_stack.log()[-1]
    assert record["result"] == "failed" and "watch window" in record["failure"]
    assert "crashed" in record["blue_green"][0]["reason"]
    assert record["blue_green"][0]["phase"] == "restored"
    assert record["rollback"]["files_only"] and record["rollback"]["result"] == "ok"
    assert bg_stack.repo.git("rev-parse", "HEAD").strip() == bg_stack.good
