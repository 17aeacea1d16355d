"""`patch --to vcs` keeps files intact, on a real engine and in a real git repository: a CRLF
file stays CRLF (and its printed patch applies), keys taken from a `<<: *anchor` merge are
refused with a note, and a file the YAML library cannot round-trip is refused (exit 2)."""

from __future__ import annotations

import subprocess

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.story import COMPOSE, Story

pytestmark = pytest.mark.docker

ANCHORED = """\
x-bot: &bot
  image: {image}
  command: python main_webhook.py
  network_mode: none
  environment:
    LOG_LEVEL: info
    TELEGRAM_TOKEN: ${{TELEGRAM_TOKEN}}
services:
  telegram-bot:
    <<: *bot
    mem_limit: 64m
  market-data:
    image: {image}
    command: python -m services.market_data
    network_mode: none
"""


def _image(story: Story) -> str:
    return str(story.container("telegram-bot").image.tags[0])


def _recommit(story: Story, text: str) -> None:
    story.file.write_bytes(text.encode())
    story.repo.commit("the file as the team keeps it")
    story.up()


def _hand_override(story: Story) -> None:
    """telegram-bot recreated from an edited copy of the file (command, env), then
    `docker update --memory`; the file is left as committed."""
    original = story.file.read_bytes()
    story.file.write_bytes(original.replace(b"python main_webhook.py", b"python main.py")
                           .replace(b"LOG_LEVEL: info", b"LOG_LEVEL: debug"))
    story.up("telegram-bot")
    story.file.write_bytes(original)
    subprocess.run(["docker", "update", "--memory", "96m", "--memory-swap", "96m",
                    story.container("telegram-bot").id], check=True, capture_output=True)


def test_crlf_file_stays_crlf_and_its_patch_applies(story: Story) -> None:
    _recommit(story, COMPOSE.format(image=_image(story)).replace("\n", "\r\n"))
    _hand_override(story)
    before = story.file.read_bytes()
    printed = run_cli("patch", "prod", "--to", "vcs", cwd=story.repo.path)
    assert printed.exit_code == 0, printed.stderr
    (story.repo.path / "fix.patch").write_bytes(printed.stdout_bytes)
    story.repo.git("apply", "--check", "fix.patch")
    (story.repo.path / "fix.patch").unlink()
    assert story.file.read_bytes() == before

    written = run_cli("patch", "prod", "--to", "vcs", "--write", cwd=story.repo.path)
    assert written.exit_code == 0, written.stderr
    after = story.file.read_bytes()
    assert after.count(b"\r\n") == after.count(b"\n") == before.count(b"\n") + 0
    assert b"command: python main.py\r\n" in after and b"LOG_LEVEL: debug\r\n" in after
    assert b"mem_limit: 96m\r\n" in after
    # what --write did is exactly what the printed patch says (stdout_bytes: click's
    # Result.stdout turns CRLF into LF)
    story.file.write_bytes(before)
    (story.repo.path / "fix.patch").write_bytes(printed.stdout_bytes)
    story.repo.git("apply", "fix.patch")
    assert story.file.read_bytes() == after


def test_keys_from_an_anchor_merge_are_refused_with_a_note(story: Story) -> None:
    anchored = ANCHORED.format(image=_image(story))
    _recommit(story, anchored)
    _hand_override(story)
    result = run_cli("patch", "prod", "--to", "vcs", "--write", cwd=story.repo.path)
    assert result.exit_code == 0, result.stderr
    text = story.file.read_text()
    # the service's own key is patched; the merged ones are not, and each says so
    assert text == anchored.replace("mem_limit: 64m", "mem_limit: 96m")
    for key in ("command", "environment"):
        assert (f"services.telegram-bot.{key} comes from a merge (`<<: *bot`): not patched"
                in result.stderr)
    code, findings, _ = story.drift()
    assert code == 1 and {f["path"] for f in findings if f["direction"] == "runtime-override"} \
        == {"containers.telegram-bot.command", "containers.telegram-bot.env.LOG_LEVEL"}


@pytest.mark.parametrize(("edit", "where"), [
    (lambda t: t.replace("    network_mode: none\n", "    network_mode: none\t# no network\n",
                         1), ":6: "),
    (lambda t: t + "---\nservices:\n  market-data:\n    user: nobody\n", ":15: "),
], ids=["tab-before-comment", "several-documents"])
def test_a_file_ruamel_cannot_round_trip_is_refused(story: Story, edit: object,
                                                    where: str) -> None:
    assert callable(edit)
    text = edit(COMPOSE.format(image=_image(story)))
    _recommit(story, text)
    _hand_override(story)
    for args in ((), ("--write",)):
        result = run_cli("patch", "prod", "--to", "vcs", *args, cwd=story.repo.path)
        assert result.exit_code == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("envsync: error: ")
        assert f"docker-compose.yml{where}cannot edit" in lines[0] and "Traceback" not in lines[0]
        assert result.stdout == ""
        assert story.file.read_text() == text
