"""A local container's memory from its cgroup files (envsync/capture/cgroup_memory.py), and
which engines count as local (envsync/capture/engine.py local_engine). tmp dirs stand for
/proc and /sys/fs/cgroup; tests/deploy/test_bluegreen_window.py reads a real container's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envsync.capture.cgroup_memory import cgroup_memory
from envsync.capture.engine import local_engine
from envsync.capture.stats import MIB, summarise

ID = "e271e0269c9207c58650491fae53894d6b112af84c991a1a20bb4d2f07e32864"
OTHER = "0" * 64
V1_PROC = "\n".join([
    "9:name=systemd:/docker/{id}", "8:pids:/docker/{id}", "4:memory:/docker/{id}",
    "2:cpu,cpuacct:/docker/{id}", "0::/docker/{id}", ""])
# cgroup v1 memory.stat carries this cgroup's and the hierarchy's counters
V1_STAT = "cache 20971520\nrss 41943040\ninactive_file 1048576\ntotal_inactive_file {inactive}\n"
V2_STAT = "anon 41943040\nfile 20971520\ninactive_file {inactive}\nactive_file 1024\n"


def _proc(root: Path, pid: int, text: str) -> Path:
    (root / str(pid)).mkdir(parents=True)
    (root / str(pid) / "cgroup").write_text(text)
    return root


def _v1(tmp: Path, cid: str = ID, usage: int = 60 * MIB, inactive: int = 8 * MIB) -> Path:
    where = tmp / "sys" / "memory" / "docker" / cid
    where.mkdir(parents=True)
    (where / "memory.usage_in_bytes").write_text(f"{usage}\n")
    (where / "memory.stat").write_text(V1_STAT.format(inactive=inactive))
    return tmp / "sys"


def _v2(tmp: Path, cid: str = ID, current: int = 60 * MIB, inactive: int = 8 * MIB) -> Path:
    where = tmp / "sys" / "system.slice" / f"docker-{cid}.scope"
    where.mkdir(parents=True)
    (where / "memory.current").write_text(f"{current}\n")
    (where / "memory.stat").write_text(V2_STAT.format(inactive=inactive))
    return tmp / "sys"


def test_cgroup_v1_reads_what_docker_stats_shows(tmp_path: Path) -> None:
    proc = _proc(tmp_path / "proc", 4121, V1_PROC.format(id=ID))
    reader = cgroup_memory(4121, ID, proc_root=proc, cgroup_root=_v1(tmp_path))
    assert reader is not None
    assert reader.usage == tmp_path / "sys/memory/docker" / ID / "memory.usage_in_bytes"
    # usage minus the hierarchy's inactive page cache (total_inactive_file), as a stats
    # answer of the same figures gives: one verdict whichever way it was read
    assert reader.used_mb() == 52.0
    stats = {"usage": 60 * MIB, "stats": {"inactive_file": MIB,
                                          "total_inactive_file": 8 * MIB}}
    assert summarise({"memory_stats": stats})["memory_used_mb"] == 52.0
    reader.usage.write_text(f"{90 * MIB}\n")  # read again each time, not cached
    assert reader.used_mb() == 82.0


def test_cgroup_v2_reads_memory_current_minus_inactive_file(tmp_path: Path) -> None:
    proc = _proc(tmp_path / "proc", 77, f"0::/system.slice/docker-{ID}.scope\n")
    reader = cgroup_memory(77, ID, proc_root=proc, cgroup_root=_v2(tmp_path, inactive=5 * MIB))
    assert reader is not None and reader.usage.name == "memory.current"
    assert reader.used_mb() == 55.0


def test_an_inactive_cache_larger_than_the_usage_is_not_subtracted(tmp_path: Path) -> None:
    proc = _proc(tmp_path / "proc", 77, f"0::/system.slice/docker-{ID}.scope\n")
    reader = cgroup_memory(77, ID, proc_root=proc,
                           cgroup_root=_v2(tmp_path, current=4 * MIB, inactive=5 * MIB))
    assert reader is not None and reader.used_mb() == 4.0  # docker CLI's rule too


@pytest.mark.parametrize("case", ["pid reused", "short id", "not running", "no such pid",
                                  "no memory file", "garbage"])
def test_no_reader_unless_the_cgroup_is_the_containers_own(tmp_path: Path, case: str) -> None:
    """A pid whose cgroup does not name the container (reused, another pid namespace: a
    VM's or a rootless engine's), or files that cannot be read: None, and the caller keeps
    the engine's stats."""
    sys_root = _v1(tmp_path)
    _v1(tmp_path, cid=OTHER)
    owner = OTHER if case == "pid reused" else ID
    proc = _proc(tmp_path / "proc", 4121, V1_PROC.format(id=owner))
    pid, cid = 4121, ID
    if case == "short id":
        cid = ID[:12]
    elif case == "not running":
        pid = 0
    elif case == "no such pid":
        pid = 4122
    elif case == "no memory file":
        (sys_root / "memory/docker" / ID / "memory.stat").unlink()
    elif case == "garbage":
        (sys_root / "memory/docker" / ID / "memory.usage_in_bytes").write_text("max\n")
    assert cgroup_memory(pid, cid, proc_root=proc, cgroup_root=sys_root) is None


def test_a_hybrid_host_reads_the_v1_memory_controller(tmp_path: Path) -> None:
    """This machine: v1 controllers, and a v2 hierarchy (``0::``) mounted beside them that
    holds no memory files."""
    proc = _proc(tmp_path / "proc", 5, V1_PROC.format(id=ID))
    sys_root = _v1(tmp_path)
    (sys_root / "docker" / ID).mkdir(parents=True)  # the v2 path exists, without memory.*
    reader = cgroup_memory(5, ID, proc_root=proc, cgroup_root=sys_root)
    assert reader is not None and reader.usage.name == "memory.usage_in_bytes"


def test_a_container_gone_raises_oserror(tmp_path: Path) -> None:
    import shutil

    proc = _proc(tmp_path / "proc", 5, V1_PROC.format(id=ID))
    sys_root = _v1(tmp_path)
    reader = cgroup_memory(5, ID, proc_root=proc, cgroup_root=sys_root)
    assert reader is not None
    shutil.rmtree(sys_root / "memory/docker" / ID)
    with pytest.raises(OSError):
        reader.used_mb()


def test_local_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    monkeypatch.delenv("DOCKER_CONTEXT", raising=False)
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    assert local_engine(None)  # the default socket, no config.json
    assert local_engine("unix:///run/user/1000/docker.sock")
    assert not local_engine("ssh://deploy@vm") and not local_engine("tcp://10.0.0.5:2376")
    (tmp_path / "config.json").write_text(json.dumps({"currentContext": "default"}))
    assert local_engine(None)
    (tmp_path / "config.json").write_text(json.dumps({"currentContext": "desktop-linux",
                                                      "auths": {}}))
    assert not local_engine(None)  # the CLI and compose would go to the context's engine
    assert local_engine("unix:///var/run/docker.sock")  # DOCKER_HOST's kind wins, as in the CLI
    (tmp_path / "config.json").write_text("{not json")
    assert not local_engine(None)
    (tmp_path / "config.json").unlink()
    monkeypatch.setenv("DOCKER_CONTEXT", "prod")
    assert not local_engine(None)
    monkeypatch.setenv("DOCKER_HOST", "unix:///var/run/docker.sock")
    assert local_engine(None)
    monkeypatch.setenv("DOCKER_HOST", "ssh://deploy@vm")
    assert not local_engine(None)
