"""``envsync backup ENV``: record a restore point; ``--list`` them; ``--prune KEEP``."""

from __future__ import annotations

from typing import Annotated

import typer

from envsync.cli.formats import EnvArgument, check_format, format_option, seconds
from envsync.cli.state import state

__all__ = ["register"]


def backup(
    ctx: typer.Context,
    env: EnvArgument,
    no_images: Annotated[bool, typer.Option("--no-images", help="Record the image ids only; "
                         "skip `docker save` (level 2 then needs the images still in the "
                         "engine).")] = False,
    list_: Annotated[bool, typer.Option("--list", help="Show the restore points (tag, time, "
                     "commit, images, sizes) instead of taking one.")] = False,
    prune: Annotated[int | None, typer.Option("--prune", metavar="KEEP", help="Delete the image "
                     "archives of all but the newest KEEP restore points.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before pruning.")] = False,
    fmt: Annotated[str, format_option("table (default) or json.")] = "table",
    wait: Annotated[float, typer.Option("--wait", metavar="SECONDS", callback=seconds, help="When another "
                    "envsync changes ENV now (a backup, rollback, patch or deploy), wait up to "
                    "SECONDS for it (default: exit 2 at once, naming it).")] = 0,
) -> None:
    """Record a restore point of ENV: a snapshot, a git tag ENV-stable-YYYYMMDD[-N] at
    the deployed commit, and `docker save` of each running service's image.

    Examples:

      envsync backup prod

      envsync backup prod --list

      envsync backup prod --prune 3 --yes
    """
    from envsync.render.console import warn
    from envsync.render.progress import progress_reporter
    from envsync.render.rollback import confirm_prune, render_backup, render_points, render_prune
    from envsync.rollback.backup import list_restore_points, prune_archives, take_backup

    check_format(fmt)
    config = state(ctx).config()
    if list_:
        typer.echo(render_points(list_restore_points(config=config, env_name=env, warn=warn), fmt), nl=False)
    elif prune is not None:
        from envsync.lock import environment_lock
        from envsync.render.console import info

        # A backup running now may be hard-linking the archives prune would delete.
        with environment_lock(config, env, f"envsync backup {env} --prune {prune}",
                              wait_s=wait, waiting=info):
            pruned = prune_archives(config=config, env_name=env, keep=prune,
                                    confirm=(lambda _p, _b: True) if yes else confirm_prune,
                                    warn=warn)
        typer.echo(render_prune(pruned, fmt), nl=False)
    else:
        from envsync.lock import environment_lock
        from envsync.render.console import info

        with environment_lock(config, env, f"envsync backup {env}", wait_s=wait,
                              waiting=info), progress_reporter(f"backup {env}") as progress:
            result = take_backup(config=config, env_name=env,
                                 images="none" if no_images else "all", progress=progress,
                                 warn=warn)
        typer.echo(render_backup(result, fmt), nl=False)


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
