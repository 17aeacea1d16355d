"""``envsync init --inventory FILE`` given hostile Ansible inventories. Before: a range
product (``h[0000:9999]x[0000:9999]``) or 10^5 host lines ran for minutes (killed at 60 s);
a chain of 30 diamond-shaped ``children`` never ended (2^30 walks); 5,000 nested groups
were a RecursionError ("a bug"); ``envsync_engine=ssh://-oProxyCommand=…``, an
``ansible_host`` starting with ``-`` or a URL with a space were written into envsync.yaml
for the docker CLI's ``ssh`` to read as options; an ``envsync_engine`` holding a password
was copied into envsync.yaml. Now each is one line naming the file (and line), exit 2, and
envsync.yaml is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import assert_refused, envsync

CONFIG = "environments:\n  local:\n    git: .\n    compose: {files: [dc.yml]}\n" \
         "    runtime: false\n"


@pytest.fixture
def app(repo: Repo) -> Repo:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", CONFIG)
    repo.commit("app")
    return repo


def _diamonds(layers: int) -> str:
    """g0 → (a0, b0) → g1 → … → g<layers> holding two hosts: 2^layers ways down."""
    lines = []
    for i in range(layers):
        lines += [f"[g{i}:children]", f"a{i}", f"b{i}", f"[a{i}:children]", f"g{i + 1}",
                  f"[b{i}:children]", f"g{i + 1}"]
    return "\n".join([*lines, f"[g{layers}]", "host1", "host2", ""])


SHADOW_HASH = "Ab3dEf7GhIjK2lMnOpQrStUvWxYz0123456789abcdEFGH"
BOMB = "".join(f"{a}: &{a} [*{b}, *{b}]\n" for b, a in zip("abcdefghijklmnopq",
                                                          "bcdefghijklmnopqr", strict=True))

CASES: dict[str, tuple[str, bytes, tuple[str, ...]]] = {
    "a range of 10^8 hosts": ("inv.ini", b"[web]\nh[0000:9999]x[0000:9999]\n",
                              ("inv.ini:2", "more than 10000 hosts")),
    "10^5 host lines": ("inv.ini", ("[web]\n" + "".join(f"h{i}\n" for i in range(100_000)))
                        .encode(), ("inv.ini:", "more than 10,000 hosts")),
    "ranges of 10^5 hosts on ten lines": ("inv.ini", ("[web]\n" + "".join(
        f"{c}[0:9999]\n" for c in "abcdefghij")).encode(), ("inv.ini:3", "10,000 hosts")),
    "30 layers of diamonds": ("inv.ini", _diamonds(30).encode(),
                              ("inv.ini:", "nested more than 50 levels")),
    "5,000 nested groups": ("inv.ini", "".join(f"[g{i}:children]\ng{i + 1}\n"
                                               for i in range(5000)).encode()
                            + b"[g5000]\nh1\n", ("inv.ini:", "nested more than 50 levels")),
    "an alias bomb": ("inv.yml", b"a: &a [x, x]\n" + BOMB.encode(),
                      ("inv.yml:", "alias bomb")),
    "a recursive alias": ("inv.yml", b"all: &a\n  children:\n    web: *a\n",
                          ("inv.yml:3", "recursive alias")),
    "bytes that are not UTF-8": ("inv.ini", b"[web]\nh\xff\xfe1\n",
                                 ("inv.ini:2", "not UTF-8")),
    "a NUL in a host name": ("inv.ini", b"[web]\nh\x001\n", ("inv.ini:2", "not a host address")),
    "a NUL in ansible_host": ("inv.ini", b'[web]\nh1 ansible_host="a\x00b"\n',
                              ("inv.ini:2", "not a host address")),
    "a host named like an ssh option": ("inv.yml", b'all:\n  hosts:\n'
                                        b'    "ssh://-oProxyCommand=id@h": null\n',
                                        ("inv.yml:3", "not a host address")),
    "envsync_engine with -oProxyCommand": ("inv.ini", b"[web]\nh1 envsync_engine="
                                           b"ssh://-oProxyCommand=touch${IFS}x\n",
                                           ("inv.ini:2", "starting with '-'")),
    "envsync_engine with a space": ("inv.ini", b'[web]\nh1 envsync_engine="ssh://h1 '
                                    b'-oProxyCommand=x"\n', ("inv.ini:2", "a space")),
    "ansible_host starting with -": ("inv.ini", b"[web]\nh1 ansible_host=-oProxyCommand\n",
                                     ("inv.ini:2", "not a host address")),
    "ansible_user starting with -": ("inv.ini", b"[web]\nh1 ansible_user=-oProxyCommand\n",
                                     ("inv.ini:2", "ansible_user")),
    "a port past every port": ("inv.ini", b"[web]\nh1 ansible_port=" + b"9" * 40 + b"\n",
                               ("inv.ini:2", "not a port")),
    "a range step that is not a number": ("inv.ini", b"[web]\nh[1:9:x]\n",
                                          ("inv.ini:2", "step")),
    "a range of huge numbers": ("inv.ini", b"[web]\nh[0:" + b"9" * 30 + b"]\n",
                                ("inv.ini:2", "more than 10000 hosts")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_inventory_is_one_line(app: Repo, case: str) -> None:
    name, data, needles = CASES[case]
    (app.path / name).write_bytes(data)
    before = (app.path / "envsync.yaml").read_bytes()
    assert_refused(envsync("init", "--inventory", name, cwd=app.path), *needles)
    assert (app.path / "envsync.yaml").read_bytes() == before


def test_a_password_in_envsync_engine_is_never_written(app: Repo) -> None:
    (app.path / "inv.ini").write_text("[web]\nh1 envsync_engine=ssh://ops:EgPw8812kLmN@h1\n")
    line = assert_refused(envsync("init", "--inventory", "inv.ini", cwd=app.path),
                          "inv.ini:2", "holds a password")
    assert "EgPw88" not in line
    assert "EgPw88" not in (app.path / "envsync.yaml").read_text()


def test_an_inventory_linked_to_a_shadow_file(app: Repo, tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    shadow.write_text(f"root:$6$Qx7bLz9K${SHADOW_HASH}/IJKL:19000:0:99999:7:::\n"
                      "daemon:*:19000:0:99999:7:::\n")
    (app.path / "hosts").symlink_to(shadow)
    before = (app.path / "envsync.yaml").read_bytes()
    line = assert_refused(envsync("init", "--inventory", "hosts", cwd=app.path), "hosts:1")
    assert SHADOW_HASH[:12] not in line
    assert (app.path / "envsync.yaml").read_bytes() == before


def test_a_device_is_refused(app: Repo) -> None:
    assert_refused(envsync("init", "--inventory", "/dev/zero", cwd=app.path), "/dev/zero",
                   "device")


def test_twenty_layers_of_diamonds_read_at_once(app: Repo) -> None:
    """2^20 ways down to the same two hosts: each group is explored once."""
    (app.path / "inv.ini").write_text(_diamonds(20))
    proc = envsync("init", "--inventory", "inv.ini", "--group", "g0", cwd=app.path,
                   timeout=30)
    assert proc.returncode == 0, proc.stderr
    text = (app.path / "envsync.yaml").read_text()
    assert "{name: host1, url: ssh://host1}" in text and "host2" in text


PASSWORD = "Secr3tPw99xx"
SECRET_LINES = {
    "a vars line without '='": f"[web]\nh1\n[web:vars]\nansible_ssh_pass {PASSWORD}\n",
    "a space after ansible_password=": f"[web]\nh1 ansible_password= {PASSWORD}\n",
    "a host variable without '='": f"[web]\nh1 ansible_ssh_pass {PASSWORD}\n",
    "an unclosed section": f"[web ansible_ssh_pass {PASSWORD}\n",
    "a children line with a password": f"[web:children]\nansible_ssh_pass {PASSWORD}\n",
    "the password quoted back as a host": f"[web]\nh1 ansible_ssh_pass={PASSWORD} "
                                          f"ansible_host={PASSWORD};\n",
    "the password quoted back as an engine": f"[web]\nh1 ansible_become_pass={PASSWORD} "
                                             f"envsync_engine=ftp://{PASSWORD}\n",
    "a YAML password quoted back": f"all:\n  vars: {{ansible_password: {PASSWORD}}}\n"
                                   f"  hosts: {{h1: {{ansible_host: '{PASSWORD};'}}}}\n",
}


@pytest.mark.parametrize("case", sorted(SECRET_LINES))
def test_an_inventory_password_is_never_quoted(app: Repo, case: str) -> None:
    """Before: ``[web:vars]`` / host / section / children errors quoted the whole line, and
    ``ansible_ssh_pass`` (no TOKEN/PASSWORD in its name) was not known to be secret."""
    name = "inv.yml" if case.startswith("a YAML") else "inv.ini"
    (app.path / name).write_text(SECRET_LINES[case])
    proc = envsync("init", "--inventory", name, cwd=app.path)
    assert_refused(proc, f"{name}:")
    assert [PASSWORD[i:i + 5] for i in range(len(PASSWORD) - 4)
            if PASSWORD[i:i + 5] in proc.stdout + proc.stderr] == []


def test_a_yaml_inventory_named_ini_names_the_inventory(app: Repo) -> None:
    """Read as INI, ``all:`` became the host ``ssh://[all:]``, and the error named the
    temporary file envsync.yaml is checked in (``.envsync-check.x1y2.yaml:11``)."""
    (app.path / "inv.ini").write_text("all:\n  hosts:\n    h1:\n")
    line = assert_refused(envsync("init", "--inventory", "inv.ini", cwd=app.path), "inv.ini:1")
    assert ".envsync-check" not in line
