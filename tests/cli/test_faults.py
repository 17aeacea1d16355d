"""Faults a user meets rather than causes: symlink loops, read-only folders, a full disk,
no writable HOME. Each ends in one line naming the file, exit 2, and leaves nothing
half-written behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

CONFIG = """\
environments:
  local:
    git: .
    compose: {files: [services/app.yml], env_file: services/.env}
"""


@pytest.fixture
def worktree_app(repo: Repo) -> Repo:
    """A working-tree environment: its files are read as they are on disk."""
    repo.write("services/app.yml", "services:\n  web:\n    image: busybox:1\n"
                                   "    env_file: [.env]\n")
    repo.write("services/.env", "MODE=dev\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    return repo


def _loop(at: Path) -> None:
    """``at`` → ``at.other`` → ``at``: a symlink loop."""
    other = at.with_name(at.name + ".other")
    at.unlink(missing_ok=True)
    other.symlink_to(at.name)
    at.symlink_to(other.name)


def _snapshot_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "snapshots").rglob("*") if p.is_file())


def _no_temp_files(folder: Path) -> None:
    if folder.exists():
        assert [p.name for p in folder.rglob("*.tmp")] == []


def test_compose_file_is_a_symlink_loop(worktree_app: Repo) -> None:
    _loop(worktree_app.path / "services/app.yml")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, "services/app.yml", "symlink loop", "compose file")
    assert _snapshot_files(worktree_app.path) == []


def test_env_file_is_a_symlink_loop(worktree_app: Repo) -> None:
    _loop(worktree_app.path / "services/.env")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, "services/.env", "symlink loop", "env file")


def test_untracked_symlink_loop_is_recorded_not_fatal(worktree_app: Repo) -> None:
    _loop(worktree_app.path / "notes.txt")
    result = run_cli("snapshot", "local", "--no-runtime", "--format", "json",
                     cwd=worktree_app.path)
    assert result.exit_code == 0, result.stderr
    untracked = {e["path"]: e for e in json.loads(result.stdout)["git"]["untracked"]}
    assert set(untracked) == {"notes.txt", "notes.txt.other"}
    # A link is hashed as git hashes it: by its target's name, never followed.
    assert untracked["notes.txt"]["sha256"] != untracked["notes.txt.other"]["sha256"]


def test_snapshots_folder_is_a_symlink_loop(worktree_app: Repo) -> None:
    _loop(worktree_app.path / "snapshots")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, "snapshots", "symlink loop", "cannot write")


def test_read_only_snapshots_folder(worktree_app: Repo,
                                    readonly_dir: Callable[[Path], Path]) -> None:
    folder = readonly_dir(worktree_app.path / "snapshots")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, str(folder), "cannot write")
    assert list(folder.iterdir()) == []


def test_read_only_out_target(worktree_app: Repo, readonly_dir: Callable[[Path], Path]) -> None:
    folder = readonly_dir(worktree_app.path / "ro")
    target = folder / "snap.json"
    result = run_cli("snapshot", "local", "--no-runtime", "--out", target, cwd=worktree_app.path)
    _assert_one_line_error(result, str(target), "cannot write")
    result = run_cli("diff", "local", "local", "--no-runtime", "--out", target,
                     cwd=worktree_app.path)
    _assert_one_line_error(result, str(target), "cannot write")


def test_nothing_is_written_inside_a_git_folder(worktree_app: Repo) -> None:
    """``--out .git/HEAD`` would break the repository: refused, HEAD left as it was."""
    root = worktree_app.path
    head = (root / ".git/HEAD").read_bytes()
    (root / "report.json").symlink_to(".git/config")
    for args in (("snapshot", "local", "--no-runtime", "--out", ".git/HEAD"),
                 ("diff", "local", "local", "--no-runtime", "--out", ".git/refs/report"),
                 ("drift", "local", "--out", "report.json")):
        result = run_cli(*args, cwd=root)
        _assert_one_line_error(result, args[-1], "inside a .git folder")
    for args in (("patch", "local", "--out", ".git/hooks/pre-commit"),  # after its warnings
                 ("drift", "local", "--output", "json=sub/.git/x.json")):
        result = run_cli(*args, cwd=root)
        assert result.exit_code == 2
        assert "inside a .git folder" in result.stderr.splitlines()[-1]
    assert not (root / "sub").exists()
    assert (root / ".git/HEAD").read_bytes() == head
    assert not (root / ".git/refs/report").exists()
    assert not (root / ".git/hooks/pre-commit").exists()
    assert worktree_app.git("status", "--porcelain") == "?? report.json"


def test_full_disk_leaves_no_partial_snapshot(worktree_app: Repo,
                                              full_disk: Callable[[Path], Path]) -> None:
    folder = full_disk(worktree_app.path / "snapshots")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, "snapshots", "no space left on device")
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["filler"]


def test_read_only_home_without_a_fingerprint_key(
    worktree_app: Repo, readonly_dir: Callable[[Path], Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = readonly_dir(tmp_path / "home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.delenv("ENVSYNC_FINGERPRINT_KEY")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, str(home / ".config/envsync/fingerprint.key"),
                           "ENVSYNC_FINGERPRINT_KEY")
    monkeypatch.setenv("ENVSYNC_FINGERPRINT_KEY", "from-the-environment")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    assert result.exit_code == 0, result.stderr


def test_absent_home_without_a_fingerprint_key(
    worktree_app: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As a subprocess: HOME names a folder that does not exist under a file."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("ENVSYNC_FINGERPRINT_KEY", "XDG_CONFIG_HOME")}
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    env["HOME"] = str(blocker / "home")
    proc = subprocess.run([str(Path(sys.executable).parent / "envsync"), "snapshot", "local",
                           "--no-runtime"], cwd=worktree_app.path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "fingerprint.key" in lines[0] and "ENVSYNC_FINGERPRINT_KEY" in lines[0]


# --- a real bug: one line, and the traceback in a crash log without secrets -------------

_BUG_SECRET = "hunter2-crash-Pa55word"


def _raise_bug(**_: object) -> None:
    raise RuntimeError(f"boom while reading postgres://admin:{_BUG_SECRET}@db:5432/app")


def test_a_bug_leaves_a_scrubbed_crash_log(worktree_app: Repo, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import envsync.compare

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(envsync.compare, "run_diff", _raise_bug)
    result = run_cli("diff", "local", "local", cwd=worktree_app.path)
    line = _assert_one_line_error(result, "unexpected RuntimeError", "this is a bug in envsync")
    assert _BUG_SECRET not in line
    logs = list((tmp_path / "state" / "envsync").glob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in line
    text = logs[0].read_text()
    assert "Traceback" in text and "_raise_bug" in text and "boom while reading" in text
    assert _BUG_SECRET not in text and "postgres://admin:" in text  # the rest stays readable
    assert oct(logs[0].stat().st_mode & 0o777) == "0o600"


def test_a_bug_says_when_no_crash_log_can_be_written(
    worktree_app: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    readonly_dir: Callable[[Path], Path],
) -> None:
    import envsync.compare

    state = readonly_dir(tmp_path / "state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.setattr(envsync.compare, "run_diff", _raise_bug)
    result = run_cli("diff", "local", "local", cwd=worktree_app.path)
    _assert_one_line_error(result, "this is a bug in envsync", "cannot write a crash log",
                           str(state), "--debug")


def test_a_bug_in_a_subprocess(worktree_app: Repo, tmp_path: Path) -> None:
    code = ("import sys, envsync.compare\n"
            "def bug(**_): raise KeyError('postgres://u:" + _BUG_SECRET + "@h/x')\n"
            "envsync.compare.run_diff = bug\n"
            "from envsync.cli.app import main\n"
            "sys.argv = ['envsync', 'diff', 'local', 'local']\n"
            "main()\n")
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    proc = subprocess.run([sys.executable, "-c", code], cwd=worktree_app.path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "unexpected KeyError" in proc.stderr and _BUG_SECRET not in proc.stderr
    (log,) = (tmp_path / "state" / "envsync").glob("crash-*.log")
    assert str(log) in proc.stderr and _BUG_SECRET not in log.read_text()


# --- references and names ---------------------------------------------------------------

@pytest.mark.parametrize(("ref", "needle"), [
    ("local@latest~-1", "'-1' after latest~"),
    ("local@latest~x", "'x' after latest~"),
    ("local@foo", "'foo' is not a snapshot time"),
    ("local@2026-11-29Tnoon", "is not a snapshot time"),
])
def test_bad_snapshot_references_say_what_is_accepted(worktree_app: Repo, ref: str,
                                                      needle: str) -> None:
    assert run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path).exit_code == 0
    result = run_cli("diff", ref, "local@latest", cwd=worktree_app.path)
    _assert_one_line_error(result, ref, needle, "ENV@latest~N", "ENV@20261129T07")


def test_environment_name_that_would_escape_the_snapshots_folder(worktree_app: Repo) -> None:
    cfg = worktree_app.path / "envsync.yaml"
    cfg.write_text(CONFIG + "  ../../escape:\n    git: .\n")
    result = run_cli("snapshot", "../../escape", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, f"{cfg}:5:", "../../escape", "not a valid environment name")
    assert not (worktree_app.path.parent / "escape").exists()
    assert not (worktree_app.path / "snapshots").exists()


@pytest.mark.parametrize("name", [".hidden", "a/b", "x" * 65, "sp ace", "ünï", "-rf", ".."])
def test_invalid_environment_names_in_the_config(worktree_app: Repo, name: str) -> None:
    cfg = worktree_app.path / "envsync.yaml"
    cfg.write_text(CONFIG + f"  {json.dumps(name)}:\n    git: .\n")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    _assert_one_line_error(result, f"{cfg}:5:", "not a valid environment name")


@pytest.mark.parametrize("arg", ["../../escape", "..", "a/../../b"])
def test_invalid_environment_names_on_the_command_line(worktree_app: Repo, arg: str) -> None:
    result = run_cli("history", arg, cwd=worktree_app.path)
    _assert_one_line_error(result, repr(arg), "not a valid environment name")


def test_invalid_environment_name_in_a_reference(worktree_app: Repo) -> None:
    result = run_cli("diff", "..@latest", "local@latest", cwd=worktree_app.path)
    _assert_one_line_error(result, "..@latest", "not a valid environment name")


@pytest.mark.parametrize("broken", ["services:\n  web:\n    image: [busybox\n",
                                    "services:\n  web:\n  image: x\n   bad: 1\n"])
def test_compose_yaml_errors_name_the_file(worktree_app: Repo, broken: str) -> None:
    """Compose says ``yaml: line 3: …`` and not which of the files: envsync adds it."""
    cfg = worktree_app.path / "envsync.yaml"
    cfg.write_text(CONFIG.replace("[services/app.yml]", "[services/app.yml, services/over.yml]"))
    worktree_app.write("services/over.yml", broken)
    result = run_cli("snapshot", "local", "--no-runtime", cwd=worktree_app.path)
    line = _assert_one_line_error(result, "compose rejected the files",
                                  str(worktree_app.path / "services/over.yml"), "yaml: line")
    assert "app.yml" not in line


def test_an_os_error_nobody_expected_still_names_the_file(
    worktree_app: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last net: an OSError with a file name is a fault of the machine, not a bug."""
    import envsync.compare

    def denied(**_: object) -> None:
        raise PermissionError(13, "Permission denied", "/srv/app/some.file")

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(envsync.compare, "run_diff", denied)
    result = run_cli("diff", "local", "local", cwd=worktree_app.path)
    line = _assert_one_line_error(result, "/srv/app/some.file: permission denied")
    assert "bug" not in line
    assert not (tmp_path / "state").exists()


