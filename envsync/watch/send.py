"""``python -m envsync.watch.send``: the sender process: messages in, apprise, answers out.

Reads one JSON request per line on stdin, ``{url, title, body, failure}`` (the URL holds a
token: never on the command line), sends it through apprise and writes one JSON line on
stdout: ``{"ok": true}``, or ``{"ok": false, "reason": ...}`` with a reason that holds no
part of the URL. Exits 0 at the end of stdin (the watcher closed it, or died).

The watcher keeps one such process while a notification may be due
(:mod:`envsync.watch.sender`): apprise is loaded once per process (0.3-3 s, ~40 MB with its
plugins), and never in the watcher itself.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
from typing import Any

__all__ = ["main"]


def deliver(apprise: Any, request: dict[str, Any]) -> str | None:
    """Send one request; None when apprise delivered it, else why not (secret-free)."""
    box = apprise.Apprise()
    if not box.add(request["url"]):
        return "apprise does not understand this URL"
    kind = apprise.NotifyType.FAILURE if request["failure"] else apprise.NotifyType.SUCCESS
    if not box.notify(title=request["title"], body=request["body"], notify_type=kind):
        return "the channel did not accept the message"
    return None


def main() -> int:
    # Ctrl-C in a terminal reaches the whole process group: the watcher decides when this
    # process ends (it closes stdin), so a message being sent is not cut off.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import apprise

    # apprise logs the failures it meets (hosts, sometimes URLs) on the root logger's last
    # resort handler: the watcher logs its own one-line reason instead
    logging.getLogger("apprise").addHandler(logging.NullHandler())
    logging.getLogger("apprise").propagate = False
    # apprise loads its plugins on first use: now, not while the first alert waits
    apprise.Apprise().add("json://localhost")
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            problem = deliver(apprise, json.loads(line))
        except Exception as exc:  # a plugin's bug fails this message, not the process
            problem = f"the sender failed: {type(exc).__name__}"
        answer = {"ok": True} if problem is None else {"ok": False, "reason": problem}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
