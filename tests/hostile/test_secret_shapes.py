"""Secrets in shapes the second hostile pass found in clear: dashed and ``_KEY`` names, JSON
and ``key: value`` text, a URL password holding ``@``, ``mysql -pPW``, webhook URLs."""

from __future__ import annotations

import json

import pytest

from envsync.secrets import Redactor, looks_secret
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

FP = "secret:hmac-sha256:"


@pytest.fixture
def r() -> Redactor:
    return Redactor(b"unit-test-key")


def _gone(out: str, *secrets: str) -> None:
    for secret in secrets:
        for i in range(len(secret) - 7):
            assert secret[i:i + 8] not in out, (secret[i:i + 8], out)


@pytest.mark.parametrize("name", ["X-API-KEY", "api-key", "x_api-key", "ENCRYPTION_KEY",
                                  "MASTER_KEY", "jwt.key", "SSH_PRIVKEY", "Access-Key"])
def test_dashed_and_key_names_are_secret(name: str) -> None:
    assert looks_secret(name, "plainword")


@pytest.mark.parametrize("name", ["KEYBOARD", "CACHE_KEY_PREFIX", "MONKEY", "KEY_ID"])
def test_key_inside_a_name_is_not_secret(name: str) -> None:
    assert not looks_secret(name, "plainword")


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ('{"token":"Cj7sonTok99","x":1}', "Cj7sonTok99", ',"x":1}'),
        ("{'password': 'two words 9'}", "two words 9", "{'password': '"),
        ("token: CanYamlTok55", "CanYamlTok55", "token: "),
        ("curl -H 'apikey: CanApiHdr77' -H 'x-api-key: CanXHdr88' http://x",
         "CanApiHdr77", "http://x"),
        ("psql postgres://u:p@ss@CanAtPw99@db/x", "ss@CanAtPw99", "@db/x"),
        ("mysql -h db -uroot -pCanMyPw123 app", "CanMyPw123", "-uroot -p"),
        ("notify https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX",
         "XXXXXXXXXXXXXXXXXXXXXXXX", "notify "),
        ("https://discord.com/api/webhooks/123456/AbCdEfGhIjKlMnOp", "AbCdEfGhIjKlMnOp", ""),
    ],
)
def test_each_shape_is_replaced_in_place(r: Redactor, text: str, secret: str,
                                         kept: str) -> None:
    out = r.text(text)
    _gone(out, secret)
    assert kept in out and FP in out
    assert r.text(out) == out


@pytest.mark.parametrize("text", [
    "services.web.environment.API_TOKEN: changed",
    "API_TOKEN: Missing value",
    "x ${DB_PASSWORD:?DB_PASSWORD: must be set}",
    "auth.header: Bearer " + FP + "0123456789abcdef",
    "environment:\n  NEW_SECRET: ${NEW_SECRET}",
])
def test_messages_about_secrets_stay(r: Redactor, text: str) -> None:
    assert r.text(text) == text


def test_mysql_password_glued_to_p_in_an_argument_list(r: Redactor) -> None:
    out = r.args(["mysqladmin", "ping", "-uroot", "-pCanMyPw123"])
    assert out[:3] == ["mysqladmin", "ping", "-uroot"]
    assert out[3].startswith("-p" + FP)


def test_a_snapshot_of_odd_shapes_keeps_none(repo: Repo) -> None:
    canaries = ["canaryXapi1", "canaryApi2dash", "Cq9canarymaster", "CanJsonTok99",
                "CanMyPw123", "CanAtPw99", "CanYamlTok55", "CanApiHdr77"]
    repo.write("dc.yml", """\
services:
  web:
    image: busybox:1
    env_file: [.env]
    command: ["sh", "-c", "mysql -uroot -pCanMyPw123 db; psql postgres://u:p@ss@CanAtPw99@db/x"]
    labels:
      yamlish: 'token: CanYamlTok55'
    healthcheck:
      test: ["CMD", "wget", "--header", "apikey: CanApiHdr77", "http://127.0.0.1/"]
""")
    repo.write(".env", "MODE=dev\nX-API-KEY=canaryXapi1\nAPI-KEY=canaryApi2dash\n"
               "MASTER_KEY=Cq9canarymaster\nJSON_CFG={\"token\":\"CanJsonTok99\",\"x\":1}\n")
    repo.write("envsync.yaml", "environments:\n  local:\n    git: .\n"
               "    compose: {files: [dc.yml], env_file: .env}\n    runtime: false\n")
    repo.commit("app")
    result = run_cli("snapshot", "local", "--no-runtime", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    (stored,) = (repo.path / "snapshots" / "local").glob("*.json")
    text = stored.read_text()
    assert json.loads(text)["env_files"][".env"]["MODE"] == "dev"
    _gone(text + result.stdout + result.stderr, *canaries)
