"""Edit one key of one service in a compose file, changing nothing else of the file.

ruamel.yaml does the round trip (comments, key order and quoting survive). It may still
re-space parts it re-emits (``image:  x`` → ``image: x``), so only the changed lines that
fall inside the edited service's block, or are pure insertions, are kept: every other line
of the file stays byte for byte as it was. CRLF files are edited as LF and written back CRLF.

What cannot be edited that way is refused, never half done: a file ruamel cannot read
(a tab before a comment, several ``---`` documents) or whose result would read back as more
than the edit (checked by loading both texts), raises :class:`CannotEdit`; a key that a
service takes from a ``<<: *anchor`` merge, or shares through an anchor, is left alone with
a note (an edit there would change every service that uses it, or be lost).
"""

from __future__ import annotations

import contextlib
import difflib
import io
import re
from collections import Counter
from typing import Any

from envsync.errors import EnvsyncError

__all__ = ["CannotEdit", "ServiceEdit", "apply_edits", "service_sets"]


class CannotEdit(EnvsyncError):
    """A compose file that cannot be edited without changing more than the edit: ruamel
    cannot read it, it holds several documents, mixed line endings, or the edited text
    would read back differently. The message names the file (and line, when known)."""


class ServiceEdit:
    """Set ``keys`` (a path under the service, e.g. ("environment", "LOG_LEVEL")) to ``value``."""

    def __init__(self, service: str, keys: tuple[str, ...], value: Any) -> None:
        self.service = service
        self.keys = keys
        self.value = value


