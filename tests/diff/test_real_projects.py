"""Conformance on real projects: base file vs base + production overlay, for each project of
the test corpus. Every service-level change the overlay makes, as the compose binary
resolves it, must be reported."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from envsync.capture import take_snapshot
from envsync.capture.compose import referenced_env_files, resolve
from envsync.config import load_config
from envsync.diff import compare
from tests.helpers.corpus import CORPUS, real_project, real_projects
from tests.helpers.git import make_repo

# project folder → (base file, production overlay), as each project layers them.
PAIRS = {
    "005-bot__tg-bot": ("docker-compose.yml", "docker-compose.prod.yml"),
    "BattleVive__discord-bot": ("docker-compose.yml", "docker-compose.aws.yml"),
    "DonAlexandro__nodejs-bot": ("docker-compose.yml", "docker-compose.prod.yml"),
    "fastapi__full-stack-fastapi-template": ("compose.yml", "compose.override.yml"),
    "freqtrade__freqtrade": ("docker-compose.yml", "docker/docker-compose-freqai.yml"),
    "linuxluigi__django-crypto-trading-bot": ("local.yml", "production.yml"),
    "netbox-community__netbox-docker": ("docker-compose.yml", "docker-compose.test.yml"),
    "testdrivenio__django-on-docker": ("docker-compose.yml", "docker-compose.prod.yml"),
}

# The corpus took these files from different commits (its README says so): the aws overlay
# configures a `migration` service the base does not define, and compose rejects the pair.
# envsync must then say exactly that, as the compose binary does.
REJECTED = {"BattleVive__discord-bot": 'service "migration" has neither an image nor a build'}


# Projects without a licence upstream: only the wider corpus (ENVSYNC_CORPUS) holds them.
WIDER_ONLY = {"BattleVive__discord-bot", "DonAlexandro__nodejs-bot"}


def test_every_corpus_project_is_covered() -> None:
    in_repo = {p.name for p in (CORPUS / "real-projects").iterdir() if p.is_dir()}
    assert in_repo | WIDER_ONLY == set(PAIRS) and not in_repo & WIDER_ONLY
    assert set(real_projects()) <= set(PAIRS)  # a wider corpus brings no project unchecked


def _prepare(name: str, tmp_path: Path) -> Path:
    """The project copied into a fresh git repository; env files it names but the corpus
    does not hold (never committed upstream) are created empty, as a deployer would."""
    source = real_project(name)
    repo = make_repo(tmp_path / name)
    shutil.copytree(source, repo.path, dirs_exist_ok=True)
    base, overlay = PAIRS[name]
    example = repo.path / ".env.example"
    if example.exists() and not (repo.path / ".env").exists():
        shutil.copyfile(example, repo.path / ".env")  # as its README tells a deployer
    for rel in referenced_env_files(repo.path, (base, overlay)):
        target = repo.path / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("")
    (repo.path / "envsync.yaml").write_text(
        "environments:\n"
        f"  base:\n    git: .\n    runtime: false\n    compose: {{files: [{base}], project: p}}\n"
        f"  prod:\n    git: .\n    runtime: false\n"
        f"    compose: {{files: [{base}, {overlay}], project: p}}\n"
    )
    repo.commit("corpus project")
    return repo.path


def _service_changes(a: dict[str, Any], b: dict[str, Any]) -> set[tuple[str, str | None]]:
    """(service, top-level key) pairs that differ; (service, None) for a whole service."""
    sa, sb = a.get("services") or {}, b.get("services") or {}
    out: set[tuple[str, str | None]] = set()
    for name in set(sa) | set(sb):
        if name not in sa or name not in sb:
            out.add((name, None))
            continue
        for key in set(sa[name]) | set(sb[name]):
            if sa[name].get(key) != sb[name].get(key):
                out.add((name, key))
    return out


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_overlay_changes_are_all_reported(tmp_path: Path, name: str) -> None:
    root = _prepare(name, tmp_path)
    base, overlay = PAIRS[name]
    if name in REJECTED:
        from tests.helpers.cli import run_cli

        result = run_cli("diff", "base", "prod", cwd=root)
        assert result.exit_code == 2
        assert REJECTED[name] in result.stderr and len(result.stderr.splitlines()) == 1
        return
    model_a, _ = resolve(root, (base,), project="p")
    model_b, _ = resolve(root, (base, overlay), project="p")
    expected = _service_changes(model_a, model_b)
    assert expected, f"{name}: the overlay changes nothing?"

    config = load_config(root / "envsync.yaml")
    snap_a = take_snapshot(config, config.environment("base"))
    snap_b = take_snapshot(config, config.environment("prod"))
    result = compare(snap_a, snap_b, a_label="base", b_label="prod")
    reported = {(f.segments[1], f.segments[2] if len(f.segments) > 2 else None)
                for f in result.findings if f.segments[:1] == ("services",)}
    missing = expected - reported
    assert not missing, f"{name}: overlay changes not reported: {sorted(missing, key=str)}"
    for f in result.findings:
        assert f.message and f.severity is not None and f.category
