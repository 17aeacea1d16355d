"""Ansible inventories (INI and YAML) → groups of hosts with their engine URLs.

Why not ansible-core's own parser: it is the reference, but it brings all of Ansible
(Jinja2, its plugin loader, some 40 MB) into a tool that only needs hosts and three
variables; no well-kept parser of inventories alone exists on PyPI. What is read here is the
static subset fleet owners keep in a file, as Ansible defines it:

- INI: ``[group]`` host lines (``name key=value …``, ``name:port``, ranges such as
  ``web[01:20].example.com`` or ``db-[a:c]``), ``[group:vars]`` and ``[group:children]``;
  hosts before any section are ``ungrouped``.
- YAML: ``group: {hosts: {name: {vars} | null}, vars: {…}, children: {group: …}}`` under
  ``all`` or at the top.
- Variables (``ansible_host``, ``ansible_user``, ``ansible_port`` and their old
  ``ansible_ssh_*`` names, ``ansible_connection: local``, and ``envsync_engine``, an explicit
  engine URL) are merged as Ansible merges them: ``all``'s, then each group's from the
  outermost to the innermost (same depth: by ``ansible_group_priority``, then name), then the
  host's own.

Not supported (one line naming the file and line, exit 2): Jinja templates in those three
variables, dynamic inventory scripts and plugins, ``group_vars/``/``host_vars/`` folders
(not read: put the variables in the inventory, or an ``envsync_engine`` per host), vaulted
values.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.errors import ConfigError

__all__ = ["Group", "Inventory", "InventoryError", "engine_url_of", "expand_range",
           "group_hosts", "host_vars", "read_inventory"]


class InventoryError(ConfigError):
    """An Ansible inventory envsync cannot read; the message names the file and line."""


@dataclass
class Group:
    """One inventory group: its own hosts, variables and child groups."""

    name: str
    hosts: list[str] = field(default_factory=list)
    vars: dict[str, Any] = field(default_factory=dict)
    children: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class Inventory:
    """Every group (``all`` and ``ungrouped`` included) and every host's own variables."""

    path: Path
    groups: dict[str, Group] = field(default_factory=dict)
    hosts: dict[str, dict[str, Any]] = field(default_factory=dict)
    host_lines: dict[str, int] = field(default_factory=dict)
    _members: dict[str, set[str]] = field(default_factory=dict, repr=False)
    """Group → all its hosts (children's too), filled once the inventory is read."""
    _depth: dict[str, int] = field(default_factory=dict, repr=False)
    """Group → its depth below ``all`` (:func:`_depths`), computed once."""

    def group(self, name: str, line: int = 0) -> Group:
        if name not in self.groups:
            self.groups[name] = Group(name=name, line=line)
        return self.groups[name]

    def add_host(self, group: str, host: str, variables: dict[str, Any], line: int) -> None:
        if host not in self.hosts and len(self.hosts) >= MAX_INVENTORY_HOSTS:
            raise _fail(self.path, line, f"more than {MAX_INVENTORY_HOSTS:,} hosts; envsync "
                                         "reads fleets of up to that many: split the "
                                         "inventory")
        target = self.group(group, line)
        if host not in target.hosts:
            target.hosts.append(host)
        self.hosts.setdefault(host, {}).update(variables)
        self.host_lines.setdefault(host, line)


_GROUP_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RANGE = re.compile(r"\[([^\]:]*):([^\]:]*)(?::([^\]]*))?\]")
MAX_RANGE_HOSTS = 10_000
MAX_INVENTORY_HOSTS = 10_000
"""Hosts of one inventory (docs/scale.md measures fleets of 50-500): a range or a file of
10^5 hosts would otherwise take minutes to turn into envsync.yaml."""
MAX_GROUP_DEPTH = 50
"""Levels of ``children:`` below a group (Ansible's own inventories nest a handful)."""


