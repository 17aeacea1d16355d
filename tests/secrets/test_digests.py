"""An image id or digest (``sha256:<hex>``) is an identifier, never a secret: scrubbing one
(an image's label naming its base image, as scripts/build-images writes) made the
fingerprinted id replace every image id it appeared in, and `docker save` of a deploy's
restore point failed on ``secret:hmac-sha256:…``."""

from __future__ import annotations

import hashlib

import pytest

from envsync.freetext import high_entropy
from envsync.secrets import FINGERPRINT_PREFIX, Redactor, looks_secret

DIGEST = "sha256:" + hashlib.sha256(b"envsync/python-base:3.11").hexdigest()


@pytest.mark.parametrize("value", [DIGEST, DIGEST.upper().replace("SHA256", "sha256"),
                                   "sha512:" + hashlib.sha512(b"x").hexdigest()])
def test_a_digest_is_not_high_entropy(value: str) -> None:
    assert not high_entropy(value)
    assert not looks_secret("envsync.base", value)


def test_a_digest_is_no_secret_under_any_name_but_tokens_still_count() -> None:
    assert not looks_secret("API_TOKEN", DIGEST)
    assert not looks_secret("app.signing-key", DIGEST)
    # bare hex under a secret name is a secret (SECRET_KEY=$(openssl rand -hex 32))
    assert looks_secret("SECRET_KEY", DIGEST.removeprefix("sha256:"))
    for short in (DIGEST[7:19], DIGEST[:19]):  # docker's short id, with and without prefix
        assert not looks_secret("envsync.base", short)
    assert high_entropy("sha256:Zx9" + "aB3kQ7mP2vL8nR4tW6yU1" * 2)


def test_a_learned_value_never_cuts_an_image_id() -> None:
    """A container record whose labels hold its own base image's id (under a plain key,
    under a secret-looking key, bare under a secret-looking key): the record's image_id,
    which backup and deploy compare and hand to the engine, stays whole."""
    redactor = Redactor(key=b"test-key")
    bare = DIGEST.removeprefix("sha256:")
    record = {"image": "envsync/python-base:3.11", "image_id": DIGEST,
              "labels": {"envsync.base": DIGEST, "build.signing-key": DIGEST,
                         "build.base-key": bare},
              "command": ["sh", "-c", f"echo {DIGEST} --token {bare}"]}
    out = redactor.scrub(record)
    assert out["image_id"] == DIGEST
    assert out["labels"]["envsync.base"] == out["labels"]["build.signing-key"] == DIGEST
    assert out["labels"]["build.base-key"].startswith(FINGERPRINT_PREFIX)
    assert f"echo {DIGEST} --token {FINGERPRINT_PREFIX}" in out["command"][2]
    assert redactor.text(f"{bare} image@{DIGEST}") == \
        f"{redactor.fingerprint(bare)} image@{DIGEST}"
