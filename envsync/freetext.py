"""Secrets inside free text: found and replaced in place, the rest left readable.

Free text is every string envsync records or prints that is not a plain ``KEY=value``:
a compose ``command`` or ``healthcheck.test``, a label, a running container's arguments,
an error message from compose, docker or git. :class:`TextScrubber` replaces

- every learned secret value (from env files, container env, …), also trimmed, quoted or
  cut: any piece of 8 or more characters of one is replaced;
- a URL's password (``postgres://adm:PW@db/x``);
- the value of a secret-looking option: ``--password=PW``, ``--token PW``, ``-p PW``
  (not a port or a path), ``redis-cli -a PW``; in an argument list, the element after it;
- ``Bearer X`` / ``Basic X`` credentials and ``Authorization:`` headers;
- ``KEY=value`` where KEY looks secret (``sh -c 'export TOKEN=…; …'``);
- well-known token formats (JWT, AWS, GitHub, GitLab, Slack, Stripe, Telegram, private keys)
  and long high-entropy tokens.

Why not detect-secrets (1.5.0, evaluated on this project's strings): its line plugins miss
the argument forms above (``--password=x``, ``--token x``, unquoted ``KEY=value``,
``Bearer x``), its entropy plugins need quotes or, in its ad-hoc mode, flag every word
(``redis-server``, ``--maxmemory``) and every sha256 digest, and a full scan costs 1.4 ms
per string (265 µs for its 25 non-entropy plugins alone, 0.25 s to import) where a snapshot
scrubs thousands of strings; these patterns cost a few µs. Its vendor-token regexes are
the source of the few formats kept here.

What must stay intact, because drift compares it: hex digests (image ids, config hashes,
git shas, ``sha256:…``), paths, image references and ``${VAR}`` references.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["DIGEST", "FINGERPRINT_RE", "MESSAGE_MARK", "Learned", "TextScrubber", "entropy",
           "high_entropy", "is_digest", "is_secret_name", "learnable_parts"]

class _Pattern:
    """A regular expression compiled the first time it is used. Most texts hold nothing
    the patterns of secrets in arguments, URLs and headers start with (``_TRIGGER`` says so
    first): compiling them all costs about 3 ms, on every command that prints."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def re(self) -> re.Pattern[str]:
        if self._compiled is None:  # two threads may both compile it: the same pattern
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled


MESSAGE_MARK = "[redacted]"
"""What replaces a secret in a one-line message (printing an error needs no key)."""

FINGERPRINT_RE = re.compile(r"secret:hmac-sha256:[0-9a-f]{16}")
"""A fingerprint already in a text: never scrubbed again (scrubbing is idempotent)."""

SECRET_NAME = re.compile(
    r"(TOKEN|SECRET|PASSWORD|PASSWD|PWD|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE|PRIVKEY|CREDENTIAL|"
    r"AUTH|SIGNING|SESSION[_-]?KEY|SALT|COOKIE|CERT[_-]?KEY|PASSPHRASE|"
    r"(?:^|[_.-])(?:PASS|PW)(?:[_.-]|$)|[_.-]KEY$)",
    re.IGNORECASE,
)
"""Names that hold a secret. ``-`` counts as ``_`` (``X-API-KEY`` in an env file, an HTTP
header); a name ending in ``_KEY`` (``ENCRYPTION_KEY``, ``MASTER_KEY``) is a key."""
FRAGMENT = 8
"""Pieces of a learned secret this long or longer are replaced wherever they appear."""
_MIN_WHOLE = 6
"""Shorter learned values are not searched for in free text: too many false hits."""
_KEPT_LIMIT = 1 << 18
"""Most answers :class:`TextScrubber` keeps across learned secrets (about 100 MB)."""
_MIN_ENTROPY_LEN = 20
_MIN_SHORT_TOKEN = 16
"""Shorter generated tokens (16-19) count only when they mix cases and digits."""
_ALNUM = re.compile(r"[A-Za-z0-9]+")
_WORDISH = re.compile(r"[a-z]{5}")
_SEPARATORS_RE = re.compile(r"[._-]+")
_TRIVIAL = {"true", "false", "yes", "no", "on", "off", "none", "null", "nil", "change_me",
            "changeme", "default", "disabled", "enabled", "required", "optional"}

# The password runs to the last ``@`` before the host, as URL parsers read it
# (``postgres://u:p@ss@word@db/x``: a password holding an unencoded ``@``). The scheme is
# tried only where a run of scheme characters starts (the look-behind), and taken whole
# (possessive): tried at every letter of a long word, it took minutes for a 100 kB one.
_URL_PASSWORD = _Pattern(
    r"(?<![A-Za-z0-9+.-])(?P<head>[A-Za-z0-9+.-]++://[^:@/\s'\"]*:)(?P<val>[^/\s'\"]+)"
    r"(?=@[^@/\s'\"]*(?:[/?#\s'\"]|$))")
