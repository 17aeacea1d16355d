"""``envsync report --html`` and ``history --plot`` on the real engine; the page opened in
headless Chromium (Debian's package), which must make no network request."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.story import SECRET, Story

pytestmark = pytest.mark.docker

STAGING_SECRET = "7770002222:AAE-staging-secret-never-printed"


def _two_environments(story: Story) -> None:
    story.repo.write("staging.yml", "services:\n  telegram-bot:\n"
                     "    environment: {LOG_LEVEL: debug}\n    mem_limit: 128m\n")
    story.repo.write(".env.staging", f"TELEGRAM_TOKEN={STAGING_SECRET}\n")
    story.repo.write(".gitignore", ".env\n.env.staging\nsnapshots/\n*.html\n*.svg\n")
    cfg = story.repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text() + """\
    limits:
      memory_mb: {telegram-bot: 48}
  staging:
    git: .
    compose: {files: [docker-compose.yml, staging.yml], project: envsync-never-up,
              env_file: .env.staging}
""")
    story.repo.commit("staging")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "Debian's chromium package is needed (scripts/setup-env installs it)"
    return found


def test_the_page_shows_everything_and_fetches_nothing(story: Story, tmp_path: Path) -> None:
    cwd = story.repo.path
    _two_environments(story)
    for _ in range(2):
        assert run_cli("snapshot", "prod", cwd=cwd).exit_code == 0
    backup = run_cli("backup", "prod", cwd=cwd)
    assert backup.exit_code == 0, backup.stderr
    # a hand fix in prod: drift with a direction
    original = story.file.read_text()
    story.file.write_text(original.replace("python main_webhook.py", "python main.py"))
    story.up("telegram-bot")
    story.file.write_text(original)

    page = tmp_path / "report.html"
    result = run_cli("report", "prod", "staging", "--html", page, cwd=cwd)
    assert result.exit_code == 0, result.stdout + result.stderr
    html = page.read_text()
    assert SECRET not in html and STAGING_SECRET not in html
    assert "secret:hmac" not in html  # not even the fingerprints
    # nothing to fetch: no URL in any src/href/url(), no script at all
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "url(" not in html and "<script" not in html.lower() and "@import" not in html

    matrix = html.split('<table class="matrix">', 1)[1].split("</table>", 1)[0]
    rows = {tuple(re.sub("<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r))
            for r in re.findall(r"<tr>(.*?)</tr>", matrix)}
    assert ("telegram-bot", "environment.LOG_LEVEL", "medium", "info", "debug") in rows
    assert ("telegram-bot", "environment.TELEGRAM_TOKEN", "medium", "secret differs",
            "secret differs") in rows
    assert "runtime-override" in html  # prod's drift, with its direction
    assert re.search(r"backup prod-stable-\d{8}", html)
    assert "<polyline" in html and 'class="limit"' in html  # memory against its limit

    # the check below can fail: a page with one remote image is caught
    control = tmp_path / "control.html"
    control.write_text('<p>control</p><img src="http://example.invalid/x.png">')
    assert _page_requests(control, tmp_path / "control") == {"http://example.invalid/x.png"}

    shot = tmp_path / "report.png"  # kept as the test's artifact
    assert _page_requests(page, tmp_path / "report", shot) == set()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def _page_requests(page: Path, work: Path, shot: Path | None = None) -> set[str]:
    """Open ``page`` in headless Chromium (no name resolves) and return the non-file URLs
    the page asked for, read from Chromium's net log. The browser's own background calls
    (update, time) are not the page's: their isolation key is not the file's."""
    netlog = work / "net.json"
    work.mkdir()
    shot = shot or work / "shot.png"
    proc = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--no-first-run",
         f"--user-data-dir={work / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--log-net-log={netlog}", f"--screenshot={shot}", "--window-size=1400,1000",
         page.as_uri()], capture_output=True, text=True, timeout=120)
    assert shot.is_file(), proc.stderr[-2000:]
    log = json.loads(netlog.read_text())
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for event in log["events"]:
        params = event.get("params") or {}
        url = str(params.get("url", ""))
        if (event["type"] == start and "file://" in str(params.get("network_isolation_key"))
                and not url.startswith(("file:", "data:"))):
            urls.add(url)
    return urls


def test_history_plot_draws_svg_and_png(story: Story, tmp_path: Path) -> None:
    cwd = story.repo.path
    for _ in range(2):
        assert run_cli("snapshot", "prod", cwd=cwd).exit_code == 0
    chart = tmp_path / "prod.svg"
    result = run_cli("history", "prod", "--plot", chart, cwd=cwd)
    assert result.exit_code == 0, result.stderr
    root = ET.parse(chart).getroot()  # well-formed XML, an SVG document
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    titles = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any("memory per service" in t for t in titles)
    assert any("drift findings" in t for t in titles)
    assert list(root.iter("{http://www.w3.org/2000/svg}polyline"))
    png = run_cli("history", "prod", "--plot", tmp_path / "prod.png", cwd=cwd)
    assert png.exit_code == 0, png.stderr
    assert (tmp_path / "prod.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert json.loads(run_cli("history", "prod", "--format", "json", cwd=cwd).stdout)["snapshots"]
