"""envsync.yaml values of the right type and the wrong content: a NUL byte or a newline in a
path, NaN or infinity as a number. One line naming the file, the line and the key, exit 2."""

from __future__ import annotations

import pytest

from tests.cli.test_errors import _assert_one_line_error
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

ENV = "environments:\n  local:\n    git: .\n    runtime: false\n"

BAD = {
    "NUL in a compose file": (ENV + '    compose: {files: ["dc\\0.yml"]}\n', "files"),
    "newline in a compose file": (ENV + '    compose: {files: ["dc\\n.yml"]}\n', "files"),
    "NUL in the env file": (ENV + '    compose: {files: [dc.yml], env_file: "a\\0b"}\n',
                            "env_file"),
    "escape in the project": (ENV + '    compose: {files: [dc.yml], project: "p\\e[2J"}\n',
                              "project"),
    "NUL in the git path": ('environments:\n  local:\n    git: {path: "a\\0b"}\n'
                            "    compose: {files: [dc.yml]}\n", "path"),
    "NaN memory limit": (ENV + "    compose: {files: [dc.yml]}\n"
                         "    limits: {memory_mb: {web: .nan}}\n", "web"),
    "infinite timeout": (ENV + "    compose: {files: [dc.yml]}\n"
                         "    health: [{name: a, url: 'http://127.0.0.1:9/', timeout: .inf}]\n",
                         "timeout"),
    "a timeout past every clock": (ENV + "    compose: {files: [dc.yml]}\n"
                                   "    health: [{name: a, url: 'http://127.0.0.1:9/', "
                                   "timeout: 1e308}]\n", "timeout"),
    "binary in a health body": (ENV + "    compose: {files: [dc.yml]}\n"
                                "    health: [{name: a, url: 'http://127.0.0.1:9/', "
                                "json: {a: !!binary aGk=}}]\n", "json"),
    "a date in a health body": (ENV + "    compose: {files: [dc.yml]}\n"
                                "    health: [{name: a, url: 'http://127.0.0.1:9/', "
                                "json: [2020-01-01]}]\n", "json"),
    "NaN in a health body": (ENV + "    compose: {files: [dc.yml]}\n"
                             "    health: [{name: a, url: 'http://127.0.0.1:9/', "
                             "json: {a: .nan}}]\n", "json"),
    "escape in an environment name": ('environments:\n  "a\\e[31mred":\n    git: .\n'
                                      "    compose: {files: [dc.yml]}\n", "environment name"),
    "infinite watch threshold": (ENV + "    compose: {files: [dc.yml]}\n"
                                 "watch: {rules: {memory_warning: {threshold: .inf}}}\n",
                                 "threshold"),
    "infinite deploy window": (ENV + "    compose: {files: [dc.yml]}\n"
                               "    deploy: {watch_window: .inf}\n", "watch_window"),
}


@pytest.mark.parametrize("case", sorted(BAD))
@pytest.mark.parametrize("command", [("check",), ("snapshot", "local", "--no-runtime")])
def test_bad_value_is_one_line(repo: Repo, case: str, command: tuple[str, ...]) -> None:
    text, key = BAD[case]
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", text)
    repo.commit("app")
    line = _assert_one_line_error(run_cli(*command, cwd=repo.path), "envsync.yaml:", key)
    assert "\x00" not in line and "\x1b" not in line
    assert not (repo.path / "snapshots").exists()


def test_a_huge_value_quoted_back_is_cut(repo: Repo) -> None:
    """``--ref`` of 100,000 characters came back whole in its error line."""
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", ENV + "    compose: {files: [dc.yml]}\n")
    repo.commit("app")
    result = run_cli("diff", "local@" + "7" * 100_000, "local@latest", cwd=repo.path)
    line = _assert_one_line_error(result, "characters]…")
    assert len(line) < 2100
