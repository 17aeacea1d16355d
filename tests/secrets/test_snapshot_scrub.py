"""``Redactor.scrub`` keeps each string's answer across newly learned secrets (a capture
learns a password per service) and looks for the whole learned values only in a text
holding a piece of one: its snapshot must be exactly what the slow algorithm made, which
forgot every answer at each learned secret and tried every whole value on every string."""

from __future__ import annotations

import random
import types
from collections.abc import Iterator
from typing import Any

import pytest

from envsync.freetext import FRAGMENT, Learned
from envsync.secrets import Redactor, forget_process_secrets
from tests.secrets.test_document_scrub import HOSTILE, PLAIN

KEY = b"snapshot-scrub-test"
# Learned before the snapshot is scrubbed, as a capture learns its env files' secrets:
# a 6-character one (looked for whole, as a word), a word-only one (whole, anywhere, and
# a piece of the later ``abcdefgh``), one with telling pieces.
EARLIER = {"DB_PASSWORD": "Ab3dE6", "API_TOKEN": "abcdefghij-long", "SECRET_KEY": "Qx7Lm2Zr9Kp4Wt"}


def _reference_spans(self: Learned, text: str) -> list[tuple[int, int]]:
    """Learned.spans as it was: every whole value tried on every text."""
    found: list[tuple[int, int]] = []
    if self.grams and len(text) >= FRAGMENT:
        start = end = -1
        for i in range(len(text) - FRAGMENT + 1):
            if text[i:i + FRAGMENT] in self.grams:
                if i > end:
                    if end > start:
                        found.append((start, end))
                    start = i
                end = i + FRAGMENT
        if end > start >= 0:
            found.append((start, end))
    for value, pattern in tuple(self.whole.items()):
        if value in text:
            found += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return found


def _redactor(*, slow: bool) -> Redactor:
    r = Redactor(KEY)
    if slow:  # no answer kept across a learned secret, the whole values tried everywhere
        r._text._keep = lambda *_: None  # type: ignore[method-assign]
        r._learned.spans = types.MethodType(_reference_spans, r._learned)  # type: ignore[method-assign]
    for name, value in EARLIER.items():
        r.value(name, value)
    return r


def _snapshot(values: list[str], bare: list[str], seed: int) -> dict[str, Any]:
    """Each value in every kind of field a snapshot has; the bare secrets (and pieces of
    them) first, in fields scrubbed before the ones they are learned from."""
    rng = random.Random(seed)
    first: dict[str, Any] = {
        "environment": {f"NOTE_{i}": f"was {b} here" for i, b in enumerate(bare)},
        "labels": {b: "key" for b in bare},
        "command": ["echo", *bare, "abcdefgh", "xAb3dE6 y", "Ab3dE6"],
        "healthcheck": {"test": ["CMD", "check", *(b[: len(b) // 2 + 4] for b in bare)]},
    }
    services: dict[str, Any] = {"first": first}
    for i, value in enumerate([*values, "serve --password abcdefgh --port 80"]):
        services[f"svc-{i:03d}"] = {
            "environment": {"PLAIN": value, "API_TOKEN": value, value: "v"},
            "command": ["sh", "-c", value],
            "entrypoint": value.split(),
            "labels": {"team": value, "auth.header": value},
            "x-config": {"deep": [{"v": value}, [value, 1, None, True]], "n": 3.5},
        }
    order = list(services.items())
    rng.shuffle(order[1:])
    return {"compose": {"declared": {"services": dict(order)}},
            "containers": [{"name": "c", "args": [v for v in values[:5]], "env": None}],
            "meta": {"errors": [f"compose said: {v}" for v in values[:10]]}}


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    forget_process_secrets()
    yield
    forget_process_secrets()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_kept_answers_give_the_slow_algorithms_snapshot(seed: int) -> None:
    values = [value for value, _ in HOSTILE] + PLAIN
    bare = [secret for _, secret in HOSTILE]
    data = _snapshot(values, bare, seed)
    slow = _redactor(slow=True).scrub(data)
    forget_process_secrets()
    fast = _redactor(slow=False).scrub(data)
    assert fast == slow
    # Not vacuous: the bare secrets, scrubbed before they were learned, are masked (but
    # the webhooks' paths: what is learned of a webhook is its whole URL).
    first = str(slow["compose"]["declared"]["services"]["first"])
    assert [b for b in bare if b in first] == ["XXXXXXXXXXXXXXXXXXXXXXXX", "AbCdEfGhIjKlMnOp"]


def test_an_answer_kept_before_a_secret_was_learned_is_made_again() -> None:
    r = _redactor(slow=False)
    assert r.text("the pass is Zz9Yy8Xx7W here") == "the pass is Zz9Yy8Xx7W here"
    r.value("DB_PASSWORD", "Zz9Yy8Xx7W")
    assert "Zz9Yy8Xx7W" not in r.text("the pass is Zz9Yy8Xx7W here")
    assert "Zz9Yy8Xx7W" not in r.scrub({"Zz9Yy8Xx7W": ["a", "Zz9Yy8Xx7W"]}).__repr__()
    # A word-only value whose piece an earlier value already held: looked for whole.
    assert r.text("x abcdefgh y") == "x abcdefgh y"
    r.value("PASSWORD", "abcdefgh")
    assert "abcdefgh" not in r.text("x abcdefgh y")
    # A 6-character value, looked for as a word.
    assert r.text("pw Qw3Er5 end") == "pw Qw3Er5 end"
    r.value("PASSWORD", "Qw3Er5")
    assert "Qw3Er5" not in r.text("pw Qw3Er5 end")
