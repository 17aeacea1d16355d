"""The JSON reports are scrubbed string by string (``scrub_document``), not as one text: the
fast path must mask at least what the whole-text pass (``scrub_message`` of the JSON text)
masked, for every hostile value the secret tests know, wherever in a finding it sits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from envsync.diff.engine import DiffResult
from envsync.freetext import _TRIGGER, _triggered
from envsync.model import Finding, Kind, Severity
from envsync.render.diff import render_diff
from envsync.secrets import forget_process_secrets, scrub_document, scrub_message

# The hostile strings of tests/secrets/test_scrubber.py and tests/hostile/test_secret_shapes.py,
# with more shapes: quotes and escapes, non-ASCII, a private key without its end line.
HOSTILE = [
    ("app --dsn postgres://adm:Pw0rd-2x9q@db/x", "Pw0rd-2x9q"),
    ("redis://:Red1sPassw0rd@cache:6379/0", "Red1sPassw0rd"),
    ("serve --password=hunter2hunter2 --port 80", "hunter2hunter2"),
    ("serve --password hunter2hunter2 --port 80", "hunter2hunter2"),
    ("cli --api-key k3yk3yk3yk3y run", "k3yk3yk3yk3y"),
    ("cli --token=t0ken-t0ken x", "t0ken-t0ken"),
    ("mysql -u root -p Sup3rSecret db", "Sup3rSecret"),
    ("mysql -u root -p 'two words here'", "two words here"),
    ("redis-cli -a R3disAuthPw ping", "R3disAuthPw"),
    ("curl -H 'Authorization: Bearer abcDEF123456ghi' http://x", "abcDEF123456ghi"),
    ("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA==' x", "dXNlcjpwYXNzd29yZA=="),
    ("auth.header: Bearer abcDEF123456ghi", "abcDEF123456ghi"),
    ("curl -H 'X-Api-Key: zzQ8w7e6r5t4' x", "zzQ8w7e6r5t4"),
    ("sh -c 'export TOKEN=Zx8Qp2Lm9; exec app'", "Zx8Qp2Lm9"),
    ("sh -c \"DB_PASSWORD='p a s s w' app\"", "p a s s w"),
    ("wget -q 'http://h/health?token=Qq1Ww2Ee3Rr4' -O-", "Qq1Ww2Ee3Rr4"),
    ("run --opaque aZ3kP9qLm2Xv8RtY6wNc4Bd7 now", "aZ3kP9qLm2Xv8RtY6wNc4Bd7"),
    ("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sIgNaTuRe_x", "eyJzdWIiOiIxIn0"),
    ("key AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    ("gh ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
    ("bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"),
    # The whole-text pass missed these three: JSON escapes the quotes the patterns need.
    ('{"token":"Cj7sonTok99","x":1}', "Cj7sonTok99"),
    ("{'password': 'two words 9'}", "two words 9"),
    ("token: CanYamlTok55", "CanYamlTok55"),
    ("curl -H 'apikey: CanApiHdr77' -H 'x-api-key: CanXHdr88' http://x", "CanApiHdr77"),
    ("psql postgres://u:p@ss@CanAtPw99@db/x", "ss@CanAtPw99"),
    ("mysql -h db -uroot -pCanMyPw123 app", "CanMyPw123"),
    ("notify https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX",
     "XXXXXXXXXXXXXXXXXXXXXXXX"),
    ("https://discord.com/api/webhooks/123456/AbCdEfGhIjKlMnOp", "AbCdEfGhIjKlMnOp"),
    ("curl -u admin:CurlPw-4242 http://x", "CurlPw-4242"),
    ("J5brHrAXFLQSif0K", "J5brHrAXFLQSif0K"),
    ("/srv/backup/J5brHrAXFLQSif0K", "J5brHrAXFLQSif0K"),
    # Quotes and a new line JSON escapes, non-ASCII, a private key without its end line
    # (the whole-text pass cut the rest of the document there, and broke the JSON).
    ('say "--password=Quoted9Pw" now', "Quoted9Pw"),
    ("line one\n--token Nl9TokenAfterNewline", "Nl9TokenAfterNewline"),
    ("caf\u00e9 --password=Un1codePw99 \u00fcber", "Un1codePw99"),
    ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\n", "MIIEowIBAAKCAQEA7bq"),
]
PLAIN = [
    "redis-server --maxmemory 32mb",
    "redis-server --save '' --appendonly no",
    "wget -qO- http://localhost:8080/health",
    "postgres://db:5432/app",
    "mkdir -p /data/cache && mkdir -p logs && exec app",
    "docker run -p 8080:80 img",
    "sha256:6a41b5e7bfa1e1c1f8d6e5c4b3a2918273645546372819a0b1c2d3e4f5a6b7c8",
    "0f3c7a1d9e2b4c6a8e0f1a2b3c4d5e6f7a8b9c0d",
    "123e4567-e89b-12d3-a456-426614174000",
    "app --password ${DB_PASSWORD} --token $API_TOKEN",
    "app --password-file /run/secrets/db_password",
    "Bearer token required",
    "services.app.mem_limit: invalid size",
    "uvicorn app:main --host 0.0.0.0 --port 8000 --workers 2",
    "secret:hmac-sha256:0123456789abcdef",
    "services.telegram-bot.environment.FEATURE_X2",
    "Python311Runtime",
]


def _result(value: str, *, keyed: bool = True) -> DiffResult:
    """``value`` everywhere a report carries text: a finding's before, after and message,
    an argument list, a map under a plain (and a secret-looking) key, a key, a note."""
    env: dict[str, Any] = {"NOTE": value, value: "k"}
    if keyed:
        env |= {"API_TOKEN": value, "PORT_PASSWORD": 4242}
    findings = [
        Finding(path="services.app.command", kind=Kind.CHANGED, category="command",
                severity=Severity.CRITICAL, message=f"app: command is `{value}` in b",
                service="app", before=["app", value], after=value, rule="services.*.command"),
        Finding(path="services.app", kind=Kind.ADDED, category="service", severity=Severity.HIGH,
                message="app: service exists only in b", service="app", before=None,
                after={"image": "x:1", "environment": env}, rule="services.*"),
    ]
    return DiffResult(a="a", b="b", findings=findings, notes=[f"b: compose not captured: {value}"])


def _old(result: DiffResult) -> str:
    """The pass this replaced: the whole JSON text scrubbed as one string."""
    forget_process_secrets()
    return scrub_message(json.dumps(result.to_json(), indent=2, default=str) + "\n")


def _new(result: DiffResult) -> str:
    forget_process_secrets()
    return render_diff(result, "json")


def _pieces(data: Any) -> Iterator[str]:
    """Every 8 characters of every string of ``data`` as its JSON text holds them."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _pieces(key)
            yield from _pieces(value)
    elif isinstance(data, list):
        for value in data:
            yield from _pieces(value)
    elif isinstance(data, str):
        text = json.dumps(data)[1:-1]
        yield from (text[i:i + 8] for i in range(len(text) - 7))


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    forget_process_secrets()
    yield
    forget_process_secrets()


