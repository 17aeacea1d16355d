"""Credentials in a blue-green deploy's settings: a preview URL with a user and password,
a smoke check whose path carries ``?token=``, a JSON body with an API key, a health check
URL with a password and an access token. None may show in the dry run's script, the
output of a failed deploy, deploys.jsonl or ``history``. deploys.jsonl kept each step's
script as written (the preview URL's password, the token, the body's key): every line of
envsync's JSONL logs is now scrubbed before it is written."""

from __future__ import annotations

import pytest

from tests.deploy.bg import BlueGreenStack, bg_app_image, bg_stack, bg_stack_factory

__all__ = ["bg_app_image", "bg_stack", "bg_stack_factory"]

pytestmark = pytest.mark.docker

PREVIEW_PW = "PvPw7731qzXk"
SMOKE_TOKEN = "SmTok4417mnBv"
BODY_KEY = "BdKey9902LpQw"
HEALTH_PW = "HcPw5518rtYu"
HEALTH_TOKEN = "HcTok3306wsEd"
SECRETS = (PREVIEW_PW, SMOKE_TOKEN, BODY_KEY, HEALTH_PW, HEALTH_TOKEN)


def _leaks(text: str) -> list[str]:
    """Any 6-character piece of a secret found in ``text``."""
    return [s[i:i + 6] for s in SECRETS for i in range(len(s) - 5) if s[i:i + 6] in text]


def test_deploy_credentials_never_show(bg_stack: BlueGreenStack) -> None:
    repo = bg_stack.repo
    config = repo.path / "envsync.yaml"
    text = config.read_text()
    text = text.replace(f"preview_url: http://127.0.0.1:{bg_stack.preview}",
                        f"preview_url: http://envsync:{PREVIEW_PW}@127.0.0.1:{bg_stack.preview}")
    text = text.replace("path: /combined_price, json: {symbol: BTCUSDT}",
                        f"path: /combined_price?token={SMOKE_TOKEN}, "
                        f"json: {{symbol: BTCUSDT, api_key: {BODY_KEY}}}")
    text = text.replace(f'url: "http://127.0.0.1:{bg_stack.public}/health"',
                        f'url: "http://ops:{HEALTH_PW}@127.0.0.1:{bg_stack.public}/health'
                        f'?access_token={HEALTH_TOKEN}"')
    assert text.count(PREVIEW_PW) == text.count(SMOKE_TOKEN) == text.count(HEALTH_PW) == 1
    config.write_text(text)
    bg_stack.good = repo.commit("credentials in the settings")
    bg_stack.release("BAD: smoke")

    dry = bg_stack.cli("deploy", "prod", "--ref", "v2")
    assert dry.exit_code == 0, dry.stderr
    assert "x-envsync-server: green" in dry.stdout and "/combined_price" in dry.stdout
    shown = dry.stdout + dry.stderr

    failed = bg_stack.cli("deploy", "prod", "--ref", "v2", "--execute")
    assert failed.exit_code == 1, failed.stdout + failed.stderr
    shown += failed.stdout + failed.stderr
    assert "combined_price" in shown
    log = (repo.path / "snapshots" / "prod" / "deploys.jsonl").read_text()
    assert "combined_price" in log
    shown += log
    for args in (("history", "prod"), ("history", "prod", "--format", "json")):
        result = bg_stack.cli(*args)
        assert result.exit_code == 0, result.stderr
        shown += result.stdout + result.stderr
    assert _leaks(shown) == [], _leaks(shown)
