"""Values from the compared files inside ``--format markdown`` (posted as pull-request
comments): a backtick in a value ended its code span and ``<img onerror=…>``, ``<script>``
or ``[link](…)`` became markup; a newline ended the table row. Rendered by a real Markdown
parser (markdown-it-py, rich's own), the page now holds them as text only."""

from __future__ import annotations

import json
import re
from pathlib import Path

from markdown_it import MarkdownIt

from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

EVIL = {"evil": "a` <img src=x onerror=alert(1)> | x | [click](http://evil.example) `b",
        "nl": "line1\n<script>alert(2)</script>\n| forged | row |",
        "plain": "<b>bold</b>"}


def test_markdown_shows_hostile_values_as_text(repo: Repo, tmp_path: Path) -> None:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n"
               "    labels: {evil: x, nl: x, plain: x}\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [dc.yml]}\n    runtime: false\n")
    repo.commit("app")
    assert run_cli("snapshot", "local", "--no-runtime", cwd=repo.path).exit_code == 0
    (good,) = (repo.path / "snapshots" / "local").glob("*.json")
    doc = json.loads(good.read_text())
    doc["compose"]["declared"]["services"]["web"]["labels"] = EVIL
    bad = tmp_path / "evil`<i>x.json"
    bad.write_text(json.dumps(doc))
    result = run_cli("diff", good, bad, "--format", "markdown", cwd=repo.path)
    assert result.exit_code == 1, result.stderr
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert not re.search(r"<(?:img|script|a|b|i)\b", html), html
    rows = re.findall(r"<tr>", html)
    assert len(rows) == 1 + len(EVIL), html  # the header and one row per label
    assert "onerror=alert(1)" in html and "&lt;script&gt;" in html  # still shown, as text
