"""`envsync deploy` on the real engine and a real git repository (the rollback tests'
stack: web and worker, each on its own image)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.deploy.test_helpers import commit_release, drift_code
from tests.rollback.conftest import Stack
from tests.rollback.test_dry_run import _engine, _files

pytestmark = pytest.mark.docker


def _deploy(stack: Stack, *args: str) -> tuple[int, str, str]:
    result = stack.cli("deploy", "prod", *args)
    return result.exit_code, result.stdout, result.stderr


def _log(stack: Stack) -> list[dict[str, object]]:
    path = stack.repo.path / "snapshots" / "prod" / "deploys.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_dry_run_prints_the_plan_and_changes_nothing(stack: Stack) -> None:
    release = commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    before_files, before_engine = _files(stack.repo.path), _engine(stack)
    code, out, err = _deploy(stack, "--ref", "v2")
    assert code == 0, err
    assert out.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in out
    assert f"reset --hard {release}" in out
    assert "--force-recreate --pull never --no-build -- web" in out
    assert "-- worker" not in out  # same config hash and image: left running
    assert "left running: worker" in out
    assert _files(stack.repo.path) == before_files
    assert _engine(stack) == before_engine
    assert not (stack.repo.path / "snapshots" / "prod" / "deploys.jsonl").exists()


def test_execute_recreates_what_changed_and_drift_is_clean(stack: Stack) -> None:
    release = commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    worker = stack.container("worker").id
    code, out, err = _deploy(stack, "--ref", "v2", "--execute", "--format", "json")
    assert code == 0, out + err
    outcome = json.loads(out)
    assert outcome["result"] == "ok" and outcome["commit"] == release
    assert [s["returncode"] for s in outcome["steps"]] == [0, 0]
    assert "LOG_LEVEL=debug" in stack.container("web").attrs["Config"]["Env"]
    assert stack.container("worker").id == worker  # not recreated
    assert stack.repo.git("rev-parse", "HEAD").strip() == release
    tag = outcome["restore_point"]
    assert stack.repo.git("tag", "--list", tag).strip() == tag  # rollback has a target
    assert drift_code(stack) == 0
    assert _log(stack)[-1]["result"] == "ok"


def test_a_release_that_never_runs_is_rolled_back(stack: Stack) -> None:
    good = stack.repo.git("rev-parse", "HEAD").strip()
    commit_release(stack, "command: python main_webhook.py", "command: sh -c 'exit 3'")
    code, out, err = _deploy(stack, "--ref", "v2", "--execute", "--format", "json")
    assert code == 1, out + err
    outcome = json.loads(out)
    assert outcome["result"] == "failed" and "web" in outcome["failure"]
    assert outcome["rollback"]["result"] == "ok" and outcome["rollback"]["level"] == 3
    assert stack.container("web").attrs["Config"]["Cmd"] == ["python", "main_webhook.py"]
    assert stack.container("web").status == "running"
    assert stack.repo.git("rev-parse", "HEAD").strip() == good
    assert _log(stack)[-1]["result"] == "failed"


def test_drift_guard_refuses_then_force_erases_and_names(stack: Stack, tmp_path: Path) -> None:
    commit_release(stack, "LOG_LEVEL: info", "LOG_LEVEL: debug")
    hotfix = tmp_path / "hotfix.yml"  # the fix applied by hand in production, never committed
    hotfix.write_text("services:\n  web:\n    command: python main.py\n")
    stack.project.compose("--env-file", stack.env_file, "-f", str(stack.file), "-f",
                          str(hotfix), "up", "-d", "--no-build", "web")
    assert stack.container("web").attrs["Config"]["Cmd"] == ["python", "main.py"]
    before_files, before_engine = _files(stack.repo.path), _engine(stack)
    code, out, err = _deploy(stack, "--ref", "v2", "--execute")
    assert code == 1, out + err
    assert "drift guard" in err and "patch prod --to vcs" in err and "main.py" in err
    assert len([ln for ln in err.splitlines() if ln.startswith("envsync: refused")]) == 1
    assert _engine(stack) == before_engine
    # envsync's own folder gains the lock file and the log line; nothing else changes
    assert {k: v for k, v in _files(stack.repo.path).items()
            if not k.startswith("snapshots/prod/")} == {
        k: v for k, v in before_files.items() if not k.startswith("snapshots/prod/")}
    assert _log(stack)[-1]["result"] == "refused"

    code, out, err = _deploy(stack, "--ref", "v2", "--execute", "--force")
    assert code == 0, out + err
    assert "erased (--force): web: command" in out and "main.py" in out
    assert stack.container("web").attrs["Config"]["Cmd"] == ["python", "main_webhook.py"]
    assert drift_code(stack) == 0


def test_memory_budget_refuses_naming_the_service(stack: Stack) -> None:
    yaml = stack.repo.path / "envsync.yaml"
    yaml.write_text(yaml.read_text() + "    deploy: {host_memory_mb: 64}\n")
    stack.repo.commit("a small host")
    commit_release(stack, "    stop_grace_period: 1s  # pybox",
                   "    mem_limit: 96m\n    stop_grace_period: 1s  # pybox", count=1)
    code, out, err = _deploy(stack, "--ref", "v2")
    assert code == 1, err
    assert out.startswith("#!/usr/bin/env bash\n")  # the plan is still shown
    line = next(ln for ln in err.splitlines() if "memory" in ln)
    # What it needs is the limit minus what stopping the old container frees (its use at
    # that moment: 0-2 MiB for this image), so the number is read, not pinned.
    needs = re.search(r"web needs (\d+) MiB \(96 MiB limit", line)
    assert needs and 90 <= int(needs.group(1)) <= 96, line
    assert "short" in line and "host_memory_mb 64" in line


def test_a_missing_image_is_refused_before_anything_changes(stack: Stack) -> None:
    commit_release(stack, stack.images["web"], "envsync-test/no-such-image:404")
    code, _, err = _deploy(stack, "--ref", "v2", "--execute")
    assert code == 2
    assert "envsync-test/no-such-image:404 of web is not in the engine" in err
    assert "docker pull" in err
    assert not list((stack.repo.path / "snapshots" / "prod").glob("backups/*.json"))


def test_bad_ref_is_one_line(stack: Stack) -> None:
    code, _, err = _deploy(stack, "--ref", "no-such-tag")
    assert code == 2
    assert "no-such-tag" in err and "Traceback" not in err


def test_a_service_the_release_drops_is_removed(stack: Stack) -> None:
    text = stack.file.read_text()
    worker = text[text.index("  worker:"):]
    commit_release(stack, worker, "")
    code, out, err = _deploy(stack, "--ref", "v2", "--execute")
    assert code == 0, out + err
    services = {c.labels.get("com.docker.compose.service") for c in stack.project.containers()}
    assert services == {"web"}
    assert drift_code(stack) == 0


def test_no_checkout_when_the_ref_is_checked_out(stack: Stack) -> None:
    code, out, err = _deploy(stack)
    assert code == 0, err
    assert "reset --hard" not in out and "nothing to do" in out
