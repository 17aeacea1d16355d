"""Levels 1 and 3 never destroy what git cannot give back: a file ignored or untracked
now, an uncommitted edit, an untracked file or folder where the point has the other.
Without --force the rollback refuses (one line, exit 2, nothing changed); with it, a copy
of each is kept in the restore point's folder first (mode 0600) and the summary says where.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from envsync.rollback.safety import AtRisk, files_at_risk, operation_in_progress
from tests.helpers.git import Repo, make_repo
from tests.rollback.conftest import SECRET, Stack

ROTATED = "5550002222:AAE-rotated-after-the-point-never-printed"


def _secret_went_untracked(stack: Stack) -> dict[str, str]:
    """`.env.prod` and `notes.local` tracked at the restore point, ignored and untracked
    since (the team stopped committing secrets); then the secret is rotated."""
    stack.repo.git("add", "-f", stack.env_file)
    stack.repo.write("notes.local", "on-call notes at the point\n")
    stack.repo.commit("track the env file and the notes")
    point = stack.backup("--no-images")
    stack.repo.git("rm", "-q", "--cached", stack.env_file, "notes.local")
    stack.repo.write(".gitignore", (stack.repo.path / ".gitignore").read_text()
                     + "/notes.local\n")
    stack.repo.commit("stop committing secrets")
    stack.repo.write(stack.env_file, f"TELEGRAM_TOKEN={ROTATED}\n")
    stack.repo.write("notes.local", "on-call notes written since\n")
    assert stack.repo.git("status", "--porcelain") == ""  # both ignored now
    return point


def _kept(stack: Stack, out: str) -> Path:
    line = next(ln for ln in out.splitlines() if ln.strip().startswith("kept:"))
    return Path(line.rsplit(" in ", 1)[1].strip())


def _rollback(stack: Stack, *args: str) -> tuple[int, str, str]:
    result = stack.cli("rollback", "prod", *args, "--execute", "--yes")
    assert ROTATED not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.docker
@pytest.mark.parametrize("level", ["1", "3"])
def test_an_ignored_secret_is_refused_then_kept(stack_factory: Callable[..., Stack],
                                                level: str) -> None:
    stack = stack_factory(env_file=".env.prod")
    point = _secret_went_untracked(stack)
    env_prod, notes = stack.repo.path / ".env.prod", stack.repo.path / "notes.local"
    head, tags = stack.repo.git("rev-parse", "HEAD"), stack.repo.git("tag", "--list")

    dry = stack.cli("rollback", "prod", "--level", level, "--to", point["tag"])
    assert dry.exit_code == 0 and "overwrites what git cannot give back" in dry.stdout

    code, out, err = _rollback(stack, "--level", level, "--to", point["tag"])
    assert code == 2, out + err
    message = err.strip().splitlines()[-1]
    assert ".env.prod (ignored)" in message and "--force" in message
    assert ("notes.local (ignored)" in message) == (level == "3")  # level 1: env files only
    assert "nothing was changed" in message
    assert env_prod.read_text() == f"TELEGRAM_TOKEN={ROTATED}\n"
    assert notes.read_text() == "on-call notes written since\n"
    assert stack.repo.git("rev-parse", "HEAD") == head
    assert stack.repo.git("tag", "--list") == tags  # not even a before-rollback point
    assert not list((Path(point["manifest"]).parent).glob(f"{point['tag']}/kept-*"))

    code, out, err = _rollback(stack, "--level", level, "--to", point["tag"], "--force")
    assert code == 0, out + err
    kept = _kept(stack, out)
    assert kept.parent == Path(point["manifest"]).parent / point["tag"]
    copy = kept / ".env.prod"
    assert copy.read_text() == f"TELEGRAM_TOKEN={ROTATED}\n"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.stat().st_mode) == 0o700
    assert env_prod.read_text().startswith(f"TELEGRAM_TOKEN={SECRET}\n")  # the point's
    if level == "3":
        assert (kept / "notes.local").read_text() == "on-call notes written since\n"
        assert notes.read_text() == "on-call notes at the point\n"
        assert stack.repo.git("rev-parse", "HEAD") == point["commit"]
    else:
        assert not (kept / "notes.local").exists()
        assert notes.read_text() == "on-call notes written since\n"
        assert stack.repo.git("rev-parse", "HEAD") == head
        # level 1 restores the working tree only: nothing is left staged
        assert stack.repo.git("diff", "--cached", "--name-only") == ""
    log = stack.log()[-1]
    assert log["kept"] == str(kept) and ".env.prod" in log["kept_files"]
    # the backups folder is ignored: the copies can never be committed
    assert stack.repo.git("check-ignore", str(copy)) == str(copy)


def _repo(tmp_path: Path) -> tuple[Repo, str]:
    repo = make_repo(tmp_path / "r")
    repo.write(".gitignore", "*.local\n")
    repo.write("a.txt", "a at the point\n")
    repo.write("conf", "a file at the point\n")
    repo.write("dir/inner.txt", "a folder at the point\n")
    repo.write("same.local", "same\n")
    repo.git("add", "-f", "same.local")
    point = repo.commit("point")
    repo.git("rm", "-q", "--cached", "same.local")
    repo.git("rm", "-q", "-r", "--cached", "dir", "conf")
    repo.write("a.txt", "a changed and committed since\n")
    repo.commit("since")
    return repo, point


def test_files_at_risk_reads_trees_index_and_working_tree(tmp_path: Path) -> None:
    repo, point = _repo(tmp_path)
    # conf: an untracked folder where the point has a file; dir: an untracked file where
    # the point has a folder; both are replaced by `git reset --hard`
    (repo.path / "conf").unlink()
    repo.write("conf/mine.txt", "mine\n")
    (repo.path / "dir" / "inner.txt").unlink()
    (repo.path / "dir").rmdir()
    repo.write("dir", "a file where the point has a folder\n")
    repo.write("new.txt", "untracked, and not in the point: reset leaves it\n")
    repo.write("staged.txt", "staged, never committed: reset deletes it\n")
    repo.git("add", "staged.txt")
    before = repo.git("status", "--porcelain", "--ignored")
    assert files_at_risk(repo.path, point) == [
        AtRisk("conf", "folder in the way"), AtRisk("dir", "untracked"),
        AtRisk("staged.txt", "uncommitted edits")]
    assert repo.git("status", "--porcelain", "--ignored") == before  # it only reads
    # a.txt: committed since (HEAD holds it); same.local: ignored but the same as the point
    assert files_at_risk(repo.path, point, paths=("a.txt", "same.local")) == []
    repo.write("a.txt", "an edit nobody committed\n")
    repo.write("same.local", "changed since\n")
    assert files_at_risk(repo.path, point, paths=("a.txt", "same.local")) == [
        AtRisk("a.txt", "uncommitted edits"), AtRisk("same.local", "ignored")]
    repo.write("keys/prod.pem", "at the point\n")  # a file in a folder ignored since
    repo.git("add", "-f", "keys/prod.pem")
    then = repo.commit("keys")
    repo.git("rm", "-q", "--cached", "keys/prod.pem")
    repo.write(".gitignore", "*.local\nkeys/\n")
    repo.commit("keys ignored")
    repo.write("keys/prod.pem", "rotated\n")
    assert files_at_risk(repo.path, then, paths=("keys/prod.pem",)) == [
        AtRisk("keys/prod.pem", "ignored")]
    repo.write("a.txt", "a at the point\n")  # an edit back to the point's content: no loss
    assert files_at_risk(repo.path, point, paths=("a.txt",)) == []


def _conflict(repo: Repo) -> str:
    """A branch `other` whose only commit conflicts with main's last one."""
    repo.write("c.txt", "base\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "other")
    repo.write("c.txt", "theirs\n")
    theirs = repo.commit("theirs")
    repo.git("checkout", "-q", "main")
    repo.write("c.txt", "ours\n")
    repo.commit("ours")
    return theirs


@pytest.mark.parametrize(("start", "what"), [
    (("merge", "other"), "a merge"),
    (("cherry-pick", "THEIRS"), "a cherry-pick"),
    (("revert", "--no-edit", "HEAD"), "a revert"),
    (("rebase", "other"), "a rebase"),
    (("bisect", "start"), "a bisect"),
])
def test_operations_in_progress_are_named(tmp_path: Path, start: tuple[str, ...],
                                          what: str) -> None:
    repo = make_repo(tmp_path / "r")
    theirs = _conflict(repo)
    assert operation_in_progress(repo.path) is None
    if start[0] == "revert":
        repo.write("c.txt", "ours, then more\n")
        repo.commit("more")
        start = ("revert", "--no-edit", "HEAD~1")
    args = [theirs if a == "THEIRS" else a for a in start]
    subprocess.run(["git", "-C", str(repo.path), *args], capture_output=True, check=False)
    found = operation_in_progress(repo.path)
    assert found is not None and found.startswith(f"{what} is in progress in {repo.path}")


@pytest.mark.docker
def test_level3_refuses_during_an_interactive_rebase(stack: Stack) -> None:
    point = stack.backup("--no-images")
    for n in (1, 2):
        stack.repo.write(f"release{n}.txt", f"release {n}\n")
        stack.repo.commit(f"release {n}")
    # an interactive rebase that stops at an `edit` of the first commit
    env = {**os.environ, "GIT_SEQUENCE_EDITOR": "sed -i 1s/^pick/edit/"}
    subprocess.run(["git", "-C", str(stack.repo.path), "rebase", "-i", "HEAD~2"], env=env,
                   capture_output=True, check=True)
    assert (stack.repo.path / ".git" / "rebase-merge").is_dir()
    head = stack.repo.git("rev-parse", "HEAD")

    dry = stack.cli("rollback", "prod", "--level", "3", "--to", point["tag"])
    assert dry.exit_code == 0 and "a rebase is in progress" in dry.stdout
    for extra in ((), ("--force",)):
        code, out, err = _rollback(stack, "--level", "3", "--to", point["tag"], *extra)
        assert code == 2, out + err
        line = err.strip().splitlines()[-1]
        assert "a rebase is in progress" in line and "git rebase --continue or --abort" in line
        assert stack.repo.git("rev-parse", "HEAD") == head
    # the rebase is intact: it finishes with both commits
    subprocess.run(["git", "-C", str(stack.repo.path), "-c", "core.editor=true", "rebase",
                    "--continue"], capture_output=True, check=True)
    assert stack.repo.git("log", "--format=%s", "-2").splitlines() == ["release 2",
                                                                       "release 1"]


def test_a_submodule_with_edits_is_not_in_the_way(tmp_path: Path) -> None:
    """`git reset --hard` moves a submodule's commit, never its files: not at risk."""
    lib = make_repo(tmp_path / "lib")
    lib.write("lib.txt", "lib\n")
    lib.commit("lib")
    repo = make_repo(tmp_path / "r")
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(lib.path),
             "vendor/lib")
    point = repo.commit("with a submodule")
    (repo.path / "vendor" / "lib" / "lib.txt").write_text("edited inside\n")
    assert "M vendor/lib" in repo.git("status", "--porcelain")
    assert files_at_risk(repo.path, point) == []
