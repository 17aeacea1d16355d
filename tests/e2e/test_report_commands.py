"""The read-only commands on a real engine: the CI gate, health, history."""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.docker import ComposeProject, compose_binary, free_port
from tests.helpers.git import make_repo
from tests.helpers.httpd import serve
from tests.helpers.story import Story

pytestmark = pytest.mark.docker


@pytest.fixture
def http_ok() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/health" else 503)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _files(story: Story) -> list[str]:
    return sorted(str(p) for p in (story.repo.path / "snapshots").rglob("*"))


def test_gate_passes_on_the_baseline_and_fails_on_drift(story: Story) -> None:
    assert run_cli("snapshot", "prod", cwd=story.repo.path).exit_code == 0
    latest = sorted((story.repo.path / "snapshots" / "prod").iterdir())[-1]
    approved = story.repo.path / "approved.json"
    shutil.copyfile(latest, approved)
    before = _files(story)
    ok = run_cli("gate", "prod", "--baseline", approved, cwd=story.repo.path)
    assert ok.exit_code == 0, ok.stdout
    assert json.loads(ok.stdout)["schema"] == "envsync.diff/v1"
    original = story.file.read_text()
    story.file.write_text(original.replace("python main_webhook.py", "python main.py"))
    story.up("telegram-bot")
    story.file.write_text(original)
    bad = run_cli("gate", "prod", "--baseline", approved, "--fail-on", "high",
                  cwd=story.repo.path)
    assert bad.exit_code == 1
    paths = {f["path"]: f["severity"] for f in json.loads(bad.stdout)["findings"]}
    assert paths["containers.telegram-bot.command"] == "critical"
    assert _files(story) == before  # the gate stored nothing


def test_health_checks_and_memory_limits(story: Story, http_ok: str) -> None:
    closed = free_port()
    cfg = story.repo.path / "envsync.yaml"
    cfg.write_text(cfg.read_text() + f"""\
    health:
      - {{name: app, url: "{http_ok}/health"}}
      - {{name: down, url: "http://127.0.0.1:{closed}/health", timeout: 1}}
    limits:
      memory_mb: {{telegram-bot: 0.001}}
""")
    result = run_cli("health", "prod", "--format", "json", cwd=story.repo.path)
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["checks"]["app"]["status"] == "ok"
    assert doc["checks"]["down"]["status"] == "error"
    assert doc["memory"]["telegram-bot"]["over"] is True
    assert doc["memory"]["market-data"]["over"] is False
    table = run_cli("health", "prod", cwd=story.repo.path)
    assert "OVER LIMIT" in table.stdout and "UNHEALTHY" in table.stdout
    cfg.write_text(cfg.read_text().replace("      - {name: down", "      # - {name: down")
                   .replace("telegram-bot: 0.001", "telegram-bot: 100000"))
    assert run_cli("health", "prod", "--watch", "--rounds", "2", "--interval", "1",
                   cwd=story.repo.path).exit_code == 0


def test_history_shows_drift_per_snapshot(story: Story) -> None:
    assert run_cli("snapshot", "prod", cwd=story.repo.path).exit_code == 0
    original = story.file.read_text()
    story.file.write_text(original.replace("python main_webhook.py", "python main.py"))
    story.up("telegram-bot")
    story.file.write_text(original)
    assert run_cli("snapshot", "prod", cwd=story.repo.path).exit_code == 0
    result = run_cli("history", "prod", "--format", "json", cwd=story.repo.path)
    rows = json.loads(result.stdout)["snapshots"]
    assert len(rows) == 2
    assert rows[0]["drift"] == {}
    assert rows[1]["drift"].get("critical") == 1
    assert rows[1]["memory_mb"] is not None
    table = run_cli("history", "prod", cwd=story.repo.path)
    assert "1 critical" in table.stdout and "clean" in table.stdout


def test_health_finds_the_project_compose_names_when_the_config_does_not(
        tmp_path: Path, compose_project_factory: Callable[[], ComposeProject],
        pybox_image: str) -> None:
    project = compose_project_factory()
    folder = tmp_path / project.name  # compose names the project after this folder
    repo = make_repo(folder)
    repo.write("docker-compose.yml", f"services:\n  app:\n    image: {pybox_image}\n"
               "    command: python app.py\n    network_mode: none\n")
    repo.write("envsync.yaml", "environments:\n  prod:\n    git: .\n"
               "    compose: {files: [docker-compose.yml]}\n"
               "    limits: {memory_mb: {app: 100000}}\n")
    repo.commit()
    project.workdir, project.files = folder, [folder / "docker-compose.yml"]
    run_compose_default = subprocess.run(
        [compose_binary(), "-f", "docker-compose.yml", "up", "-d"], cwd=folder,
        capture_output=True, text=True)
    assert run_compose_default.returncode == 0, run_compose_default.stderr
    result = run_cli("health", "prod", "--format", "json", cwd=folder)
    doc = json.loads(result.stdout)
    assert list(doc["memory"]) == ["app"] and doc["memory"]["app"]["over"] is False
    assert result.exit_code == 0
