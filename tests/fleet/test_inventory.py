"""Ansible inventories (INI and YAML) → fleet environments in envsync.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from envsync.config import load_config
from envsync.fleet.inventory import engine_url_of, expand_range, host_vars, read_inventory
from tests.helpers.cli import run_cli
from tests.helpers.git import Repo

INI = """\
# production hosts
[web]
web[01:03].example.com ansible_user=deploy
web-old.example.com:2222   # an older box

[db]
db1 ansible_host=10.0.0.5 ansible_port=2200 ansible_user="dbadmin"
db2 ansible_host=fe80::1

[prod:children]
web
db

[prod:vars]
ansible_user=ops

[web:vars]
ansible_port=2022

[tools]
localhost ansible_connection=local
docker-tcp envsync_engine=tcp://10.0.0.9:2375
"""

YAML = """\
all:
  vars:
    ansible_user: root
  children:
    prod:
      vars: {ansible_user: ops}
      children:
        web:
          hosts:
            web[1:2].example.com:
            web-old.example.com: {ansible_port: 2222, ansible_user: legacy}
          vars: {ansible_port: 2022}
        db:
          hosts:
            db1: {ansible_host: 10.0.0.5}
    staging:
      hosts:
        stage1:
"""


def _inventory(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_ini_groups_hosts_and_variables_as_ansible_merges_them(tmp_path: Path) -> None:
    inv = read_inventory(_inventory(tmp_path, "hosts", INI))
    assert inv.groups["web"].hosts == ["web01.example.com", "web02.example.com",
                                       "web03.example.com", "web-old.example.com"]
    assert inv.groups["prod"].children == ["web", "db"]
    urls = {h: engine_url_of(inv, h) for h in inv.hosts}
    assert urls == {
        # host var beats group vars; web's port (deeper group) beats nothing above it
        "web01.example.com": "ssh://deploy@web01.example.com:2022",
        "web02.example.com": "ssh://deploy@web02.example.com:2022",
        "web03.example.com": "ssh://deploy@web03.example.com:2022",
        # host:port on the host line beats web:vars; the user comes from prod:vars
        "web-old.example.com": "ssh://ops@web-old.example.com:2222",
        "db1": "ssh://dbadmin@10.0.0.5:2200",
        "db2": "ssh://ops@[fe80::1]",
        "localhost": "unix:///var/run/docker.sock",
        "docker-tcp": "tcp://10.0.0.9:2375",
    }


def test_yaml_inventory(tmp_path: Path) -> None:
    inv = read_inventory(_inventory(tmp_path, "inventory.yml", YAML))
    assert [engine_url_of(inv, h) for h in ("web1.example.com", "web-old.example.com",
                                            "db1", "stage1")] == [
        "ssh://ops@web1.example.com:2022", "ssh://legacy@web-old.example.com:2222",
        "ssh://ops@10.0.0.5", "ssh://root@stage1"]
    assert host_vars(inv, "stage1") == {"ansible_user": "root"}


def test_ranges() -> None:
    assert expand_range("db-[a:c]") == ["db-a", "db-b", "db-c"]
    assert expand_range("w[08:12:2].x") == ["w08.x", "w10.x", "w12.x"]
    assert expand_range("r[1:2]-[a:b]") == ["r1-a", "r1-b", "r2-a", "r2-b"]
    with pytest.raises(ValueError, match="start is past its end"):
        expand_range("w[5:1]")


@pytest.mark.parametrize(("name", "text", "line", "says"), [
    ("hosts", "[web\nh1\n", 1, "opens a section without closing it"),
    ("hosts", "[web:stuff]\nh1\n", 1, "unknown section kind"),
    ("hosts", "[web]\nh1 ansible_port\n", 2, "is not key=value"),
    ("hosts", "[web]\nh1\n[web:vars]\njust-a-word\n", 4, "wants key=value"),
    ("hosts", "[web]\nh[3:1]\n", 2, "start is past its end"),
    ("hosts", "[web]\nh1 ansible_user='unclosed\n", 2, "cannot read this host line"),
    ("hosts", "[web-servers]\nh1\n", 1, "is not a group name"),
    ("hosts", "[web:children]\ndb\n[db:children]\nweb\n", 1, "groups contain each other"),
    ("hosts", "[web]\nh1 ansible_host='{{ lookup(\"env\", \"H\") }}'\n", 2, "Jinja template"),
    ("hosts", "[web]\nh1 ansible_port=http\n", 2, "is not a port"),
    ("hosts", "[web]\nh1 ansible_user='a b'\n", 2, "is not a user name"),
    ("inv.yml", "all:\n  hosts:\n    - h1\n", 2, "hosts must be a mapping"),
    ("inv.yml", "all:\n  children:\n    web:\n      host: {h1: }\n", 4, "unknown key 'host'"),
    ("inv.yml", "all:\n  hosts: {h1: [1]}\n", 2, "variables must be a mapping"),
    ("inv.yml", "all: [\n", 2, "not valid YAML"),
])
def test_bad_inventories_name_the_line(tmp_path: Path, name: str, text: str, line: int,
                                       says: str) -> None:
    path = _inventory(tmp_path, name, text)
    result = run_cli("init", "--inventory", path, cwd=tmp_path)
    assert result.exit_code == 2
    (message,) = result.stderr.strip().splitlines()
    assert message.startswith(f"envsync: error: {path}:{line}: "), message
    assert says in message
    assert not (tmp_path / "envsync.yaml").exists()


CONFIG = """\
# our environments
project: shop
environments:
  local:
    git: .
    compose: {files: [compose.yml], project: shop-local}   # the laptop
  prod:
    git: .
    compose: {files: [compose.yml, compose.prod.yml], project: shop}
    docker: ssh://deploy@old-prod
    limits: {memory_mb: {app: 70}}
