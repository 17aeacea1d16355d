"""The vendor token formats are looked for only in text holding their hint: every text a
format matches holds it (else a token would pass unscrubbed)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from envsync import freetext


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.from_regex(freetext._VENDOR.re, fullmatch=False))
def test_every_vendor_token_holds_the_hint(text: str) -> None:
    match = freetext._VENDOR.re.search(text)
    assert match is not None
    assert freetext._VENDOR_HINT.search(match.group(0)), match.group(0)


def test_a_text_without_the_hint_is_left_as_it_is() -> None:
    scrubber = freetext.TextScrubber(lambda _: "[x]", [freetext.Learned()])
    report = "│ medium   │ changed │ services.svc-0000.environment.KEY_001 │ svc-0000: env │\n"
    assert not freetext._VENDOR_HINT.search(report)
    assert scrubber._vendor(report * 50) == report * 50
    token = "ghp_" + "A1b2" * 9
    assert scrubber._vendor(f"token {token} here") == "token [x] here"
