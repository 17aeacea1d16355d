"""Which keys and values are secret, and how they are replaced.

A secret value never leaves this module: callers get a keyed fingerprint
(``secret:hmac-sha256:<16 hex>``) that still lets envsync say "value differs".
The key comes from ``ENVSYNC_FINGERPRINT_KEY``, else from a key file kept outside the
snapshots folder (``~/.config/envsync/fingerprint.key``, created on first use).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets as _random
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "FINGERPRINT_PREFIX",
    "Redactor",
    "is_fingerprint",
    "is_secret_key",
    "looks_secret",
]

FINGERPRINT_PREFIX = "secret:hmac-sha256:"

_SECRET_NAME = re.compile(
    r"(TOKEN|SECRET|PASSWORD|PASSWD|PWD|API_?KEY|ACCESS_?KEY|PRIVATE|CREDENTIAL|AUTH|SIGNING|"
    r"SESSION_?KEY|SALT|COOKIE|CERT_?KEY)",
    re.IGNORECASE,
)
_URL_NAME = re.compile(r"(DSN|URL|URI|CONNECTION|CONN_?STR)", re.IGNORECASE)
_MIN_ENTROPY_LEN = 20


def is_secret_key(name: str) -> bool:
    """True when a key's name alone says it holds a secret."""
    return bool(_SECRET_NAME.search(name))


def _has_url_password(value: str) -> bool:
    if "://" not in value:
        return False
    try:
        return bool(urlsplit(value).password)
    except ValueError:
        return False


def _entropy(value: str) -> float:
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _high_entropy(value: str) -> bool:
    """A long token-like string with no spaces and mixed character classes."""
    if len(value) < _MIN_ENTROPY_LEN or any(c.isspace() for c in value):
        return False
    if value.startswith(("/", "./", "http://", "https://")) or value.count("/") > 2:
        return False
    classes = sum(
        (any(c.islower() for c in value), any(c.isupper() for c in value),
         any(c.isdigit() for c in value))
    )
    return classes >= 2 and _entropy(value) >= 4.0


def looks_secret(name: str, value: str) -> bool:
    """True when a key/value pair must be fingerprinted rather than recorded."""
    if not value:
        return False
    if is_secret_key(name):
        return True
    if _has_url_password(value):
        return True
    return _high_entropy(value)


def is_fingerprint(value: Any) -> bool:
    """True for a string produced by :meth:`Redactor.fingerprint`."""
    return isinstance(value, str) and value.startswith(FINGERPRINT_PREFIX)


def _default_key() -> bytes:
    env_key = os.environ.get("ENVSYNC_FINGERPRINT_KEY")
    if env_key:
        return env_key.encode()
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    key_file = home / "envsync" / "fingerprint.key"
    try:
        try:
            return key_file.read_bytes().strip()
        except FileNotFoundError:
            key = _random.token_hex(32).encode()
            key_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = key_file.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
            tmp.replace(key_file)
            return key
    except OSError as exc:
        from envsync.errors import StorageError, os_reason

        raise StorageError(
            f"{key_file}: cannot read or create the fingerprint key ({os_reason(exc)}); "
            "set ENVSYNC_FINGERPRINT_KEY (or XDG_CONFIG_HOME) to give one"
        ) from None


class Redactor:
    """Replaces secret values by fingerprints and remembers them, to scrub any text.

    One redactor is used for a whole capture: every secret it has seen is also
    removed from free text (commands, labels, compose's resolved model) by :meth:`scrub`.
    """

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key if key is not None else _default_key()
        self._seen: dict[str, str] = {}

    def fingerprint(self, value: str) -> str:
        """The keyed, truncated fingerprint of a value; equal values give equal prints."""
        digest = hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()[:16]
        return FINGERPRINT_PREFIX + digest

    def value(self, name: str, value: str | None) -> str | None:
        """The value to record for ``name``: itself, or its fingerprint when secret."""
        if value is None:
            return None
        if looks_secret(name, value):
            fp = self.fingerprint(value)
            self._seen[value] = fp
            return fp
        return value

    def mapping(self, items: Mapping[str, str | None]) -> dict[str, str | None]:
        """A copy of an env mapping with every secret value fingerprinted."""
        return {k: self.value(k, v) for k, v in items.items()}

    def env_list(self, items: Iterable[str]) -> list[str]:
        """Docker's ``KEY=value`` list with secret values fingerprinted."""
        out = []
        for item in items:
            key, sep, val = item.partition("=")
            out.append(f"{key}={self.value(key, val)}" if sep else item)
        return out

    def learn(self, value: str) -> None:
        """Remember a value as secret without recording it anywhere."""
        if value:
            self._seen[value] = self.fingerprint(value)

    def scrub(self, data: Any) -> Any:
        """A deep copy of ``data`` in which no known secret value survives."""
        if not self._seen:
            return data
        return self._scrub(data)

    def _scrub(self, data: Any) -> Any:
        if isinstance(data, str):
            fp = self._seen.get(data)
            if fp is not None:
                return fp
            for secret, fp in self._seen.items():
                if len(secret) >= 4 and secret in data:
                    data = data.replace(secret, fp)
            return data
        if isinstance(data, dict):
            return {self._scrub(k): self._scrub(v) for k, v in data.items()}
        if isinstance(data, list):
            return [self._scrub(v) for v in data]
        return data