_OPTION = _Pattern(
    r"(?<![^\s'\"(])(?P<head>(?P<flag>--?[A-Za-z][\w.-]*)(?:=|[ \t]+))"
    r"(?P<val>\"[^\"]*\"|'[^']*'|[^\s'\";&|]+)")
# ``user:password@registry/name``: an image reference (or rsync/scp target) carrying a
# password without a scheme. The host must be followed by ``/`` so that ``name:tag@sha256:…``
# (a tag and a digest) never matches.
_USERINFO = _Pattern(
    r"(?<![\w.:/@-])(?P<head>[\w.-]+:)(?P<val>[^@/\s'\":]+)(?=@[\w.-]+(?::\d+)?/)")
# ``curl -u user:PW``, ``--user user:PW``: the part after the colon (``-u 1000:1000``, a
# uid:gid, has digits there and is left alone).
_USER_OPTION = _Pattern(
    r"(?<![^\s'\"])(?P<head>(?:-u|--user|--proxy-user)(?:=|[ \t]+)['\"]?[^\s:'\"]+:)"
    r"(?P<val>(?!\d+(?:['\"\s]|$))[^\s'\"]{4,})")
_REDIS_CLI = _Pattern(r"(?P<head>\bredis-cli\b[^;&|\n]*?\s-a\s+)(?P<val>[^\s'\";&|]+)")
# ``mysql -uroot -pPASSWORD``: the MySQL clients take the password glued to ``-p``.
_MYSQLISH = _Pattern(r"(?:mysql\w*|mariadb\w*)")
_MYSQL_P = _Pattern(
    r"(?P<head>\b(?:mysql\w*|mariadb\w*)\b[^;&|\n]*?(?<![^\s'\"])-p)(?P<val>[^\s'\";&|]+)")
_BEARER = _Pattern(r"(?P<head>\b(?:Bearer|Basic)[ \t]+)(?P<val>[A-Za-z0-9._~+/=-]{6,})",
                     re.IGNORECASE)
_AUTH_HEADER = _Pattern(
    r"(?P<head>\b(?:Proxy-)?Authorization:[ \t]*(?:[A-Za-z]+[ \t]+)?+)(?P<val>[^\s'\";&|]+)",
    re.IGNORECASE)
_HEADER = _Pattern(
    r"(?P<head>\bX-[\w-]*(?:token|key|secret|auth|password)[\w-]*:[ \t]*)(?P<val>[^\s'\";&|]+)",
    re.IGNORECASE)
# ``"password": "…"`` (JSON, a dict printed by Python) and ``token: …`` (YAML, a header
# without ``X-``: ``apikey: …``), where the name looks secret.
_KEYED = _Pattern(
    r"(?<![\w.-])(?<!\$\{)(?P<head>(?P<q>[\"']?)(?P<key>[A-Za-z_][\w.-]*)(?P=q)[ \t]*:[ \t]*)"
    r"(?P<val>\"[^\"]*\"|'[^']*'|\$\{[^}]*\}|[^\s'\",;&|}\]]+)")
_ASSIGNMENT = _Pattern(
    r"(?<![\w.-])(?P<head>(?P<key>[A-Za-z_][A-Za-z0-9_]*)=)(?P<val>\"[^\"]*\"|'[^']*'|[^\s'\";&|]+)")
# Vendor formats, after detect-secrets' plugins (aws, github_token, gitlab_token, slack,
# stripe, telegram_token, jwt, private_key, openai).
_VENDOR = _Pattern("|".join((
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
    r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*",
    r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b",
    r"\bgh[pousr]_[A-Za-z0-9]{30,}\b",
    r"\bgithub_pat_[A-Za-z0-9_]{22,}\b",
    r"\bglpat-[A-Za-z0-9_-]{20,}\b",
    r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b",
    r"\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,}\b",
    r"\b\d{8,10}:AA[0-9A-Za-z_-]{32,33}\b",
    r"\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b",
    r"\bhttps://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}",
    r"\bhttps://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d+/[\w-]+",
)))
_VENDOR_HINT = re.compile(r"-----BEGIN |eyJ|AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox"
                          r"|rk_|sk_|:AA|sk-|hooks\.slack\.com/|discord")
"""A piece every ``_VENDOR`` format holds: searching for it costs a twentieth of running
``_VENDOR``, whose twelve alternatives are tried at every position of a text (3.5 ms for a
5 kB report, scrubbed twice on its way out). Every alternative starts with a plain
character (``rk_|sk_``, not ``[rs]k_``), so the engine skips to where one of those is:
three times faster."""
_TRIGGER = re.compile(
    r"://|=|(?<!\S)-|bearer|basic|authorization|x-|eyJ|AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat"
    r"|glpat-|xox|[rs]k_|sk-|\d:AA|PRIVATE KEY|:[^\s@/]+@|:[ \t\"']|[\"']:", re.IGNORECASE)