def _yaml(text: str) -> tuple[Any, Any]:
    from ruamel.yaml.util import load_yaml_guess_indent

    from envsync.yamlload import bounded_yaml, check_nesting

    check_nesting(text)  # guessing the indent loads the text too: deep nesting is slow there
    _, indent, block_seq = load_yaml_guess_indent(text)
    yaml = bounded_yaml("rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    data = yaml.load(text)
    yaml.indent(mapping=_mapping_indent(data), sequence=indent or 4,
                offset=2 if block_seq is None else block_seq)
    return yaml, data


def _mapping_indent(data: Any) -> int:
    """The file's mapping indent, read where it matters: a service key under `services:`
    (ruamel's guess reads sequences; a 4-space file re-emitted at 2 would not merge)."""
    services = data.get("services") if isinstance(data, dict) else None
    if hasattr(data, "lc") and hasattr(services, "lc") and services:
        step = services.lc.key(next(iter(services)))[1] - data.lc.key("services")[1]
        if 2 <= step <= 8:
            return int(step)
    return 2


def service_sets(text: str, service: str, key: str) -> bool:
    """True when this file sets ``services.<service>.<key>``."""
    try:
        _, data = _yaml(text)
    except Exception:
        return False
    services = data.get("services") if isinstance(data, dict) else None
    svc = services.get(service) if isinstance(services, dict) else None
    return isinstance(svc, dict) and key in svc


def _block(data: Any, service: str, lines: list[str]) -> tuple[int, int] | None:
    """Line range [start, end) of the service's block in the original text."""
    services: Any = data.get("services")
    total = len(lines)
    if not hasattr(services, "lc") or service not in services:  # only ruamel maps know lines
        return None
    keys = list(services)
    start, column = services.lc.key(service)
    index = keys.index(service)
    if index + 1 < len(keys):
        end = services.lc.key(keys[index + 1])[0]
    else:
        after = [k for k in data if data.lc.key(k)[0] > start]
        end = data.lc.key(after[0])[0] if after else total
    # The block ends at the first line indented no deeper than the service's key (a `...`
    # document end, a top-level comment): ruamel may drop or move those, and they are
    # not the service's.
    for n in range(start + 1, end):
        line = lines[n]
        body = line.strip()
        if body and not body.startswith("#") and len(line) - len(line.lstrip(" ")) <= column:
            return start, n
    return start, end


def _set(node: Any, keys: tuple[str, ...], value: Any) -> None:
    from ruamel.yaml.comments import CommentedMap

    for key in keys[:-1]:
        child = node.get(key)
        if isinstance(child, list) and key == "environment":
            # list form `- KEY=value`: edit in place, keeping the form the author chose
            name = keys[-1]
            for i, item in enumerate(child):
                if str(item).split("=", 1)[0] == name:
                    child[i] = f"{name}={value}"
                    return
            child.append(f"{name}={value}")
            return
        if not isinstance(child, dict):
            child = CommentedMap()
            node[key] = child
        node = child
    node[keys[-1]] = _like(node.get(keys[-1]), value)


def _like(old: Any, value: Any) -> Any:
    """``value`` written the way the author wrote ``old``: a flow list stays a flow list,
    quoted items stay quoted, a string command stays a string."""
    import shlex

    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if isinstance(value, list) and isinstance(old, str):
        return shlex.join(value)
    if isinstance(value, list) and isinstance(old, CommentedSeq):
        quote: Any = None
        if old and isinstance(old[0], DoubleQuotedScalarString):
            quote = DoubleQuotedScalarString
        elif old and isinstance(old[0], SingleQuotedScalarString):
            quote = SingleQuotedScalarString
        seq = CommentedSeq([quote(v) if quote and isinstance(v, str) else v for v in value])
        if old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and isinstance(old, DoubleQuotedScalarString | SingleQuotedScalarString):
        return type(old)(value)
    return value


def _ours(line: str) -> bool:
    """An added line that can belong to a service edit: indented, or the `services:` key.
    Top-level lines ruamel re-emits differently (an unused anchor dropped) are not ours."""
    return line[:1] in (" ", "\t") or line.startswith("services:")


def _squash(line: str) -> str:
    """A line's meaning, so that lines ruamel re-emits in another form (``KEY: null`` as
    ``KEY:``, other spacing or quoting) compare equal and keep the author's form."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    body = line.strip()
    if body.startswith("#") or not body:
        return " ".join(line.split())
    try:
        value = YAML(typ="safe", pure=True).load(body.split(" #", 1)[0])
    except (YAMLError, ValueError, TypeError):
        return " ".join(line.split())
    return repr(value)


def _merge_block(old: list[str], new: list[str], offset: int,
                 regions: list[tuple[int, int]]) -> list[str]:
    """New lines for a changed stretch (``old`` starts at line ``offset``), except lines
    that differ only in spacing and lines outside the edited services' blocks: those stay
    as the author wrote them."""
    def inside(i: int) -> bool:
        return any(start <= offset + i < end for start, end in regions)

    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=[_squash(x) for x in old], b=[_squash(x) for x in new],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(old[i1:i2])
        elif op == "insert":
            out.extend(line for line in new[j1:j2] if _ours(line))
        elif not any(inside(i) for i in range(i1, i2)):
            out.extend(old[i1:i2])  # ruamel re-emitted something we did not touch
        elif op == "replace" and i2 - i1 == j2 - j1:
            out.extend(_keep_comment_gap(o, n) if inside(i1 + k) else o
                       for k, (o, n) in enumerate(zip(old[i1:i2], new[j1:j2], strict=True)))
        else:
            # lines before or after the edited blocks keep their old form
            head = next((k for k in range(i1, i2) if inside(k)), i2) - i1
            tail = i2 - 1 - next((k for k in range(i2 - 1, i1 - 1, -1) if inside(k)), i1 - 1)
            if j2 - j1 >= head + tail:
                out.extend(old[i1:i1 + head])
                out.extend(new[j1 + head:j2 - tail])
                out.extend(old[i2 - tail:i2])
            else:
                out.extend(new[j1:j2])
    return out


_COMMENT = re.compile(r"(\s+)(#[^\"']*)$")


def _keep_comment_gap(old: str, new: str) -> str:
    """A changed line keeps the author's gap before its trailing comment."""
    mo, mn = _COMMENT.search(old.rstrip("\n")), _COMMENT.search(new.rstrip("\n"))
    if not (mo and mn and mo.group(2) == mn.group(2)):
        return new
    code = new.rstrip("\n")[: mn.start()].rstrip()
    return code + mo.group(1) + mo.group(2) + ("\n" if new.endswith("\n") else "")


_DOC_END = re.compile(r"^\.\.\.[ \t]*(#[^\n]*)?\n(?:[ \t]*(#[^\n]*)?\n)*\Z", re.MULTILINE)


def _newline(text: str, filename: str) -> str:
    """The file's line ending; CannotEdit for a mix (the edit could not match it)."""
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n") and crlf == text.count("\r"):
        return "\r\n"
    if "\r" in text:
        raise CannotEdit(f"{filename}: cannot edit: mixed line endings (CRLF and LF); "
                         "make them one kind, or edit it by hand")
    return "\n"


def _load(text: str, filename: str) -> tuple[Any, Any]:
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return _yaml(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{filename}:{mark.line + 1}" if mark else filename
        problem = " ".join(str(exc.problem or exc.context or "").split())
        if "another document" in problem or "single document" in str(exc.context):
            problem = "it holds several YAML documents, separated by ---"
        raise CannotEdit(f"{where}: cannot edit: the YAML library (ruamel.yaml) cannot "
                         f"read it: {problem}; edit it by hand") from None
    except Exception as exc:
        raise CannotEdit(f"{filename}: cannot edit: not valid YAML "
                         f"({' '.join(str(exc).split())})") from None


def _anchor_name(node: Any) -> str | None:
    anchor = getattr(node, "anchor", None)
    return getattr(anchor, "value", None)


def _shared(service_node: Any, edit: ServiceEdit) -> str | None:
    """Why ``edit`` would not stay inside its service's own lines: the key comes from a
    ``<<:`` merge, or its value is an anchor or alias other places use. None when safe."""
    node = service_node
    where = f"services.{edit.service}"
    for key in edit.keys:
        if not isinstance(node, dict):
            return None
        where += f".{key}"
        own = {k for k, _ in node.non_merged_items()} if hasattr(node, "non_merged_items") \
            else set(node)
        if key in node and key not in own:
            source = next((m for m in getattr(node, "merge", None) or [] if key in m), None)
            return f"{where} comes from a merge (`<<: *{_anchor_name(source) or '?'}`)"
        child = node.get(key)
        name = _anchor_name(child)
        if name:
            return f"{where} is shared through the YAML anchor &{name}"
        node = child
    return None


def apply_edits(text: str, edits: list[ServiceEdit], *, filename: str,
                refused: list[str] | None = None) -> str:
    """The file's text with the edits applied.

    Raises CannotEdit (naming the file) when the file cannot be edited line for line.
    An edit of a key a service shares with others (a ``<<:`` merge, an anchor) is left
    out with a note appended to ``refused``; without ``refused`` it raises CannotEdit too.
    """
    from ruamel.yaml.comments import CommentedMap

    newline = _newline(text, filename)
    original, text = text, text.replace("\r\n", "\n")
    # Lines appended after a last line with no newline would join it: edit with one,
    # give the result back without it.
    unterminated = bool(text) and not text.endswith("\n")
    text += "\n" if unterminated else ""
    # A closing `...` (document end) is dropped by ruamel: kept aside, put back after.
    ending = _DOC_END.search(text)
    closing = ending.group(0) if ending else ""
    text = text[: len(text) - len(closing)]
    yaml, data = _load(text, filename)
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        raise CannotEdit(f"{filename}: cannot edit: the file is not a mapping")
    services: Any = data.get("services")
    have = set(services) if isinstance(services, dict) else set()
    existing = []
    for edit in [e for e in edits if e.service in have]:
        if not isinstance(services[edit.service], dict):
            raise CannotEdit(f"{filename}: cannot edit: services.{edit.service} is not a mapping")
        anchor = _anchor_name(services[edit.service])
        why = (f"services.{edit.service} is the YAML anchor &{anchor}, which other services "
               "may merge" if anchor else _shared(services[edit.service], edit))
        if why is None:
            existing.append(edit)
            continue
        note = (f"{filename}: {why}: not patched (an edit there would change every service "
                "that uses it, or be lost); edit it by hand")
        if refused is None:
            raise CannotEdit(note)
        refused.append(note)
    added = [e for e in edits if e.service not in have]
    if not existing and not added:
        return original
    new = text
    old_lines = text.splitlines(keepends=True)
    regions = [b for b in (_block(data, e.service, old_lines) for e in existing) if b]
    if existing:
        new = _edit_existing(new, yaml, data, existing)
    if added:
        if existing:  # the line numbers ruamel recorded are the old text's: read it again
            yaml, data = _load(new, filename)
        new = _insert_services(new, yaml, data, added)
    _verify(text, new, existing + added, filename)
    _only_inside(old_lines, new.splitlines(keepends=True), regions, filename)
    new += closing
    if unterminated and new.endswith("\n"):
        new = new[:-1]
    return new.replace("\n", newline) if newline != "\n" else new


def _edit_existing(text: str, yaml: Any, data: Any, edits: list[ServiceEdit]) -> str:
    lines = text.splitlines(keepends=True)
    regions = [b for b in (_block(data, e.service, lines) for e in edits) if b]
    for edit in edits:
        _set(data["services"][edit.service], edit.keys, edit.value)
    buf = io.StringIO()
    yaml.dump(data, buf)
    new_lines = buf.getvalue().splitlines(keepends=True)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=lines, b=new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        inside = any(start <= i1 < end or (i1 == i2 and start <= i1 <= end) or
                     (i1 < start < i2) for start, end in regions)
        if op == "equal" or not (inside or op == "insert") or (
                op == "insert" and not any(_ours(x) for x in new_lines[j1:j2])):
            out.extend(lines[i1:i2])
        else:
            out.extend(_merge_block(lines[i1:i2], new_lines[j1:j2], i1, regions))
    return "".join(out)


def _insert_services(text: str, yaml: Any, data: Any, edits: list[ServiceEdit]) -> str:
    """New services are written as a block of text at the end of `services:` (or a new
    `services:` at the end of the file), so no other line is re-emitted."""
    from ruamel.yaml.comments import CommentedMap

    block = CommentedMap()
    for edit in edits:
        if not isinstance(block.get(edit.service), dict):
            block[edit.service] = CommentedMap()
        _set(block[edit.service], edit.keys, edit.value)
    buf = io.StringIO()
    yaml.dump({"services": block}, buf)
    new_block = buf.getvalue().splitlines(keepends=True)[1:]  # without "services:"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    services = data.get("services")
    if not hasattr(services, "lc"):
        return "".join([*lines, "services:\n", *new_block])
    start = data.lc.key("services")[0]
    after = [data.lc.key(k)[0] for k in data if data.lc.key(k)[0] > start]
    end = min(after) if after else len(lines)
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # before the blank lines that separate top-level keys
    return "".join([*lines[:end], *new_block, *lines[end:]])


# --- the check that an edit changed nothing else -------------------------------------------

def _plain(data: Any) -> Any:
    """Loaded YAML as plain JSON data, with the forms an edit may switch between made
    equal: environment lists as maps, string commands as argument lists."""
    import json
    import shlex

    plain = json.loads(json.dumps(data, default=str))
    services = plain.get("services") if isinstance(plain, dict) else None
    for svc in (services or {}).values() if isinstance(services, dict) else ():
        if not isinstance(svc, dict):
            continue
        env = svc.get("environment")
        if isinstance(env, list):
            svc["environment"] = {str(i).split("=", 1)[0]: (str(i).split("=", 1)[1]
                                  if "=" in str(i) else None) for i in env}
        for key in ("command", "entrypoint"):
            if isinstance(svc.get(key), str):
                with contextlib.suppress(ValueError):  # unbalanced quotes: compared as text
                    svc[key] = shlex.split(svc[key])
    return plain


def _comments(text: str) -> Counter[str]:
    return Counter(m.group(1).strip() for m in _COMMENTS.finditer(text))


_COMMENTS = re.compile(r"(?:^|[ \t])(#[^\n]*)", re.MULTILINE)


def _only_inside(old: list[str], new: list[str], regions: list[tuple[int, int]],
                 filename: str) -> None:
    """CannotEdit when a line outside the edited services' blocks changed or went: the
    rest of the file must stay byte for byte (new lines may only be added)."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op in ("replace", "delete"):
            for n in range(i1, i2):
                if not any(start <= n < end for start, end in regions):
                    raise CannotEdit(f"{filename}:{n + 1}: cannot edit: the YAML library "
                                     "would rewrite this line, outside the edited service; "
                                     "edit it by hand")


def _verify(old: str, new: str, edits: list[ServiceEdit], filename: str) -> None:
    """CannotEdit unless ``new`` reads back as ``old`` with exactly the edits, and keeps
    every comment: what the line-by-line merge could get wrong is caught here."""
    from envsync.yamlload import bounded_yaml

    load = bounded_yaml("safe").load
    try:
        before, after = _plain(load(old) or {}), _plain(load(new) or {})
    except Exception:
        raise CannotEdit(f"{filename}: cannot edit: the edited file would not read back as "
                         "YAML; edit it by hand") from None
    if not isinstance(before.get("services"), dict):
        before["services"] = {}
    for edit in edits:
        node = before["services"]
        for key in (edit.service, *edit.keys[:-1]):
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[edit.keys[-1]] = edit.value
    if _plain(before) != after:
        keys = ", ".join(sorted({f"services.{e.service}.{'.'.join(e.keys)}" for e in edits}))
        raise CannotEdit(f"{filename}: cannot edit: the YAML library would change more than "
                         f"{keys}; edit it by hand")
    lost = _comments(old) - _comments(new)
    if lost:
        raise CannotEdit(f"{filename}: cannot edit: the edit would drop the comment "
                         f"{next(iter(lost))!r}; edit it by hand")
