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
from envsync.patch.secretfree import env_insertions, parameterise, safe_diff
from envsync.patch.yamledit import ServiceEdit, apply_edits, service_sets
from envsync.secrets import contains_fingerprint

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
    diffs: dict[str, str] = field(default_factory=dict)
    """path → its diff, whose lines show no secret (files whose diff would are left out)"""

    @property
    def diff(self) -> str:
        return "".join(self.diffs[path] for path in sorted(self.diffs))


_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(path: str, old: str, new: str, context: int = 3) -> str:
    """A diff that ``git apply`` accepts, including a missing final newline and CRLF lines
    (split at ``\n`` only, as git does: str.splitlines would also split at \x0c or \u2028)."""
    a, b = _LINES.findall(old), _LINES.findall(new)
    out = []
    for line in difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}", n=context):
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
        self.env_lines: list[tuple[str, ServiceEdit | None]] = []
        """placeholder lines for the env file, with the edit that needs each"""
        self.made: set[str] = set()
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

    def edit(self, service: str, keys: tuple[str, ...], value: Any) -> ServiceEdit | None:
        if any(contains_fingerprint(v) for v in (value if isinstance(value, list) else [value])):
            # Never reached by design (secrets become ${VAR} first): the last guard that a
            # fingerprint is never written into a file as if it were the value.
            self.patch.notes.append(f"{service}: {'.'.join(keys)} holds a secret: not patched; "
                                    "edit it by hand")
            return None
        rel = self.target(service, keys[0])
        edit = ServiceEdit(service, keys, value)
        self.edits.setdefault(rel, []).append(edit)
        self.patch.services.add(service)
        return edit

    def finding(self, f: Finding) -> None:
        seg = f.segments
        if f.direction is Direction.NOT_DEPLOYED:
            self.patch.notes.append(f"{f.path}: the committed files are newer than what runs "
                                    "(use `envsync patch --to runtime`)")
            return
        if f.direction is Direction.UNCOMMITTED:
            extra = f.extra
            if seg[:1] == ("containers",) and (extra is None
                                               or extra["declared"] == extra["running"]):
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
            self.secret_args(f, service, field_name, [str(v) for v in value])
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

    def secret_args(self, f: Finding, service: str, field_name: str, value: list[str]) -> None:
        """Set a command or entrypoint; each secret in it (a fingerprint: the value was never
        seen) becomes ``${VAR}``, and the env file gets ``VAR=CHANGE_ME``."""
        if not any(contains_fingerprint(v) for v in value):
            self.edit(service, (field_name,), value)
            return
        env_file = self.env.compose.env_file if self.env.compose else None
        if env_file is None:
            self.patch.notes.append(f"{f.path}: {service}'s {field_name} holds a secret and "
                                    "the environment has no env file to hold it: not "
                                    "patched; edit it by hand")
            return
        args, made = parameterise(value, lambda hint: self.variable(service, hint))
        edit = self.edit(service, (field_name,), args)
        for var in made:
            self.placeholder(f, env_file, var, edit)

    def variable(self, service: str, hint: str) -> str:
        """A new variable name for a secret of ``service`` (``APP_TOKEN``, ``APP_SECRET_2``)."""
        base = re.sub(r"[^A-Za-z0-9]+", "_", f"{service}_{hint or 'secret'}").strip("_").upper()
        name, n = base, 1
        while name in self.made:
            n += 1
            name = f"{base}_{n}"
        self.made.add(name)
        return name

    def placeholder(self, f: Finding, env_file: str, key: str,
                    edit: ServiceEdit | None) -> None:
        """``key=CHANGE_ME`` for the env file, unless it already sets ``key``."""
        present = any(line.split("=", 1)[0].strip().removeprefix("export ").strip() == key
                      for line in self.text(env_file).splitlines())
        if present:
            self.patch.notes.append(f"{f.path}: the running secret differs from {env_file}; "
                                    "put the right value there by hand")
        else:
            self.env_lines.append((f"{key}={PLACEHOLDER}  # envsync: the running value is "
                                   "a secret; set it here", edit))
            self.patch.notes.append(f"{f.path}: a secret: {env_file} gets {key}={PLACEHOLDER}; "
                                    "put the real value there")

    def env_key(self, service: str, key: str, value: Any, f: Finding) -> None:
        if value is None:
            self.patch.notes.append(f"{f.path}: not set in the running container; remove "
                                    f"{key} from the files by hand")
            return
        if not contains_fingerprint(value):
            self.edit(service, ("environment", key), str(value))
            return
        # A secret: the files reference it, the env file gets a placeholder, the value
        # itself is never copied anywhere.
        edit = self.edit(service, ("environment", key), "${" + key + "}")
        env_file = self.env.compose.env_file if self.env.compose else None
        if env_file is None:
            self.patch.notes.append(f"{f.path}: a secret; set {key} where the environment "
                                    "gets its secrets")
            return
        self.placeholder(f, env_file, key, edit)

    def finish(self) -> VcsPatch:
        refused: list[ServiceEdit] = []
        for rel, edits in self.edits.items():
            old = self.text(rel)
            # CannotEdit goes up: a file that cannot be edited line for line is refused
            # (exit 2), never patched in part; a shared key is left out with a note.
            new = apply_edits(old, edits, filename=str(self.root / rel),
                              refused=self.patch.notes)
            diff = safe_diff(rel, old, new, unified_diff)
            if diff is None:
                new, diff, left_out = self.secret_free(rel, old, edits)
                refused += left_out
            self.patch.files[rel] = (old, new)
            if diff:
                self.patch.diffs[rel] = diff
        lines = [line for line, edit in self.env_lines if edit is None or edit not in refused]
        if lines and self.env.compose and self.env.compose.env_file:
            self.env_file_lines(self.env.compose.env_file, lines)
        return self.patch

    def secret_free(self, rel: str, old: str,
                    edits: list[ServiceEdit]) -> tuple[str, str, list[ServiceEdit]]:
        """The file with as many of ``edits`` as can be shown without a secret (the lines
        an edit replaces, or its context, may hold one); the others get a note each."""
        kept: list[ServiceEdit] = []
        left_out: list[ServiceEdit] = []
        new, diff = old, ""
        for edit in edits:
            trial = apply_edits(old, [*kept, edit], filename=str(self.root / rel),
                                refused=[])  # already noted by the first, whole try
            shown = safe_diff(rel, old, trial, unified_diff)
            if shown is None:
                left_out.append(edit)
                self.patch.notes.append(
                    f"{rel}: {edit.service}.{'.'.join(edit.keys)}: not patched: the diff would "
                    "show a secret (in the lines it replaces or around them); edit it by hand")
            else:
                kept.append(edit)
                new, diff = trial, shown
        return new, diff, left_out

    def env_file_lines(self, rel: str, lines: list[str]) -> None:
        """The placeholders, where the env file's lines around them hold no secret (they
        are the diff's context); refused with a note when no such place exists."""
        old = self.text(rel)
        for new in env_insertions(old, lines):
            diff = safe_diff(rel, old, new, unified_diff)
            if diff is not None:
                self.patch.files[rel] = (old, new)
                self.patch.diffs[rel] = diff
                return
        keys = ", ".join(line.split("=", 1)[0] for line in lines)
        self.patch.notes.append(f"{rel}: not patched: every line of it is a secret, which the "
                                f"diff would show; add {keys} there by hand")


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
