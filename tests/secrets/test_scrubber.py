"""The free-text scrubber: each kind of secret is replaced in place, the rest stays readable."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from envsync.secrets import Redactor, forget_process_secrets, is_fingerprint, scrub_message

FP = "secret:hmac-sha256:"


@pytest.fixture
def r() -> Redactor:
    return Redactor(b"unit-test-key")


def _gone(out: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in out, out
        for i in range(len(secret) - 7):
            assert secret[i:i + 8] not in out, (secret[i:i + 8], out)


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("app --dsn postgres://adm:Pw0rd-2x9q@db/x", "Pw0rd-2x9q", "app --dsn postgres://adm:"),
        ("redis://:Red1sPassw0rd@cache:6379/0", "Red1sPassw0rd", "@cache:6379/0"),
        ("serve --password=hunter2hunter2 --port 80", "hunter2hunter2", "--port 80"),
        ("serve --password hunter2hunter2 --port 80", "hunter2hunter2", "serve --password "),
        ("cli --api-key k3yk3yk3yk3y run", "k3yk3yk3yk3y", " run"),
        ("cli --token=t0ken-t0ken x", "t0ken-t0ken", "cli --token="),
        ("mysql -u root -p Sup3rSecret db", "Sup3rSecret", "mysql -u root -p "),
        ("mysql -u root -p 'two words here'", "two words here", "mysql -u root -p '"),
        ("redis-cli -a R3disAuthPw ping", "R3disAuthPw", " ping"),
        ("curl -H 'Authorization: Bearer abcDEF123456ghi' http://x",
         "abcDEF123456ghi", "curl -H 'Authorization: Bearer "),
        ("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA==' x", "dXNlcjpwYXNzd29yZA==", "' x"),
        ("auth.header: Bearer abcDEF123456ghi", "abcDEF123456ghi", "auth.header: Bearer "),
        ("curl -H 'X-Api-Key: zzQ8w7e6r5t4' x", "zzQ8w7e6r5t4", "X-Api-Key: "),
        ("sh -c 'export TOKEN=Zx8Qp2Lm9; exec app'", "Zx8Qp2Lm9", "; exec app'"),
        ("sh -c \"DB_PASSWORD='p a s s w' app\"", "p a s s w", " app\""),
        ("wget -q 'http://h/health?token=Qq1Ww2Ee3Rr4' -O-", "Qq1Ww2Ee3Rr4", "http://h/health?token="),
        ("run --opaque aZ3kP9qLm2Xv8RtY6wNc4Bd7 now", "aZ3kP9qLm2Xv8RtY6wNc4Bd7", "run --opaque "),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sIgNaTuRe_x", "eyJzdWIiOiIxIn0", "Bearer "),
        ("key AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE", "key "),
        ("gh ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghij", "gh "),
        ("bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1",
         "bot "),
    ],
)
def test_each_pattern_is_replaced_in_place(r: Redactor, text: str, secret: str, kept: str) -> None:
    out = r.text(text)
    _gone(out, secret)
    assert kept in out and FP in out
    assert r.text(out) == out  # idempotent: a second pass (stored, then rendered) is a no-op


@pytest.mark.parametrize(
    "text",
    [
        "redis-server --maxmemory 32mb",
        "redis-server --save '' --appendonly no",
        "wget -qO- http://localhost:8080/health",
        "postgres://db:5432/app",
        "https://user@example.com/repo.git",
        "mkdir -p /data/cache && mkdir -p logs && exec app",
        "docker run -p 8080:80 img",
        "sha256:6a41b5e7bfa1e1c1f8d6e5c4b3a2918273645546372819a0b1c2d3e4f5a6b7c8",
        "envsync-test/busybox@sha256:6a41b5e7bfa1e1c1f8d6e5c4b3a2918273645546372819a0b1c2d3e4f5a6b7c8",
        "0f3c7a1d9e2b4c6a8e0f1a2b3c4d5e6f7a8b9c0d",  # a git sha
        "9c4e3f1b2a7d6e5f4c3b2a1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",  # a config hash
        "123e4567-e89b-12d3-a456-426614174000",
        "/home/user/projects/app/docker-compose.yml,/home/user/projects/app/override.yml",
        "app --password ${DB_PASSWORD} --token $API_TOKEN",
        "app --password-file /run/secrets/db_password",
        "Bearer token required",
        "services.app.mem_limit: invalid size",
        "2026-11-29T16:18:56.123456789Z",
        "/home/u/.local/state/envsync/crash-20261129T163629Z-24596.log",
        "services.telegram-bot.environment.FEATURE_X2",
        "backups/prod-stable-20261129/ac6a70bc672844069b5541fe9fe9a18f5041403bbeb074be57e4bb73935880dc.tar",
        "image ac6a70bc6728.tar saved",
        "uvicorn app:main --host 0.0.0.0 --port 8000 --workers 2",
        f"--token={FP}0123456789abcdef",
    ],
)
def test_plain_text_stays_as_it_is(r: Redactor, text: str) -> None:
    assert r.text(text) == text
    assert scrub_message(text) == text


def test_argument_lists_replace_the_element_after_a_secret_option(r: Redactor) -> None:
    out = r.args(["app", "--api-key", "K3yValue99", "-p", "8080", "--password", "pw-pw-pw",
                  "--dsn", "postgres://adm:Dsn-Pass-1@db/x", "--name", "web"])
    assert out[:2] == ["app", "--api-key"] and is_fingerprint(out[2])
    assert out[3:5] == ["-p", "8080"] and is_fingerprint(out[6])
    assert out[8].startswith("postgres://adm:" + FP) and out[8].endswith("@db/x")
    assert out[9:] == ["--name", "web"]
    assert r.args(["mkdir", "-p", "data"]) == ["mkdir", "-p", "data"]
    assert is_fingerprint(r.args(["redis-cli", "-a", "R3dis-pw", "ping"])[2])
    assert r.args(["app", "--token", "${API_TOKEN}"]) == ["app", "--token", "${API_TOKEN}"]


def test_learned_values_are_found_trimmed_quoted_and_cut(r: Redactor) -> None:
    secret = "Kq7-Wm2-Xr9-Lp4-Zt6-Nv8"  # 23 characters, not high-entropy by itself
    assert is_fingerprint(r.value("API_TOKEN", f"  {secret}  "))
    for text in (f"x {secret} y", f"'{secret}'", f'"{secret}"',
                 f"invalid size: '{secret[2:23]}'", f"ends with {secret[-8:]}",
                 f"starts {secret[:9]}…"):
        out = r.text(text)
        _gone(out, secret)
        assert FP in out
    assert r.text(f"short {secret[:7]} piece") == f"short {secret[:7]} piece"


def test_a_url_value_teaches_only_its_password(r: Redactor) -> None:
    assert is_fingerprint(r.value("DATABASE_URL", "postgres://adm:Pg-Secret-77@postgres:5432/app"))
    assert r.text("image: postgres:16") == "image: postgres:16"
    assert "Pg-Secret-77" not in r.text("failed: Pg-Secret-77 rejected")


def test_placeholders_and_trivial_values_are_not_learned(r: Redactor) -> None:
    for value in ("CHANGE_ME", "true", "${API_TOKEN}", "/run/secrets/token", "http://auth:8080"):
        r.value("API_TOKEN", value)
    text = "API_TOKEN=CHANGE_ME enabled=true url=http://auth:8080 path /run/secrets/token"
    assert r.text("x CHANGE_ME true http://auth:8080/health /run/secrets/token") == \
        "x CHANGE_ME true http://auth:8080/health /run/secrets/token"
    assert "CHANGE_ME" in r.text(text)


def test_scrub_covers_every_string_and_learns_across_parts(r: Redactor) -> None:
    data = {"containers": {"app": {"command": ["app", "--token", "Tok-1234-abcd"],
                                   "labels": {"note": "uses Tok-1234-abcd"}}},
            "meta": {"errors": [{"reason": "bad value 'ok-1234-abc'"}]}}
    out = repr(r.scrub(data))
    _gone(out, "Tok-1234-abcd")


def test_messages_are_scrubbed_of_what_the_process_learned() -> None:
    forget_process_secrets()
    Redactor(b"k").value("API_TOKEN", "Msg-Secret-0001")
    line = scrub_message("compose: invalid 'Msg-Secret-00' and tcp://u:Eng1nePw@127.0.0.1:9")
    _gone(line, "Msg-Secret-0001", "Eng1nePw")
    assert "[redacted]" in line and "tcp://u:" in line and "@127.0.0.1:9" in line
    forget_process_secrets()
    assert scrub_message("Msg-Secret-0001") == "Msg-Secret-0001"


def test_word_pieces_of_a_learned_secret_are_not_replaced_alone(r: Redactor) -> None:
    """A piece that is a plain word (``runtime-``) would mangle every text that holds the
    word (``runtime-override`` in every drift report): only telling pieces (with a digit or
    mixed case) are looked for alone; the whole value always is."""
    secret = "5550001111:AAE-runtime-secret-never-printed"
    r.value("TELEGRAM_TOKEN", secret)
    assert r.text("direction: runtime-override") == "direction: runtime-override"
    assert FP in r.text(f"token={secret}") and secret not in r.text(f"x{secret}x")
    assert "AAE-runt" not in r.text("cut: 0001111:AAE-runti")
    lower = "correct-horse-battery"
    r.value("DB_PASSWORD", lower)
    assert lower not in r.text(f"--pw={lower}")


_ALPHABET = "abcdefghijkLMNOPQRS0123456789-_"


@settings(max_examples=300, deadline=None)
@given(before=st.text(max_size=40), after=st.text(max_size=40),
       secret=st.text(alphabet=_ALPHABET, min_size=12, max_size=30).filter(
           lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s)),
       cut=st.integers(min_value=0, max_value=4))
def test_a_learned_secret_never_survives_and_scrubbing_is_idempotent(
        before: str, after: str, secret: str, cut: int) -> None:
    r = Redactor(b"property")
    r.value("API_TOKEN", secret)
    for shown in (secret, secret[cut:], secret[:len(secret) - cut]):
        out = r.text(before + shown + after)
        assert r.text(out) == out
        for i in range(len(shown) - 7):
            piece = shown[i:i + 8]
            if _telling(piece):  # a digit or mixed case: looked for on its own
                assert piece not in out, (piece, out)
    assert secret not in r.text(before + secret + after)


def _telling(piece: str) -> bool:
    return not piece.isdigit() and (any(c.isdigit() for c in piece) or (
        any(c.islower() for c in piece) and any(c.isupper() for c in piece)))


@pytest.mark.timeout(120)  # it took hours: the URL pattern tried every letter as a scheme
def test_a_megabyte_word_is_scrubbed_in_linear_time(r: Redactor) -> None:
    word = "k" * 1_000_000
    out = r.text(f"A=1 {word} see 1https://adm:Pw0rd-2x9q@db/x and ://{word}")
    _gone(out, "Pw0rd-2x9q")
    assert out.startswith(f"A=1 {word} see 1https://adm:{FP}")
    assert out.endswith(f"://{word}")


GENERATED = "J5brHrAXFLQSif0K"  # 16 characters: netbox-docker's DB_PASSWORD in the corpus


def test_a_generated_16_character_name_part_is_fingerprinted(r: Redactor) -> None:
    """Not learned from anywhere: a bind path, a volume name, an env value holding a
    generated token of 16-19 letters and digits."""
    model = {"services": {"db": {
        "volumes": [{"type": "bind", "source": f"/srv/backup/{GENERATED}", "target": "/b"},
                    {"type": "volume", "source": f"pg_{GENERATED}", "target": "/var/lib/pg"}],
        "command": ["sh", "-c", f"cp -r /data /backup/{GENERATED}x9"]}}}
    out = r.scrub(model)
    db = out["services"]["db"]
    assert db["volumes"][0]["source"].startswith("/srv/backup/" + FP)
    assert db["volumes"][1]["source"].startswith(FP)
    assert "/backup/" + FP in db["command"][2]
    _gone(str(out), GENERATED)
    assert r.mapping({"BACKUP_SUFFIX": GENERATED})["BACKUP_SUFFIX"].startswith(FP)


@pytest.mark.parametrize("kept", [
    "a1b2c3d4e5f60718",  # a 16-character hex id
    "ABCDEF0123456789ab",  # hex in either case
    "sha256:" + "0123456789abcdef" * 4,  # an image digest
    "3f2a6c1e-8b7d-4c2a-9f1e-0d6b5a4c3b2e",  # a UUID
    "0c7cxbcpjm5h3nmr",  # lower-case base32 (a store hash)
    "20261129T163629Z",  # a time stamp
    "web-7d4b9c8f6d-x2x7k",  # a generated pod-style suffix, lower case
    "Python311Runtime", "Log4jConfigLoader", "HelloWorld123456",  # words with digits
    "crypto-prod_market-data_1", "python3.11-slim",
])
def test_digests_ids_and_words_of_16_characters_stay(r: Redactor, kept: str) -> None:
    assert r.text(f"/srv/{kept}:/data") == f"/srv/{kept}:/data"
    assert r.scrub({"volumes": [{"source": kept}]}) == {"volumes": [{"source": kept}]}
