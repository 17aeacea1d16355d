"""Synthetic snapshots for the diff benchmarks: N services x K env keys, a share changed."""

from __future__ import annotations

import random
from typing import Any

from envsync.model import SNAPSHOT_SCHEMA


def make_pair(services: int, keys: int = 50, changed: float = 0.2,
              seed: int = 7) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two snapshots; ``changed`` of all env values differ (some keys removed/added)."""
    rng = random.Random(seed)

    def base(env: str) -> dict[str, Any]:
        return {
            "schema": SNAPSHOT_SCHEMA,
            "meta": {"environment": env, "project": "bench", "time": "2026-11-29T00:00:00Z",
                     "envsync_version": "0", "compose_version": None, "engine": None,
                     "host": "bench", "duration_s": None, "errors": []},
            "git": {"path": "/srv/app", "branch": "main", "head": "a" * 40,
                    "dirty": [], "untracked": []},
            "compose": {"project": "bench", "files": [{"path": "compose.yml"}], "env_file": ".env",
                         "declared": {"services": {}}},
            "env_files": {".env": {}},
            "containers": None,
            "stats": None,
            "health": None,
            "limits": {"memory_mb": {}},
        }

    a, b = base("a"), base("b")
    for i in range(services):
        name = f"svc-{i:04d}"
        env = {f"KEY_{k:03d}": f"value-{i}-{k}" for k in range(keys)}
        svc = {
            "image": f"registry.local/{name}:1.0",
            "command": ["python", "-m", name],
            "environment": env,
            "ports": [{"target": 8000 + i % 1000, "published": str(9000 + i % 1000),
                       "protocol": "tcp", "host_ip": "127.0.0.1", "mode": "ingress"}],
            "restart": "unless-stopped",
            "deploy": {"resources": {"limits": {"memory": "134217728"}}},
        }
        a["compose"]["declared"]["services"][name] = svc
        env_b = dict(env)
        for key in list(env_b):
            r = rng.random()
            if r < changed * 0.8:
                env_b[key] = env_b[key] + "-new"
            elif r < changed * 0.9:
                del env_b[key]
            elif r < changed:
                env_b[key + "_X"] = "added"
        b["compose"]["declared"]["services"][name] = {**svc, "environment": env_b}
    return a, b
