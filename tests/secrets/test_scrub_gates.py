"""The scrubber's cheap tests before each pattern skip only texts the pattern cannot match:
each gate is checked against the patterns themselves on generated text made of the
characters and words they look for (a gate that skipped a match would leak a secret)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from envsync import freetext as ft

_WORDS = ["-", "--", "-p", "-u", "--user", "-a", "redis-cli", "mysql", "mariadb", "=", ":",
          "@", "://", "x-", "X-Api-Key", "authorization", "Bearer", "basic", "token", "TOKEN",
          "pass", "PW", "_KEY", ".key", "api-key", "ApiKey", "secret", "auth", "salt", "pwd",
          "privkey", "AKIA", "ghp_", "rk_", "sk_", "sk-", ":AA", "eyJ", "xox", "discord", "'",
          '"', "(", " ", "\t", "\n", "a", "Z", "9", "\u017f", "\u212a", "\u00e9", "k", "s"]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_no_gate_skips_a_text_its_patterns_match(text: str) -> None:
    if not ft._may_name_secret(text):
        assert not ft.SECRET_NAME.search(text)
        for key in re.findall(r"[A-Za-z_][\w.-]*", text):
            assert not ft.is_secret_name(key)
    option_gate = "-" in text and (text[0] == "-" or ft._OPTION_START.search(text))
    if not option_gate:
        for pattern in (ft._OPTION, ft._USER_OPTION, ft._MYSQL_P, ft._REDIS_CLI):
            assert not pattern.re.search(text), pattern.re.pattern
    if "@" not in text:
        assert not ft._URL_PASSWORD.re.search(text) and not ft._USERINFO.re.search(text)
    if "=" not in text:
        assert not ft._ASSIGNMENT.re.search(text)
    if ":" not in text:
        assert not ft._KEYED.re.search(text)
    for pattern, words in ((ft._AUTH_HEADER, ("authorization",)),
                           (ft._BEARER, ("bearer", "basic")), (ft._HEADER, ("x-",))):
        if text.isascii() and not any(word in text.lower() for word in words):
            assert not pattern.re.search(text)
    old_hint = r"[rs]k_".join(ft._VENDOR_HINT.pattern.split("rk_|sk_"))
    assert bool(ft._VENDOR_HINT.search(text)) == bool(re.search(old_hint, text))
    assert ft._triggered(text) == bool(ft._TRIGGER.search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aB3-_./:= \t'\"x", max_size=60))
def test_long_tokens_are_the_tokens_of_16_characters_or_more(text: str) -> None:
    long = [m.span() for m in ft._LONG_TOKEN.finditer(text)]
    assert long == [m.span() for m in ft._TOKEN.finditer(text) if len(m.group(0)) >= 16]
