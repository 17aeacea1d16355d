"""The typed shape of the documents envsync writes: the sections of a snapshot, a
restore point's manifest, a rollback log line, and the evidence a drift finding carries.

Each TypedDict mirrors one object of a JSON Schema in envsync/schemas/ (named in its
docstring); tests/test_types.py keeps the two in agreement: the same keys, the same
required keys. Documents are still read and diffed as plain data: these types say what a
writer must put in and what a reader may count on.
"""

# No `from __future__ import annotations` here, unlike the rest of the package: Python
# 3.11 only sees NotRequired[...] in an evaluated annotation, and the required keys are
# what tests/test_types.py compares with the schemas.
from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "CheckResult",
    "CheckStatus",
    "ComposeFile",
    "ComposeSection",
    "ConfigHashes",
    "ContainerRecord",
    "DriftEvidence",
    "EngineInfo",
    "FileState",
    "GitSection",
    "HealthcheckSpec",
    "HostRecord",
    "ImageEntry",
    "Limits",
    "LogStep",
    "Meta",
    "Mount",
    "PartError",
    "RestorePointManifest",
    "RollbackLogLine",
    "StatsRecord",
    "SwarmNode",
    "SwarmObject",
    "SwarmSection",
    "SwarmService",
    "SwarmTask",
    "Upstream",
]

CheckStatus = Literal["ok", "failed", "error"]


class PartError(TypedDict):
    """snapshot.json ``$defs/part_error``: a part that could not be captured, and why."""

    part: str
    reason: str
    host: NotRequired[str]


class EngineInfo(TypedDict):
    """snapshot.json ``meta.engine``."""

    url: str
    version: NotRequired[str | None]
    api_version: NotRequired[str | None]


class HostRecord(TypedDict):
    """snapshot.json ``$defs/host``: one host of a fleet (an environment's ``engines:``):
    its engine, the compose project read there, what runs there and how long it took."""

    engine: EngineInfo
    project: str
    containers: "dict[str, ContainerRecord] | None"
    stats: "dict[str, StatsRecord] | None"
    duration_s: float
    errors: list[PartError]


class Meta(TypedDict):
    """snapshot.json ``$defs/meta``."""

    environment: str
    project: str
    time: str
    envsync_version: str
    compose_version: str | None
    engine: EngineInfo | None
    host: str
    duration_s: float | None
    errors: list[PartError]


class FileState(TypedDict):
    """snapshot.json ``$defs/file_state``: a changed or untracked file of the working tree."""

    path: str
    status: str
    sha256: NotRequired[str | None]


class Upstream(TypedDict):
    """snapshot.json ``git.upstream``."""

    ref: str
    ahead: NotRequired[int | None]
    behind: NotRequired[int | None]


class GitSection(TypedDict):
    """snapshot.json ``$defs/git``."""

    path: str
    remote: NotRequired[str]
    url: NotRequired[str]
    branch: NotRequired[str | None]
    head: str | None
    describe: NotRequired[str | None]
    tags: NotRequired[list[str]]
    subject: NotRequired[str | None]
    upstream: NotRequired[Upstream | None]
    dirty: list[FileState]
    untracked: list[FileState]


class ComposeFile(TypedDict):
    """snapshot.json ``compose.files[]``."""

    path: str
    sha256: NotRequired[str | None]


class ComposeSection(TypedDict):
    """snapshot.json ``$defs/compose``. The models are compose's own (``config --format
    json``): envsync keeps them as compose wrote them."""

    project: str | None
    files: list[ComposeFile]
    env_file: NotRequired[str | None]
    declared: dict[str, Any]
    committed: NotRequired[dict[str, Any] | None]
    hashes: NotRequired[dict[str, str]]
    committed_hashes: NotRequired[dict[str, str] | None]
    unversioned: NotRequired[list[str]]


class Mount(TypedDict):
    """snapshot.json ``container.mounts[]``."""

    type: str | None
    source: str | None
    target: str | None
    read_only: bool


class HealthcheckSpec(TypedDict, total=False):
    """snapshot.json ``container.healthcheck``: the engine's healthcheck of a container."""

    test: list[str] | str | None
    interval: str
    timeout: str
    start_period: str
    retries: int


class ContainerRecord(TypedDict):
    """snapshot.json ``$defs/container``: one container as the engine runs it."""

    name: str
    service: str | None
    image: str | None
    image_id: NotRequired[str | None]
    state: str | None
    health: NotRequired[str | None]
    restart_count: NotRequired[int]
    started_at: NotRequired[str | None]
    command: NotRequired[list[str] | None]
    entrypoint: NotRequired[list[str] | None]
    env: NotRequired[dict[str, str | None]]
    ports: NotRequired[list[str]]
    mounts: NotRequired[list[Mount]]
    labels: NotRequired[dict[str, str | None]]
    restart_policy: NotRequired[str]
    memory_limit_mb: NotRequired[float | None]
    network_mode: NotRequired[str | None]
    user: NotRequired[str | None]
    healthcheck: NotRequired[HealthcheckSpec | None]


