"""Replicas, counted (pure): declared replicas, strays beside them, missing numbers, two
containers with one number; and `patch --to vcs` only ever reads declared replicas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from envsync.diff.drift import drift
from envsync.diff.replicas import classify, disagreement, wanted
from envsync.model import Direction, Severity

PROJECT = "shop"


def _container(name: str, number: str | None, *, oneoff: bool = False, service: str = "web",
               command: list[str] | None = None, memory: float | None = None) -> dict[str, Any]:
    labels = {"com.docker.compose.project": PROJECT, "com.docker.compose.service": service}
    if number is not None:
        labels["com.docker.compose.container-number"] = number
    if oneoff:
        labels["com.docker.compose.oneoff"] = "True"
    return {"name": name, "service": service, "image": "busybox:1", "state": "running",
            "command": command or ["sleep", "600"], "labels": labels,
            "memory_limit_mb": memory}


def _snapshot(containers: dict[str, dict[str, Any]], replicas: int = 2) -> dict[str, Any]:
    service = {"image": "busybox:1", "command": ["sleep", "600"],
               "deploy": {"replicas": replicas}}
    return {"meta": {"environment": "prod"},
            "compose": {"project": PROJECT, "declared": {"services": {"web": service}}},
            "containers": containers}


def test_wanted() -> None:
    assert wanted({}) == 1 and wanted({"deploy": {"replicas": 3}}) == 3
    assert wanted({"scale": 0, "deploy": {"replicas": 2}}) == 0


def test_all_replicas_running_is_clean() -> None:
    snap = _snapshot({"web": _container("shop-web-1", "1"), "web#2": _container("shop-web-2", "2")})
    assert drift(snap).findings == []


def test_missing_replica_is_a_high_finding() -> None:
    result = drift(_snapshot({"web": _container("shop-web-1", "1")}))
    [f] = result.findings
    assert (f.path, f.direction, f.severity) == ("containers.web#2", Direction.NOT_RUNNING,
                                                 Severity.HIGH)
    assert f.message == "web: 2 replicas declared, 1 runs: replica 2 is missing"


def test_strays_are_high_findings_and_never_compared() -> None:
    snap = _snapshot({
        "web": _container("shop-web-1", "1"), "web#2": _container("shop-web-2", "2"),
        "handmade": _container("handmade", None, command=["sleep", "1"]),
        "shop-web-run-1a2b": _container("shop-web-run-1a2b", "1", oneoff=True),
        "web#3": _container("shop-web-3", "3"),
        "copy": _container("copy", "2", command=["sleep", "2"]),
    })
    result = drift(snap)
    by_path = {f.path: f for f in result.findings}
    assert set(by_path) == {"containers.handmade", "containers.shop-web-run-1a2b",
                            "containers.web#3", "containers.copy"}
    assert all(f.severity is Severity.HIGH and f.direction is Direction.UNDECLARED
               for f in result.findings)
    assert "no replica number: started by hand" in by_path["containers.handmade"].message
    assert "one-off container (`compose run`)" in by_path["containers.shop-web-run-1a2b"].message
    assert "replica 3, but the files declare 2" in by_path["containers.web#3"].message
    assert ("copy: runs beside the 2 declared replicas of web (it claims replica 2, as "
            "shop-web-2 does: two containers with one number)") in by_path["containers.copy"].message


def test_the_container_compose_named_wins_a_shared_number() -> None:
    replicas = classify({"a-copy": _container("a-copy", "1"), "x": _container("shop-web-1", "1")},
                        {"web": {}}, PROJECT)
    assert replicas.declared == {"web": ["x"]}
    assert [s.key for s in replicas.strays] == ["a-copy"]


def test_scaled_to_zero_with_a_container_left() -> None:
    result = drift(_snapshot({"web": _container("shop-web-1", "1")}, replicas=0))
    [f] = result.findings
    assert "the service is scaled to 0" in f.message and f.direction is Direction.UNDECLARED


def test_disagreement() -> None:
    snap = _snapshot({"web": _container("shop-web-1", "1", memory=64.0),
                      "web#2": _container("shop-web-2", "2", memory=96.0),
                      "copy": _container("copy", None, memory=96.0)})
    assert disagreement(snap, "copy", ("memory_limit_mb",)) == (
        "copy is not a declared replica of web: its values are never copied into the files")
    text = disagreement(snap, "web#2", ("memory_limit_mb",))
    assert text is not None and text.startswith(
        "the replicas of web disagree (web `64 MiB`, web#2 `96 MiB`): not patched")
    assert disagreement(snap, "web#2", ("command",)) is None


def test_patch_takes_values_from_declared_replicas_only(tmp_path: Path) -> None:
    from envsync.config import load_config
    from envsync.patch.vcs import plan_vcs_patch

    (tmp_path / "compose.yml").write_text(
        "services:\n  web:\n    image: busybox:1\n    command: sleep 600\n"
        "    deploy: {replicas: 2}\n")
    (tmp_path / "envsync.yaml").write_text(
        "environments:\n  prod:\n    git: .\n"
        f"    compose: {{files: [compose.yml], project: {PROJECT}}}\n")
    env = load_config(tmp_path / "envsync.yaml").environment("prod")
    # a stray runs another command; replica 2 alone has a memory limit: nothing to copy
    snap = _snapshot({"web": _container("shop-web-1", "1"),
                      "web#2": _container("shop-web-2", "2", memory=96.0),
                      "copy": _container("copy", "1", command=["sleep", "9"])})
    patch = plan_vcs_patch(tmp_path, env, snap, drift(snap).findings)
    assert patch.diff == ""
    assert any("replicas of web disagree" in n for n in patch.notes)
    assert any("containers.copy: undeclared: not patched" in n for n in patch.notes)
    # both replicas changed alike: one edit
    snap["containers"]["web"]["memory_limit_mb"] = 96.0
    patch = plan_vcs_patch(tmp_path, env, snap, drift(snap).findings)
    assert patch.diff.count("memory: 96m") == 1 and "sleep 9" not in patch.diff


def test_container_name_and_start_time_decide_a_shared_number() -> None:
    copy = {**_container("a-copy", "1"), "started_at": "2026-11-29T10:00:05Z"}
    named = {**_container("web-main", "1"), "started_at": "2026-11-29T11:00:00Z"}
    replicas = classify({"a-copy": copy, "web": named}, {"web": {"container_name": "web-main"}},
                        PROJECT)
    assert replicas.declared == {"web": ["web"]}
    # no name to go by: the one started first holds the number
    early = {**_container("zz-first", "1"), "started_at": "2026-11-29T09:00:00Z"}
    replicas = classify({"a-copy": copy, "web": early}, {"web": {}}, PROJECT)
    assert replicas.declared == {"web": ["web"]} and replicas.strays[0].key == "a-copy"
