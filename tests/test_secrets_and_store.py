"""Secret detection and fingerprints; snapshot storage and lookup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envsync.errors import SnapshotError
from envsync.secrets import Redactor, is_fingerprint, looks_secret
from envsync.store import atomic_write_text, list_snapshots, resolve_ref, write_snapshot
from tests.helpers.documents import minimal_snapshot


@pytest.mark.parametrize(
    ("name", "value", "secret"),
    [
        ("TELEGRAM_BOT_TOKEN", "x", True),
        ("DB_PASSWORD", "hunter2", True),
        ("STRIPE_API_KEY", "k", True),
        ("DATABASE_URL", "postgres://u:pw@db/app", True),
        ("DATABASE_URL", "postgres://db/app", False),
        ("SOME_VALUE", "aZ3kP9qLm2Xv8RtY6wNc4Bd7", True),  # looks like a token
        ("LOG_LEVEL", "info", False),
        ("PATH", "/usr/local/bin:/usr/bin:/bin", False),
        ("GREETING", "hello there, general kenobi", False),
        ("EMPTY_TOKEN", "", False),
    ],
)
def test_looks_secret(name: str, value: str, secret: bool) -> None:
    assert looks_secret(name, value) is secret


def test_fingerprints_are_keyed_and_stable() -> None:
    a, b = Redactor(b"one"), Redactor(b"two")
    assert a.fingerprint("s") == Redactor(b"one").fingerprint("s")
    assert a.fingerprint("s") != b.fingerprint("s")
    assert is_fingerprint(a.value("API_TOKEN", "s"))


def test_scrub_removes_known_secrets_from_free_text() -> None:
    r = Redactor(b"k")
    r.value("DB_PASSWORD", "correct-horse")
    scrubbed = r.scrub({"command": ["run", "--pw=correct-horse"], "x": "correct-horse"})
    assert "correct-horse" not in json.dumps(scrubbed)


def test_key_file_is_created_outside_snapshots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENVSYNC_FINGERPRINT_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    first = Redactor().fingerprint("v")
    key = tmp_path / "envsync" / "fingerprint.key"
    assert key.is_file() and oct(key.stat().st_mode & 0o777) == "0o600"
    assert Redactor().fingerprint("v") == first


def _snap(env: str, time: str) -> dict[str, object]:
    return minimal_snapshot(env, time)


def test_store_write_and_lookup(tmp_path: Path) -> None:
    p1 = write_snapshot(tmp_path, _snap("prod", "2026-11-29T07:00:00Z"))
    p2 = write_snapshot(tmp_path, _snap("prod", "2026-11-29T07:00:00Z"))  # same second
    p3 = write_snapshot(tmp_path, _snap("prod", "2026-11-30T08:00:00Z"))
    assert p1.name == "20261129T070000Z.json" and p2.name == "20261129T070000Z-2.json"
    assert list_snapshots(tmp_path, "prod") == [p1, p2, p3]
    assert resolve_ref(tmp_path, "prod@latest") == p3
    assert resolve_ref(tmp_path, "prod@latest~1") == p2
    assert resolve_ref(tmp_path, "prod@20261129") == p2
    assert resolve_ref(tmp_path, "prod@2026-11-29T07:00") == p2
    with pytest.raises(SnapshotError, match="no snapshot of 'prod' taken at"):
        resolve_ref(tmp_path, "prod@2025")
    with pytest.raises(SnapshotError, match="no stored snapshots"):
        resolve_ref(tmp_path, "staging@latest")


def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    target.write_text("old")
    with pytest.raises(TypeError):
        atomic_write_text(target, 123)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]