class StatsRecord(TypedDict, total=False):
    """snapshot.json ``$defs/stats``: what one running container uses."""

    memory_used_mb: float | None
    memory_limit_mb: float | None
    cpu_percent: float | None
    pids: int | None


class CheckResult(TypedDict):
    """snapshot.json ``$defs/check_result``: one HTTP health check's answer."""

    status: CheckStatus
    http_status: NotRequired[int | None]
    latency_ms: NotRequired[float | None]
    error: NotRequired[str | None]


class Limits(TypedDict):
    """snapshot.json ``limits``."""

    memory_mb: dict[str, float]


class SwarmTask(TypedDict):
    """snapshot.json ``$defs/swarm_task``: one task of a service, as Swarm keeps it."""

    id: str
    slot: int | None
    node: str | None
    desired_state: str
    state: str
    error: str | None
    message: str | None
    exit_code: int | None
    image: str | None
    time: str | None


class SwarmService(TypedDict):
    """snapshot.json ``$defs/swarm_service``: a service's spec (secrets fingerprinted) and
    its tasks."""

    name: str
    id: str
    version: int | None
    image: str | None
    command: list[str] | None
    args: list[str] | None
    env: dict[str, str | None]
    user: str | None
    labels: dict[str, str]
    container_labels: dict[str, str]
    mode: str
    replicas: int | None
    resources: dict[str, Any]
    placement: dict[str, Any]
    ports: list[str]
    update_config: dict[str, Any] | None
    rollback_config: dict[str, Any] | None
    restart_policy: dict[str, Any] | None
    healthcheck: dict[str, Any] | None
    secrets: list[str]
    configs: list[str]
    update_status: dict[str, Any] | None
    running: int
    desired: int | None
    restarts: int
    tasks: list[SwarmTask]


class SwarmNode(TypedDict):
    """snapshot.json ``$defs/swarm_node``."""

    id: str
    role: str | None
    availability: str | None
    state: str | None
    addr: str | None
    leader: bool
    engine_version: str | None
    nano_cpus: int | None
    memory_bytes: int | None
    labels: dict[str, str]


class SwarmObject(TypedDict):
    """snapshot.json ``$defs/swarm_object``: a Swarm secret or config, by name and version
    only (its data is never read)."""

    id: str
    version: int | None
    created: str | None
    updated: str | None


class SwarmSection(TypedDict):
    """snapshot.json ``$defs/swarm``: a stack on a Swarm, keyed by compose service name."""

    stack: str
    manager: str
    services: dict[str, SwarmService]
    nodes: dict[str, SwarmNode]
    secrets: dict[str, SwarmObject]
    configs: dict[str, SwarmObject]


class ImageEntry(TypedDict):
    """restore-point.json ``$defs/image``: the image one service ran."""

    service: str
    ref: str | None
    image_id: str
    digests: NotRequired[list[str]]
    archive: NotRequired[str | None]
    size: NotRequired[int | None]
    pruned: NotRequired[bool]


class RestorePointManifest(TypedDict):
    """restore-point.json: ``<backups>/<env>/<tag>.json``."""

    schema: str
    tag: str
    environment: str
    kind: Literal["backup", "before-rollback"]
    time: str
    commit: str
    snapshot: str
    dirty: NotRequired[bool]
    images: dict[str, ImageEntry]


class LogStep(TypedDict):
    """rollback-log.json ``steps[]``: one step the executor ran."""

    title: str
    command: str
    returncode: int | None
    seconds: float


class RollbackLogLine(TypedDict):
    """rollback-log.json: one line of ``<snapshots>/<env>/rollbacks.jsonl``."""

    schema: NotRequired[str]
    started: str
    environment: str
    level: Literal[1, 2, 3]
    point: str
    result: Literal["ok", "failed", "health-failed", "verify-failed", "interrupted",
                    "precondition-failed"]
    steps: list[LogStep]
    not_run: list[str]
    failure: str | None
    health: NotRequired[dict[str, CheckResult]]
    kept: NotRequired[str | None]
    kept_files: NotRequired[list[str]]
    before_tag: NotRequired[str | None]
    before_snapshot: NotRequired[str | None]
    go_back: NotRequired[str | None]
    signal: NotRequired[str | None]
    interrupted_at: NotRequired[int | None]
    settled: NotRequired[list[LogStep]]
    differences: NotRequired[list[str]]
    seconds: float
    log: NotRequired[str]


class ConfigHashes(TypedDict):
    """Compose's config hash of a service: the one its container was created from (its
    label), the working tree's and HEAD's."""

    running: str | None
    declared: str | None
    committed: str | None


class DriftEvidence(TypedDict):
    """What a drift finding of a running container saw, for ``patch`` to plan from: the
    value at HEAD, in the working tree and running, and the config hashes. (diff.json
    ``findings[].extra``.)"""

    committed: Any
    declared: Any
    running: Any
    config_hash: ConfigHashes
