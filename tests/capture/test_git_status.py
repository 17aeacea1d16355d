"""One parser of ``git status -z`` (capture/git.py), used by capture and by the rollback's
checks: a staged rename is one record under its destination, with its source, never a
second record made of the source's name cut at the third letter."""

from __future__ import annotations

from envsync.capture.git import StatusEntry, capture_git, git_status, parse_status
from envsync.config import GitSource
from tests.helpers.git import Repo


def _renamed(repo: Repo) -> None:
    repo.write("docker-compose.yml", "services: {}\n")
    repo.write("app.env", "A=1\n")
    repo.write("notes.txt", "a\n")
    repo.commit("start")
    repo.git("mv", "docker-compose.yml", "compose.yml")
    (repo.path / "config dir").mkdir()
    repo.git("mv", "app.env", "config dir/app prod.env")
    repo.write("notes.txt", "b\n")
    repo.write("new file.txt", "x\n")


def test_a_staged_rename_is_one_record_with_its_source(repo: Repo) -> None:
    _renamed(repo)
    entries = {e.path: e for e in git_status(repo.path, "--untracked-files=all")}
    assert entries == {
        "compose.yml": StatusEntry("R ", "compose.yml", "docker-compose.yml"),
        "config dir/app prod.env": StatusEntry("R ", "config dir/app prod.env", "app.env"),
        "notes.txt": StatusEntry(" M", "notes.txt"),
        "new file.txt": StatusEntry("??", "new file.txt"),
    }
    assert not any(p.startswith("ker-") for p in entries)


def test_paths_are_taken_literally(repo: Repo) -> None:
    _renamed(repo)
    repo.write("a*.txt", "star\n")
    (repo.path / ".gitignore").write_text("*.txt\n")
    entries = git_status(repo.path, "--ignored=matching", "--untracked-files=all",
                         paths=["a*.txt"])
    # "a*.txt" as a wildcard would also match "notes.txt"; literally it is the one file.
    assert [(e.code, e.path) for e in entries] == [("!!", "a*.txt")]


def test_capture_records_the_rename_under_its_destination(repo: Repo) -> None:
    _renamed(repo)
    section = capture_git(GitSource(), repo.path, fetch=False).section
    dirty = {d["path"]: d["status"] for d in section["dirty"]}
    assert dirty == {"compose.yml": "R", "config dir/app prod.env": "R", "notes.txt": "M"}
    assert [u["path"] for u in section["untracked"]] == ["new file.txt"]
    assert section["dirty"][0]["sha256"] is not None


def test_parse_status_of_raw_records() -> None:
    raw = b"R  new name.yml\0old.yml\0 M a.txt\0C  copy\0orig\0?? b\0"
    assert parse_status(raw) == [
        StatusEntry("R ", "new name.yml", "old.yml"), StatusEntry(" M", "a.txt"),
        StatusEntry("C ", "copy", "orig"), StatusEntry("??", "b")]
    assert parse_status(None) == [] == parse_status(b"")


def test_no_paths_is_the_whole_tree(repo: Repo) -> None:
    repo.write("x.txt", "1\n")
    assert [e.path for e in git_status(repo.path)] == ["x.txt"]


def test_the_rollback_names_both_paths_of_a_staged_rename(repo: Repo) -> None:
    """rollback --execute's refusal for uncommitted edits, which cut the rename's source
    path record into 'ker-compose.yml' before it used this parser."""
    from envsync.config import Config, Environment
    from envsync.plan import Plan
    from envsync.rollback.execute import Prepared, check_preconditions
    from envsync.rollback.plan import RollbackPlan
    from envsync.rollback.points import RestorePoint

    _renamed(repo)
    commit = repo.git("rev-parse", "HEAD")
    repo.git("tag", "prod-stable-1")
    backups = repo.path.parent / "backups"
    backups.mkdir()
    snapshot = backups / "snap.json"
    snapshot.write_text("{}")
    point = RestorePoint(tag="prod-stable-1", environment="prod", kind="backup",
                         time="2026-11-29T00:00:00Z", commit=commit, snapshot=str(snapshot),
                         folder=backups)
    point.manifest.write_text("{}")
    env = Environment(name="prod", git=GitSource())
    config = Config(path=repo.path / "envsync.yaml", project="p",
                    snapshots_dir=repo.path.parent / "snaps", environments={"prod": env},
                    backups_dir=backups)
    prepared = Prepared(config=config, env=env, root=repo.path, current={}, point_snapshot={},
                        rollback=RollbackPlan(level=2, point=point, plan=Plan(title="t")),
                        script="")
    [problem] = check_preconditions(prepared)
    named = problem.split("(", 1)[1].split(")", 1)[0].split(", ")
    assert set(named) == {"docker-compose.yml", "compose.yml", "app.env",
                          "config dir/app prod.env", "notes.txt"}
    assert "ker-compose.yml" not in named