def _quote(text: str) -> str:
    """The first word of ``text``, quoted, and ``…`` when there is more: an inventory line
    may hold a password (``ansible_ssh_pass PW``), which an error must not repeat."""
    words = text.split()
    first = words[0] if words else text
    return repr(first) + (" …" if len(words) > 1 else "")


_SECRET_VAR = re.compile(r"pass|vault|secret|token|key", re.IGNORECASE)


def _learn_secrets(variables: dict[str, Any]) -> None:
    """Ansible's password variables (``ansible_password``, ``ansible_ssh_pass``,
    ``ansible_become_pass``, …): never printed, whatever message quotes them later."""
    from envsync.secrets import learn_secret

    for name, value in variables.items():
        if _SECRET_VAR.search(str(name)) and isinstance(value, str | int) and str(value):
            learn_secret(str(value))


def _fail(path: Path, line: int | None, problem: str) -> InventoryError:
    return InventoryError(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


def expand_range(pattern: str) -> list[str]:
    """``web[01:03].x`` → ``web01.x, web02.x, web03.x``; ``db-[a:c]`` → ``db-a … db-c``;
    ``[1:9:4]`` steps by 4. Raises ValueError for a range Ansible would refuse, or one that
    stands for more than MAX_RANGE_HOSTS hosts (counted before any is made:
    ``h[0:9999]x[0:9999]`` is 10^8 names)."""
    total = 1
    for match in _RANGE.finditer(pattern):
        total *= _range_size(match)
        if total > MAX_RANGE_HOSTS:
            raise ValueError(f"{pattern} stands for more than {MAX_RANGE_HOSTS} hosts")
    return _expand(pattern)


def _range_size(match: re.Match[str]) -> int:
    start, end, step_text = match.group(1), match.group(2), match.group(3)
    if step_text is not None and not step_text.isdigit():
        raise ValueError(f"the step of {match.group(0)} must be a positive number")
    step = int(step_text) if step_text else 1
    if step < 1:
        raise ValueError(f"the step of {match.group(0)} must be a positive number")
    if start.isdigit() and end.isdigit():
        first, last = int(start), int(end)
    elif len(start) == 1 and len(end) == 1 and start.isalpha() and end.isalpha():
        first, last = ord(start), ord(end)
    else:
        raise ValueError(f"{match.group(0)} is not a numeric or alphabetic range")
    if last < first:
        raise ValueError(f"{match.group(0)} is empty (its start is past its end)")
    return (last - first) // step + 1


def _expand(pattern: str) -> list[str]:
    match = _RANGE.search(pattern)
    if match is None:
        return [pattern]
    start, end, step_text = match.group(1), match.group(2), match.group(3)
    step = int(step_text) if step_text else 1
    if start.isdigit() and end.isdigit():
        width = len(start) if start.startswith("0") else 0
        values = [str(n).zfill(width) for n in range(int(start), int(end) + 1, step)]
    else:
        values = [chr(c) for c in range(ord(start), ord(end) + 1, step)]
    head, tail = pattern[:match.start()], pattern[match.end():]
    return [h for v in values for h in _expand(head + v + tail)]


def read_inventory(path: Path) -> Inventory:
    """Read an INI or YAML inventory; raises InventoryError naming the file and line."""
    from envsync.files import CONFIG_LIMIT, read_text_bounded

    text = read_text_bounded(path, CONFIG_LIMIT, "inventory", InventoryError)
    inventory = (_read_yaml(path, text) if _looks_yaml(path, text)
                 else _read_ini(path, text))
    inventory.group("all")
    for name, group in inventory.groups.items():
        for child in group.children:
            if child not in inventory.groups:
                raise _fail(path, group.line, f"group {name}'s child {child!r} is not a group "
                                              "of this inventory")
    _check_cycles(inventory)
    return inventory


def _looks_yaml(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".yml", ".yaml", ".json"):
        return True
    if path.suffix.lower() in (".ini", ".cfg"):
        return False
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith(("#", ";")):
            # `all:` or `webservers:` opens a YAML inventory; `[web]` or `host var=x` is INI
            return bool(re.fullmatch(r"[\w.-]+:\s*(#.*)?", line)) or line.startswith("{")
    return False


# --- INI --------------------------------------------------------------------------------------

def _read_ini(path: Path, text: str) -> Inventory:
    inventory = Inventory(path=path)
    section, kind = "ungrouped", "hosts"
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise _fail(path, number, f"{_quote(line)} opens a section without closing it")
            section, _, kind = line[1:-1].strip().partition(":")
            kind = kind or "hosts"
            if kind not in ("hosts", "vars", "children"):
                raise _fail(path, number, f"[{section}:{kind}]: unknown section kind "
                                          "(use [group], [group:vars] or [group:children])")
            _check_group_name(path, number, section)
            inventory.group(section, number)
            continue
        if kind == "vars":
            key, eq, value = line.partition("=")
            if not eq or not key.strip():
                raise _fail(path, number, f"[{section}:vars] wants key=value, got "
                                          f"{_quote(line)}")
            inventory.group(section).vars[key.strip()] = _ini_value(value.strip())
            _learn_secrets({key.strip(): value.strip()})
        elif kind == "children":
            _check_group_name(path, number, line)
            inventory.group(line, number)
            group = inventory.group(section)
            if line not in group.children:
                group.children.append(line)
        else:
            _ini_host_line(inventory, section, line, number)
    return inventory


def _ini_host_line(inventory: Inventory, section: str, line: int | str, number: int) -> None:
    path = inventory.path
    try:
        words = shlex.split(str(line), comments=True)
    except ValueError as exc:  # an unclosed quote
        raise _fail(path, number, f"cannot read this host line: {exc}") from None
    if not words:
        return
    name, variables = words[0], {}
    for word in words[1:]:
        key, eq, value = word.partition("=")
        if not eq or not key:
            # never the word itself: after `ansible_password= ` it is the password
            raise _fail(path, number, f"host {_quote(name)}: word {words.index(word) + 1} of "
                                      "the line is not key=value")
        variables[key] = _ini_value(value)
    _learn_secrets(variables)
    if "=" in name:
        raise _fail(path, number, f"{name!r} is a variable where a host name is expected "
                                  f"(variables of a group go in [{section}:vars])")
    port_match = re.fullmatch(r"(.+?):(\d+)", name)
    if port_match and name.count(":") == 1:  # `host:port`; an IPv6 address has several ':'
        name = port_match.group(1)
        variables.setdefault("ansible_port", int(port_match.group(2)))
    try:
        names = expand_range(name)
    except ValueError as exc:
        raise _fail(path, number, f"host {name}: {exc}") from None
    for host in names:
        inventory.add_host(section, host, variables, number)


def _ini_value(text: str) -> Any:
    """An INI value as Ansible reads it: a number stays a number, quotes are removed."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def _check_group_name(path: Path, number: int, name: str) -> None:
    if not _GROUP_NAME.fullmatch(name):
        raise _fail(path, number, f"{_quote(name)} is not a group name (letters, digits and "
                                  "'_', not starting with a digit)")


# --- YAML -------------------------------------------------------------------------------------

_GROUP_KEYS = {"hosts", "vars", "children"}


def _read_yaml(path: Path, text: str) -> Inventory:
    from ruamel.yaml.error import YAMLError

    from envsync.yamlload import bounded_yaml

    try:
        data = bounded_yaml("rt").load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _fail(path, mark.line + 1 if mark is not None else None,
                    f"not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise _fail(path, 1, "a YAML inventory is a mapping of groups (all: {hosts: …, "
                             "children: …})")
    inventory = Inventory(path=path)
    for name, node in data.items():
        _yaml_group(inventory, data, str(name), node)
    return inventory


def _line(node: Any, key: Any) -> int | None:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _yaml_group(inventory: Inventory, parent: Any, name: str, node: Any) -> None:
    path = inventory.path
    line = _line(parent, name)
    _check_group_name(path, line or 0, name)
    group = inventory.group(name, line or 0)
    if node is None:
        return
    if not isinstance(node, dict):
        raise _fail(path, line, f"group {name} must be a mapping of hosts, vars and children")
    for key in node:
        if key not in _GROUP_KEYS:
            raise _fail(path, _line(node, key), f"group {name}: unknown key {key!r} "
                                                "(expected hosts, vars or children)")
    hosts = node.get("hosts") or {}
    if not isinstance(hosts, dict):
        raise _fail(path, _line(node, "hosts"), f"group {name}: hosts must be a mapping of "
                                                "host name → its variables (or nothing)")
    for host, variables in hosts.items():
        at = _line(hosts, host) or 0
        if variables is not None and not isinstance(variables, dict):
            raise _fail(path, at, f"host {host}: its variables must be a mapping")
        try:
            names = expand_range(str(host))
        except ValueError as exc:
            raise _fail(path, at, f"host {host}: {exc}") from None
        _learn_secrets(dict(variables or {}))
        for each in names:
            inventory.add_host(name, each, dict(variables or {}), at)
    variables = node.get("vars") or {}
    if not isinstance(variables, dict):
        raise _fail(path, _line(node, "vars"), f"group {name}: vars must be a mapping")
    group.vars.update(variables)
    _learn_secrets(dict(variables))
    children = node.get("children") or {}
    if not isinstance(children, dict):
        raise _fail(path, _line(node, "children"), f"group {name}: children must be a "
                                                   "mapping of group names")
    for child, child_node in children.items():
        if str(child) not in group.children:
            group.children.append(str(child))
        _yaml_group(inventory, children, str(child), child_node)


# --- what a host ends up with -----------------------------------------------------------------

def _check_cycles(inventory: Inventory) -> None:
    """Refuse groups that contain each other, or nest deeper than MAX_GROUP_DEPTH. Each
    group is explored once (a chain of diamonds is 2^n ways down, not 2^n walks)."""
    height: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> int:
        if name in trail:
            loop = " → ".join((*trail[trail.index(name):], name))
            raise _fail(inventory.path, inventory.groups[name].line,
                        f"groups contain each other: {loop}")
        if len(trail) > MAX_GROUP_DEPTH:
            raise _fail(inventory.path, inventory.groups[name].line,
                        f"groups nested more than {MAX_GROUP_DEPTH} levels deep "
                        f"({trail[0]} → {trail[1]} → … → {name})")
        if name not in height:
            height[name] = 1 + max((visit(child, (*trail, name))
                                    for child in inventory.groups[name].children), default=0)
        if len(trail) + height[name] > MAX_GROUP_DEPTH + 1:
            raise _fail(inventory.path, inventory.groups[name].line,
                        f"groups nested more than {MAX_GROUP_DEPTH} levels deep (below "
                        f"{trail[0] if trail else name})")
        return height[name]

    for name in inventory.groups:
        visit(name, ())


def group_hosts(inventory: Inventory, name: str) -> list[str]:
    """The hosts of group ``name``: its own, then its children's (in inventory order)."""
    if name == "all":
        return list(inventory.hosts)
    out: dict[str, None] = {}  # an ordered set: a host in two children is listed once
    seen: set[str] = set()
    stack = [name]
    while stack:  # depth first, children in order; a group reached twice adds nothing new
        group = stack.pop()
        if group in seen:
            continue
        seen.add(group)
        out.update(dict.fromkeys(inventory.groups[group].hosts))
        stack.extend(reversed(inventory.groups[group].children))
    return list(out)


def _members(inventory: Inventory, name: str) -> set[str]:
    if name not in inventory._members:
        inventory._members[name] = set(group_hosts(inventory, name))
    return inventory._members[name]


def _depths(inventory: Inventory) -> dict[str, int]:
    """Each group's depth below ``all`` (the longest way down, as Ansible counts it)."""
    parents: dict[str, list[str]] = {name: [] for name in inventory.groups}
    for name, group in inventory.groups.items():
        for child in group.children:
            parents[child].append(name)
    depth: dict[str, int] = {}

    def of(name: str) -> int:
        if name not in depth:
            depth[name] = 0 if name == "all" else 1 + max(
                (of(p) for p in parents[name] if p != "all"), default=0)
        return depth[name]

    return {name: of(name) for name in inventory.groups}


def host_vars(inventory: Inventory, host: str) -> dict[str, Any]:
    """``host``'s variables after Ansible's merge: all, groups outer to inner, the host."""
    if not inventory._depth:  # once per inventory, not once per host
        inventory._depth.update(_depths(inventory))
    depth = inventory._depth
    member = [g for g in inventory.groups if g != "all" and host in _members(inventory, g)]

    def order(name: str) -> tuple[int, int, str]:
        priority = inventory.groups[name].vars.get("ansible_group_priority", 1)
        return depth[name], priority if isinstance(priority, int) else 1, name

    merged: dict[str, Any] = dict(inventory.groups["all"].vars)
    for name in sorted(member, key=order):
        merged.update(inventory.groups[name].vars)
    merged.update(inventory.hosts.get(host) or {})
    return merged


def engine_url_of(inventory: Inventory, host: str) -> str:
    """The engine URL of ``host``: ``envsync_engine`` when set, the local socket for
    ``ansible_connection: local``, else ``ssh://[user@]address[:port]``."""
    variables = host_vars(inventory, host)
    line = inventory.host_lines.get(host)

    def var(*names: str) -> str | None:
        for name in names:
            value = variables.get(name)
            if value is None or value == "":
                continue
            text = str(value)
            if "{{" in text or "{%" in text:
                raise _fail(inventory.path, line, f"host {host}: {name} is a Jinja template "
                                                  f"({text!r}); envsync reads plain values only")
            return text
        return None

    explicit = var("envsync_engine")
    if explicit is not None:
        from urllib.parse import urlsplit

        from envsync.capture.engine import public_url
        from envsync.fleet.settings import engine_url_problem

        problem = engine_url_problem(explicit)
        if problem is not None:
            raise _fail(inventory.path, line, f"host {host}: envsync_engine "
                                              f"{public_url(explicit)!r} {problem}")
        if urlsplit(explicit).password is not None:
            # it would be written into envsync.yaml, a file kept in git
            raise _fail(inventory.path, line, f"host {host}: envsync_engine "
                                              f"{public_url(explicit)!r} holds a password; "
                                              "envsync does not write one into envsync.yaml "
                                              "(use an SSH key or agent)")
        return explicit
    if var("ansible_connection") == "local":
        from envsync.capture.engine import DEFAULT_SOCKET

        return DEFAULT_SOCKET
    address = var("ansible_host", "ansible_ssh_host") or host
    user = var("ansible_user", "ansible_ssh_user", "ansible_ssh_user_name")
    port = var("ansible_port", "ansible_ssh_port")
    if user is not None and (user.startswith("-") or not re.fullmatch(r"[\w.@-]+", user)):
        raise _fail(inventory.path, line, f"host {host}: ansible_user {user!r} is not a user "
                                          "name envsync can put in an ssh:// URL")
    if port is not None and not (port.isdigit() and 0 < int(port) < 65536):
        raise _fail(inventory.path, line, f"host {host}: ansible_port {port!r} is not a port")
    if ":" in address and not address.startswith("["):
        address = f"[{address}]"  # an IPv6 address
    if address.startswith("-") or not re.fullmatch(r"[\w.\-\[\]:%]+", address):
        raise _fail(inventory.path, line, f"host {host}: {address!r} is not a host address")
    url = f"ssh://{user + '@' if user else ''}{address}{':' + port if port else ''}"
    from envsync.fleet.settings import engine_url_problem

    problem = engine_url_problem(url)  # `all:` read as a host: ssh://[all:]
    if problem is not None:
        raise _fail(inventory.path, line, f"host {host}: {url!r} {problem}")
    return url
