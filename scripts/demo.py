"""The driver of scripts/demo (run it through that script: it sets the variables and
cleans up behind this one too). Each step prints the command, then its real output."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(sys.argv[1]).resolve()
sys.path.insert(0, str(ROOT))
from tests.fakes.exchange import FakeExchange  # noqa: E402  (the checkout's own fakes)
from tests.fakes.telegram import FakeBotApi  # noqa: E402
from tests.services.procs import free_port  # noqa: E402

PROJECT = os.environ["ENVSYNC_DEMO_PROJECT"]
WORK = Path(os.environ["ENVSYNC_DEMO_DIR"])
COMPOSE = os.environ["ENVSYNC_DEMO_COMPOSE"]
ENVSYNC = str(Path(sys.executable).parent / "envsync")
OVERLAY = "services/docker-compose.demo.yml"
BOLD, DIM, OFF = ("\033[1m", "\033[2m", "\033[0m") if sys.stdout.isatty() else ("", "", "")


def say(text: str) -> None:
    print(f"\n{BOLD}== {text}{OFF}", flush=True)


def run(*cmd: str, shown: str | None = None, ok: tuple[int, ...] = (0,)) -> str:
    """Print the command, run it in the demo copy, print its real output."""
    print(f"{DIM}$ {shown or ' '.join(cmd)}{OFF}", flush=True)
    done = subprocess.run(cmd, cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "110"})
    out = done.stdout.rstrip()  # stdout and stderr as they came, interleaved
    if out:
        print(out, flush=True)
    if done.returncode not in ok:
        # Said now, before the clean-up's output: the story stops at the step that failed.
        print(f"demo: stopped: `{shown or ' '.join(cmd)}` exited {done.returncode} (its "
              "output is above); cleaning up", file=sys.stderr, flush=True)
        raise SystemExit(1)
    return done.stdout


def compose(*args: str, ok: tuple[int, ...] = (0,)) -> str:
    return run(COMPOSE, "-p", PROJECT, "-f", "services/docker-compose.base.yml", "-f", OVERLAY,
               *args, shown="docker compose " + " ".join(args), ok=ok)


def git(*args: str) -> str:
    return run("git", *args)


# The overlay is JSON (a YAML subset) but for compose's `!reset` tag, which drops the base
# file's `networks:` (they exclude `network_mode: host`); it round-trips through this marker.
_RESET = '"__compose_reset__"'


def load_overlay() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((WORK / OVERLAY).read_text().replace("!reset null", _RESET))
    return doc


def save_overlay(doc: dict[str, Any]) -> None:
    text = json.dumps(doc, indent=2) + "\n"
    (WORK / OVERLAY).write_text(text.replace(_RESET, "!reset null"))


def set_bot_command(command: list[str]) -> None:
    doc = load_overlay()
    doc["services"]["telegram-bot"]["command"] = command
    save_overlay(doc)


def setup(fx: FakeExchange, api: FakeBotApi) -> dict[str, int]:
    ports = {"md": free_port(), "bot": free_port(), "redis": free_port()}
    shutil.copytree(ROOT / "services", WORK / "services",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # market-data's command differs from its image's CMD here: with an env_file, compose's
    # `config --hash` is not the hash it labels the container with, so envsync cannot tell
    # that the container runs the file's command (equal to the image default, recorded as
    # null) and reports a runtime override (a known bug, reported).
    fast = {"interval": "1s", "timeout": "3s", "retries": 30, "start_period": "0s"}
    overlay: dict[str, Any] = {"services": {
        "market-data": {"network_mode": "host", "healthcheck": fast,
                        "command": ["python", "-u", "-m", "services.market_data"],
                        "environment": {
            **fx.env(), "MARKET_DATA_HOST": "127.0.0.1", "MARKET_DATA_PORT": str(ports["md"]),
            "REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/0", "EXCHANGE_TIMEOUT": "0.5"}},
        "telegram-bot": {"network_mode": "host", "healthcheck": fast, "environment": {
            **api.env(), "BOT_MODE": "polling", "BOT_HOST": "127.0.0.1",
            "BOT_HEALTH_PORT": str(ports["bot"]),
            "MARKET_DATA_URL": f"http://127.0.0.1:{ports['md']}"}},
        "redis": {"network_mode": "host", "healthcheck": {
            **fast, "test": ["CMD", "redis-cli", "-p", str(ports["redis"]), "ping"]},
            "command": ["redis-server", "--bind", "127.0.0.1", "--port", str(ports["redis"]),
                        "--save", "", "--appendonly", "no"]},
    }}
    # The services reach the fakes on the host's loopback: host networking, the base file's
    # networks dropped, and the edge proxy (which needs those networks) left out.
    reset = json.loads(_RESET)
    for name in ("market-data", "telegram-bot", "redis"):
        overlay["services"][name]["networks"] = reset
    overlay["services"]["proxy"] = {"profiles": ["edge-proxy"]}
    save_overlay(overlay)
    (WORK / "envsync.yaml").write_text(f"""\
