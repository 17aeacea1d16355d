"""``envsync init --inventory FILE``: an Ansible inventory's groups written into
envsync.yaml as fleet environments (``engines:``), round-trip (comments and order kept),
atomically, and never over an existing environment unless forced."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from envsync.config import CONFIG_NAME
from envsync.errors import ConfigError

__all__ = ["InventoryResult", "write_inventory"]

_RESERVED = ("all", "ungrouped")


@dataclass
class InventoryResult:
    """What was written: environment → its hosts, and → the environment its git and
    compose settings came from (itself when it existed)."""

    path: Path
    environments: dict[str, list[str]] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)
    created: bool = False


def _groups(inventory: Any, wanted: list[str]) -> dict[str, list[str]]:
    """Group → its hosts, for the groups asked for (default: every group with hosts)."""
    from envsync.fleet.inventory import group_hosts
    from envsync.names import env_name_problem

    if wanted:
        unknown = [g for g in wanted if g not in inventory.groups]
        if unknown:
            known = ", ".join(g for g in inventory.groups if g not in _RESERVED) or "none"
            raise ConfigError(f"{inventory.path}: no group {unknown[0]!r} (groups: {known})")
        names = wanted
    else:
        names = [g for g in inventory.groups if g not in _RESERVED]
        if not names and inventory.hosts:
            names = ["all"]  # hosts and no groups: the whole inventory is one fleet
    out = {name: group_hosts(inventory, name) for name in names}
    out = {name: hosts for name, hosts in out.items() if hosts}
    if not out:
        raise ConfigError(f"{inventory.path}: no group with hosts"
                          + (f" among {', '.join(wanted)}" if wanted else ""))
    for name in out:
        problem = env_name_problem(name)
        if problem is not None:
            raise ConfigError(f"{inventory.path}: group {problem}")
    return out


def _template(envs: Any, like: str | None, group: str, target: Path) -> str:
    """The environment whose git and compose settings a new fleet environment copies."""
    if like is not None:
        if like not in envs:
            raise ConfigError(f"{target}: --like {like!r}: no such environment")
        return like
    if group in envs and isinstance(envs[group], dict) and envs[group].get("compose"):
        return group
    with_compose = [n for n, e in envs.items() if isinstance(e, dict) and e.get("compose")
                    and not (isinstance(e.get("git"), dict) and e["git"].get("remote"))]
    remote_ok = [n for n in with_compose if n != "local"]
    if remote_ok or with_compose:
        return str((remote_ok or with_compose)[0])
    raise ConfigError(f"{target}: no environment with compose files to copy git and compose "
                      "from (pass --like ENV)")


def write_inventory(root: Path, inventory_path: Path, *, groups: list[str] | None = None,
                    like: str | None = None, force: bool = False) -> InventoryResult:
    """Add one fleet environment per inventory group to ``root/envsync.yaml`` (made by
    ``envsync init``'s proposal first when missing). Nothing is written when any check
    fails: an existing environment of a group's name (without ``force``), a bad inventory,
    or a result that would not load."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from envsync.config import load_config
    from envsync.fleet.inventory import engine_url_of, read_inventory
    from envsync.init import propose_config
    from envsync.store import atomic_write_text
    from envsync.yamlload import bounded_yaml

    inventory = read_inventory(inventory_path)
    wanted = _groups(inventory, list(groups or ()))
    urls = {g: [(h, engine_url_of(inventory, h)) for h in hosts] for g, hosts in wanted.items()}
    target = root / CONFIG_NAME
    result = InventoryResult(path=target, created=not target.exists())
    if result.created:
        text = propose_config(root).text
    else:
        load_config(target)  # a broken envsync.yaml is reported as it is, not edited
        from envsync.files import CONFIG_LIMIT, read_text_bounded

        text = read_text_bounded(target, CONFIG_LIMIT, "config file", ConfigError)
    yaml = bounded_yaml("rt")
    data = yaml.load(text)
    envs = data["environments"]
    clashes = [g for g in wanted if g in envs]
    if clashes and not force and not result.created:  # a fresh proposal's guesses give way
        raise ConfigError(f"{target}: environment {clashes[0]!r} already exists (use --force "
                          "to make it the inventory's fleet; its other settings are kept)")
    for group, hosts in urls.items():
        engines = CommentedSeq()
        for host, url in hosts:
            entry = CommentedMap([("name", host), ("url", url)])
            entry.fa.set_flow_style()
            engines.append(entry)
        if group in envs and isinstance(envs[group], dict):
            node = envs[group]
            node.pop("docker", None)
            node["engines"] = engines
            result.templates[group] = group
        else:
            result.templates[group] = _template(envs, like, group, target)
            source = envs[result.templates[group]]
            node = CommentedMap([("git", copy.deepcopy(source["git"])),
                                 ("compose", copy.deepcopy(source["compose"])),
                                 ("engines", engines)])
            envs[group] = node
        node.yaml_set_comment_before_after_key(
            "engines", before=f"hosts of Ansible group {group} ({inventory_path.name})",
            indent=4)
        result.environments[group] = [h for h, _ in hosts]
    out = io.StringIO()
    yaml.dump(data, out)
    _check_loads(target, out.getvalue())
    atomic_write_text(target, out.getvalue())
    return result


def _check_loads(target: Path, text: str) -> None:
    """Load the new text as envsync.yaml before it replaces the old one: a fault here is a
    bug of ours, and must not leave a config that no command can read."""
    import os
    import tempfile

    from envsync.config import load_config

    fd, name = tempfile.mkstemp(prefix=".envsync-check.", suffix=".yaml", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        load_config(Path(name))
    except ConfigError as exc:  # named after the file it would have been, not the check's
        raise ConfigError(f"{target} would not load with the inventory's groups added "
                          f"(nothing written): {str(exc).replace(name, target.name)}") from None
    finally:
        Path(name).unlink()
