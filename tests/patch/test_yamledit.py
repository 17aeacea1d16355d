"""Round-trip edits of compose files: the edit lands, everything else stays byte for byte."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

import pytest

from envsync.patch.vcs import unified_diff
from envsync.patch.yamledit import CannotEdit, ServiceEdit, apply_edits
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

    with pytest.raises(EnvsyncError, match=r"^x\.yml:2: cannot edit"):
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


# --- files kept intact, or refused ------------------------------------------------------------

def _git_apply_check(tmp_path: Path, name: str, old: str, new: str) -> None:
    """The diff passes `git apply --check` in a real repository holding ``old``, and applying
    it gives ``new`` byte for byte."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / name).write_bytes(old.encode())
    subprocess.run(["git", "add", name], cwd=tmp_path, check=True)
    (tmp_path / "p.diff").write_bytes(unified_diff(name, old, new).encode())
    subprocess.run(["git", "apply", "--check", "p.diff"], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / name).read_bytes() == new.encode()


def test_crlf_file_stays_crlf(tmp_path: Path) -> None:
    old = SAMPLE.replace("\n", "\r\n")
    new = apply_edits(old, [ServiceEdit("bot", ("command",), ["python", "main.py"]),
                            ServiceEdit("bot", ("mem_limit",), "96m"),
                            ServiceEdit("cache", ("image",), "redis:7")], filename="c.yml")
    assert new.count("\r\n") == new.count("\n") and "\r\n" in new
    assert new.replace("\r\n", "\n") == apply_edits(SAMPLE, [
        ServiceEdit("bot", ("command",), ["python", "main.py"]),
        ServiceEdit("bot", ("mem_limit",), "96m"),
        ServiceEdit("cache", ("image",), "redis:7")], filename="c.yml")
    _git_apply_check(tmp_path, "c.yml", old, new)


def test_mixed_line_endings_are_refused() -> None:
    with pytest.raises(CannotEdit, match=r"^c\.yml: cannot edit: mixed line endings"):
        apply_edits("services:\r\n  bot:\n    image: x\r\n",
                    [ServiceEdit("bot", ("image",), "y")], filename="c.yml")


ANCHORED = """\
x-base: &base
  image: envsync/bot:1
  command: python base.py
  environment:
    LOG_LEVEL: info
x-env: &env
  REGION: eu
services:
  bot:
    <<: *base
    user: "1000"
  worker:
    <<: *base
    environment: *env
  market:
    image: envsync/market:1
    environment:
      <<: *env
      OWN: "1"
"""


@pytest.mark.parametrize(("edit", "why"), [
    (ServiceEdit("bot", ("command",), ["python", "b.py"]),
     "services.bot.command comes from a merge (`<<: *base`)"),
    (ServiceEdit("bot", ("environment", "LOG_LEVEL"), "debug"),
     "services.bot.environment comes from a merge (`<<: *base`)"),
    (ServiceEdit("worker", ("environment", "REGION"), "us"),
     "services.worker.environment is shared through the YAML anchor &env"),
    (ServiceEdit("market", ("environment", "REGION"), "us"),
     "services.market.environment.REGION comes from a merge (`<<: *env`)"),
])
def test_keys_from_anchors_are_refused_with_a_note(edit: ServiceEdit, why: str) -> None:
    notes: list[str] = []
    own = ServiceEdit(edit.service, ("user",), "2000")  # a key of its own: still edited
    new = apply_edits(ANCHORED, [edit, own], filename="c.yml", refused=notes)
    assert notes == [f"c.yml: {why}: not patched (an edit there would change every service "
                     "that uses it, or be lost); edit it by hand"]
    changed = _changed_lines(ANCHORED, new)
    assert changed and all("user" in line for line in changed)
    with pytest.raises(CannotEdit, match=r"comes from a merge|shared through"):
        apply_edits(ANCHORED, [edit], filename="c.yml")


def test_own_keys_beside_a_merge_are_edited() -> None:
    new = apply_edits(ANCHORED, [ServiceEdit("market", ("environment", "OWN"), "2"),
                                 ServiceEdit("market", ("environment", "NEW"), "x")],
                      filename="c.yml", refused=[])
    assert sorted(_changed_lines(ANCHORED, new)) == sorted(
        ['-      OWN: "1"', '+      OWN: "2"', "+      NEW: x"])


