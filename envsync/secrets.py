"""Which keys and values are secret, and how they are replaced.

A secret value never leaves this module: callers get a keyed fingerprint
(``secret:hmac-sha256:<16 hex>``) that still lets envsync say "value differs".
The key comes from ``ENVSYNC_FINGERPRINT_KEY`` (an empty one counts as unset), else from a
key file kept outside the snapshots folder (``~/.config/envsync/fingerprint.key``, created
on first use; an empty or unreadable one is refused rather than used).

Secrets inside free text (commands, labels, error messages) are found by
:mod:`envsync.freetext`. Every value a redactor learns is also remembered for this process,
so that error messages and warnings (:func:`scrub_message`) are scrubbed of it too.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from envsync.errors import StorageError, os_reason
from envsync.freetext import MESSAGE_MARK, Learned, TextScrubber, high_entropy, is_digest, is_secret_name

__all__ = [
    "FINGERPRINT_PREFIX",
    "Redactor",
    "contains_fingerprint",
    "forget_process_secrets",
    "is_fingerprint",
    "is_secret_key",
    "learn_secret",
    "looks_secret",
    "scrub_document",
    "scrub_message",
    "vouch_scrubbed",
]

FINGERPRINT_PREFIX = "secret:hmac-sha256:"
_PROCESS = Learned()
_MESSAGES = TextScrubber(lambda _: MESSAGE_MARK, [_PROCESS])


def is_secret_key(name: str) -> bool:
    """True when a key's name alone says it holds a secret."""
    return is_secret_name(name)


def _has_url_password(value: str) -> bool:
    if "://" not in value:
        return False
    try:
        return bool(urlsplit(value).password)
    except ValueError:
        return False


def looks_secret(name: str, value: str) -> bool:
    """True when a key/value pair must be fingerprinted rather than recorded. An image id or
    digest (``sha256:<hex>``) never is, whatever its key: it names an image, and is compared
    and sent to the engine (a bare hex value under a secret name, ``SECRET_KEY``, still is)."""
    if not value or is_digest(value):
        return False
    if is_secret_key(name):
        return True
    if _has_url_password(value):
        return True
    return high_entropy(value)


def is_fingerprint(value: Any) -> bool:
    """True for a string produced by :meth:`Redactor.fingerprint`."""
    return isinstance(value, str) and value.startswith(FINGERPRINT_PREFIX)


def contains_fingerprint(value: Any) -> bool:
    """True for a string that holds a fingerprint anywhere (a scrubbed command, a URL)."""
    return isinstance(value, str) and FINGERPRINT_PREFIX in value


def scrub_message(text: str) -> str:
    """A message with every secret this process has learned, and every secret-looking
    part (URL passwords, ``--token x``, …), replaced by ``<redacted>``."""
    return _MESSAGES.text(text)


def scrub_document(data: Any) -> Any:
    """A JSON-shaped document (a report) with every secret replaced as :func:`scrub_message`
    would replace it in the document's JSON text, string by string (see
    :meth:`envsync.freetext.TextScrubber.document`)."""
    return _MESSAGES.document(data)


def vouch_scrubbed(text: str) -> None:
    """``text`` is the JSON text of a :func:`scrub_document`: :func:`scrub_message` (and so
    the scrubbed stdout it is written to) takes it as it is, until a new secret is learned."""
    _MESSAGES.vouch(text)


def learn_secret(value: str) -> None:
    """Remember ``value`` as a secret for the rest of the run: every message and every
    output line is scrubbed of it (an inventory's ``ansible_password``)."""
    _MESSAGES.learn(value)


def forget_process_secrets() -> None:
    """Start a new command with nothing learned (in-process test runs share one process)."""
    _PROCESS.clear()


def _default_key() -> bytes:
    env_key = os.environ.get("ENVSYNC_FINGERPRINT_KEY", "").strip()
    if env_key:
        return env_key.encode()
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    key_file = home / "envsync" / "fingerprint.key"
    from envsync.files import KEY_FILE_LIMIT, read_bytes_bounded

    if not key_file.exists() and not key_file.is_symlink():
        return _new_key(key_file)
    try:
        key = read_bytes_bounded(key_file, KEY_FILE_LIMIT, "fingerprint key file",
                                 StorageError).strip()
    except StorageError as exc:  # unreadable, a folder or device, or too large
        reason = str(exc).removeprefix(f"{key_file}: ")
        raise StorageError(f"{key_file}: cannot read or create the fingerprint key ({reason}); "
                           "set ENVSYNC_FINGERPRINT_KEY (or XDG_CONFIG_HOME) to give one") \
            from None
    if not key:
        # An empty key would make every fingerprint guessable: refuse, never use it.
        raise StorageError(f"{key_file}: the fingerprint key file is empty; put a key in it "
                           "(or remove it to have one made, which changes every fingerprint)")
    return key


