"""An image id or digest (``sha256:<hex>``) is an identifier, never a secret: scrubbing one
(an image's label naming its base image, as scripts/build-images writes) made the
fingerprinted id replace every image id it appeared in, and `docker save` of a deploy's
restore point failed on ``secret:hmac-sha256:…``."""

from __future__ import annotations

import hashlib

import pytest

from envsync.freetext import high_entropy
from envsync.secrets import looks_secret

DIGEST = "sha256:" + hashlib.sha256(b"envsync/python-base:3.11").hexdigest()


@pytest.mark.parametrize("value", [DIGEST, DIGEST.upper().replace("SHA256", "sha256"),
                                   "sha512:" + hashlib.sha512(b"x").hexdigest()])
def test_a_digest_is_not_high_entropy(value: str) -> None:
    assert not high_entropy(value)
    assert not looks_secret("envsync.base", value)


def test_a_secret_name_still_wins_and_tokens_still_count() -> None:
    assert looks_secret("API_TOKEN", DIGEST)
    assert high_entropy("sha256:Zx9" + "aB3kQ7mP2vL8nR4tW6yU1" * 2)
