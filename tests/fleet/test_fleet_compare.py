"""Comparing fleets host by host (pure: synthetic snapshots, no engine)."""

from __future__ import annotations

import copy
import json
from typing import Any

from envsync.diff import compare
from envsync.diff.engine import DiffResult
from envsync.model import Finding, Kind, Severity
from envsync.render.diff import render_diff
from tests.helpers.documents import check_document, minimal_snapshot


def _container(level: str = "info") -> dict[str, Any]:
    return {"name": "shop-app-1", "service": "app", "image": "app:1", "state": "running",
            "env": {"LOG_LEVEL": level}}


def _host(url: str, level: str = "info") -> dict[str, Any]:
    return {"engine": {"url": url, "version": "20.10", "api_version": "1.41"},
            "project": "shop", "containers": {"app": _container(level)},
            "stats": {}, "duration_s": 0.5, "errors": []}


def _fleet(**hosts: dict[str, Any]) -> dict[str, Any]:
    snap = minimal_snapshot("prod")
    snap["hosts"] = hosts
    return snap


def test_fleets_compare_host_with_host() -> None:
    before = _fleet(web1=_host("ssh://d@web1"), web2=_host("ssh://d@web2"),
                    web3=_host("ssh://d@web3"))
    after = copy.deepcopy(before)
    after["hosts"]["web2"]["containers"]["app"]["env"]["LOG_LEVEL"] = "debug"
    del after["hosts"]["web3"]
    after["hosts"]["web4"] = _host("ssh://d@web4")
    for doc in (before, after):
        assert check_document(doc, "snapshot", "fleet") == []

    result = compare(before, after, a_label="prod@1", b_label="prod@2")

    found = {(f.host, f.path): f for f in result.findings}
    assert set(found) == {("web2", "containers.app.env.LOG_LEVEL"), ("web3", "hosts.web3"),
                          ("web4", "hosts.web4")}
    assert found[("web2", "containers.app.env.LOG_LEVEL")].message.startswith("web2: app: ")
    assert found[("web3", "hosts.web3")].kind is Kind.REMOVED
    assert "ssh://d@web4" in found[("web4", "hosts.web4")].message
    assert check_document(result.to_json(), "diff", "diff") == []


def test_a_single_engine_against_each_host_of_a_fleet() -> None:
    staging = minimal_snapshot("staging")
    staging["containers"] = {"app": _container("debug")}
    prod = _fleet(web1=_host("ssh://d@web1"), web2=_host("ssh://d@web2", "debug"))

    result = compare(staging, prod, a_label="staging", b_label="prod")

    assert [(f.host, f.path) for f in result.findings] == [("web1", "containers.app.env.LOG_LEVEL")]


def test_what_is_not_about_a_host_is_reported_once() -> None:
    a = _fleet(web1=_host("ssh://d@web1"), web2=_host("ssh://d@web2"))
    b = copy.deepcopy(a)
    b["git"]["branch"] = "release"

    result = compare(a, b, a_label="a", b_label="b")

    assert [(f.host, f.path) for f in result.findings] == [(None, "git.branch")]


def test_every_format_names_the_host() -> None:
    finding = Finding(path="containers.app.env.LOG_LEVEL", kind=Kind.CHANGED, category="env",
                      severity=Severity.MEDIUM, message="web-2: app: env LOG_LEVEL differs",
                      service="app", segments=("containers", "app", "env", "LOG_LEVEL"),
                      host="web-2")
    result = DiffResult(a="a", b="b", findings=[finding])
    assert json.loads(render_diff(result, "json"))["findings"][0]["host"] == "web-2"
    assert "│ web-2 " in render_diff(result, "table")
    assert "| medium | web-2 | changed |" in render_diff(result, "markdown")
    sarif = json.loads(render_diff(result, "sarif"))["runs"][0]["results"][0]
    assert sarif["properties"]["host"] == "web-2"
    assert sarif["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].startswith("web-2/")
    assert 'classname="web-2.app"' in render_diff(result, "junit")
    assert "web-2:containers.app.env.LOG_LEVEL" in render_diff(result, "github")
