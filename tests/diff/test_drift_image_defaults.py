"""Runtime fields capture leaves null (equal to the image's default) are not drift when the
container was created from exactly the files; a zero start_period is the engine's unset."""

from __future__ import annotations

from typing import Any

from envsync.diff.drift import drift
from envsync.diff.expected import expected_runtime
from tests.helpers.documents import minimal_snapshot


def _snapshot(label: str, running_command: list[str] | None) -> dict[str, Any]:
    snap = minimal_snapshot()
    service = {"image": "svc:1", "command": ["python", "-m", "app"]}
    model = {"name": "demo", "services": {"app": service}}
    snap["compose"] = {"project": "demo", "files": [{"path": "c.yml", "sha256": "ab"}],
                       "env_file": None, "declared": model, "committed": model,
                       "hashes": {"app": "h1"}, "committed_hashes": {"app": "h1"},
                       "unversioned": []}
    snap["containers"] = {"app": {
        "name": "demo-app-1", "service": "app", "image": "svc:1", "image_id": "sha256:1",
        "state": "running", "health": None, "restart_count": 0, "started_at": None,
        "command": running_command, "entrypoint": None, "env": {}, "ports": [], "mounts": [],
        "labels": {"com.docker.compose.config-hash": label,
                   "com.docker.compose.service": "app", "com.docker.compose.project": "demo",
                   "com.docker.compose.container-number": "1"},
        "restart_policy": "no", "memory_limit_mb": None, "network_mode": "default",
        "user": None, "healthcheck": None}}
    return snap


def _paths(snap: dict[str, Any]) -> set[str]:
    return {f.path for f in drift(snap).findings}


def test_a_command_equal_to_the_image_default_is_not_drift_when_the_hash_matches() -> None:
    assert "containers.app.command" not in _paths(_snapshot("h1", None))


def test_it_still_is_when_the_container_came_from_other_files() -> None:
    assert "containers.app.command" in _paths(_snapshot("h0", None))
    assert "containers.app.command" in _paths(_snapshot("h1", ["python", "other.py"]))


def test_a_zero_start_period_is_unset() -> None:
    service = {"image": "x", "healthcheck": {"test": ["CMD", "true"], "interval": "1s",
                                             "start_period": "0s"}}
    check = expected_runtime("x", service, {"name": "p"}, None)["healthcheck"]
    assert check == {"test": ["CMD", "true"], "interval": "1s"}
