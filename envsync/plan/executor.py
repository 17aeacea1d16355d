"""The one executor: runs a plan's steps in order, stopping at the first failure.

What it guarantees, whichever command planned the steps:

- Each child runs with the environment's settings, never the operator's shell: only
  :data:`PASS_ENV` is passed on, plus ``DOCKER_HOST`` (the environment's engine, the one
  capture reads) and the step's own variables. ``API_SECRET=x envsync …`` cannot reach a
  container, and ``COMPOSE_PROFILES`` or ``GIT_DIR`` in the shell cannot change what runs.
- Each child runs in its own session (process group): Ctrl-C at the terminal reaches
  envsync only, and a stopped step is stopped with everything it started.
- A step may run in-process (``Step.call``: a wait, a switch at a proxy); it gets the
  interrupts and returns as soon as one came, so the plan stops there as after any step.
- SIGINT and SIGTERM are caught (:class:`Interrupts`): no further step starts; the step
  running is allowed :data:`GRACE_S` seconds to finish (a compose recreate stopped half-way
  leaves containers ``Created`` or ``Exited``); past that, or on a second signal, its
  process group gets SIGTERM, then SIGKILL. Then the plan's ``settle`` steps bring the
  services back (``compose up -d --no-recreate``), and the caller reports where it stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any

from envsync.plan import Plan, Step

__all__ = [
    "GRACE_S",
    "PASS_ENV",
    "UNLOGGED",
    "Interrupts",
    "PlanResult",
    "StepResult",
    "append_log",
    "child_env",
    "run_plan",
    "say",
]

PASS_ENV = ("PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "LANG", "LC_ALL", "LC_CTYPE",
            "DOCKER_CONFIG", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY", "SSH_AUTH_SOCK",
            "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM",
            "GIT_CONFIG_NOSYSTEM")
"""The only variables of envsync's own environment a step's child sees: what git, docker
and compose need to find themselves, their config files, certificates and an ssh agent
(never GIT_DIR or GIT_WORK_TREE, which would point git at another repository, nor
COMPOSE_*, which would change the project)."""
GRACE_S = 60.0
"""After SIGINT/SIGTERM, how long the running step may take to finish on its own."""
STOP_S = 10.0
"""After SIGTERM to a step's process group, how long before SIGKILL."""
_OUTPUT_KEEP = 4000
_SIGNAL_NAMES = {signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}


def say(text: str) -> None:
    """Say ``text`` to the user (stderr, "envsync: " first), at once."""
    import sys

    sys.stderr.write(f"envsync: {text}\n")
    sys.stderr.flush()


def child_env(docker_host: str | None, step_env: tuple[tuple[str, str], ...] = ()
              ) -> dict[str, str]:
    """The environment a step's child runs with (see the module docstring)."""
    env = {k: v for k in PASS_ENV if (v := os.environ.get(k)) is not None}
    if docker_host:
        env["DOCKER_HOST"] = docker_host
    env.update(dict(step_env))
    return env


class Interrupts:
    """SIGINT and SIGTERM while an execution runs: recorded, never raised, so the code
    between steps (a capture, a log line) always completes. Use as a context manager in
    the main thread; elsewhere (a test's thread) it records nothing and changes nothing."""

    def __init__(self, tell: Callable[[str], None] | None = None) -> None:
        self.received: list[int] = []
        self._old: dict[int, Any] = {}
        self.on_signal: Callable[[int], None] | None = None
        self.tell = tell if tell is not None else say
        """Says what happens after a signal (an operator who sees nothing presses again)."""

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            for sig in _SIGNAL_NAMES:
                self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *_: object) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)
        self._old.clear()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        self.received.append(signum)
        if self.on_signal is not None:
            self.on_signal(signum)

    @property
    def signum(self) -> int | None:
        """The first signal received, or None."""
        return self.received[0] if self.received else None

    @property
    def name(self) -> str | None:
        sig = self.signum
        return None if sig is None else _SIGNAL_NAMES.get(signal.Signals(sig), str(sig))

    @property
    def exit_code(self) -> int:
        """128 + the signal: 130 for SIGINT, 143 for SIGTERM (as a shell reports them)."""
        return 128 + (self.signum or signal.SIGINT)

    def sleep(self, seconds: float) -> bool:
        """Sleep unless interrupted; False when a signal has come."""
        end = time.monotonic() + seconds
        while not self.received and time.monotonic() < end:
            time.sleep(min(0.1, max(end - time.monotonic(), 0)))
        return not self.received


