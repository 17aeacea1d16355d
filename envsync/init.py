"""``envsync init``: a starter envsync.yaml from the compose files found in a repository."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from envsync.config import CONFIG_NAME
from envsync.errors import ConfigError, GitError

__all__ = ["Proposal", "propose_config", "write_config"]

_COMPOSE = re.compile(r"^(docker-)?compose([.-][\w.-]+)?\.ya?ml$")
_SKIP = {".git", "node_modules", ".venv", "venv", "__pycache__", "snapshots", ".tox"}
_BASE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")
_LOCAL_WORDS = ("override", "local", "dev", "development")
_ROLE_NAMES = {"production": "prod", "prd": "prod", "development": "dev"}


@dataclass
class Proposal:
    """The environments init found, and the text it would write."""

    environments: dict[str, dict[str, object]] = field(default_factory=dict)
    remote: str | None = None
    text: str = ""


def _compose_files(root: Path, depth: int = 3) -> list[Path]:
    found: list[Path] = []

    def walk(folder: Path, level: int) -> None:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.is_dir() and entry.name not in _SKIP and level < depth:
                walk(entry, level + 1)
            elif entry.is_file() and _COMPOSE.match(entry.name):
                found.append(entry)

    walk(root, 0)
    return found


def _suffix(name: str) -> str:
    """``docker-compose.aws.yml`` → ``aws``; ``docker-compose.yml`` → ``""``."""
    stem = re.sub(r"\.ya?ml$", "", name)
    stem = re.sub(r"^(docker-)?compose", "", stem)
    return stem.strip(".-")


def _env_file(folder: Path, role: str) -> Path | None:
    words = [role, *(w for w, r in _ROLE_NAMES.items() if r == role)]
    if role == "local":
        words += ["dev", "development", "local"]
    for word in words:
        for name in (f".env.{word}", f"{word}.env"):
            if (folder / name).is_file():
                return folder / name
    if role != "local":
        for name in (".env.prod", ".env.production", "prod.env"):
            if (folder / name).is_file():
                return folder / name
    if (folder / ".env").is_file():
        return folder / ".env"
    return None


def propose_config(root: Path, remote: str | None = None, branch: str | None = None) -> Proposal:
    """Group the compose files under ``root`` into environments: the base file (plus a
    local/override file) is ``local``; each other overlay ``docker-compose.X.yml`` is ``X``."""
    files = _compose_files(root)
    if not files:
        raise ConfigError(f"{root}: no compose files found (looked for docker-compose*.yml, "
                          "compose*.yaml up to 3 folders deep)")
    by_folder: dict[Path, list[Path]] = {}
    for f in files:
        by_folder.setdefault(f.parent, []).append(f)
    folder, group = max(by_folder.items(), key=lambda kv: (len(kv[1]), -len(kv[0].parts)))
    names = {f.name: f for f in group}
    base_name = next((n for n in sorted(names) if _suffix(n) in ("base", "common")), None)
    base_name = base_name or next((n for n in _BASE_NAMES if n in names), None)
    base_name = base_name or sorted(names)[0]
    overlays = {_suffix(n): f for n, f in names.items() if n != base_name}
    local_overlays = [overlays.pop("")] if _suffix(base_name) in ("base", "common") and "" in overlays else []
    for word in _LOCAL_WORDS:
        if word in overlays and not local_overlays:
            local_overlays.append(overlays.pop(word))
    def rel(path: Path) -> str:
        return str(path.relative_to(root))

    proposal = Proposal(remote=remote)
    project = root.name.lower().replace("_", "-").replace(" ", "-")
    base = folder / base_name
    local_env = _env_file(folder, "local")
    proposal.environments["local"] = {
        "files": [rel(base), *(rel(p) for p in local_overlays)],
        "project": f"{project}-local",
        "env_file": rel(local_env) if local_env else None,
    }
    for suffix, path in sorted(overlays.items()):
        role = _ROLE_NAMES.get(suffix, suffix) or "default"
        env = _env_file(folder, role) or _env_file(folder, suffix)
        proposal.environments[re.sub(r"[^\w-]", "-", role)] = {
            "files": [rel(base), rel(path)],
            "project": f"{project}-{role}",
            "env_file": rel(env) if env else None,
        }
    proposal.text = _render(project, proposal, branch)
    return proposal


def _q(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML scalar, safely quoted


def _render(project: str, proposal: Proposal, branch: str | None) -> str:
    lines = [
        "# envsync.yaml: the environments of this Compose application (see docs/config.md).",
        "# Written by `envsync init`; check the guesses below, then commit it.",
        f"project: {_q(project)}",
        "snapshots: snapshots            # where snapshots are stored (relative to this file)",
        "environments:",
    ]
    for name, env in proposal.environments.items():
        files = ", ".join(_q(str(f)) for f in env["files"])  # type: ignore[attr-defined]
        lines += [
            f"  {name}:",
            "    git: .                      # this working tree: HEAD and uncommitted edits",
            "    compose:",
            f"      files: [{files}]",
            f"      project: {_q(str(env['project']))}",
        ]
        if env["env_file"]:
            lines.append(f"      env_file: {_q(str(env['env_file']))}")
        lines.append("    docker: null                # DOCKER_HOST or the local socket; "
                     "or ssh://user@host")
    if proposal.remote:
        lines += [
            "  github:",
            f"    git: {{remote: {_q(proposal.remote)}, branch: {_q(branch or 'main')}}}"
            "   # declared state only",
        ]
        first = next(iter(proposal.environments.values()))
        files = ", ".join(_q(str(f)) for f in first["files"])  # type: ignore[attr-defined]
        lines += ["    compose:", f"      files: [{files}]"]
        if first["env_file"]:
            lines.append(f"      env_file: {_q(str(first['env_file']))}")
    lines += [
        "ignore: []                       # paths never reported, e.g. containers.*.labels",
        "expect_different: []             # intended differences, e.g. env_files.*.LOG_LEVEL",
        "",
    ]
    return "\n".join(lines)


def write_config(root: Path, *, force: bool = False) -> tuple[Path, Proposal]:
    """Write the proposal to ``root/envsync.yaml``; never over an existing one unless forced."""
    from envsync.capture.git import run_git
    from envsync.store import atomic_write_text

    target = root / CONFIG_NAME
    if target.exists() and not force:
        raise ConfigError(f"{target}: already exists (use --force to replace it)")
    remote = None
    branch = None
    try:
        remotes = (run_git(root, "remote", check=False) or "").split()
        remote = "origin" if "origin" in remotes else (remotes[0] if remotes else None)
        branch = run_git(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    except GitError:  # no git on PATH, or it hangs: the config is written without a remote
        pass
    proposal = propose_config(root, remote=remote, branch=branch)
    atomic_write_text(target, proposal.text)
    from envsync.config import load_config

    load_config(target)  # what init writes must load; a bug here must not go unnoticed
    return target, proposal