"""Something one of the patterns above starts with (a fast way to skip the others)."""
_TRIGGER_WORDS = re.compile(
    r"://|=|bearer|basic|authorization|x-|eyj|akia|asia|abia|acca|github_pat|glpat-|xox|rk_|sk_"
    r"|sk-|private key")
_SPACE_DASH = re.compile(r"\s-")
_GH = re.compile(r"gh[pousr]_")
_COLON = re.compile(r"\d:aa|:[^\s@/]+@|:[ \t\"']|[\"']:")


def _triggered(text: str) -> bool:
    """``_TRIGGER.search(text)``, four times faster on ASCII text: its words looked for
    in the text lower-cased (one scan of literal words, which the regex engine does
    quickly), and each of its other parts only where the character it needs is."""
    if not text.isascii():  # the long s (U+017F) matches s when case is ignored
        return _TRIGGER.search(text) is not None
    low = text.lower()
    if _TRIGGER_WORDS.search(low):
        return True
    if "-" in low and (low[0] == "-" or _SPACE_DASH.search(low)):  # (?<!\S)-
        return True
    if "gh" in low and _GH.search(low):
        return True
    return ":" in low and _COLON.search(low) is not None


_TOKEN = re.compile(r"[^\s=,;'\"()\[\]{}<>|&@:/\\`]+")
_LONG_TOKEN = re.compile(
    rf"(?<!{_TOKEN.pattern[:-1]}){_TOKEN.pattern[:-1]}{{{_MIN_SHORT_TOKEN},}}")
"""A whole :data:`_TOKEN` of at least ``_MIN_SHORT_TOKEN`` characters (not preceded by a
token character: it starts where the token starts)."""
_SPACE = re.compile(r"\s")
# Hex, alone or as a digest (``sha256:<hex>``: an image id, an image's label naming its base).
_HEX = re.compile(r"(?:sha(?:1|256|384|512):)?[0-9a-fA-F-]+")
# An image id or content digest as the engine writes it (``sha256:`` and 64 hex, or the
# longer sha384/sha512 ones): an identifier by its form, never a secret, never learned, and
# never cut by a learned piece, whatever key holds it (scripts/build-images labels an image
# with its base's id; a fingerprint in its place once reached `docker save`).
DIGEST = re.compile(r"sha(?:256|384|512):[0-9a-fA-F]{64,128}")
_STAMP = re.compile(r"\d{8}T\d{4,6}Z?|\d{4}-?\d{2}-?\d{2}")
_PORTISH = _Pattern(r"[\d.]*:?\d+(?:[:-]\d+)*(?:/(?:tcp|udp|sctp))?")
_VAR_REF = re.compile(r"\$(?:\{[^}]*\}|\w+)")
_EXTRA_SECRET_FLAGS = {"pass", "pw", "p"}
_NOT_SECRET_WORDS = {"token", "auth", "header", "realm", "credentials", "required", "invalid",
                     "bearer", "basic", "digest"}


_SECRET_WORDS = ("token", "secret", "pwd", "private", "privkey", "credential", "auth",
                 "signing", "salt", "cookie", "pass", "pw")
_SECRET_KEY_WORD = re.compile(r"[_.-]key|api[_-]?key|access[_-]?key|session[_-]?key|cert[_-]?key")
_SECRET_WORD_ANY_CASE = re.compile("|".join(_SECRET_WORDS) + "|" + _SECRET_KEY_WORD.pattern,
                                   re.IGNORECASE)
""":data:`SECRET_NAME` without its anchors (``^``, ``$``, the ``_`` around ``PASS``): a text
none of whose parts :data:`SECRET_NAME` matches holds none of these."""
_OPTION_START = re.compile(r"[\s'\"(]-")


def _may_name_secret(text: str) -> bool:
    """False when no part of ``text`` can be a secret-looking name (so no ``KEY=value`` or
    ``key: value`` in it is secret). On ASCII text the words are looked for in the text
    lower-cased, with ``in`` (a regex of twenty words took 4 µs for a 70-character message)."""
    if not text.isascii():
        return _SECRET_WORD_ANY_CASE.search(text) is not None
    low = text.lower()
    for word in _SECRET_WORDS:
        if word in low:
            return True
    return "key" in low and _SECRET_KEY_WORD.search(low) is not None


