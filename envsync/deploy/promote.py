"""``envsync deploy ENV --from OTHER``: promote exactly what OTHER runs — its commit, and
the image ids its services run — refused when OTHER has drift or failing health checks
(what it runs then is not what its files say, or not good)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from envsync.capture import Progress, no_progress
from envsync.config import Config
from envsync.deploy.preflight import Refusal
from envsync.errors import DeployError

__all__ = ["Source", "image_mismatches", "read_source"]



@dataclass
class Source:
    """What OTHER runs: the commit and each service's image id."""

    env: str
    commit: str
    image_ids: dict[str, str] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)


def read_source(config: Config, other: str, *, progress: Progress = no_progress) -> Source:
    """Capture OTHER and check that it may be promoted (its refusals are returned)."""
    from envsync.compare import run_drift

    progress(f"capture {other}")
    snapshot, drift = run_drift(env_name=other, config=config, progress=progress)
    commit = (snapshot.get("git") or {}).get("head")
    if not commit:
        raise DeployError(f"--from {other}: its repository has no commit to deploy")
    if snapshot.get("containers") is None:
        raise DeployError(f"--from {other}: its containers cannot be read, so what it runs "
                          "is unknown")
    source = Source(env=other, commit=str(commit))
    running: dict[str, Any] = {}
    for container in (snapshot.get("containers") or {}).values():
        service = container.get("service")
        if service and container.get("state") == "running" and container.get("image_id"):
            running.setdefault(str(service), container)
    source.image_ids = {s: str(c["image_id"]) for s, c in running.items()}
    if drift.findings:
        first = drift.findings[0]
        source.refusals.append(Refusal(
            f"--from {other}: {other} has drift ({len(drift.findings)} finding(s), first "
            f"{first.path}: {first.message}); what it runs is not what its files say: see "
            f"`envsync drift {other}`"))
    failing = sorted(name for name, check in (snapshot.get("health") or {}).items()
                     if isinstance(check, dict) and check.get("status") != "ok")
    if failing:
        source.refusals.append(Refusal(f"--from {other}: {other}'s health checks fail: "
                                       f"{', '.join(failing)}"))
    return source


def image_mismatches(source: Source, target_ids: dict[str, str | None], services: list[str],
                     env: str) -> list[Refusal]:
    """Each deployed service whose image ref points, in ENV's engine, at another image
    than the one OTHER runs (the deploy would start that other image)."""
    out = []
    for name in services:
        theirs, ours = source.image_ids.get(name), target_ids.get(name)
        if theirs is not None and ours != theirs:
            here = ours[7:19] if ours else "no image"
            out.append(Refusal(
                f"--from {source.env}: {name}'s image ref is {here} in {env}'s engine, "
                f"{source.env} runs {theirs[7:19]}: load or tag that image in {env}'s "
                "engine first", 1, name))
    return out
