"""Pure parts of runtime capture: no engine needed."""

from __future__ import annotations

import pytest

from envsync.capture.engine import SSH_CHANNELS, engine_url, lanes, public_url
from envsync.capture.records import _ports, _restart_policy, go_duration
from envsync.capture.stats import cpu_percent, summarise


@pytest.mark.parametrize(("ns", "text"), [
    (0, "0s"), (1_500_000_000, "1.5s"), (90 * 10**9, "1m30s"), (3600 * 10**9, "1h0m0s"),
    (500_000_000, "500ms"), (10**9 * 30, "30s"), (1500, "1.5µs"),
])
def test_go_duration_matches_compose_config_output(ns: int, text: str) -> None:
    assert go_duration(ns) == text


def test_cpu_percent_as_docker_stats_computes_it() -> None:
    sample = {
        "cpu_stats": {"cpu_usage": {"total_usage": 300}, "system_cpu_usage": 2000,
                      "online_cpus": 2},
        "precpu_stats": {"cpu_usage": {"total_usage": 100}, "system_cpu_usage": 1000},
    }
    assert cpu_percent(sample) == 40.0  # 200/1000 of all cpus, times 2 cpus, in %
    assert cpu_percent({"cpu_stats": sample["cpu_stats"], "precpu_stats": {}}) is None


def test_memory_used_leaves_out_the_inactive_page_cache() -> None:
    mib = 1024 * 1024
    v1 = {"memory_stats": {"usage": 10 * mib, "limit": 64 * mib,
                           "stats": {"total_inactive_file": 4 * mib}}, "pids_stats": {"current": 3}}
    v2 = {"memory_stats": {"usage": 10 * mib, "limit": 64 * mib,
                           "stats": {"inactive_file": 2 * mib}}}
    assert summarise(v1) == {"memory_used_mb": 6.0, "memory_limit_mb": 64.0,
                             "cpu_percent": None, "pids": 3}
    assert summarise(v2)["memory_used_mb"] == 8.0


def test_ports_and_restart_policy_are_normalised() -> None:
    bindings = {"8001/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8001"}],
                "53/udp": [{"HostIp": "", "HostPort": "5353"}], "9000/tcp": None}
    assert _ports(bindings) == ["0.0.0.0:5353->53/udp", "127.0.0.1:8001->8001/tcp"]
    assert _restart_policy({"Name": "on-failure", "MaximumRetryCount": 3}) == "on-failure:3"
    assert _restart_policy({"Name": "", "MaximumRetryCount": 0}) == "no"
    assert _restart_policy({"Name": "unless-stopped"}) == "unless-stopped"


def test_engine_url_and_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    assert engine_url(None) == "unix:///var/run/docker.sock"
    monkeypatch.setenv("DOCKER_HOST", "tcp://127.0.0.1:2375")
    assert engine_url(None) == "tcp://127.0.0.1:2375"
    assert engine_url("ssh://deploy@prod") == "ssh://deploy@prod"
    assert public_url("ssh://deploy:hunter2@prod:2222") == "ssh://deploy@prod:2222"
    assert public_url("unix:///var/run/docker.sock") == "unix:///var/run/docker.sock"


def test_ssh_engines_stay_under_sshd_session_limits() -> None:
    # sshd defaults: MaxSessions 10 per connection, MaxStartups 10 unauthenticated at once
    assert SSH_CHANNELS < 10
    assert lanes("ssh://deploy@prod", 50) == (4, SSH_CHANNELS)
    assert lanes("ssh://deploy@prod", 9) == (2, SSH_CHANNELS)
    assert lanes("ssh://deploy@prod", 500)[0] < 10
    assert lanes("ssh://deploy@prod", 0) == (1, SSH_CHANNELS)
    assert lanes("unix:///var/run/docker.sock", 50)[0] == 1


def test_a_container_record_is_shaped_from_plain_inspect_answers() -> None:
    from envsync.capture.records import container_record
    from envsync.secrets import Redactor

    image = {"Config": {"Cmd": ["sh"], "Env": ["PATH=/bin"], "User": ""}}
    info = {"Name": "/shop-web-1", "Image": "sha256:abc", "RestartCount": 2,
            "Config": {"Image": "web:1", "Cmd": ["sh"], "Env": ["PATH=/bin", "MODE=fast"],
                       "Labels": {"com.docker.compose.service": "web"}},
            "State": {"Status": "running"},
            "HostConfig": {"Memory": 64 * 1024 * 1024, "RestartPolicy": {"Name": "always"}},
            "Mounts": [{"Type": "volume", "Name": "data", "Destination": "/data", "RW": False}]}
    record = container_record(info, image, Redactor(b"test-key"))
    assert record["name"] == "shop-web-1" and record["service"] == "web"
    assert record["command"] is None  # the image's own
    assert record["env"] == {"MODE": "fast"}  # the image's PATH left out
    assert record["memory_limit_mb"] == 64.0 and record["restart_policy"] == "always"
    assert record["mounts"] == [{"type": "volume", "source": "data", "target": "/data",
                                 "read_only": True}]
