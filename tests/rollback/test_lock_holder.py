"""The holder's details in the lock file are rewritten at each step a run starts
(:func:`note_step`); a run refused at that moment must still be told who holds the lock
(a CI run once printed "locked by another envsync run"). A raw read may, very rarely,
catch a write half-way: the refusal reads again."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

from envsync.lock import LOCK_NAME, _describe, env_lock, holder, note_step

ROUNDS = 3000
COMMAND = "envsync deploy prod --execute"


@contextlib.contextmanager
def _holding_and_rewriting(folder: Path) -> Iterator[None]:
    """Hold the lock in ``folder`` while a thread names step after step in it, long and
    short titles in turn (a shorter record written over a longer one), and no step."""
    with env_lock(folder, "prod", COMMAND):
        stop = threading.Event()

        def rewrite() -> None:
            n = 0
            while not stop.is_set():
                note_step(n + 1, "docker compose up -d " + "x" * (n % 3) * 300)
                if n % 2:
                    note_step(None)
                n += 1

        writer = threading.Thread(target=rewrite)
        writer.start()
        try:
            yield
        finally:
            stop.set()
            writer.join()


def test_the_holder_is_named_while_it_rewrites_its_steps(tmp_path: Path) -> None:
    """The holder's details, as a refused run reads them (:func:`_describe`), beside a
    holder rewriting them: always its pid and command (before the fix, 2888 of 3000 raw
    reads found the file empty; a raw read may still, very rarely, catch a write half-way,
    and the refusal reads again)."""
    with _holding_and_rewriting(tmp_path):
        seen = [_describe("prod", tmp_path / LOCK_NAME) for _ in range(ROUNDS)]
        raw = [holder(tmp_path / LOCK_NAME) for _ in range(ROUNDS)]
    named = f"is locked by pid {os.getpid()} "
    unnamed = [line for line in seen if named not in line or COMMAND not in line]
    assert not unnamed, f"{len(unnamed)} of {ROUNDS} refusals did not name the holder"
    torn = [info for info in raw if info.get("command") != COMMAND]
    assert len(torn) <= ROUNDS // 100, f"{len(torn)} of {ROUNDS} raw reads saw no holder"


CONTENDER = textwrap.dedent("""\
    import sys
    from pathlib import Path
    from envsync.lock import EnvironmentLocked, env_lock
    refusals = []
    for _ in range(int(sys.argv[2])):
        try:
            with env_lock(Path(sys.argv[1]), "prod", "contender"):
                pass
        except EnvironmentLocked as exc:
            refusals.append(str(exc))
    bad = [r for r in refusals if "is locked by pid" not in r]
    print(len(refusals), len(bad), bad[:1])
""")


def test_a_refused_run_always_names_the_holder(tmp_path: Path) -> None:
    """Another process, refused again and again while the holder rewrites its steps."""
    with _holding_and_rewriting(tmp_path):
        out = subprocess.run([sys.executable, "-c", CONTENDER, str(tmp_path), "300"],
                             capture_output=True, text=True, timeout=120, check=True)
    refused, bad, _example = out.stdout.split(" ", 2)
    assert refused == "300" and bad == "0", out.stdout
