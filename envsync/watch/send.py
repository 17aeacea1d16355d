"""``python -m envsync.watch.send``: send one message through apprise, then exit.

Reads ``{url, title, body, failure}`` as JSON on stdin (the URL holds a token: never on the
command line). Exit 0 when apprise delivered it; else 1 with a one-line reason on stdout that
holds no part of the URL. The watcher runs this per message (envsync/watch/notify.py) so that
apprise's plugins never stay in its memory.
"""

from __future__ import annotations

import json
import logging
import sys

__all__ = ["main"]


def main() -> int:
    import apprise

    # apprise logs the failures it meets (hosts, sometimes URLs) on the root logger's last
    # resort handler: the watcher writes its own one-line reason instead
    logging.getLogger("apprise").addHandler(logging.NullHandler())
    logging.getLogger("apprise").propagate = False
    request = json.loads(sys.stdin.read())
    box = apprise.Apprise()
    if not box.add(request["url"]):
        print("apprise does not understand this URL")
        return 1
    kind = apprise.NotifyType.FAILURE if request["failure"] else apprise.NotifyType.SUCCESS
    if not box.notify(title=request["title"], body=request["body"], notify_type=kind):
        print("the channel did not accept the message")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
