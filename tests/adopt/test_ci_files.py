"""The shipped CI files say what envsync accepts: the action's inputs exist, its shell
parses, its envsync command line is one the CLI takes; the GitLab job in the docs too."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from envsync.cli.commands import load_command

ROOT = Path(__file__).resolve().parents[2]


def _options(command: str) -> set[str]:
    return {o for p in load_command(command).params for o in getattr(p, "opts", [])}


def test_the_action_is_consistent() -> None:
    action: dict[str, Any] = YAML(typ="safe").load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    text = (ROOT / "action.yml").read_text()
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used <= set(action["inputs"]), used - set(action["inputs"])
    steps = action["runs"]["steps"]
    assert any(str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")
               for s in steps)
    gate = next(s for s in steps if s.get("id") == "gate")
    subprocess.run(["bash", "-n"], input=gate["run"], text=True, check=True)
    flags = set(re.findall(r"(--[\w-]+)", gate["run"]))
    assert flags <= _options("gate") | {"--config"}, flags - _options("gate")
    formats = set(re.findall(r'--output "(\w+)=', gate["run"]))
    assert formats == {"sarif", "markdown", "junit", "json"}


def test_the_gitlab_job_in_the_docs_is_valid_yaml_with_a_valid_command() -> None:
    doc = (ROOT / "docs" / "ci-gate.md").read_text()
    block = doc.split("**GitLab CI.**", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    job = YAML(typ="safe").load(block)["envsync-gate"]
    assert job["artifacts"]["reports"]["junit"] == "reports/envsync.xml"
    words = shlex.split(" ".join(job["script"][1].split()))
    assert words[:2] == ["envsync", "gate"]
    flags = {w for w in words if w.startswith("--")}
    assert flags <= _options("gate"), flags - _options("gate")
