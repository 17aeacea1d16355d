"""Processes that start together on a machine with no fingerprint key yet all end up with
one key: the key file is made once (hard link, never a rename over another's key)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Any


def _first_run(config_home: str, start: Any, out: Any) -> None:
    os.environ.pop("ENVSYNC_FINGERPRINT_KEY", None)
    os.environ["XDG_CONFIG_HOME"] = config_home
    from envsync.secrets import Redactor

    start.wait(60)
    out.put(Redactor().fingerprint("one value"))


def test_processes_racing_to_make_the_key_share_it(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    for round_ in range(10):
        home = tmp_path / f"config-{round_}"
        start, out = ctx.Barrier(6), ctx.Queue()
        procs = [ctx.Process(target=_first_run, args=(str(home), start, out)) for _ in range(6)]
        for proc in procs:
            proc.start()
        prints = {out.get(timeout=60) for _ in procs}
        for proc in procs:
            proc.join(60)
            assert proc.exitcode == 0
        assert len(prints) == 1, f"round {round_}: {prints}"
        key = home / "envsync" / "fingerprint.key"
        assert [p.name for p in key.parent.iterdir()] == ["fingerprint.key"]
        assert oct(key.stat().st_mode & 0o777) == "0o600"
