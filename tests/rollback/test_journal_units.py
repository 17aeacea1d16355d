"""The run journal without an engine: the record a deploy keeps, the line a run found
later prints, nesting (a deploy's own rollback, a rollback over a killed run), and which
successful rollback clears it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envsync.config import Config, load_config
from envsync.journal import JOURNAL_NAME, JOURNAL_SCHEMA, Journal, _summary, _undoes, describe
from envsync.schemas import DocumentError
from tests.helpers.documents import check_document


def _config(tmp_path: Path) -> Config:
    (tmp_path / "envsync.yaml").write_text(
        "environments:\n  prod:\n    git: .\n    compose: {files: [c.yml]}\n")
    return load_config(tmp_path / "envsync.yaml")


def test_a_deploy_record_and_its_own_rollback(tmp_path: Path) -> None:
    config = _config(tmp_path)
    deploy = Journal(config, "prod")
    deploy.begin("deploy", restore_point="prod-stable-20261129", moves_tree=True,
                 steps=["check out v2", "recreate web"], details={"ref": "v2", "commit": "c"})
    deploy.step(2)
    nested = Journal(config, "prod")
    nested.begin("rollback", restore_point="x", moves_tree=True, steps=["a"],
                 details={"to": "prod-stable-20261129", "level": 3})
    assert nested.end(undone_at=3) is False  # the deploy's record stays the deploy's
    path = deploy.path
    record = json.loads(path.read_text())
    assert record["kind"] == "deploy" and record["rolling_back"] is True
    line = _summary(record)
    assert "the deploy of v2 by pid" in line
    assert "after step 2/2 (recreate web), in its automatic rollback" in line
    assert "--to prod-stable-20261129 --level 3" in describe(config, "prod", record)
    assert path.name == JOURNAL_NAME and oct(path.stat().st_mode)[-3:] == "600"
    deploy.end()
    assert not path.exists()


def test_which_rollback_undoes_what() -> None:
    moved = {"kind": "deploy", "moves_tree": True}
    images = {"kind": "deploy", "moves_tree": False}
    level1 = {"kind": "rollback", "level": 1}
    assert _undoes(moved, 3) and not _undoes(moved, 2) and not _undoes(moved, 1)
    assert _undoes(images, 2) and _undoes(images, 1)
    assert _undoes(level1, 1) and not _undoes(level1, 2) and _undoes(level1, 3)
    assert not _undoes({**level1, "previous": moved}, 1)  # the killed deploy stays
    assert not _undoes({}, 2) and _undoes({}, 3)  # an unreadable record: level 3 only


def test_a_rollback_over_a_killed_run_puts_it_back_unless_undone(tmp_path: Path) -> None:
    config = _config(tmp_path)
    killed = {"kind": "deploy", "pid": 1, "host": "elsewhere", "ref": "v2",
              "restore_point": "p", "moves_tree": True, "steps": ["s"], "step": 1}
    path = Journal(config, "prod").path
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(killed))
    for level, kept in ((2, True), (3, False)):
        run = Journal(config, "prod")
        run.begin("rollback", restore_point="b", moves_tree=level != 2, steps=["a"],
                  details={"to": "p", "level": level})
        assert json.loads(path.read_text())["previous"] == killed
        assert run.end(undone_at=level) is not kept
        assert path.exists() is kept
        if kept:
            assert json.loads(path.read_text()) == killed


def test_a_killed_patch_names_the_services_and_the_ways_on(tmp_path: Path) -> None:
    config = _config(tmp_path)
    record = {"kind": "patch", "pid": 7, "host": "h", "started": "2026-11-30T01:02:03Z",
              "services": ["web", "worker"], "restore_point": None, "moves_tree": False,
              "steps": ["recreate web, worker"], "step": 1}
    line = describe(config, "prod", record)
    assert "the runtime patch recreating web, worker by pid 7 on host h" in line
    assert "during step 1/1 (recreate web, worker)" in line
    assert "`envsync drift prod`" in line and "(a restore point is needed)" in line
    line = describe(config, "prod", {**record, "restore_point": "prod-stable-20261130"})
    assert "`envsync rollback prod --to prod-stable-20261130 --level 3 --execute`" in line
    assert _undoes(record, 1) and _undoes(record, 2)  # it moved no file


def test_each_kind_of_record_matches_the_schema(tmp_path: Path) -> None:
    config = _config(tmp_path)
    path = Journal(config, "prod").path
    runs = [("deploy", {"ref": "v2", "commit": "c" * 40}, "p"),
            ("rollback", {"to": "prod-stable-20261129", "level": 2}, "b"),
            ("patch", {"services": ["web"]}, None)]
    for kind, details, point in runs:
        run = Journal(config, "prod")
        run.begin(kind, restore_point=point, moves_tree=False, steps=["a", "b"],
                  details=details)
        run.step(2)
        record = json.loads(path.read_text())
        assert record["schema"] == JOURNAL_SCHEMA and record["step"] == 2
        assert check_document(record, "run-journal", str(path)) == []
        run.end()
    path.write_text("{not json")  # a killed run's damaged record, kept inside
    over = Journal(config, "prod")
    over.begin("rollback", restore_point="b", moves_tree=True, steps=["a"],
               details={"to": "p", "level": 3})
    record = json.loads(path.read_text())
    assert record["previous"] == {} and check_document(record, "run-journal", "x") == []
    assert check_document({**record, "level": 4}, "run-journal", "x") != []


def test_a_record_off_its_schema_is_not_written(tmp_path: Path) -> None:
    run = Journal(_config(tmp_path), "prod")
    with pytest.raises(DocumentError, match=r"\$\.level"):
        run.begin("rollback", restore_point="b", moves_tree=True, steps=["a"],
                  details={"to": "p", "level": 0})
    assert not run.path.exists()
