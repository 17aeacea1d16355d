"""Wrong types and values in every deploy, watch, Swarm and engine key of envsync.yaml,
through ``envsync check``. Before: ``watch_window``/``health_timeout``/a smoke check's
``timeout`` of 1e308 s, a Swarm ``converge_timeout`` of 1e308 s, a smoke body JSON cannot
send (``!!binary``, ``.nan``, a date, a set), a method with a space (``GET / HTTP/1.1``)
and an engine URL ``ssh://-oProxyCommand=…`` (or with a space, or a port that is not a
number), a health or preview URL with no host, a port past 65535 or a space were all
"valid", to fail later in a deploy (or wait forever); an engine or check URL with a
password and a port that is not a number was "unexpected ValueError … a bug". Now each is
one line naming the file, line and key, exit 2."""

from __future__ import annotations

import pytest

from tests.helpers.git import Repo
from tests.hostile.subprocess_cli import assert_refused, envsync

ENV = ("environments:\n  local:\n    git: .\n    compose: {files: [dc.yml]}\n"
       "    runtime: false\n")
SMOKE = "    deploy: {{smoke: {{web: [{{path: /x, {}}}]}}}}\n"

BAD: dict[str, tuple[str, str]] = {
    "watch_window '-1'": ('    deploy: {watch_window: "-1"}\n', "watch_window"),
    "watch_window 1e308": ("    deploy: {watch_window: 1e308}\n", "at most 86400"),
    "watch_window true": ("    deploy: {watch_window: true}\n", "watch_window"),
    "watch_window a list": ("    deploy: {watch_window: [60]}\n", "watch_window"),
    "watch_window a mapping": ("    deploy: {watch_window: {s: 60}}\n", "watch_window"),
    "watch_window zero": ("    deploy: {watch_window: 0}\n", "watch_window"),
    "health_timeout 1e308": ("    deploy: {health_timeout: 1e308}\n", "health_timeout"),
    "health_timeout .nan": ("    deploy: {health_timeout: .nan}\n", "health_timeout"),
    "strategy a list": ("    deploy: {strategy: [web]}\n", "strategy"),
    "strategy of a mapping": ("    deploy: {strategy: {web: {a: 1}}}\n", "not a strategy"),
    "restore_images a mapping": ("    deploy: {restore_images: {a: 1}}\n", "restore_images"),
    "an unknown deploy key": ("    deploy: {watch_windw: 5}\n", "watch_windw"),
    "smoke a list": ("    deploy: {smoke: [1]}\n", "smoke"),
    "smoke timeout 1e308": (SMOKE.format("timeout: 1e308"), "timeout"),
    "smoke body !!binary": (SMOKE.format("json: {a: !!binary aGk=}"), "JSON cannot send"),
    "smoke body NaN": (SMOKE.format("json: [.nan]"), "JSON cannot send"),
    "smoke body a date": (SMOKE.format("json: 2020-01-01"), "JSON cannot send"),
    "smoke body a set": (SMOKE.format("json: {a: !!set {b}}"), "JSON cannot send"),
    "smoke method with a space": (SMOKE.format('method: "GET X"'), "not an HTTP method"),
    "smoke expect 1e3": (SMOKE.format("expect: 1e3"), "expect"),
    "smoke path not absolute": ("    deploy: {smoke: {web: [{path: x}]}}\n", "path"),
    "health method a request line": ('    health: [{name: a, url: "http://127.0.0.1:9/", '
                                     'method: "GET / HTTP/1.1"}]\n', "not an HTTP method"),
    "proxy a string": ('    deploy: {proxy: "haproxy"}\n', "proxy"),
    "proxy backend with a space": ('    deploy: {proxy: {service: p, preview_url: '
                                   '"http://127.0.0.1:1", backends: {web: "a b"}}}\n',
                                   "backend name"),
    "proxy socket relative": ('    deploy: {proxy: {service: p, preview_url: '
                              '"http://127.0.0.1:1", socket: run/a.sock}}\n', "absolute"),
    "converge_timeout 1e308": ("    swarm: {stack: s, converge_timeout: 1e308}\n",
                               "converge_timeout"),
    "swarm monitor not a duration": ("    swarm: {stack: s, update: {monitor: 10}}\n",
                                     "not a duration"),
    "swarm monitor past a day": ('    swarm: {stack: s, update: {monitor: "9999999999h"}}\n',
                                 "more than a day"),
    "swarm parallelism 10^30": ("    swarm: {stack: s, update: {parallelism: "
                                "1000000000000000000000000000000}}\n", "parallelism"),
    "docker ssh://-oProxyCommand": ('    docker: "ssh://-oProxyCommand=x"\n',
                                    "starting with '-'"),
    "docker with a space": ('    docker: "ssh://h -oProxyCommand=x"\n', "a space"),
    "engines ssh://-oProxyCommand": ('    engines: ["ssh://-oProxyCommand=x"]\n',
                                     "starting with '-'"),
    "engines a port that is not one": ('    engines: [{url: "tcp://h:notaport"}]\n',
                                       "not a valid URL"),
    "health url with port 99999": ('    health: [{name: a, url: "http://127.0.0.1:99999/"}]\n',
                                   "Port out of range"),
    "health url without a host": ('    health: [{name: a, url: "http://:80/"}]\n', "no host"),
    "health url with a space": ('    health: [{name: a, url: "http://a b/"}]\n', "a space"),
    "preview_url with a bad port": ('    deploy: {proxy: {service: p, preview_url: '
                                    '"http://127.0.0.1:0x/"}}\n', "not a valid URL"),
    "preview_url half an IPv6 address": ('    deploy: {proxy: {service: p, preview_url: '
                                         '"http://[::1/"}}\n', "not a valid URL"),
    "workers a float": ('    engines: ["ssh://u@h"]\n    workers: 2.5\n', "workers"),
}
WATCH: dict[str, tuple[str, str]] = {
    "watch fire_after 1e308": ("watch: {fire_after: 1e308}\n", "fire_after"),
    "watch threshold .inf": ("watch: {rules: {memory_warning: {threshold: .inf}}}\n",
                             "threshold"),
    "watch rules a list": ("watch: {rules: [1]}\n", "rules"),
    "watch notify a number": ("watch: {notify: [1]}\n", "notify"),
    "watch notify not a URL": ("watch: {notify: [telegram]}\n", "not a URL"),
    "watch metrics of no environment": ('watch: {metrics: {nope: ["http://x"]}}\n', "nope"),
}


