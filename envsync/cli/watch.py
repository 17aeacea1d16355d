"""``envsync watch``: watch environments, tell people once when something breaks and recovers."""

from __future__ import annotations

from typing import Annotated

import typer

from envsync.cli.formats import seconds
from envsync.cli.state import state

__all__ = ["register"]


def watch(
    ctx: typer.Context,
    envs: Annotated[list[str] | None, typer.Argument(
        metavar="[ENV]...", help="Environments to watch (default: every one with a runtime).")]
        = None,
    interval: Annotated[float, typer.Option("--interval", metavar="SECONDS", callback=seconds, min=0.1,
                        help="Seconds between rounds of checks.")] = 30,
    drift_interval: Annotated[float, typer.Option("--drift-interval", metavar="SECONDS", callback=seconds,
                              min=0.1, help="Seconds between drift runs.")] = 300,
    once: Annotated[bool, typer.Option("--once", help="One round, deliver, exit (cron, "
                    "tests): exit 1 while an alert fires.")] = False,
    rounds: Annotated[int, typer.Option("--rounds", metavar="N", min=0,
                      help="Stop after N rounds (0 = run until stopped).")] = 0,
    metrics_port: Annotated[int | None, typer.Option("--metrics-port", metavar="PORT",
                            min=0, max=65535, help="Serve Prometheus metrics on this port.")]
        = None,
    metrics_host: Annotated[str, typer.Option("--metrics-host", metavar="ADDR",
                            help="Address for --metrics-port.")] = "127.0.0.1",
) -> None:
    """Watch environments: health, memory, restarts, exchanges and drift, with alerts.

    Each round runs the health checks, reads memory against limits, container state,
    restarts and OOM kills and the services' /metrics; every --drift-interval it runs
    drift. Alert rules (envsync.yaml `watch:`, docs/watch.md) fire after N bad rounds and
    resolve after N good ones; each transition is logged as a JSON line on stderr and sent
    once to the channels. State is kept in <snapshots>/<env>/watch-state.json. Runs until
    SIGTERM or Ctrl-C.

    Examples:

      envsync watch prod --interval 30

      envsync watch prod --once   (one round, from cron)

      envsync watch prod --metrics-port 9464
    """
    from envsync.watch.loop import Watcher, watchable

    config = state(ctx).config()
    names = list(envs or watchable(config))
    for name in names:
        env = config.environment(name)
        env.one_engine("watch")
        if not env.runtime:
            raise typer.BadParameter(f"{name!r} has no runtime to watch", param_hint="ENV")
    if not names:
        raise typer.BadParameter("no environment with a runtime in envsync.yaml",
                                 param_hint="ENV")
    _without_ssh_unless_needed([config.environment(n).docker for n in names])
    exporter = None
    if metrics_port is not None:
        from envsync.watch.metrics import Exporter

        try:
            exporter = Exporter(metrics_port, metrics_host)
        except OSError as exc:
            raise typer.BadParameter(f"{metrics_host}:{metrics_port}: {exc.strerror}",
                                     param_hint="--metrics-port") from None
    watcher = Watcher(config=config, envs=names, interval=interval,
                      drift_interval=drift_interval, exporter=exporter)
    try:
        code = watcher.run(once=once, rounds=rounds)
    finally:
        if exporter is not None:
            exporter.close()
    raise typer.Exit(code)


def _without_ssh_unless_needed(urls: list[str | None]) -> None:
    """A long-running watcher of local or tcp:// engines does without paramiko: the docker
    SDK imports it (and cryptography) eagerly, about 20 MB of the watcher's RSS, and treats
    it as optional (no ssh:// support without it). Only in a fresh process (docker not
    imported yet), so nothing that already uses it is affected."""
    import os
    import sys

    if any((u or os.environ.get("DOCKER_HOST") or "").startswith("ssh://") for u in urls):
        return
    if "docker" in sys.modules or "paramiko" in sys.modules or "pytest" in sys.modules:
        return  # (an in-process test run shares the interpreter with tests that use ssh://)
    sys.modules["paramiko"] = None  # type: ignore[assignment]  # import paramiko → ImportError


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