@pytest.mark.parametrize(("text", "message"), [
    ("services:\n  bot:\n    image: x:1\t# the image\n",
     r"^c\.yml:3: cannot edit: the YAML library \(ruamel\.yaml\) cannot read it: found "
     r"character '\\t' that cannot start any token; edit it by hand$"),
    ("services:\n  bot:\n    image: x:1\n---\nservices:\n  other:\n    image: y\n",
     r"^c\.yml:4: cannot edit: .* several YAML documents, separated by ---; edit it by hand$"),
    ("- a\n- b\n", r"^c\.yml: cannot edit: the file is not a mapping$"),
])
def test_files_ruamel_cannot_round_trip_are_refused(text: str, message: str) -> None:
    with pytest.raises(CannotEdit, match=message):
        apply_edits(text, [ServiceEdit("bot", ("image",), "y")], filename="c.yml")


def test_an_edit_that_would_change_more_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The read-back check: a merge that went wrong (here: a line of another service lost)
    is refused, not written."""
    import envsync.patch.yamledit as yamledit

    real = yamledit._edit_existing

    def lossy(*args: object) -> str:
        return real(*args).replace("    command: python -m market   # string form\n", "")  # type: ignore[arg-type]

    monkeypatch.setattr(yamledit, "_edit_existing", lossy)
    with pytest.raises(CannotEdit, match=r"would change more than services\.bot\.user"):
        apply_edits(SAMPLE, [ServiceEdit("bot", ("user",), "1")], filename="c.yml")


def test_a_lost_comment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import envsync.patch.yamledit as yamledit

    real = yamledit._edit_existing

    def uncommented(*args: object) -> str:
        return real(*args).replace("   # spacing and comment kept", "")  # type: ignore[arg-type]

    monkeypatch.setattr(yamledit, "_edit_existing", uncommented)
    with pytest.raises(CannotEdit, match="drop the comment '# spacing and comment kept'"):
        apply_edits(SAMPLE, [ServiceEdit("bot", ("user",), "1")], filename="c.yml")


def test_new_service_after_an_edit_lands_at_the_end_of_services() -> None:
    new = apply_edits(SAMPLE, [ServiceEdit("bot", ("mem_limit",), "96m"),
                               ServiceEdit("cache", ("image",), "redis:7")], filename="x.yml")
    assert "    command: python -m market   # string form\n  cache:\n    image: redis:7\n" in new


@pytest.mark.parametrize(("text", "edit", "changed"), [
    # four-space mappings stay four-space
    ("services:\n    bot:\n        image: x:1\n        ports:\n        - 80:80\n    other:\n"
     "        image: y\n", ServiceEdit("bot", ("environment", "LOG"), "debug"),
     ["+        environment:", "+            LOG: debug"]),
    # no newline at the end, a key appended after the last line
    ("services:\n  bot:\n    image: x:1\n    command: python a.py",
     ServiceEdit("bot", ("mem_limit",), "96m"), ["+    mem_limit: 96m"]),
    # a closing document end marker stays where it was
    ("services:\n  bot:\n    image: x:1\n    command: python a.py\n... # end\n",
     ServiceEdit("bot", ("command",), ["python", "b.py"]),
     ["-    command: python a.py", "+    command: python b.py"]),
    # a comment at column 0 inside the block
    ("services:\n  bot:\n    image: x:1\n# why\n    command: python a.py\n",
     ServiceEdit("bot", ("command",), ["python", "b.py"]),
     ["-    command: python a.py", "+    command: python b.py"]),
], ids=["four-space", "no-final-newline", "document-end", "column-0-comment"])
def test_layouts_edited_in_place(tmp_path: Path, text: str, edit: ServiceEdit,
                                 changed: list[str]) -> None:
    new = apply_edits(text, [edit], filename="c.yml", refused=[])
    assert _changed_lines(text, new) == changed
    assert new.endswith("\n") == text.endswith("\n")
    _git_apply_check(tmp_path, "c.yml", text, new)


def test_a_line_rewritten_outside_the_edited_service_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Same meaning, other bytes (`image:  x` → `image: x` in another service): refused,
    because the rest of the file must stay byte for byte."""
    import envsync.patch.yamledit as yamledit

    real = yamledit._edit_existing
    text = SAMPLE.replace("image: 'envsync/market:1'", "image:  'envsync/market:1'")

    def respaced(*args: object) -> str:
        return real(*args).replace("image:  'envsync/market:1'", "image: 'envsync/market:1'")  # type: ignore[arg-type]

    monkeypatch.setattr(yamledit, "_edit_existing", respaced)
    with pytest.raises(CannotEdit, match=r"^c\.yml:9: cannot edit: .* would rewrite this line"):
        apply_edits(text, [ServiceEdit("bot", ("user",), "1")], filename="c.yml")
