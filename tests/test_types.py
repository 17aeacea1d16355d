"""The TypedDicts of envsync/types.py and the JSON Schemas of envsync/schemas/ describe the
same documents: each TypedDict has exactly the properties of its schema object, and the
same keys are required."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_type_hints

import pytest

from envsync import types

SCHEMAS = Path(types.__file__).parent / "schemas"

PAIRS: dict[str, tuple[str, str]] = {
    # TypedDict → (schema file, JSON pointer of the object it mirrors)
    "Meta": ("snapshot", "/$defs/meta"),
    "PartError": ("snapshot", "/$defs/part_error"),
    "EngineInfo": ("snapshot", "/$defs/meta/properties/engine"),
    "FileState": ("snapshot", "/$defs/file_state"),
    "Upstream": ("snapshot", "/$defs/git/properties/upstream"),
    "GitSection": ("snapshot", "/$defs/git"),
    "ComposeFile": ("snapshot", "/$defs/compose/properties/files/items"),
    "ComposeSection": ("snapshot", "/$defs/compose"),
    "Mount": ("snapshot", "/$defs/container/properties/mounts/items"),
    "HealthcheckSpec": ("snapshot", "/$defs/container/properties/healthcheck"),
    "ContainerRecord": ("snapshot", "/$defs/container"),
    "StatsRecord": ("snapshot", "/$defs/stats"),
    "CheckResult": ("snapshot", "/$defs/check_result"),
    "Limits": ("snapshot", "/properties/limits"),
    "SwarmSection": ("snapshot", "/$defs/swarm"),
    "SwarmService": ("snapshot", "/$defs/swarm_service"),
    "SwarmTask": ("snapshot", "/$defs/swarm_task"),
    "SwarmNode": ("snapshot", "/$defs/swarm_node"),
    "SwarmObject": ("snapshot", "/$defs/swarm_object"),
    "HostRecord": ("snapshot", "/$defs/host"),
    "ImageEntry": ("restore-point", "/$defs/image"),
    "RestorePointManifest": ("restore-point", ""),
    "LogStep": ("rollback-log", "/properties/steps/items"),
    "RollbackLogLine": ("rollback-log", ""),
}


def _at(schema: str, pointer: str) -> dict[str, Any]:
    node: Any = json.loads((SCHEMAS / f"{schema}.json").read_text())
    for part in [p for p in pointer.split("/") if p]:
        node = node[part]
    return node  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_typed_dict_and_schema_agree(name: str) -> None:
    typed = getattr(types, name)
    schema = _at(*PAIRS[name])
    assert set(get_type_hints(typed)) == set(schema["properties"]), name
    assert set(typed.__required_keys__) == set(schema.get("required", [])), name
    assert schema.get("additionalProperties") is False, name  # no key outside the type


def test_every_document_type_is_checked() -> None:
    documents = {n for n in types.__all__ if isinstance(getattr(types, n), type)}
    # Not a schema object of its own: the evidence is diff.json's open `extra` object.
    assert documents - set(PAIRS) == {"ConfigHashes", "DriftEvidence"}


def test_the_evidence_keys_are_what_patch_reads() -> None:
    assert set(types.DriftEvidence.__required_keys__) == {
        "committed", "declared", "running", "config_hash"}
    assert set(types.ConfigHashes.__required_keys__) == {"running", "declared", "committed"}
