"""One builder of the compose command line (files, project, env file, profiles): capture,
``patch --execute`` and the rollback's plan all start their compose argv with it."""

from __future__ import annotations

from pathlib import Path

from envsync.capture.compose import compose_command, compose_options
from envsync.config import ComposeSpec, Environment, GitSource
from envsync.patch.runtime import compose_argv
from envsync.rollback.plan import Tools, _Steps


def test_options_in_compose_order() -> None:
    assert compose_options(("a.yml", "dir with space/b.yml"), project="shop",
                           env_file="prod.env", profiles=("web", "jobs")) == (
        "-f", "a.yml", "-f", "dir with space/b.yml", "--project-name", "shop",
        "--env-file", "prod.env", "--profile", "web", "--profile", "jobs")


def test_what_is_not_set_is_left_out() -> None:
    assert compose_options(("a.yml",)) == ("-f", "a.yml")
    assert compose_options((), project=None, env_file="") == ()


ENV = Environment(name="prod", git=GitSource(),
                  compose=ComposeSpec(files=("c.yml", "o.yml"), env_file="e.env",
                                      profiles=("p",)))
EXPECTED = ("-f", "c.yml", "-f", "o.yml", "--project-name", "proj", "--env-file", "e.env",
            "--profile", "p")


def test_patch_and_rollback_use_the_same_options() -> None:
    assert compose_argv(ENV, "proj") == (*compose_command(), *EXPECTED)
    steps = _Steps(ENV, "proj", Path("/repo"), Tools(compose=("docker", "compose")))
    step = steps.compose("up", "why", "up", "-d")
    assert step.argv == ("docker", "compose", *EXPECTED, "up", "-d")