@dataclass
class StepResult:
    """How one step went."""

    step: Step
    returncode: int
    seconds: float
    output: str = ""
    stopped: bool = False
    """True when the executor stopped it (interrupt past the grace period, or timeout)."""

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def reason(self) -> str:
        """The last non-empty line of its output, or its exit code: one clean line."""
        lines = [ln.strip() for ln in self.output.splitlines() if ln.strip()]
        return lines[-1] if lines else f"exit {self.returncode}"


@dataclass
class PlanResult:
    """The steps that ran (the last one failed if ``ok`` is false and not interrupted)."""

    results: list[StepResult] = field(default_factory=list)
    interrupted: str | None = None
    """``SIGINT`` or ``SIGTERM`` when a signal stopped the plan."""
    interrupted_at: int | None = None
    """The step (1-based) running, or next to run, when the signal came."""
    settled: list[StepResult] = field(default_factory=list)
    """The plan's settle steps, run after an interrupt."""

    @property
    def ok(self) -> bool:
        return self.interrupted is None and all(r.ok for r in self.results)

    @property
    def failed(self) -> StepResult | None:
        return next((r for r in self.results if not r.ok), None)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the step's process group, SIGKILL after STOP_S."""
    for sig, wait in ((signal.SIGTERM, STOP_S), (signal.SIGKILL, STOP_S)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _run_call(step: Step, interrupts: Interrupts | None) -> StepResult:
    """An in-process step: it watches ``interrupts`` itself and returns when one came."""
    from envsync.errors import EnvsyncError

    assert step.call is not None
    started = time.monotonic()
    try:
        code, text = step.call(interrupts)
    except EnvsyncError as exc:  # the step's own words: one line, no traceback
        code, text = 1, str(exc)
    return StepResult(step, code, time.monotonic() - started, text[-_OUTPUT_KEEP:])


def _run_step(step: Step, env: dict[str, str], *, timeout_s: float,
              interrupts: Interrupts | None, grace_s: float) -> StepResult:
    from envsync.lock import held_fds, note_step

    if step.call is not None:
        return _run_call(step, interrupts)
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        # Output goes to a file, not a pipe: polling a pipe-fed child can deadlock it.
        out: IO[bytes] = stack.enter_context(tempfile.TemporaryFile())
        try:
            # The environment's lock goes with the step: killed, envsync leaves it running
            # (its own session), and nothing else may change the environment beside it.
            proc = subprocess.Popen(list(step.argv), cwd=step.cwd, env=env,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                    start_new_session=True, pass_fds=held_fds())
        except OSError as exc:
            return StepResult(step, 127, time.monotonic() - started, str(exc))
        note_step(proc.pid, step.title)
        try:
            code, stopped, note = _wait(proc, step, started, timeout_s, interrupts, grace_s)
        finally:
            note_step(None)
        out.seek(0)
        text = out.read().decode(errors="replace")[-_OUTPUT_KEEP:] + note
    return StepResult(step, code, time.monotonic() - started, text, stopped)


def _wait(proc: subprocess.Popen[bytes], step: Step, started: float, timeout_s: float,
          interrupts: Interrupts | None, grace_s: float) -> tuple[int, bool, str]:
    cut_at: float | None = None
    while True:
        try:
            return proc.wait(timeout=0.1), False, ""
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        if interrupts is not None and interrupts.received:
            if cut_at is None:
                cut_at = now + grace_s
                if len(interrupts.received) == 1:
                    interrupts.tell(f"{interrupts.name}: letting '{step.title}' finish (at most "
                                    f"{grace_s:.0f} s), then stopping; send it again to stop "
                                    "the step now")
            if len(interrupts.received) > 1 or now >= cut_at:
                interrupts.tell(f"stopping '{step.title}'")
                _stop(proc)
                return (proc.returncode if proc.returncode is not None else -9), True, \
                    f"\nstopped by envsync after {interrupts.name}"
        if now - started > timeout_s:
            _stop(proc)
            return 124, True, f"\ntimed out after {timeout_s:.0f} s"


def run_plan(plan: Plan, *, docker_host: str | None = None,
             on_step: Callable[[int, Step], None] | None = None,
             interrupts: Interrupts | None = None, timeout_s: float = 1800,
             grace_s: float = GRACE_S) -> PlanResult:
    """Run each step (argv, no shell); stop at the first that fails, or at a signal (then
    run ``plan.settle``)."""
    outcome = PlanResult()
    for n, step in enumerate(plan.steps, 1):
        if interrupts is not None and interrupts.received:
            outcome.interrupted, outcome.interrupted_at = interrupts.name, n
            break
        if on_step:
            on_step(n, step)
        result = _run_step(step, child_env(docker_host, step.env), timeout_s=timeout_s,
                           interrupts=interrupts, grace_s=grace_s)
        outcome.results.append(result)
        if interrupts is not None and interrupts.received:
            outcome.interrupted, outcome.interrupted_at = interrupts.name, n
            break
        if not result.ok:
            break
    if outcome.interrupted and outcome.results:  # nothing ran: nothing to bring back
        # The settle steps are the way back to running services: a signal now does not
        # stop them (a third one does, through the timeout below being short).
        for step in plan.settle:
            outcome.settled.append(_run_step(step, child_env(docker_host, step.env),
                                             timeout_s=min(timeout_s, 300), interrupts=None,
                                             grace_s=grace_s))
    return outcome


def _scrubbed(value: Any) -> Any:
    from envsync.secrets import scrub_message

    if isinstance(value, str):
        return scrub_message(value)
    if isinstance(value, dict):
        return {k: _scrubbed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrubbed(v) for v in value]
    return value


@contextlib.contextmanager
def interruptible() -> Iterator[Interrupts]:
    """``with interruptible() as interrupts:`` catch SIGINT/SIGTERM for the block."""
    with Interrupts() as interrupts:
        yield interrupts


UNLOGGED = "the log line was not written"
"""How an outcome's ``log`` starts when its line could not be appended (a full disk)."""


def unlogged(log: str) -> str:
    """``; <why the log line is missing>``, for a one-line refusal; else empty."""
    return f"; {log}" if log.startswith(UNLOGGED) else ""


def append_log(path: Path, data: dict[str, Any]) -> Path:
    """Append ``data`` as one JSON line to ``path`` (created with its folder), every
    string scrubbed: a step's script quotes the commands and URLs as envsync.yaml gives
    them (a preview URL's password, a smoke check's ``?token=``). A disk that fills
    mid-line leaves no half line (StorageError names the file); a half line another writer
    left (a crash, a full disk) never swallows this one: it starts on its own line."""
    import errno
    import json

    from envsync.errors import StorageError

    line = (json.dumps(_scrubbed(data), default=str) + "\n").encode()
    fd = -1
    start = written = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One write on an O_APPEND descriptor: concurrent appends never interleave a line.
        # Never through a symlink, only into a regular file: the snapshots folder is kept
        # in git, and a log linked to ~/.bashrc would get a line with the deployed ref.
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW
                     | os.O_NONBLOCK, 0o644)
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        start = info.st_size
        if start and os.pread(fd, 1, start - 1) != b"\n":
            line = b"\n" + line
        written = os.write(fd, line)
        if written != len(line):  # the disk filled up mid-line
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync(fd)
    except OSError as exc:
        if fd >= 0 and 0 < written < len(line):
            with contextlib.suppress(OSError):
                if os.fstat(fd).st_size == start + written:  # nobody appended since
                    os.ftruncate(fd, start)
        why = "it is a symlink" if exc.errno == errno.ELOOP else exc.strerror or exc
        raise StorageError(f"cannot append to {path}: {why}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    return path