@functools.lru_cache(maxsize=16384)
def is_secret_name(name: str) -> bool:
    """True when a key's or option's name alone says it holds a secret. Remembered: a
    snapshot asks it of the same fifty env keys in each of its services."""
    return bool(SECRET_NAME.search(name))


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def high_entropy(value: str) -> bool:
    """A long token-like string with no spaces and mixed character classes.

    Hex strings (digests, ids, shas, UUIDs) are never counted: drift compares them, and
    a secret written in hex is still caught by its name, its option or its value.
    """
    if len(value) < _MIN_SHORT_TOKEN:
        return False
    runs = _SEPARATORS_RE.split(value)
    if max(map(len, runs)) < 12:  # too short for _short_token (16) and for _token_run (12)
        return False
    if any(_short_token(run) for run in runs):
        return True  # ``db_aZ3kP9qLm2Xv8RtY``: a generated 16-19 character part
    if len(value) < _MIN_ENTROPY_LEN or _SPACE.search(value):
        return False
    if value.startswith(("/", "./", "http://", "https://")) or value.count("/") > 2:
        return False
    if _HEX.fullmatch(value):
        return False
    # Names joined by dots, dashes or underscores (``services.app.environment.S3_KEY``,
    # ``python3.11-slim``) and time stamps (``crash-20261129T163629Z-1.log``) are not
    # tokens: one long run of letters and digits mixed is.
    if not any(_token_run(run) for run in runs):
        return False
    classes = sum(
        (any(c.islower() for c in value), any(c.isupper() for c in value),
         any(c.isdigit() for c in value))
    )
    return classes >= 2 and entropy(value) >= 4.0


def _short_token(value: str) -> bool:
    """A 16-19 character token of letters and digits that looks generated: both cases and
    a digit (a digest is hex or lower-case base32, a time stamp has no lower case), no
    lower-case run of 5 or more (``Python311Runtime``, ``Log4jConfigLoader`` are words),
    frequent switches between lower, upper and digit, and the entropy of random text. The
    corpus's one such value is a password (netbox-docker's ``DB_PASSWORD``); a bind path or
    volume name holding one is fingerprinted as a longer token would be."""
    if not _MIN_SHORT_TOKEN <= len(value) < _MIN_ENTROPY_LEN or not _ALNUM.fullmatch(value):
        return False
    classes = [0 if c.islower() else 1 if c.isupper() else 2 for c in value]
    if len(set(classes)) < 3 or _HEX.fullmatch(value) or _WORDISH.search(value):
        return False
    # Generated text switches between lower, upper and digit at about 2 of 3 characters;
    # a name (``HelloWorld123456``) at its word boundaries only.
    switches = sum(a != b for a, b in itertools.pairwise(classes))
    return switches >= 6 and entropy(value) >= 3.5


def _token_run(run: str) -> bool:
    if len(run) < 12 or _STAMP.fullmatch(run) or _HEX.fullmatch(run):
        return False  # a time stamp, or hex: a digest, an id (``<image id>.tar``)
    digits = sum(c.isdigit() for c in run)
    return digits >= 1 and len(run) - digits >= 3 and entropy(run) >= 3.5


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _plain(value: str) -> bool:
    """True for values that are references or paths, never secrets themselves."""
    v = _unquote(value)
    return (not v or v.startswith(("/", "./", "../", "~/")) or bool(_VAR_REF.fullmatch(v))
            or bool(FINGERPRINT_RE.search(v)) or MESSAGE_MARK in v or v.lower() in _TRIVIAL
            or is_digest(v))


def is_digest(value: str) -> bool:
    """True for an image id or digest (``sha256:<64 hex>``): an identifier, never a secret."""
    return bool(DIGEST.fullmatch(value))


def learnable_parts(value: str) -> list[str]:
    """The parts of a secret value to look for in free text (none for placeholders,
    references, paths and URLs without a password; only the password of a URL)."""
    from urllib.parse import urlsplit

    v = _unquote(value.strip())
    if "://" in v:
        try:
            password = urlsplit(v).password
        except ValueError:
            password = None
        return [password] if password and len(password) >= 4 else []
    if _plain(v) or len(v) < 4 or (v.isdigit() and len(v) < FRAGMENT):
        return []
    return [v]


def _telling(piece: str) -> bool:
    """True for a piece of a secret that is worth looking for alone: not digits only
    (timestamps, sizes), not a lower- or upper-case word (``runtime-``, ``API_TOKE``),
    which every text is full of; the whole value is still looked for."""
    if piece.isdigit():
        return False
    has_digit = any(c.isdigit() for c in piece)
    return has_digit or (any(c.islower() for c in piece) and any(c.isupper() for c in piece))


