"""``envsync deploy --ref`` given what git would read as an option (``--output=FILE``,
``--exec=…``), shell metacharacters, a newline, 5,000 characters, reflog and tree
syntax: one line, exit 2, nothing written or run. (These held before; kept as
regressions.)"""

from __future__ import annotations

import pytest

from tests.helpers.docker import ComposeProject
from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import assert_refused, envsync

pytestmark = pytest.mark.docker

REFS = ["--output=pwned", "--exec=touch pwned", "-h", "HEAD;touch pwned", "a\nb",
        "x" * 5000, "HEAD@{-999999999999999999999}", "HEAD^{tree}", "HEAD:dc.yml"]


def test_hostile_refs_are_one_line(repo: Repo, compose_project: ComposeProject) -> None:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               f"    compose: {{files: [dc.yml], project: {compose_project.name}}}\n")
    head = repo.commit("app")
    for ref in REFS:
        line = assert_refused(envsync("deploy", "local", f"--ref={ref}", cwd=repo.path),
                              "--ref")
        assert len(line) < 2100
    assert not (repo.path / "pwned").exists()
    assert repo.git("rev-parse", "HEAD") == head
