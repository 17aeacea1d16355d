"""Nothing lost: concurrent writers each keep their snapshot; a killed writer's temp file
does not stay. Real processes, real files."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from envsync.errors import SnapshotError
from envsync.store import list_snapshots, resolve_ref, write_snapshot

# Stand-in documents (schema and meta only): these tests are about the store's files.
pytestmark = pytest.mark.malformed_documents

_TIME = "2026-11-29T07:00:00Z"


def _snap(env: str, marker: int) -> dict[str, object]:
    return {"schema": "envsync.snapshot/v1",
            "meta": {"environment": env, "time": _TIME, "marker": marker}}


def _writer(folder: str, marker: int, start: Any) -> None:
    start.wait(60)  # a barrier: all four write at once
    write_snapshot(Path(folder), _snap("prod", marker))


def test_four_writers_in_the_same_second_keep_four_files(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(4)
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), i, start)) for i in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    found = list_snapshots(tmp_path, "prod")
    assert [p.name for p in found] == ["20261129T070000Z.json", *(
        f"20261129T070000Z-{n}.json" for n in (2, 3, 4))]
    markers = sorted(json.loads(p.read_text())["meta"]["marker"] for p in found)
    assert markers == [0, 1, 2, 3]
    assert {p.name for p in (tmp_path / "prod").iterdir()} == {p.name for p in found}


def test_many_writers_race_for_names(tmp_path: Path) -> None:
    """More writers than cores, started together, each writing many times."""
    code = ("import sys, pathlib\n"
            "from envsync.store import write_snapshot\n"
            "for i in range(10):\n"
            "    write_snapshot(pathlib.Path(sys.argv[1]), {'schema': 'envsync.snapshot/v1',"
            " 'meta': {'environment': 'prod', 'time': '" + _TIME + "',"
            " 'marker': sys.argv[2] + '-' + str(i)}})\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path), str(w)])
             for w in range(6)]
    assert all(p.wait(120) == 0 for p in procs)
    found = list_snapshots(tmp_path, "prod")
    markers = {json.loads(p.read_text())["meta"]["marker"] for p in found}
    assert len(found) == 60 and len(markers) == 60


def test_a_killed_writers_temp_file_is_swept(tmp_path: Path) -> None:
    """A writer killed with SIGKILL between writing and naming its file leaves a temp file;
    the next write removes it once it is older than any live write could be."""
    code = ("import os, sys, time, pathlib\n"
            "from envsync import store\n"
            "def hang(fd):\n"
            "    print('written', flush=True); time.sleep(600)\n"
            "os.fsync = hang\n"
            "store.write_snapshot(pathlib.Path(sys.argv[1]), {'schema': 'envsync.snapshot/v1',"
            " 'meta': {'environment': 'prod', 'time': '" + _TIME + "'}})\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written"
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    (left,) = (tmp_path / "prod").iterdir()
    assert left.name.startswith(".") and left.name.endswith(".tmp")
    assert list_snapshots(tmp_path, "prod") == []

    write_snapshot(tmp_path, _snap("prod", 1))  # a fresh temp file may be a live writer's
    assert left.exists()
    old = time.time() - 3600
    os.utime(left, (old, old))
    written = write_snapshot(tmp_path, _snap("prod", 2))
    assert not left.exists()
    assert sorted(p.name for p in (tmp_path / "prod").iterdir()) == [
        "20261129T070000Z-2.json", "20261129T070000Z.json"]
    assert written.name == "20261129T070000Z-2.json"


def test_a_snapshot_of_an_invalid_environment_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="not a valid environment name"):
        write_snapshot(tmp_path / "snapshots", _snap("../../escape", 0))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ref", ["prod@latest~-1", "prod@foo", "prod@latest~", "prod@20261129x",
                                 "prod@latest~1.5", "prod@2026/11/29"])
def test_references_outside_the_accepted_forms(tmp_path: Path, ref: str) -> None:
    write_snapshot(tmp_path, _snap("prod", 0))
    with pytest.raises(SnapshotError, match="accepted forms: ENV@latest"):
        resolve_ref(tmp_path, ref)


def test_references_in_the_accepted_forms(tmp_path: Path) -> None:
    first = write_snapshot(tmp_path, _snap("prod", 0))
    second = write_snapshot(tmp_path, _snap("prod", 1))
    assert resolve_ref(tmp_path, "prod@latest~0") == second
    assert resolve_ref(tmp_path, "prod@latest~1") == first
    assert resolve_ref(tmp_path, "prod@20261129T070000Z-2") == second
    assert resolve_ref(tmp_path, "prod@20261129t07") == second
    assert resolve_ref(tmp_path, "prod@2026-11-29T07:00:00Z") == second
    with pytest.raises(SnapshotError, match="only 2 snapshots"):
        resolve_ref(tmp_path, "prod@latest~2")


if sys.platform != "linux":  # pragma: no cover - the stale sweep relies on mtime semantics
    pytestmark = pytest.mark.skip("linux only")


# --- property-based: any reference, any environment name --------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402 - the property tests' own imports
from hypothesis import strategies as st  # noqa: E402

from envsync.names import env_name_problem  # noqa: E402

_REFISH = st.one_of(
    st.text(max_size=40),
    st.builds(lambda env, when: f"{env}@{when}",
              st.sampled_from(["prod", "..", "../x", "", "a/b", "p" * 70]),
              st.one_of(st.text(max_size=30),
                        st.from_regex(r"latest~-?[0-9]{1,4}", fullmatch=True),
                        st.from_regex(r"[0-9T:Z-]{0,20}", fullmatch=True))),
)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ref=_REFISH)
def test_any_reference_resolves_or_is_refused(tmp_path: Path, ref: str) -> None:
    if not (tmp_path / "prod").exists():
        write_snapshot(tmp_path, _snap("prod", 0))
        write_snapshot(tmp_path, _snap("prod", 1))
    try:
        found = resolve_ref(tmp_path, ref)
    except SnapshotError as exc:
        assert "\n" not in str(exc)
        return
    # A reference that resolves names a stored file of that environment, inside the folder.
    assert found.parent == tmp_path / "prod"
    assert found in list_snapshots(tmp_path, "prod")


@given(name=st.text(max_size=80))
def test_a_valid_name_stays_inside_the_snapshots_folder(name: str) -> None:
    if env_name_problem(name) is None:
        root = Path("/snapshots")
        assert (root / name).parent == root and name != ".." and "/" not in name
        assert os.path.normpath(root / name).startswith("/snapshots/")


# --- where --out may point -----------------------------------------------------------------

def test_out_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    from envsync.store import atomic_write_text

    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    atomic_write_text(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text() == "new"


def test_out_to_a_pipe_is_written_not_replaced(tmp_path: Path) -> None:
    """``--out /dev/stdout`` (a pipe here): a rename would replace the device."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    from envsync.store import atomic_write_text

    atomic_write_text(fifo, "through the pipe\n")
    assert reader.communicate(timeout=30)[0] == "through the pipe\n"
    assert fifo.is_fifo()
    code = ("import pathlib\nfrom envsync.store import atomic_write_text\n"
            "atomic_write_text(pathlib.Path('/dev/stdout'), 'to stdout')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert proc.stdout == "to stdout"
    assert Path("/dev/stdout").is_symlink()


def test_a_killed_out_writers_temp_file_is_swept(tmp_path: Path) -> None:
    """--out FILE in the user's folder: only temp files of that very name, and old ones."""
    from envsync.store import atomic_write_text

    old = time.time() - 3600
    stale = tmp_path / ".report.json.k1ll3d.tmp"
    fresh = tmp_path / ".report.json.l1ve.tmp"
    other = tmp_path / ".other.json.k1ll3d.tmp"
    for path in (stale, fresh, other):
        path.write_text("partial")
    for path in (stale, other):
        os.utime(path, (old, old))
    atomic_write_text(tmp_path / "report.json", "whole")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert (tmp_path / "report.json").read_text() == "whole"


def test_without_hard_links_names_are_still_claimed_once(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without hard links (vfat, some network mounts): an exclusive create
    reserves the name, the whole file is moved over it."""
    import errno

    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    first = write_snapshot(tmp_path, _snap("prod", 0))
    second = write_snapshot(tmp_path, _snap("prod", 1))
    assert (first.name, second.name) == ("20261129T070000Z.json", "20261129T070000Z-2.json")
    assert json.loads(second.read_text())["meta"]["marker"] == 1
    assert sorted(p.name for p in (tmp_path / "prod").iterdir()) == [second.name, first.name]
