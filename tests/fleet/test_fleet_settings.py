"""``engines:`` and ``workers:`` in envsync.yaml: what a fleet may say, and one line naming
the file and line for what it may not."""

from __future__ import annotations

from pathlib import Path

import pytest

from envsync.config import load_config
from envsync.errors import ConfigError
from envsync.fleet.settings import DEFAULT_WORKERS
from tests.helpers.cli import run_cli

HEAD = """\
environments:
  fleet:
    git: .
    compose: {files: [compose.yml]}
"""


def _load(tmp_path: Path, body: str) -> object:
    path = tmp_path / "envsync.yaml"
    path.write_text(HEAD + body)
    return load_config(path).environments["fleet"]


def test_urls_and_named_hosts(tmp_path: Path) -> None:
    env = _load(tmp_path, """\
    engines:
      - unix:///var/run/docker.sock
      - ssh://deploy@web-2.example:2222
      - ssh://deploy@web-3.example
      - {name: blue, url: "tcp://10.0.0.9:2375", project: shop-blue}
    workers: 3
""")
    assert [(e.name, e.project) for e in env.engines] == [  # type: ignore[attr-defined]
        ("local", None), ("web-2.example:2222", None), ("web-3.example", None),
        ("blue", "shop-blue")]
    assert env.workers == 3  # type: ignore[attr-defined]
    assert env.docker is None  # type: ignore[attr-defined]


def test_default_worker_bound(tmp_path: Path) -> None:
    env = _load(tmp_path, "    engines: [ssh://a@h1, ssh://a@h2]\n")
    assert env.workers == DEFAULT_WORKERS == 32  # type: ignore[attr-defined]


@pytest.mark.parametrize(("body", "line", "says"), [
    ("    engines: []\n", 5, "must be a list of engine URLs"),
    ("    engines: ssh://a@h1\n", 5, "must be a list of engine URLs"),
    ("    engines:\n      - ssh://a@h1\n      - 42\n", 7, "engines[1] must be an engine URL"),
    ("    engines:\n      - ftp://h1\n", 6, "'ftp://h1' is not an engine URL"),
    ("    engines:\n      - {url: ssh://a@h1, nmae: x}\n", 6, "unknown key"),
    ("    engines:\n      - {name: x}\n", 6, "engines[0].url: missing"),
    ("    engines:\n      - ssh://a@h1\n      - ssh://b@h1\n", 7,
     "the host name 'h1' is also environments.fleet.engines[0]'s"),
    ("    engines:\n      - {name: 'web 1', url: ssh://a@h1}\n", 6, "not a valid host name"),
    ("    docker: ssh://a@h0\n    engines: [ssh://a@h1]\n", 6, "either docker:"),
    ("    engines: [ssh://a@h1]\n    workers: 0\n", 6, "from 1 to 64"),
    ("    engines: [ssh://a@h1]\n    workers: true\n", 6, "from 1 to 64"),
    ("    workers: 4\n", 5, "only for an environment with engines"),
])
def test_bad_engines_name_the_line(tmp_path: Path, body: str, line: int, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, body)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'envsync.yaml'}:{line}: "), message
    assert says in message
    assert "\n" not in message


def test_a_password_in_a_bad_url_is_not_shown(tmp_path: Path) -> None:
    (tmp_path / "envsync.yaml").write_text(
        HEAD + "    engines: ['ftp://u:Sup3r-Secret-Pw@h1']\n")
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert "Sup3r-Secret-Pw" not in result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_commands_that_act_on_one_engine_refuse_a_fleet(tmp_path: Path) -> None:
    (tmp_path / "envsync.yaml").write_text(HEAD + "    engines: [ssh://a@h1, ssh://a@h2]\n")
    for args in (("deploy", "fleet"), ("backup", "fleet"), ("health", "fleet"),
                 ("watch", "fleet", "--once"), ("patch", "fleet", "--to", "vcs"),
                 ("rollback", "fleet", "--level", "1")):
        result = run_cli(*args, cwd=tmp_path)
        assert result.exit_code == 2, args
        assert "a fleet (2 engines)" in result.stderr, (args, result.stderr)


def test_hosts_are_read_workers_at_a_time_with_progress(tmp_path: Path) -> None:
    """Three hosts that refuse connections (nothing listens on their ports): each is one
    error naming it, and progress counts them, ``workers`` at once."""
    from envsync.capture.fleet import capture_fleet
    from envsync.secrets import Redactor
    from tests.helpers.docker import free_port

    env = _load(tmp_path, "    engines:\n" + "".join(
        f"      - {{name: h{i}, url: 'tcp://127.0.0.1:{free_port()}'}}\n" for i in range(3)))
    seen: list[str] = []
    result = capture_fleet(env, project="p", redactor=Redactor(b"k"),  # type: ignore[arg-type]
                           workers=2, progress=seen.append)
    assert list(result.hosts) == ["h0", "h1", "h2"]
    assert [e["host"] for e in result.errors] == ["h0", "h1", "h2"]
    assert all(e["part"] == "engine" and e["reason"].startswith(e["host"] + ": ")
               for e in result.errors)
    assert all(h["containers"] is None and h["duration_s"] >= 0 for h in result.hosts.values())
    assert seen[0] == "engines: 0/3 captured (2 at once)"
    assert seen[-1].startswith("engines: 3/3 captured, last h") and "(unreachable)" in seen[-1]
