"""The one place commands are registered: name → (module, one-line summary).

Each module has ``register(app)``; it is imported only when its command runs (or its own
``--help`` is asked for), so ``envsync --help`` stays as fast as importing typer. The
summaries are what ``envsync --help`` lists; a test keeps them equal to each command's own
first docstring line.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

__all__ = ["COMMANDS", "load_command"]

COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("envsync.cli.init",
             "Write a starter envsync.yaml from the compose files, overlays and env files found."),
    "snapshot": ("envsync.cli.snapshot",
                 "Capture ENV now (git, compose, env files, containers, stats, health) and store it."),
    "diff": ("envsync.cli.diff",
             "Compare A with B: findings with path, kind, severity and a one-line explanation."),
    "drift": ("envsync.cli.drift",
              "Find drift inside ENV: what was edited and not committed, committed and not "
              "deployed, or applied by hand to a running container and held by no file."),
    "patch": ("envsync.cli.patch",
              "Reconcile ENV: make the committed files describe what runs (--to vcs), or make "
              "what runs match the files (--to runtime)."),
    "backup": ("envsync.cli.backup",
               "Record a restore point of ENV: a snapshot, a git tag ENV-stable-YYYYMMDD[-N] at "
               "the deployed commit, and `docker save` of each running service's image."),
    "rollback": ("envsync.cli.rollback", "Return ENV to a restore point taken by `envsync backup`."),
    "deploy": ("envsync.cli.deploy", "Deploy REF to ENV: a restore point, then each service "
               "recreated or switched blue-green, in dependency order."),
    "approve": ("envsync.cli.adopt", "Store ENV's current snapshot as the approved baseline "
                "`envsync gate ENV` compares with."),
    "baseline": ("envsync.cli.adopt", "Accept ENV's drift of today: write each finding as an "
                 "ignore rule into .envsyncignore."),
    "check": ("envsync.cli.check", "Check envsync.yaml, .envsyncignore and each environment's "
              "compose files, offline."),
    "report": ("envsync.cli.overview", "Write one HTML page with every environment side by "
               "side: the drift matrix, each one's drift, memory over time, health, backups "
               "and rollbacks."),
    "gate": ("envsync.cli.gate", "The CI drift gate: ENV now against an approved baseline snapshot."),
    "health": ("envsync.cli.health",
               "Run ENV's health checks and compare memory use with its limits."),
    "history": ("envsync.cli.history",
                "The stored snapshots of ENV, oldest first, with their drift counts and memory trend."),
    "watch": ("envsync.cli.watch",
              "Watch environments: health, memory, restarts, exchanges and drift, with alerts."),
}


@functools.cache
def load_command(name: str) -> Any:
    """The click command for ``name``, built from its module's typer functions."""
    import typer
    import typer.main

    module = importlib.import_module(COMMANDS[name][0])
    holder = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False,
                         add_completion=False,  # as the app: no completion options per command
                         context_settings={"help_option_names": ["-h", "--help"]})
    module.register(holder)
    built = typer.main.get_command(holder)
    commands = getattr(built, "commands", None)
    command = commands[name] if commands else built
    command.name = name
    return command