class Learned:
    """Secret values to look for in text, with an index of their 8-character pieces."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.values: set[str] = set()
        self.grams: set[str] = set()
        self.whole: dict[str, re.Pattern[str]] = {}
        """Values also looked for whole: short ones (< 8) and digits-only ones as words,
        and those with a piece that is not telling, anywhere."""
        self.touched: dict[str, int] = {}
        """Every 8-character piece of every value (telling or not), with the version of the
        last value that holds it: a text none of whose 8-character windows is here holds no
        learned value of 8 or more characters, whole or in pieces (:meth:`spans` then skips
        the whole values), and one whose windows all have older versions is scrubbed as it
        was at that version (:meth:`unchanged_since`)."""
        self.short: dict[str, int] = {}
        """Whole values of 6-7 characters, with the version they were learned at."""
        self.version = 0
        self.cleared = 0
        """The version :meth:`clear` last made: answers older than it are stale."""

    def add(self, value: str) -> None:
        """Remember ``value`` (and its pieces) if it is worth looking for."""
        for part in learnable_parts(value):
            if part in self.values:
                continue
            with self._lock:
                self.values.add(part)
                pieces = [part[i:i + FRAGMENT] for i in range(len(part) - FRAGMENT + 1)]
                telling = [g for g in pieces if _telling(g)]
                self.grams.update(telling)
                self.version += 1
                for piece in pieces:
                    self.touched[piece] = self.version
                if len(part) < FRAGMENT:
                    self.short[part] = self.version
                if len(part) >= _MIN_WHOLE and (len(telling) < len(pieces) or not pieces
                                                or part.isdigit()):
                    word = len(part) < FRAGMENT or part.isdigit()
                    self.whole[part] = re.compile(
                        rf"(?<![\w-]){re.escape(part)}(?![\w-])" if word else re.escape(part))

    def clear(self) -> None:
        with self._lock:
            self.values.clear()
            self.grams.clear()
            self.whole.clear()
            self.touched.clear()
            self.short.clear()
            self.version += 1
            self.cleared = self.version

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where learned secrets (whole, or any piece of ≥ 8 characters) sit in ``text``."""
        found: list[tuple[int, int]] = []
        # The whole values are searched for only when a window of the text is a piece of
        # some value (or a 6-7 character one): with hundreds learned, trying each of them
        # on every string of a snapshot was most of a capture's scrubbing time.
        near = False
        if self.touched and len(text) >= FRAGMENT:
            grams, touched = self.grams, self.touched
            start = end = -1
            for i in range(len(text) - FRAGMENT + 1):
                window = text[i:i + FRAGMENT]
                if window in touched:
                    near = True
                    if window in grams:
                        if i > end:
                            if end > start:
                                found.append((start, end))
                            start = i
                        end = i + FRAGMENT
            if end > start >= 0:
                found.append((start, end))
        if not near and self.short:
            near = any(value in text for value in tuple(self.short))
        if near:
            for value, pattern in tuple(self.whole.items()):
                if value in text:
                    found += [(m.start(), m.end()) for m in pattern.finditer(text)]
        return found

    def unchanged_since(self, version: int, text: str) -> bool:
        """True when no value learned after ``version`` can be found in ``text`` (whole or
        by a piece): :meth:`spans` of ``text`` is what it was then."""
        if version == self.version:
            return True
        if version < self.cleared:
            return False
        touched = self.touched
        for i in range(len(text) - FRAGMENT + 1):
            if touched.get(text[i:i + FRAGMENT], 0) > version:
                return False
        return not any(learned > version and value in text
                       for value, learned in tuple(self.short.items()))


