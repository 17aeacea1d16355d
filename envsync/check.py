"""``envsync check``: envsync.yaml, .envsyncignore and the compose files, offline.

No engine, no network, no git fetch: what a pre-commit hook may do. Compose files are
resolved by the compose binary (``config``), which needs no engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from envsync.config import Config

__all__ = ["CheckReport", "check_offline"]


@dataclass
class CheckReport:
    """One line per thing checked; ``problems`` make the exit code 2."""

    ok: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def check_offline(config: Config, env_names: list[str]) -> CheckReport:
    """Check ``env_names`` (all when empty): each environment's compose files resolve."""
    from envsync.diff.ignorefile import IGNORE_FILE, read_ignore_file
    from envsync.errors import EnvsyncError

    report = CheckReport(ok=[f"{config.path}: valid"])
    rules = read_ignore_file(config.root / IGNORE_FILE)
    if rules:
        report.ok.append(f"{config.root / IGNORE_FILE}: {len(rules)} rule(s)")
    for name in env_names or sorted(config.environments):
        env = config.environment(name)
        spec = env.compose
        if spec is None:
            report.notes.append(f"{name}: no compose files to check")
            continue
        if not env.git.is_worktree:
            report.notes.append(f"{name}: files come from git "
                                f"{env.git.remote or ''} {env.git.branch or ''}".rstrip()
                                + "; only working trees are checked offline")
            continue
        root = Path(env.git.path or config.root)
        env_file = spec.env_file
        if env_file and not (root / env_file).is_file():
            # The usual case in CI and in a fresh clone: the env file holds secrets and is
            # not committed. Compose then leaves unset variables blank, with a warning.
            report.notes.append(f"{name}: {env_file} not present; checked without it")
            env_file = None
        try:
            from envsync.capture.compose import resolve

            _learn_env_secrets(root, spec.files, env_file)
            model, _ = resolve(root, spec.files, project=spec.project, env_file=env_file,
                               profiles=spec.profiles)
        except EnvsyncError as exc:
            report.problems.append(f"{name}: {exc}")
            continue
        services = ", ".join(sorted(model.get("services") or {})) or "no services"
        report.ok.append(f"{name}: {', '.join(spec.files)} resolve ({services})")
    return report


def _learn_env_secrets(root: Path, files: tuple[str, ...], env_file: str | None) -> None:
    """Read the env files first, as snapshot does: compose's error for a bad value quotes
    it (``parsing "PW": invalid syntax``), and what was learned is scrubbed from messages."""
    from envsync.capture.compose import referenced_env_files
    from envsync.capture.envfiles import read_env_file
    from envsync.secrets import Redactor

    redactor = Redactor(key=b"check")  # only learns: no fingerprint is printed
    for rel in dict.fromkeys(([env_file] if env_file else []) + referenced_env_files(root, files)):
        if (root / rel).is_file():
            read_env_file(root / rel, redactor)