@pytest.mark.parametrize(("value", "secret"), HOSTILE)
def test_the_fast_path_masks_what_the_whole_text_pass_masked(value: str, secret: str) -> None:
    result = _result(value)
    old, new = _old(result), _new(result)
    doc = json.loads(new)  # still a valid document
    assert doc["findings"][0]["path"] == "services.app.command"
    assert doc["notes"][0].startswith("b: compose not captured: ")
    # Every piece of the secret is gone, wherever the value was put; the whole-text pass
    # cut no piece that the fast path leaves (it also cut pieces of what follows an
    # escaped quote, and all of the document after a private key: no secret there).
    pieces = {p for p in _pieces(secret)}
    assert pieces and not {p for p in pieces if p in new}, new
    assert not {p for p in pieces if p not in old and p in new}
    assert "[redacted]" in new


@pytest.mark.parametrize("value", PLAIN)
def test_plain_values_come_out_as_they_went_in(value: str) -> None:
    """Byte for byte what the whole-text pass wrote (the one value masked here is the
    ``$API_TOKEN`` after ``--token`` and before a backtick, which both take for a value)."""
    result = _result(value, keyed=False)
    assert _new(result) == _old(result)


def test_a_message_is_scrubbed_as_itself_not_as_part_of_a_json_value() -> None:
    """The whole-text pass read ``"message": "…"`` as one quoted value of a plain key and
    so never looked inside it; a message is scrubbed as the table scrubs it now."""
    result = _result("services.web.environment.API_TOKEN: changed", keyed=False)
    assert "API_TOKEN: changed` in b" in _old(result)
    assert "API_TOKEN: [redacted] in b" in _new(result)
    forget_process_secrets()
    assert "changed`" not in render_diff(result, "markdown").replace("\\", "")


