"""The published JSON Schemas: valid Draft 2020-12, shipped as package data, and the
validator's one-line messages naming the JSON path of the bad field."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from envsync.errors import SnapshotError
from envsync.schemas import SCHEMA_NAMES, DocumentError, load_schema, validate


def _snapshot() -> dict[str, Any]:
    """A small snapshot of the shape take_snapshot writes (no runtime)."""
    return {
        "schema": "envsync.snapshot/v1",
        "meta": {"environment": "prod", "project": "p", "time": "2026-11-29T07:15:00Z",
                 "envsync_version": "0.1.0", "compose_version": "2.40.3", "engine": None,
                 "host": "h", "duration_s": 0.5,
                 "errors": [{"part": "runtime", "reason": "--no-runtime was given"}]},
        "git": {"path": "/srv/app", "branch": "main", "head": "a" * 40, "describe": "a",
                "tags": [], "subject": "init", "upstream": None,
                "dirty": [{"path": "x", "status": "M", "sha256": None}], "untracked": []},
        "compose": {"project": "p", "files": [{"path": "compose.yml", "sha256": "00"}],
                    "env_file": None, "declared": {"services": {}}, "committed": None,
                    "hashes": {"web": "abc"}, "committed_hashes": None, "unversioned": []},
        "env_files": {".env": {"A": "1", "B": None}},
        "containers": None,
        "stats": None,
        "health": None,
        "limits": {"memory_mb": {"web": 70.0}},
    }


@pytest.mark.parametrize("name", sorted(SCHEMA_NAMES))
def test_each_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == SCHEMA_NAMES[name]


def test_a_good_snapshot_passes_both_validators() -> None:
    doc = _snapshot()
    validate(doc, "snapshot", "snap.json")
    assert not list(Draft202012Validator(load_schema("snapshot")).iter_errors(doc))


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d.update(compose="oops"),
     'snap.json: $.compose: expected object or null, got string "oops"'),
    (lambda d: d["meta"].pop("environment"), 'snap.json: $.meta: missing key "environment"'),
    (lambda d: d["git"]["dirty"][0].update(status=3),
     "snap.json: $.git.dirty[0].status: expected string, got number 3"),
    (lambda d: d["env_files"][".env"].update(A=["x"]),
     'snap.json: $.env_files[".env"].A: expected string or null, got array'),
    (lambda d: d.update(extra=1), 'snap.json: $: unknown key "extra"'),
    (lambda d: d.update(schema="envsync.snapshot/v2"),
     'snap.json: $.schema: expected "envsync.snapshot/v1", got string "envsync.snapshot/v2"'),
    (lambda d: d.update(health={"api": {"status": "fine"}}),
     'snap.json: $.health.api.status: expected one of ok, failed, error, got string "fine"'),
])
def test_a_bad_field_is_named_by_its_json_path(edit: Any, expected: str) -> None:
    doc = _snapshot()
    edit(doc)
    with pytest.raises(DocumentError) as caught:
        validate(doc, "snapshot", "snap.json")
    assert str(caught.value) == expected
    assert list(Draft202012Validator(load_schema("snapshot")).iter_errors(doc))


def test_the_error_kind_is_the_callers_choice() -> None:
    with pytest.raises(SnapshotError, match=r"^s\.json: \$: expected object, got array$"):
        validate([], "snapshot", "s.json", error=SnapshotError)


def test_a_value_that_may_be_a_secret_is_not_shown() -> None:
    doc = _snapshot()
    token = "ghp_" + "Zx9Qw3Er7Ty1Ui5Op2As8Df4Gh6Jk0Lm"
    doc["meta"]["host"] = {"x": 1}
    doc["compose"]["project"] = ["y"]
    doc["git"]["branch"] = 5
    doc["git"]["head"] = 6
    doc["containers"] = token
    with pytest.raises(DocumentError) as caught:
        validate(doc, "snapshot", "snap.json")
    assert token[:8] not in str(caught.value)


def test_restore_point_paths_cannot_climb_out() -> None:
    point = {"schema": "envsync.restore-point/v1", "tag": "prod-stable-20261129",
             "environment": "prod", "kind": "backup", "time": "2026-11-29T07:15:00.123456Z",
             "commit": "a" * 40, "snapshot": "/s/prod/x.json", "dirty": False,
             "images": {"web": {"service": "web", "ref": "web:1", "image_id": "sha256:1",
                                "digests": [], "archive": "prod-stable-20261129/1.tar",
                                "size": 1, "pruned": False}}}
    validate(point, "restore-point", "p.json")
    for archive in ("../../etc/passwd", "/etc/passwd", "a/../../b"):
        bad = copy.deepcopy(point)
        bad["images"]["web"]["archive"] = archive
        with pytest.raises(DocumentError, match=r"^p\.json: \$\.images\.web\.archive: "):
            validate(bad, "restore-point", "p.json")
    bad = copy.deepcopy(point)
    bad["tag"] = "../x"
    with pytest.raises(DocumentError, match=r"^p\.json: \$\.tag: "):
        validate(bad, "restore-point", "p.json")


@pytest.mark.parametrize("name", sorted(SCHEMA_NAMES))
def test_generated_validators_match_the_schema_files(name: str) -> None:
    """The validators generated ahead of time are the ones run (no compile per command) and
    were generated from the schema files as they are: after editing a schema, run
    `python -m envsync.schemas.compiled`."""
    from envsync.schemas import _validator, compiled

    generated = compiled.load(name)
    assert generated is not None, f"{name}: run `python -m envsync.schemas.compiled`"
    assert _validator(name) is generated


def test_a_stale_generated_validator_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from envsync.schemas import compiled

    monkeypatch.setattr(compiled, "schema_checksum", lambda name: "another version")
    assert compiled.load("diff") is None