class TextScrubber:
    """Replaces secrets in free text by ``mark(secret)``; learns those it finds by pattern.

    Secrets are looked for from ``learned``; what is found is also added to ``also``
    (the process-wide set that error messages are scrubbed with).
    """

    def __init__(self, mark: Callable[[str], str], learned: Iterable[Learned],
                 also: Iterable[Learned] = ()) -> None:
        self._mark = mark
        self._learned = list(learned)
        self._also = list(also)
        self._memo: dict[str, str] = {}
        self._memo_version = -1
        # Answers kept across newly learned secrets: (answer, the text the learned values
        # were looked for in, the version then). Still right while no value learned since
        # can be found in that text (Learned.unchanged_since): a capture learns a password
        # per service, and scrubbing its 10,000 strings again after each was most of its cost.
        self._kept: dict[str, tuple[str, str, int]] = {}
        self._kept_names: dict[str, tuple[str, str, int]] = {}

    def _version(self) -> int:
        if len(self._learned) == 1:
            return self._learned[0].version
        return sum(store.version for store in self._learned)

    def learn(self, value: str) -> None:
        """Remember ``value`` as secret in every store of this scrubber."""
        for store in self._learned + self._also:
            store.add(value)

    def text(self, text: str) -> str:
        """``text`` with every secret replaced in place; idempotent."""
        version = self._version()
        if version != self._memo_version:
            self._memo.clear()
            self._memo_version = version
        hit = self._memo.get(text)
        if hit is not None:
            return hit
        kept = self._kept.get(text)
        if kept is not None and self._unchanged(self._kept, text, kept):
            out = kept[0]
        else:
            out = self._scrub_text(text)
        if self._version() != version:  # found new secrets: earlier answers may be stale
            self._memo.clear()
            self._memo_version = self._version()
        self._memo[text] = out
        # Scrubbing is idempotent: the text scrubbed is its own answer. A report is scrubbed
        # when rendered and again, whole, by the scrubbed stdout it is written to.
        self._memo.setdefault(out, out)
        return out

    def _scrub_text(self, text: str) -> str:
        # Patterns first: a learned piece replaced inside a token would cut it, and
        # leave the token's other end to be seen. Most strings (names, numbers, paths)
        # hold nothing any pattern starts with: they skip the patterns.
        out = text
        if _triggered(text):
            for stage in (self._vendor, self._urls, self._options, self._headers,
                          self._assignments):
                out = _outside_fingerprints(out, stage)
        searched, version = out, self._version()
        if len(text) >= _MIN_WHOLE and any(store.values for store in self._learned):
            out = _outside_fingerprints(out, self._known)
        if len(text) >= _MIN_SHORT_TOKEN:
            out = _outside_fingerprints(out, self._entropy)  # learns nothing
        self._keep(self._kept, text, (out, searched, version))
        return out

    def _keep(self, kept: dict[str, tuple[str, str, int]], text: str,
              answer: tuple[str, str, int]) -> None:
        if len(self._learned) != 1:  # one version per store would be needed
            return
        if len(kept) >= _KEPT_LIMIT:  # a long-running watch scrubs new messages forever
            kept.clear()
        kept[text] = answer

    def _unchanged(self, kept: dict[str, tuple[str, str, int]], text: str,
                   answer: tuple[str, str, int]) -> bool:
        """True when ``answer`` is still :meth:`text`'s (or :meth:`name`'s) for ``text``;
        then it is kept as of now, so the next look at it costs nothing."""
        if len(self._learned) != 1:
            return False
        store = self._learned[0]
        now = store.version
        if answer[2] == now:
            return True
        if not store.unchanged_since(answer[2], answer[1]):
            return False
        kept[text] = (answer[0], answer[1], now)
        return True

    def document(self, data: Any) -> Any:
        """A copy of JSON-shaped ``data`` scrubbed string by string: what :meth:`text` finds
        in the text of ``json.dumps(data, default=str)``, for the cost of its distinct strings
        (a 2,000-finding report holds 840 kB of text but few distinct values, and most of
        them hold nothing a pattern starts with).

        Each string (and mapping key) is scrubbed as :meth:`text` scrubs it; a number is
        too, and becomes the mark's string when it holds a learned secret; a string or number
        under a secret-looking key is replaced whole, as :meth:`text` does to
        ``"password": "…"`` in a JSON text. Repeated while a pass learns a new secret, so a
        password seen in one message is replaced in every other string too, as one pass over
        the whole text would. Strings are seen unescaped (a quote or ``\\n`` in a value
        does not hide what follows it), and a private key without its end line hides the
        rest of its string, not the rest of the document."""
        while True:
            version = self._version()
            if version != self._memo_version:  # _document reads the memo before text() does
                self._memo.clear()
                self._memo_version = version
            out = self._document(data)
            if self._version() == version:
                return out

    def vouch(self, text: str) -> None:
        """Answer :meth:`text` with ``text`` itself, until a new secret is learned: for the
        JSON text of a :meth:`document`, which the scrubbed output stream would otherwise
        scrub again, whole (0.65 s for a 2,000-finding report)."""
        version = self._version()
        if version != self._memo_version:
            self._memo.clear()
            self._memo_version = version
        self._memo[text] = text

    def _document(self, data: Any) -> Any:
        if isinstance(data, str):
            # The memo read here saves a call per repeated string; an answer made stale by a
            # secret learned in this pass is made again in the next pass.
            hit = self._memo.get(data)
            return hit if hit is not None else self.text(data)
        if isinstance(data, dict):
            out = {}
            for key, value in data.items():
                secret = isinstance(key, str) and _secret_key(key)
                out[self._document_key(key)] = self._keyed(value) if secret \
                    else self._document(value)
            return out
        if isinstance(data, (list, tuple)):
            return [self._document(value) for value in data]
        if data is None or isinstance(data, bool):
            return data  # null, true, false: never a secret (trivial words, never learned)
        if isinstance(data, (int, float)):
            shown = _json_number(data)
            scrubbed = self.text(shown)
            return data if scrubbed == shown else scrubbed
        return self.text(str(data))  # as json.dumps(default=str) writes it

    def _document_key(self, key: Any) -> Any:
        if isinstance(key, str):
            hit = self._memo.get(key)
            return hit if hit is not None else self.text(key)
        if isinstance(key, (int, float)) and not isinstance(key, bool):
            shown = _json_number(key)
            scrubbed = self.text(shown)
            return key if scrubbed == shown else scrubbed
        return key

    def _keyed(self, value: Any) -> Any:
        """A value under a secret-looking name: a string or number is secret whole (the
        ``"password": "…"`` of :data:`_KEYED`, without its limit: a quote inside the value
        no longer ends it)."""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self._document(value)
        shown = value if isinstance(value, str) else _json_number(value)
        if shown.lower() in _NOT_SECRET_WORDS or _plain(shown):
            return self._document(value)
        if _telling(shown):  # a guess by its name alone is learned only when it looks made
            self.learn(shown)
        return self._mark(shown)

    def known(self, text: str) -> str:
        """``text`` with only learned secrets replaced (no pattern guesses)."""
        return _outside_fingerprints(text, self._known)

    def name(self, text: str) -> str:
        """A mapping key (a label or env key): learned secrets and vendor token formats
        (``ghp_…``, ``AKIA…``), which are no guess, replaced; nothing else."""
        kept = self._kept_names.get(text)
        if kept is not None and self._unchanged(self._kept_names, text, kept):
            return kept[0]
        searched = _outside_fingerprints(text, self._vendor) if _triggered(text) else text
        version = self._version()
        out = self.known(searched)
        self._keep(self._kept_names, text, (out, searched, version))
        return out

    def args(self, args: list[str]) -> list[str]:
        """An argument list with secrets replaced; the element after ``--token``-style
        options (and ``-p`` that is no port, ``-a`` of redis-cli) is replaced whole."""
        out = []
        secret_next = user_next = False
        program, starts = "", True
        for arg in args:
            if user_next and not arg.startswith("-"):
                out.append(self.text(f"--user {arg}").removeprefix("--user "))
            elif arg.startswith("-p") and len(arg) > 2 and _MYSQLISH.re.fullmatch(program):
                self.learn(arg[2:])
                out.append("-p" + self._mark(arg[2:]))
            elif secret_next and not arg.startswith("-") and not _plain(arg) \
                    and not _PORTISH.re.fullmatch(arg):
                self.learn(arg)
                out.append(self._mark(arg))
            else:
                out.append(self.text(arg))
            if arg in (";", "&&", "||", "|"):
                starts = True
            elif starts:
                program, starts = arg.rsplit("/", 1)[-1], False
            user_next = arg in ("-u", "--user", "--proxy-user")
            secret_next = (_secret_flag(arg) and not (arg == "-p" and program == "mkdir")) \
                or (arg == "-a" and program == "redis-cli")
        return out

    # -- stages: each gets a piece of text that holds no fingerprint ------------------

    def _known(self, text: str) -> str:
        spans: list[tuple[int, int]] = []
        for store in self._learned:
            spans += store.spans(text)
        if spans and "sha" in text:
            # A learned value that shares 8 characters with an image id (or is one, under
            # a secret-looking name) must not cut it: ids are compared and sent to docker.
            for start, end in (m.span() for m in DIGEST.finditer(text)):
                spans = [piece for a, b in spans
                         for piece in ((a, min(b, start)), (max(a, end), b)) if piece[0] < piece[1]]
        return self._replace_spans(text, spans)

    def _replace_spans(self, text: str, spans: list[tuple[int, int]]) -> str:
        if not spans:
            return text
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        out, pos = [], 0
        for start, end in merged:
            out += [text[pos:start], self._mark(text[start:end])]
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _secret(self, value: str, *, learn: bool = True) -> str:
        """The mark for a value found by a pattern (quotes kept, the value learned unless
        it is only a guess, which must not spread to every text holding a piece of it)."""
        inner = _unquote(value)
        if _plain(inner):
            return value
        if learn:
            self.learn(inner)
        return value.replace(inner, self._mark(inner)) if inner else value

    def _vendor(self, text: str) -> str:
        if not _VENDOR_HINT.search(text):
            return text
        return _VENDOR.re.sub(lambda m: self._secret(m.group(0)), text)

    def _urls(self, text: str) -> str:
        if "@" not in text:  # both patterns look ahead for the ``@`` before the host
            return text
        text = _URL_PASSWORD.re.sub(lambda m: m.group("head") + self._secret(m.group("val")), text)
        return _USERINFO.re.sub(lambda m: m.group("head") + self._secret(m.group("val")), text)

    def _options(self, text: str) -> str:
        def option(m: re.Match[str]) -> str:
            flag, value = m.group("flag"), m.group("val")
            if not _secret_flag(flag) or value.startswith("-"):
                return m.group(0)
            if flag == "-p" and (_PORTISH.re.fullmatch(_unquote(value)) or "/" in value
                                 or _in_mkdir(text, m.start())):
                return m.group(0)
            return m.group("head") + self._secret(value)

        # Each pattern runs only where the words it needs are: all four need a ``-`` that
        # starts the text or follows a space, a quote or a parenthesis (most of a report's
        # dashes are inside names: ``svc-0001``, ``value-1-new``).
        if "-" not in text or not (text[0] == "-" or _OPTION_START.search(text)):
            return text
        text = _OPTION.re.sub(option, text)
        if "-u" in text:  # -u, --user, --proxy-user
            text = _USER_OPTION.re.sub(lambda m: m.group("head") + self._secret(m.group("val")),
                                       text)
        if "mysql" in text or "mariadb" in text:
            text = _MYSQL_P.re.sub(lambda m: m.group("head") + self._secret(m.group("val")), text)
        if "redis-cli" not in text:
            return text
        return _REDIS_CLI.re.sub(lambda m: m.group("head") + self._secret(m.group("val")), text)

    def _headers(self, text: str) -> str:
        def header(m: re.Match[str]) -> str:
            if m.group("val").lower() in _NOT_SECRET_WORDS:
                return m.group(0)
            return m.group("head") + self._secret(m.group("val"))

        for pattern, words in ((_AUTH_HEADER, ("authorization",)),
                               (_BEARER, ("bearer", "basic")), (_HEADER, ("x-",))):
            # Each pattern runs only on a text holding its word. They ignore case: outside
            # ASCII a letter may match one it does not lower-case to (the long s, U+017F,
            # matches s), so such a text is always searched.
            if text.isascii():
                low = text.lower()
                if not (words[0] in low or (len(words) > 1 and words[1] in low)):
                    continue
            text = _outside_fingerprints(text, functools.partial(pattern.re.sub, header))
        return text

    def _assignments(self, text: str) -> str:
        def assignment(m: re.Match[str]) -> str:
            if not is_secret_name(m.group("key")):
                return m.group(0)
            return m.group("head") + self._secret(m.group("val"))

        def keyed(m: re.Match[str]) -> str:
            value = _unquote(m.group("val"))
            if not is_secret_name(m.group("key")) or value.lower() in _NOT_SECRET_WORDS:
                return m.group(0)
            # Unquoted, ``API_TOKEN: changed`` is a message about a secret, not one: a plain
            # word (``missing``, ``Required``) is left; a quoted value (JSON) is a value.
            if not m.group("q") and value.isalpha() and (
                    value.islower() or value.isupper() or value.istitle()):
                return m.group(0)
            return m.group("head") + self._secret(m.group("val"), learn=_telling(value))

        if not _may_name_secret(text):  # no key in it can look secret: both leave it
            return text
        if "=" in text:
            text = _ASSIGNMENT.re.sub(assignment, text)
        if ":" not in text:
            return text
        return _outside_fingerprints(text, functools.partial(_KEYED.re.sub, keyed))

    def _entropy(self, text: str) -> str:
        # Only tokens of 16 characters or more can be high-entropy: the others are not
        # handed to Python at all (a report's messages are mostly short words).
        return _LONG_TOKEN.sub(lambda m: self._secret(m.group(0), learn=False) if high_entropy(m.group(0))
                          else m.group(0), text)


