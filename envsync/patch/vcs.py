"""``patch --to vcs``: the edit of the committed files that makes them describe what runs."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.config import Environment
from envsync.diff.replicas import disagreement
from envsync.errors import EnvsyncError
from envsync.files import COMPOSE_FILE_LIMIT, read_text_bounded
from envsync.model import Direction, Finding, Snapshot
from envsync.patch.yamledit import ServiceEdit, apply_edits, service_sets
from envsync.secrets import is_fingerprint

__all__ = ["VcsPatch", "plan_vcs_patch", "unified_diff"]

_MIB = 1024 * 1024
PLACEHOLDER = "CHANGE_ME"
# runtime field → the compose key that carries it
_KEYS = {"command": "command", "entrypoint": "entrypoint", "image": "image",
         "restart_policy": "restart", "user": "user", "network_mode": "network_mode"}


@dataclass
class VcsPatch:
    """New contents per file (relative to the repository root), and what could not be done."""

    files: dict[str, tuple[str, str]] = field(default_factory=dict)
    """path → (text now, text after the patch)"""
    notes: list[str] = field(default_factory=list)
    services: set[str] = field(default_factory=set)

    @property
    def diff(self) -> str:
        return "".join(unified_diff(path, old, new) for path, (old, new) in sorted(self.files.items())
                       if old != new)


_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(path: str, old: str, new: str) -> str:
    """A diff that ``git apply`` accepts, including a missing final newline and CRLF lines
    (split at ``\n`` only, as git does: str.splitlines would also split at \x0c or \u2028)."""
    a, b = _LINES.findall(old), _LINES.findall(new)
    out = []
    for line in difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    if not a and out:
        out[0] = "--- /dev/null\n"
    return "".join(out)


def _memory(mb: float) -> str:
    return f"{int(mb)}m" if float(mb).is_integer() else str(int(mb * _MIB))


class _Planner:
    def __init__(self, root: Path, env: Environment, snapshot: Snapshot) -> None:
        self.root = root
        self.env = env
        self.snapshot = snapshot
        self.texts: dict[str, str] = {}
        self.edits: dict[str, list[ServiceEdit]] = {}
        self.env_lines: list[str] = []
        self.patch = VcsPatch()
        self.replica_leaves: set[tuple[str, ...]] = set()
        """(service, field, …) already edited: replicas that agree give one edit"""

    def text(self, rel: str) -> str:
        if rel not in self.texts:
            path = self.root / rel
            # bytes decoded as they are: read_text's universal newlines would turn a CRLF
            # file into LF, and the patch would then rewrite every line
            self.texts[rel] = read_text_bounded(path, COMPOSE_FILE_LIMIT, "file", EnvsyncError) \
                if path.exists() else ""
        return self.texts[rel]

    def target(self, service: str, key: str) -> str:
        """The file that already sets the key (the last one, as it wins), else the overlay."""
        assert self.env.compose is not None
        files = list(self.env.compose.files)
        for rel in reversed(files):
            if service_sets(self.text(rel), service, key):
                return rel
        return files[-1]

    def edit(self, service: str, keys: tuple[str, ...], value: Any) -> None:
        rel = self.target(service, keys[0])
        self.edits.setdefault(rel, []).append(ServiceEdit(service, keys, value))
        self.patch.services.add(service)

    def finding(self, f: Finding) -> None:
        seg = f.segments
        if f.direction is Direction.NOT_DEPLOYED:
            self.patch.notes.append(f"{f.path}: the committed files are newer than what runs "
                                    "(use `envsync patch --to runtime`)")
            return
        if f.direction is Direction.UNCOMMITTED:
            extra = f.extra or {}
            if seg[:1] == ("containers",) and extra.get("declared") == extra.get("running"):
                self.patch.notes.append(f"{f.path}: the working tree already describes what "
                                        "runs: commit it")
            return
        if f.direction is not Direction.RUNTIME_OVERRIDE or seg[:1] != ("containers",) \
                or len(seg) < 3:
            if f.direction in (Direction.CONFLICT, Direction.NOT_RUNNING, Direction.UNDECLARED):
                self.patch.notes.append(f"{f.path}: {f.direction.value}: not patched ({f.message})")
            return
        record = (self.snapshot.get("containers") or {}).get(seg[1]) or {}
        service = record.get("service") or seg[1]
        field_name = seg[2]
        # Values come from the declared replicas only, and only when they agree.
        refused = disagreement(self.snapshot, seg[1], seg[2:])
        if refused or (service, *seg[2:]) in self.replica_leaves:
            if refused:
                self.patch.notes.append(f"{f.path}: {refused}")
            return
        self.replica_leaves.add((service, *seg[2:]))
        if field_name in ("command", "entrypoint"):
            value = record.get(field_name)
            if value is None:
                self.patch.notes.append(f"{f.path}: runs the image's default; remove "
                                        f"`{field_name}` from the compose file by hand")
                return
            self.edit(service, (field_name,), list(value))
        elif field_name in _KEYS:
            self.edit(service, (_KEYS[field_name],), record.get(field_name))
        elif field_name == "memory_limit_mb":
            mb = record.get("memory_limit_mb")
            if mb is None:
                self.patch.notes.append(f"{f.path}: runs without a memory limit; remove it "
                                        "by hand")
                return
            rel = self.target(service, "deploy")
            deploy_sets = service_sets(self.text(rel), service, "deploy") and \
                not service_sets(self.text(rel), service, "mem_limit")
            if deploy_sets:
                self.edit(service, ("deploy", "resources", "limits", "memory"), _memory(mb))
            else:
                self.edit(service, ("mem_limit",), _memory(mb))
        elif field_name == "env" and len(seg) >= 4:
            self.env_key(service, seg[3], (record.get("env") or {}).get(seg[3]), f)
        else:
            self.patch.notes.append(f"{f.path}: not patched automatically ({f.message}); "
                                    "edit it by hand")

    def env_key(self, service: str, key: str, value: Any, f: Finding) -> None:
        if value is None:
            self.patch.notes.append(f"{f.path}: not set in the running container; remove "
                                    f"{key} from the files by hand")
            return
        if not is_fingerprint(value):
            self.edit(service, ("environment", key), str(value))
            return
        # A secret: the files reference it, the env file gets a placeholder, the value
        # itself is never copied anywhere.
        self.edit(service, ("environment", key), "${" + key + "}")
        env_file = self.env.compose.env_file if self.env.compose else None
        if env_file is None:
            self.patch.notes.append(f"{f.path}: a secret; set {key} where the environment "
                                    "gets its secrets")
            return
        present = any(line.split("=", 1)[0].strip().removeprefix("export ").strip() == key
                      for line in self.text(env_file).splitlines())
        if present:
            self.patch.notes.append(f"{f.path}: the running secret differs from {env_file}; "
                                    "put the right value there by hand")
        else:
            self.env_lines.append(f"{key}={PLACEHOLDER}  # envsync: the running value is a "
                                  "secret; set it here")
            self.patch.notes.append(f"{f.path}: a secret: {env_file} gets {key}={PLACEHOLDER}; "
                                    "put the real value there")

    def finish(self) -> VcsPatch:
        for rel, edits in self.edits.items():
            old = self.text(rel)
            # CannotEdit goes up: a file that cannot be edited line for line is refused
            # (exit 2), never patched in part; a shared key is left out with a note.
            self.patch.files[rel] = (old, apply_edits(old, edits, filename=str(self.root / rel),
                                                      refused=self.patch.notes))
        if self.env_lines and self.env.compose and self.env.compose.env_file:
            rel = self.env.compose.env_file
            old = self.text(rel)
            nl = "\r\n" if "\r\n" in old else "\n"
            sep = "" if not old or old.endswith("\n") else nl
            self.patch.files[rel] = (old, old + sep + nl.join(self.env_lines) + nl)
        return self.patch


def plan_vcs_patch(root: Path, env: Environment, snapshot: Snapshot,
                   findings: list[Finding]) -> VcsPatch:
    """The file edits for every runtime override among ``findings``; notes for the rest."""
    planner = _Planner(root, env, snapshot)
    if env.compose is None:
        planner.patch.notes.append(f"{env.name}: no compose files to patch")
        return planner.patch
    for f in findings:
        planner.finding(f)
    return planner.finish()