def _new_key(key_file: Path) -> bytes:
    """Make the key file, once: processes that start together on a fresh machine must all
    use one key (else their fingerprints of one value differ). The key is written whole to
    a temp file, then hard-linked to the key file's name, which fails when another process
    got there first: that one's key is read and used instead."""
    # Here, not at the top: most commands print, and so scrub, without making a key.
    import secrets
    import tempfile

    key = secrets.token_hex(32).encode()
    tmp: Path | None = None
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".fingerprint.", suffix=".tmp",
                                        dir=key_file.parent)  # mode 0600
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, key_file)
        except FileExistsError:  # another process made it first: use theirs
            from envsync.files import KEY_FILE_LIMIT, read_bytes_bounded

            key = read_bytes_bounded(key_file, KEY_FILE_LIMIT, "fingerprint key file",
                                     StorageError).strip()
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            tmp.replace(key_file)  # no hard links on this file system: last one wins
    except OSError as exc:
        raise StorageError(
            f"{key_file}: cannot read or create the fingerprint key ({os_reason(exc)}); "
            "set ENVSYNC_FINGERPRINT_KEY (or XDG_CONFIG_HOME) to give one") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return key


class Redactor:
    """Replaces secret values by fingerprints and remembers them, to scrub any text.

    One redactor is used for a whole capture: every secret it has seen, or found inside
    free text, is also removed from every other string by :meth:`scrub`.
    """

    def __init__(self, key: bytes | None = None) -> None:
        # Here, not at the top: scrubbing what a command prints needs no hashing.
        import hashlib
        import hmac

        self._hmac, self._sha256 = hmac.new, hashlib.sha256
        self._key = key if key is not None else _default_key()
        self._learned = Learned()
        self._text = TextScrubber(self.fingerprint, [self._learned], also=[_PROCESS])

    def fingerprint(self, value: str) -> str:
        """The keyed, truncated fingerprint of a value; equal values give equal prints."""
        digest = self._hmac(self._key, value.encode(), self._sha256).hexdigest()[:16]
        return FINGERPRINT_PREFIX + digest

    def value(self, name: str, value: str | None) -> str | None:
        """The value to record for ``name``: itself, or its fingerprint when secret.
        A value that is not secret as a whole may still hold one (``sh -c 'TOKEN=…'``)."""
        if value is None:
            return None
        if is_fingerprint(value):
            return value
        if looks_secret(name, value):
            self._text.learn(value)
            return self.fingerprint(value)
        return self._text.text(value)

    def mapping(self, items: Mapping[str, str | None]) -> dict[str, str | None]:
        """A copy of an env mapping with every secret value fingerprinted."""
        return {k: self.value(k, v) for k, v in items.items()}

    def text(self, text: str) -> str:
        """Free text with every secret in it replaced by its fingerprint, in place."""
        return self._text.text(text)

    def args(self, args: list[str]) -> list[str]:
        """An argument list (``command``, ``healthcheck.test``) scrubbed like free text,
        and the element after ``--password``-style options replaced whole."""
        return self._text.args(args)

    def scrub(self, data: Any) -> Any:
        """A deep copy of ``data`` in which no secret survives: every string is scrubbed as
        free text, every list of strings as an argument list, every key of learned values.
        Repeated while a pass learns new secrets, so the order of the parts does not matter."""
        while True:
            before = self._learned.version
            out = self._scrub(data)
            if self._learned.version == before:
                return out

    def _scrub(self, data: Any) -> Any:
        if isinstance(data, str):
            return self._text.text(data)
        if isinstance(data, dict):
            # A string under a secret-looking key (a label ``TOKEN=…``, ``password:`` in an
            # ``x-`` block or a config) is secret whole, as an env value would be.
            return {self._key_text(k): self.value(k, v)
                    if isinstance(v, str) and isinstance(k, str) and is_secret_key(k)
                    else self._scrub(v) for k, v in data.items()}
        if isinstance(data, list):
            if data and all(isinstance(v, str) for v in data):
                return self._text.args(data)
            return [self._scrub(v) for v in data]
        return data

    def _key_text(self, key: Any) -> Any:
        # A mapping key is a name (env key, label key, service): only a learned value or a
        # vendor token format is replaced there, never a guess, so the structure stays
        # comparable.
        return self._text.name(key) if isinstance(key, str) else key
