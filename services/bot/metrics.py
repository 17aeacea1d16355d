"""The bot's /metrics in the Prometheus text format (no client library: one histogram and
a few counters): how long each command takes to answer, which the plan's goal bounds (2 s).

A command's time runs from the bot's handler receiving the update to Telegram accepting the
reply (sendMessage answered), so a slow market-data, a slow Bot API and the bot's own work
all count. Commands are labelled by their registered name, "unknown" for any other slash
command: the label set stays bounded whatever users type.
"""

from __future__ import annotations

import threading
from bisect import bisect_left

__all__ = ["BUCKETS", "CommandMetrics"]

BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0)
"""Upper bounds (seconds); 2 s is the plan's goal for an answer."""


class CommandMetrics:
    """Per command: a latency histogram of answers sent, and the replies that failed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[str, list[int]] = {}   # per command, one count per BUCKETS entry
        self._sum: dict[str, float] = {}
        self._count: dict[str, int] = {}
        self._failed: dict[str, int] = {}

    def observe(self, command: str, seconds: float) -> None:
        """One answer sent, ``seconds`` after its update was received."""
        with self._lock:
            counts = self._buckets.setdefault(command, [0] * len(BUCKETS))
            index = bisect_left(BUCKETS, seconds)
            if index < len(BUCKETS):
                counts[index] += 1
            self._sum[command] = self._sum.get(command, 0.0) + seconds
            self._count[command] = self._count.get(command, 0) + 1

    def failed(self, command: str) -> None:
        """One reply that could not be sent."""
        with self._lock:
            self._failed[command] = self._failed.get(command, 0) + 1

    def render(self, uptime: float) -> str:
        """The exposition text."""
        with self._lock:
            lines = [
                "# HELP bot_command_latency_seconds Time from an update received to its answer "
                "sent, by command.",
                "# TYPE bot_command_latency_seconds histogram",
            ]
            for command in sorted(self._count):
                label = f'command="{command}"'
                running = 0
                for bound, n in zip(BUCKETS, self._buckets[command], strict=True):
                    running += n
                    lines.append(f'bot_command_latency_seconds_bucket{{{label},le="{bound}"}} '
                                 f"{running}")
                total = self._count[command]
                lines += [f'bot_command_latency_seconds_bucket{{{label},le="+Inf"}} {total}',
                          f"bot_command_latency_seconds_sum{{{label}}} {self._sum[command]:.6f}",
                          f"bot_command_latency_seconds_count{{{label}}} {total}"]
            lines += ["# HELP bot_replies_failed_total Replies that could not be sent, by "
                      "command.",
                      "# TYPE bot_replies_failed_total counter"]
            for command in sorted(self._failed):
                lines.append(f'bot_replies_failed_total{{command="{command}"}} '
                             f"{self._failed[command]}")
            lines += ["# TYPE bot_uptime_seconds gauge", f"bot_uptime_seconds {uptime:.1f}"]
        return "\n".join(lines) + "\n"