def test_values_under_secret_names_are_masked_whole() -> None:
    doc = json.loads(_new(_result("plain words")))
    env = doc["findings"][1]["after"]["environment"]
    assert env == {"NOTE": "plain words", "plain words": "k", "API_TOKEN": "[redacted]",
                   "PORT_PASSWORD": "[redacted]"}


def test_a_secret_found_in_one_string_is_masked_in_every_other() -> None:
    """The message names the secret by its option; the argument list holds it alone, before
    the message in the document: a second pass with what the first learned masks it."""
    secret = "Lone-Arg-7x9Q"
    result = DiffResult(a="a", b="b", findings=[Finding(
        path="services.app.command", kind=Kind.REMOVED, category="command",
        severity=Severity.CRITICAL, service="app", before=secret, after=None,
        message=f"app: command is set in a (`app --password {secret}`), missing in b")])
    new = _new(result)
    assert secret not in new and secret[:8] not in new
    assert json.loads(new)["findings"][0]["before"] == "[redacted]"


def test_the_json_text_is_not_scrubbed_again_on_its_way_out() -> None:
    """The scrubbed stdout takes a scrubbed document's text as it is (no second 0.65 s
    pass), and any other text still gets the whole pass."""
    new = _new(_result("plain"))
    assert scrub_message(new) is new
    assert scrub_message("x --token Tok-1234-abcd") != "x --token Tok-1234-abcd"


def test_numbers_under_secret_names_and_learned_numbers_are_masked() -> None:
    doc = scrub_document({"PIN_PASSWORD": 987654321, "port": 8080, "ok": True, "n": None})
    assert doc == {"PIN_PASSWORD": "[redacted]", "port": 8080, "ok": True, "n": None}
    scrub_message("x --password 55501234")  # learned: digits only, 8 of them
    assert scrub_document({"code": 55501234, "other": 5550123}) == \
        {"code": "[redacted]", "other": 5550123}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aAbBsSkK_-:=@/'\" \t\nxXeEyYjJhHgG0123456789rpuoiIlL.ſé", max_size=24))
def test_the_trigger_test_answers_as_the_trigger_pattern(text: str) -> None:
    assert _triggered(text) == bool(_TRIGGER.search(text))


@pytest.mark.parametrize("text", [
    "x-api-key", "  -v", "-v", "a -b", "a\x1c-b", "ghp_", "GHS_", "rk_", "Sk-", "1:AA",
    "a: b", "a:'", "'a':", "u:p@h", "authorization", "PRIVATE KEY", "://", "a=b", "eyJ",
    "XOX", "GitHub_Pat", "glpat-", "plain words", "svc-0001.environment.KEY_001", "",
])
def test_the_trigger_test_on_each_of_its_words(text: str) -> None:
    assert _triggered(text) == bool(_TRIGGER.search(text))
