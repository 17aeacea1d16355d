"""Round-trip edits of compose files: the edit lands, everything else stays byte for byte."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

import pytest

from envsync.patch.vcs import unified_diff
from envsync.patch.yamledit import ServiceEdit, apply_edits
from tests.helpers.corpus import real_projects

SAMPLE = """\
# production overlay: keep this comment
services:
  bot:
    image:  envsync/bot:1   # spacing and comment kept
    command: ["python", "main_webhook.py"]
    environment:
      - LOG_LEVEL=info
  market:
    image: 'envsync/market:1'
    command: python -m market   # string form
x-notes: &notes {a: 1}
"""


def _changed_lines(old: str, new: str) -> list[str]:
    return [ln for ln in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="")
            if ln.startswith(("+", "-")) and not ln.startswith(("+++", "---"))]


def test_edit_keeps_form_quotes_comments_and_order() -> None:
    new = apply_edits(SAMPLE, [
        ServiceEdit("bot", ("command",), ["python", "main.py"]),
        ServiceEdit("bot", ("environment", "LOG_LEVEL"), "debug"),
        ServiceEdit("market", ("command",), ["python", "-m", "market", "--v2"]),
        ServiceEdit("market", ("image",), "envsync/market:2"),
    ], filename="x.yml")
    assert sorted(_changed_lines(SAMPLE, new)) == sorted([
        '-    command: ["python", "main_webhook.py"]',
        '+    command: ["python", "main.py"]',
        '-      - LOG_LEVEL=info',
        '+      - LOG_LEVEL=debug',
        "-    image: 'envsync/market:1'",
        "+    image: 'envsync/market:2'",
        "-    command: python -m market   # string form",
        "+    command: python -m market --v2   # string form",
    ])
    assert "# production overlay: keep this comment" in new
    assert "image:  envsync/bot:1   # spacing and comment kept" in new


def test_new_service_and_new_key_are_added() -> None:
    new = apply_edits(SAMPLE, [ServiceEdit("bot", ("mem_limit",), "96m"),
                               ServiceEdit("cache", ("image",), "redis:7")], filename="x.yml")
    added = [ln for ln in _changed_lines(SAMPLE, new) if ln.startswith("+")]
    removed = [ln for ln in _changed_lines(SAMPLE, new) if ln.startswith("-")]
    assert removed == []
    assert "+    mem_limit: 96m" in added and "+    image: redis:7" in added


def test_diff_applies_with_git_apply(tmp_path: Path) -> None:
    (tmp_path / "c.yml").write_text(SAMPLE)
    new = apply_edits(SAMPLE, [ServiceEdit("bot", ("command",), ["python", "main.py"])],
                      filename="c.yml")
    patch = tmp_path / "p.diff"
    patch.write_text(unified_diff("c.yml", SAMPLE, new))
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", "--check", str(patch)], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", str(patch)], cwd=tmp_path, check=True)
    assert (tmp_path / "c.yml").read_text() == new


def test_missing_final_newline_is_a_valid_patch(tmp_path: Path) -> None:
    old = SAMPLE.rstrip("\n")
    (tmp_path / "c.yml").write_text(old)
    new = apply_edits(old, [ServiceEdit("bot", ("user",), "1000")], filename="c.yml")
    (tmp_path / "p.diff").write_text(unified_diff("c.yml", old, new))
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / "c.yml").read_text() == new


def test_not_yaml_is_a_clear_error() -> None:
    from envsync.errors import EnvsyncError

    with pytest.raises(EnvsyncError, match=r"x\.yml: cannot edit"):
        apply_edits("services: [\n", [ServiceEdit("a", ("image",), "b")], filename="x.yml")


def test_corpus_files_edited_in_one_place_only(tmp_path: Path) -> None:
    """On every real-project compose file: set one key of its first service; the diff
    touches only that service's block and compose still accepts the file."""
    files = sorted(f for project in real_projects().values() for f in project.rglob("*.yml"))
    assert len(files) >= 15
    from ruamel.yaml import YAML

    edited = anchored = 0
    for path in files:
        text = path.read_text()
        data = YAML(typ="safe", pure=True).load(text)
        if not isinstance(data, dict) or not data.get("services"):
            continue
        service = next(iter(data["services"]))
        edit = [ServiceEdit(service, ("user",), "1234:1234")]
        if f"{service}: &" in text:  # an anchor other services merge: never edited blindly
            from envsync.errors import EnvsyncError

            with pytest.raises(EnvsyncError, match="YAML anchor"):
                apply_edits(text, edit, filename=str(path))
            anchored += 1
            continue
        new = apply_edits(text, edit, filename=str(path))
        edited += 1
        changed = _changed_lines(text, new)
        assert changed and all("user" in ln for ln in changed), (path, changed)
        removed = [ln for ln in changed if ln.startswith("-")]
        assert len(removed) <= 1, (path, removed)
        target = tmp_path / path.name
        target.write_text(new)
        data2 = YAML(typ="safe", pure=True).load(new)
        assert data2["services"][service]["user"] == "1234:1234"
        data2["services"][service].pop("user")
        if isinstance(data["services"][service], dict):
            data["services"][service].pop("user", None)
        assert data2 == data, path
    assert edited >= 15 and anchored >= 1