def test_config_file_is_a_symlink_loop(worktree_app: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    _loop(worktree_app.path / "loop.yaml")
    result = run_cli("--config", "loop.yaml", "snapshot", "local", cwd=worktree_app.path)
    _assert_one_line_error(result, "loop.yaml", "symlink loop")
    monkeypatch.setenv("ENVSYNC_CONFIG", "loop.yaml")
    result = run_cli("snapshot", "local", cwd=worktree_app.path)
    _assert_one_line_error(result, "loop.yaml", "symlink loop", "ENVSYNC_CONFIG")


@pytest.mark.parametrize("kind", ["loop", "file"])
def test_git_path_is_a_symlink_loop_or_a_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "src"
    if kind == "loop":
        _loop(target)
    else:
        target.write_text("not a folder")
    (tmp_path / "envsync.yaml").write_text(f"environments:\n  x:\n    git: {target}\n")
    result = run_cli("snapshot", "x", "--no-runtime", cwd=tmp_path)
    _assert_one_line_error(result, str(target), "symlink loop" if kind == "loop" else
                           "not a folder", "git path")


def test_out_target_under_a_file(worktree_app: Repo) -> None:
    worktree_app.write("afile", "x")
    result = run_cli("diff", "local", "local", "--no-runtime", "--out", "afile/report.txt",
                     cwd=worktree_app.path)
    _assert_one_line_error(result, "afile/report.txt", "not a folder")


def test_output_closed_by_the_reader(worktree_app: Repo, tmp_path: Path) -> None:
    """``envsync diff … | head``: the reader went away; one line, not a bug report."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    try:
        proc = subprocess.run([str(Path(sys.executable).parent / "envsync"), "diff", "local",
                               "local", "--no-runtime", "--format", "json"],
                              cwd=worktree_app.path, env=env, stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    finally:
        os.close(write_end)
    lines = [ln for ln in proc.stderr.splitlines() if "error" in ln]
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert "output was closed" in lines[0] and "Traceback" not in proc.stderr
    assert "bug" not in proc.stderr and not (tmp_path / "state").exists()


def test_four_snapshot_commands_at_once(worktree_app: Repo) -> None:
    """Four `envsync snapshot` processes of one environment started together: four files."""
    argv = [str(Path(sys.executable).parent / "envsync"), "snapshot", "local", "--no-runtime"]
    procs = [subprocess.Popen(argv, cwd=worktree_app.path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    files = _snapshot_files(worktree_app.path)
    assert len(files) == 4, files


def test_crash_logs_are_kept_to_the_newest_few(worktree_app: Repo, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import envsync.compare
    from envsync.cli.crashlog import KEEP

    folder = tmp_path / "state" / "envsync"
    folder.mkdir(parents=True)
    for i in range(KEEP + 5):
        old = folder / f"crash-20200101T0000{i:02d}Z-1.log"
        old.write_text("old")
        os.utime(old, (1_600_000_000 + i, 1_600_000_000 + i))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(envsync.compare, "run_diff", _raise_bug)
    result = run_cli("diff", "local", "local", cwd=worktree_app.path)
    assert result.exit_code == 2
    logs = sorted(folder.glob("crash-*.log"))
    assert len(logs) == KEEP
    assert not (folder / "crash-20200101T000000Z-1.log").exists()
    assert any(str(p) in result.stderr for p in logs)  # the new one is kept


def test_four_first_runs_share_one_fingerprint_key(worktree_app: Repo, tmp_path: Path) -> None:
    """Four snapshots at once on a machine with no fingerprint key yet: one key is made
    and used by all four (equal fingerprints of one value), no temp file is left. The
    race itself is tested many times over in tests/secrets/test_key_race.py."""
    worktree_app.write("services/.env", "MODE=dev\nAPI_TOKEN=tok-4-writers-Zq81\n")
    worktree_app.commit("token")
    env = {k: v for k, v in os.environ.items() if k != "ENVSYNC_FINGERPRINT_KEY"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "fresh-config")
    argv = [str(Path(sys.executable).parent / "envsync"), "snapshot", "local", "--no-runtime"]
    procs = [subprocess.Popen(argv, cwd=worktree_app.path, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    files = _snapshot_files(worktree_app.path)
    assert len(files) == 4
    prints = {json.loads(f.read_text())["env_files"]["services/.env"]["API_TOKEN"] for f in files}
    assert len(prints) == 1, prints
    key_dir = tmp_path / "fresh-config" / "envsync"
    assert [p.name for p in key_dir.iterdir()] == ["fingerprint.key"]
