"""Pure parts: tag names, choosing a point, and what each level plans (no engine, no git)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from envsync.config import ComposeSpec, Environment, GitSource
from envsync.errors import RollbackError
from envsync.rollback.plan import Tools, plan_rollback
from envsync.rollback.points import (
    KIND_BACKUP,
    KIND_BEFORE_ROLLBACK,
    ImageRecord,
    RestorePoint,
    choose_point,
    next_tag,
    parse_time,
)

DAY = dt.datetime(2026, 11, 29, 7, 15, tzinfo=dt.UTC)
ENV = Environment(name="prod", git=GitSource(path=Path("/srv/app")),
                  compose=ComposeSpec(files=("docker-compose.yml",), project="app",
                                      env_file=".env"))
TOOLS = Tools(compose=("docker-compose",), docker=("docker",), git="git")


def _point(tag: str, time: str, kind: str = KIND_BACKUP, **images: ImageRecord) -> RestorePoint:
    return RestorePoint(tag=tag, environment="prod", kind=kind, time=time, commit="c" * 40,
                        snapshot="/s.json", images=dict(images), folder=Path("/b"))


def _snap(services: dict[str, dict[str, Any]], running: dict[str, tuple[str, str]] | None
          ) -> dict[str, Any]:
    containers = None if running is None else {
        s: {"service": s, "state": "running", "image": "app:1", "image_id": iid,
            "labels": {"com.docker.compose.config-hash": h}} for s, (iid, h) in running.items()}
    return {"compose": {"project": "app", "declared": {"services": services}},
            "containers": containers, "env_files": {}}


def test_tags_count_up_within_a_day() -> None:
    assert next_tag("prod", KIND_BACKUP, DAY, set()) == "prod-stable-20261129"
    taken = {"prod-stable-20261129", "prod-stable-20261129-2"}
    assert next_tag("prod", KIND_BACKUP, DAY, taken) == "prod-stable-20261129-3"
    assert next_tag("prod", KIND_BEFORE_ROLLBACK, DAY, taken) == "prod-before-rollback-20261129"


def test_engine_times_with_nanoseconds_parse() -> None:
    assert parse_time("2026-11-29T07:15:00.123456789Z") == DAY.replace(microsecond=123456)
    with pytest.raises(RollbackError):
        parse_time("yesterday")


def test_choose_point_by_tag_time_and_default() -> None:
    a = _point("prod-stable-20261128", "2026-11-28T18:02:11.000000Z")
    b = _point("prod-stable-20261129", "2026-11-29T06:55:40.000000Z")
    c = _point("prod-before-rollback-20261129", "2026-11-29T07:00:00.000000Z",
               KIND_BEFORE_ROLLBACK)
    points = [a, b, c]
    assert choose_point(points, "prod-stable-20261128", None) is a
    assert choose_point(points, "2026-11-28T18", None) is a
    assert choose_point(points, "20261129", None) is c  # a time names any kind: the newest
    # default: the newest backup older than what runs now; rollback points never
    assert choose_point(points, None, DAY) is b
    assert choose_point(points, None, parse_time("2026-11-29T06:00:00Z")) is a
    with pytest.raises(RollbackError, match="older than what runs now"):
        choose_point(points, None, parse_time("2026-11-01T00:00:00Z"))
    with pytest.raises(RollbackError, match="no restore point"):
        choose_point(points, "prod-stable-19990101", None)


def test_level1_recreates_only_changed_services_and_removes_orphans() -> None:
    point = _point("t", "2026-11-29T06:55:40.000000Z")
    then = _snap({"web": {}, "worker": {}}, {"web": ("i", "h1"), "worker": ("i", "h2")})
    now = _snap({"web": {}, "worker": {}, "extra": {}},
                {"web": ("i", "h1-bad"), "worker": ("i", "h2"), "extra": ("i", "h3")})
    rb = plan_rollback(env=ENV, level=1, point=point, point_snapshot=then, current=now,
                       root=Path("/srv/app"), tools=TOOLS,
                       point_files=("docker-compose.yml",),
                       current_files=("docker-compose.yml", ".env"))
    assert rb.services == ["web"]
    assert rb.plan.steps[0].argv == ("git", "--literal-pathspecs", "-C", "/srv/app", "restore",
                                     "--source", "t", "--worktree", "--",
                                     "docker-compose.yml")
    assert rb.plan.steps[1].argv[-6:] == ("up", "-d", "--no-deps", "--remove-orphans", "--",
                                          "web")
    assert any(".env" in n and "left as they are" in n for n in rb.plan.notes)
    assert any("left running: worker" in n for n in rb.plan.notes)


def test_level2_without_archive_needs_the_image_in_the_engine() -> None:
    point = _point("t", "2026-11-29T06:55:40.000000Z",
                   web=ImageRecord(service="web", ref="app:1", image_id="sha256:" + "a" * 64,
                                   archive=None, pruned=True))
    now = _snap({"web": {}}, {"web": ("sha256:" + "b" * 64, "h")})
    rb = plan_rollback(env=ENV, level=2, point=point, point_snapshot=now, current=now,
                       root=Path("/srv/app"), tools=TOOLS)
    assert rb.archives == [] and rb.images_in_engine == ["sha256:" + "a" * 64]
    assert [s.argv[1] for s in rb.plan.steps[:-1]] == ["tag"]
    assert rb.plan.steps[-1].argv[-9:] == ("up", "-d", "--no-deps", "--force-recreate",
                                           "--pull", "never", "--no-build", "--", "web")
    assert any("pruned" in n for n in rb.plan.notes)


def test_level3_builds_only_when_a_service_has_a_build_section() -> None:
    point = _point("t", "2026-11-29T06:55:40.000000Z")
    built = _snap({"web": {"build": {"context": "."}}, "redis": {}}, None)
    pulled = _snap({"redis": {}}, None)
    for snap, last in ((built, ("up", "-d", "--build")), (pulled, ("up", "-d"))):
        rb = plan_rollback(env=ENV, level=3, point=point, point_snapshot=snap, current=snap,
                           root=Path("/srv/app"), tools=TOOLS)
        assert rb.plan.steps[0].argv[-3:] == ("reset", "--hard", "t")
        assert rb.plan.steps[1].argv[-2:] == ("down", "--remove-orphans")
        assert rb.plan.steps[2].argv[-len(last):] == last
    docker_env = Environment(name="prod", git=ENV.git, compose=ENV.compose,
                             docker="ssh://deploy@prod")
    rb = plan_rollback(env=docker_env, level=3, point=point, point_snapshot=pulled,
                       current=pulled, root=Path("/srv/app"), tools=TOOLS)
    assert rb.plan.steps[1].env == (("DOCKER_HOST", "ssh://deploy@prod"),)
    assert rb.plan.steps[1].argv[:6] == ("docker-compose", "-f", "docker-compose.yml",
                                         "--project-name", "app", "--env-file")


@pytest.mark.parametrize("level", [1, 2, 3])
def test_a_service_named_like_an_option_follows_a_double_dash(level: int) -> None:
    odd = "--remove-orphans"
    point = _point("t", "2026-11-29T06:55:40.000000Z",
                   **{odd: ImageRecord(service=odd, ref="app:1", image_id="sha256:" + "a" * 64,
                                       archive="t/a.tar")})
    then = _snap({odd: {}}, {odd: ("sha256:" + "a" * 64, "h1")})
    now = _snap({odd: {}}, {odd: ("sha256:" + "b" * 64, "h2")})
    rb = plan_rollback(env=ENV, level=level, point=point, point_snapshot=then, current=now,
                       root=Path("/srv/app"), tools=TOOLS, point_files=("docker-compose.yml",))
    for step in [*rb.plan.steps, *rb.plan.settle]:
        if step.argv[0] != "docker-compose":
            continue
        options = step.argv[:step.argv.index("--")] if "--" in step.argv else step.argv
        # the only `--remove-orphans` before `--` is the real option of level 3's `down`
        assert options.count(odd) == (1 if "down" in options else 0), step.argv
        if "--" in step.argv:
            assert step.argv[step.argv.index("--") + 1:] == (odd,), step.argv
    assert rb.plan.settle, "an interrupted plan must know how to bring the services back"