@pytest.mark.parametrize("case", sorted(BAD) + sorted(WATCH))
def test_a_wrong_value_is_one_line(repo: Repo, case: str) -> None:
    text, needle = BAD[case] if case in BAD else WATCH[case]
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", ENV + text)
    repo.commit("app")
    assert_refused(envsync("check", cwd=repo.path), "envsync.yaml:", needle)
    assert not (repo.path / "snapshots").exists()


@pytest.mark.parametrize("text", [
    '    docker: "ssh://u:EnPw4471xCvB@-h"\n',
    '    engines: ["tcp://u:EnPw4471xCvB@h:0x"]\n',  # was "unexpected ValueError … a bug"
    '    health: [{name: a, url: "http://u:EnPw4471xCvB@h:0x/"}]\n',
    '    deploy: {proxy: {service: p, preview_url: "http://u:EnPw4471xCvB@[::1/"}}\n'])
def test_a_password_in_a_bad_url_is_never_quoted(repo: Repo, text: str) -> None:
    repo.write("dc.yml", "services:\n  web:\n    image: busybox:1\n")
    repo.write("envsync.yaml", ENV + text)
    repo.commit("app")
    line = assert_refused(envsync("check", cwd=repo.path), "envsync.yaml:6")
    assert "EnPw44" not in line and "[redacted]" not in line  # cut, not left to the scrub