_KEY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


@functools.lru_cache(maxsize=4096)
def _secret_key(name: str) -> bool:
    """A mapping key that makes its value secret whole: a name (as :data:`_KEYED` reads
    one; ``Bearer token required`` is a sentence) that looks secret. Remembered: a
    report's keys are the same few names."""
    return bool(_KEY_NAME.fullmatch(name)) and is_secret_name(name)


def _json_number(value: int | float) -> str:
    """A number as ``json.dumps`` writes it."""
    if isinstance(value, int):
        return int.__repr__(value)
    if math.isnan(value):
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _secret_flag(arg: str) -> bool:
    """``--password``, ``--api-key``, ``-p``: an option whose value is a secret."""
    if not arg.startswith("-") or "=" in arg:
        return False
    name = arg.lstrip("-")
    if arg.startswith("--"):
        return is_secret_name(name.replace("-", "_")) or name in _EXTRA_SECRET_FLAGS
    return name == "p"


def _in_mkdir(text: str, at: int) -> bool:
    """True when the ``-p`` at ``at`` belongs to a ``mkdir`` (its directories are no secret)."""
    command = re.split(r"[;&|\n]", text[:at])[-1]
    return bool(re.search(r"\bmkdir\b", command))


def _outside_fingerprints(text: str, stage: Callable[[str], str]) -> str:
    """``stage`` applied to the parts of ``text`` between fingerprints already in it."""
    if "secret:hmac-sha256:" not in text:
        return stage(text)
    out, pos = [], 0
    for m in FINGERPRINT_RE.finditer(text):
        out += [stage(text[pos:m.start()]), m.group(0)]
        pos = m.end()
    out.append(stage(text[pos:]))
    return "".join(out)