project: envsync-demo
environments:
  local:
    git: .
    compose:
      files: [services/docker-compose.base.yml, {OVERLAY}]
      project: {PROJECT}
    health:
      - {{name: market-data, url: "http://127.0.0.1:{ports['md']}/health"}}
      - {{name: telegram-bot, url: "http://127.0.0.1:{ports['bot']}/health"}}
    limits:
      memory_mb: {{market-data: 128, telegram-bot: 160}}
""")
    (WORK / ".gitignore").write_text("snapshots/\n")
    for args in (("init", "-q", "-b", "main"), ("config", "user.email", "demo@example.invalid"),
                 ("config", "user.name", "envsync demo"), ("add", "-A"),
                 ("commit", "-q", "-m", "the bundled services, as deployed")):
        subprocess.run(["git", *args], cwd=WORK, check=True, capture_output=True)
    return ports


def _stop(signum: int, _: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main() -> int:
    signal.signal(signal.SIGTERM, _stop)
    started = time.monotonic()
    print(f"envsync demo: a copy of the bundled services in {WORK}, compose project {PROJECT}")
    with FakeExchange() as fx, FakeBotApi() as api:
        try:
            setup(fx, api)
            say("1. local runs, as committed")
            compose("up", "-d", "--wait", "--wait-timeout", "120")
            run(ENVSYNC, "health", "local", shown="envsync health local")

            say("2. the incident: someone changes the bot's command by hand and recreates it")
            set_bot_command(["python", "-u", "-m", "services.bot"])
            compose("up", "-d", "--wait", "--wait-timeout", "120", "telegram-bot")
            git("checkout", "--", OVERLAY)  # the file goes back; the container keeps the fix
            git("status", "--short")

            say("3. envsync drift finds it: runtime-override, critical")
            run(ENVSYNC, "drift", "local", "--fail-on", "high",
                shown="envsync drift local --fail-on high", ok=(1,))

            say("4. envsync patch --to vcs: the change that makes the files say what runs")
            run(ENVSYNC, "patch", "local", "--to", "vcs", shown="envsync patch local --to vcs",
                ok=(0, 1))
            run(ENVSYNC, "patch", "local", "--to", "vcs", "--write",
                shown="envsync patch local --to vcs --write", ok=(0, 1))
            git("commit", "-q", "-am", "keep the hand fix: python -u")
            git("log", "--oneline", "-2")

            say("5. drift is clean")
            run(ENVSYNC, "drift", "local", shown="envsync drift local")

            say("6. a restore point")
            saved = run(ENVSYNC, "backup", "local", shown="envsync backup local")
            tag = saved.split("restore point ", 1)[1].split()[0]

            say("7. a bad change is deployed")
            set_bot_command(["python", "-m", "services.bot_typo"])
            git("commit", "-q", "-am", "refactor the bot entry point")
            compose("up", "-d", "telegram-bot")
            time.sleep(3)
            run(ENVSYNC, "health", "local", shown="envsync health local", ok=(1,))

            say("8. envsync rollback --level 1 --execute, to the restore point")
            # --to: market-data and redis still run from before the point was taken, so
            # there is no point "older than what runs"; the one we took is named instead.
            run(ENVSYNC, "rollback", "local", "--level", "1", "--to", tag, "--execute", "--yes",
                shown=f"envsync rollback local --level 1 --to {tag} --execute --yes")

            say("9. healthy again")
            run(ENVSYNC, "health", "local", shown="envsync health local")
            print(f"\nThe story took {time.monotonic() - started:.0f} s. Cleaning up.")
            return 0
        except KeyboardInterrupt:
            print("\ndemo: interrupted; cleaning up", file=sys.stderr)
            return 130
        finally:
            subprocess.run([COMPOSE, "-p", PROJECT, "-f", "services/docker-compose.base.yml",
                            "-f", OVERLAY, "down", "-v", "--remove-orphans", "-t", "3"],
                           cwd=WORK, capture_output=True, timeout=180)


if __name__ == "__main__":
    sys.exit(main())
