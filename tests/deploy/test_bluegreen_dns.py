"""The blue slot names the compose service and HAProxy re-resolves it through Docker's
embedded DNS (`resolvers`, `init-addr last,libc,none`; tests/deploy/bluegreen/haproxy.cfg):
the app container back on another address is served again without restarting the proxy,
and a deploy then switches with no failed request."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest

from tests.deploy.bg import BlueGreenStack
from tests.deploy.test_bluegreen import _load, _proxy_states

pytestmark = pytest.mark.docker


def _ip(container: Any, network: str) -> str:
    container.reload()
    return str(container.attrs["NetworkSettings"]["Networks"][network]["IPAddress"])


def test_the_slot_follows_its_container_to_a_new_address(bg_stack: BlueGreenStack,
                                                         busybox_image: str) -> None:
    (app,) = bg_stack.apps()
    network = f"{bg_stack.project.name}_up"
    before = _ip(app, network)
    app.stop(timeout=2)
    # Another container takes an address first: the app comes back on a new one (with its
    # old one held or skipped), which a slot resolved once at the proxy's start never sees.
    holder = bg_stack.client.containers.run(busybox_image, ["sleep", "120"], detach=True,
                                            network=network)
    try:
        app.start()
        after = _ip(app, network)
        assert after and after != before
        answered = None
        for _ in range(100):  # bounded: a resolution every second, then a check (inter 1s)
            try:
                answered = httpx.get(bg_stack.url + "/health", timeout=2).status_code
            except httpx.HTTPError:
                answered = None
            if answered == 200:
                break
            time.sleep(0.2)
        assert answered == 200, _proxy_states(bg_stack)
        assert _proxy_states(bg_stack)["blue"].endswith(f" {after}:8001")
    finally:
        holder.remove(force=True)
    bg_stack.release()
    with _load(bg_stack) as load:
        result = bg_stack.cli("deploy", "prod", "--ref", "v2", "--execute", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert load.report.failed == 0, load.report.failures[:5]
    assert {json.loads(b)["version"] for b in load.report.bodies} == {"1", "2"}
    answers = {httpx.post(bg_stack.url + "/combined_price", json={}, timeout=5).text
               for _ in range(5)}
    assert answers == {json.dumps({"version": "2", "ok": True})}
    assert bg_stack.drift_code() == 0