"""


def _repo(repo: Repo) -> Repo:
    repo.write("compose.yml", "services:\n  app: {image: busybox}\n")
    repo.write("compose.prod.yml", "services:\n  app: {mem_limit: 64m}\n")
    repo.write("envsync.yaml", CONFIG)
    repo.write("hosts.ini", INI)
    repo.commit()
    return repo


def test_init_adds_fleets_round_trip_and_refuses_to_overwrite(repo: Repo) -> None:
    _repo(repo)
    result = run_cli("init", "--inventory", "hosts.ini", "--group", "web", "--group", "tools",
                     cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    assert "web: 4 host(s)" in result.stdout and "(git and compose as prod)" in result.stdout
    text = (repo.path / "envsync.yaml").read_text()
    assert text.startswith(CONFIG.splitlines()[0])  # comments and order kept
    assert "# the laptop" in text and "# hosts of Ansible group web (hosts.ini)" in text
    config = load_config(repo.path / "envsync.yaml")
    web = config.environments["web"]
    assert [(e.name, e.url) for e in web.engines][:2] == [
        ("web01.example.com", "ssh://deploy@web01.example.com:2022"),
        ("web02.example.com", "ssh://deploy@web02.example.com:2022")]
    assert web.compose is not None and web.compose.files == ("compose.yml", "compose.prod.yml")
    assert config.environments["tools"].engines[0].url == "unix:///var/run/docker.sock"

    before = (repo.path / "envsync.yaml").read_text()
    again = run_cli("init", "--inventory", "hosts.ini", "--group", "prod", cwd=repo.path)
    assert again.exit_code == 2
    assert "environment 'prod' already exists (use --force" in again.stderr
    assert (repo.path / "envsync.yaml").read_text() == before  # nothing half-written

    forced = run_cli("init", "--inventory", "hosts.ini", "--group", "prod", "--force",
                     cwd=repo.path)
    assert forced.exit_code == 0, forced.stderr
    prod = load_config(repo.path / "envsync.yaml").environments["prod"]
    assert prod.docker is None and len(prod.engines) == 6
    assert prod.memory_limits_mb == {"app": 70.0}  # its other settings kept


def test_init_without_envsync_yaml_makes_one(repo: Repo) -> None:
    repo.write("docker-compose.yml", "services:\n  app: {image: busybox}\n")
    repo.write("inventory.yml", YAML)
    repo.commit()
    result = run_cli("init", "--inventory", "inventory.yml", cwd=repo.path)
    assert result.exit_code == 0, result.stderr
    config = load_config(repo.path / "envsync.yaml")
    assert {"local", "prod", "web", "db", "staging"} <= set(config.environments)
    assert [e.name for e in config.environments["prod"].engines] == [
        "web1.example.com", "web2.example.com", "web-old.example.com", "db1"]


def test_unknown_group(repo: Repo) -> None:
    _repo(repo)
    result = run_cli("init", "--inventory", "hosts.ini", "--group", "nope", cwd=repo.path)
    assert result.exit_code == 2
    assert "no group 'nope' (groups: web, db, prod, tools)" in result.stderr
