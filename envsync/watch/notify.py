"""Notification channels: one thin adapter over apprise, plus the Alertmanager webhook.

A channel is a URL from envsync.yaml's ``watch.notify`` (any apprise URL: ``tgram://``,
``slack://``, ``ntfy://``, ``json://`` …) or ``watch.alertmanager`` (an Alertmanager-compatible
endpoint, e.g. ``http://alertmanager:9093/api/v2/alerts``: a POSTed JSON list of alerts with
labels, annotations, startsAt and endsAt). URLs carry tokens: a channel is named in logs by its
kind and number only, and every text that leaves goes through the secrets' scrubber.

Delivery never delays the checks: transitions go to an :class:`Outbox` (persisted with the
watcher's state), and a background thread sends them, retrying a channel that is down with
exponential backoff until it answers.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from envsync.human import duration
from envsync.watch.rules import Transition
from envsync.watch.sender import SendWorker

__all__ = ["Channel", "Deliverer", "Outbox", "alertmanager_payload", "make_channels",
           "message"]


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def message(t: Transition) -> tuple[str, str]:
    """Title and body: what, where, since when, the measured value, the one command."""
    state = "FIRING" if t.status == "firing" else "RESOLVED"
    title = f"[{state} {t.severity}] {t.env}: {t.summary}: {t.subject}"
    lasted = duration(max(0.0, t.at - t.since))
    lines = [t.detail,
             f"where: environment {t.env}, {t.subject}",
             (f"since: {_iso(t.since)} ({lasted} ago)" if t.status == "firing"
              else f"since: {_iso(t.since)}, resolved {_iso(t.at)} after {lasted}"),
             f"value: {t.value}" if t.value else "",
             f"look closer: {t.command}" if t.command else "",
             "(flapping: it fired repeatedly; resolving waits longer)" if t.flapping else ""]
    return title, "\n".join(line for line in lines if line)


def alertmanager_payload(t: Transition) -> list[dict[str, Any]]:
    """The Alertmanager v2 ``POST /api/v2/alerts`` body for one transition."""
    title, body = message(t)
    alert: dict[str, Any] = {
        "labels": {"alertname": t.rule, "env": t.env, "subject": t.subject,
                   "severity": t.severity, "source": "envsync"},
        "annotations": {"summary": title, "description": body, "value": t.value,
                        "command": t.command},
        "startsAt": _iso(t.since),
    }
    if t.status == "resolved":
        alert["endsAt"] = _iso(t.at)
    return [alert]


@dataclass(frozen=True)
class Channel:
    """One destination. ``id`` is stable across restarts and holds no secret."""

    id: str
    kind: str        # "apprise" or "alertmanager"
    url: str         # secret: never logged
    label: str       # what logs call it: "apprise#1 (json)"

    def send(self, t: Transition, scrub: Callable[[str], str],
             sender: SendWorker | None = None) -> str | None:
        """Deliver ``t``; None when delivered, else why not (secret-free). An apprise
        message goes through ``sender`` (the watcher's sender process), else through a
        sender process of its own."""
        if self.kind == "alertmanager":
            return self._post(t, scrub)
        title, body = message(t)
        request = {"url": self.url, "title": scrub(title), "body": scrub(body),
                   "failure": t.status == "firing"}
        if sender is not None:
            return sender.send(request)
        own = SendWorker()
        try:
            return own.send(request)
        finally:
            own.close()

    def _post(self, t: Transition, scrub: Callable[[str], str]) -> str | None:
        import json

        import httpx

        body = scrub(json.dumps(alertmanager_payload(t)))
        try:
            response = httpx.post(self.url, content=body, timeout=10.0,
                                  headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            return type(exc).__name__
        if response.status_code >= 300:
            return f"HTTP {response.status_code}"
        return None


def make_channels(notify: tuple[str, ...], alertmanager: tuple[str, ...]) -> list[Channel]:
    """Channels from URLs already read from the environment (see settings.interpolate)."""
    out = []
    for kind, urls in (("apprise", notify), ("alertmanager", alertmanager)):
        for n, url in enumerate(urls, 1):
            scheme = url.split("://", 1)[0] if "://" in url else "?"
            digest = hashlib.sha256(url.encode()).hexdigest()[:10]
            out.append(Channel(id=f"{kind}-{n}-{digest}", kind=kind, url=url,
                               label=f"{kind}#{n} ({scheme})"))
    return out


class Outbox:
    """Notifications waiting for their channel: thread-safe, persisted with the state.

    Items are ``{id, channel, transition, attempts}`` (the state file's shape); ``due`` holds
    when each may be tried next (not persisted: after a restart everything is due)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: list[dict[str, Any]] = []
        self.due: dict[str, float] = {}
        self.wake = threading.Event()
        self._n = 0

    def put(self, channel: Channel, t: Transition) -> None:
        with self.lock:
            self._n += 1
            self.items.append({"id": f"{t.key}@{t.at:.3f}/{t.status}/{channel.id}",
                               "channel": channel.id, "transition": t.to_json(),
                               "attempts": 0})
        self.wake.set()

    def restore(self, items: list[dict[str, Any]]) -> None:
        with self.lock:
            known = {i["id"] for i in self.items}
            self.items.extend(i for i in items if i["id"] not in known)
        self.wake.set()

    def of_env(self, env: str) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(i) for i in self.items if i["transition"]["env"] == env]

    def __len__(self) -> int:
        with self.lock:
            return len(self.items)


class Deliverer(threading.Thread):
    """Sends the outbox in the background; a failing channel is retried with exponential
    backoff (``base`` doubling up to ``cap`` seconds); the others are not held up."""

    def __init__(self, outbox: Outbox, channels: list[Channel], *,
                 log: Callable[..., None], scrub: Callable[[str], str],
                 on_change: Callable[[set[str]], None],
                 base: float = 0.5, cap: float = 60.0,
                 sender: SendWorker | None = None) -> None:
        super().__init__(name="envsync-deliver", daemon=True)
        self.outbox = outbox
        self.channels = {c.id: c for c in channels}
        self.log = log
        self.scrub = scrub
        self.on_change = on_change
        self.base, self.cap = base, cap
        self.sender = SendWorker() if sender is None else sender
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                wait = self.pass_once()
                self.sender.reap()
                self.outbox.wake.wait(wait)
                self.outbox.wake.clear()
        finally:
            self.sender.close()

    def pass_once(self, now: float | None = None) -> float:
        """Try every due item once; seconds until the next one is due (at most 1 s)."""
        with self.outbox.lock:
            items = list(self.outbox.items)
        soonest = 1.0
        for item in items:
            if self.stop.is_set():
                break
            clock = time.monotonic() if now is None else now
            due = self.outbox.due.get(item["id"], 0.0)
            if due > clock:
                soonest = min(soonest, due - clock)
                continue
            channel = self.channels.get(item["channel"])
            t = Transition.from_json(item["transition"])
            if channel is None:  # a channel removed from envsync.yaml: nothing to retry
                self._drop(item, t)
                continue
            try:
                problem = channel.send(t, self.scrub, self.sender)
            except Exception as exc:  # a channel's bug must not stop delivery
                problem = f"{type(exc).__name__}"
            if problem is None:
                self._drop(item, t)
                self.log("info", "delivered", env=t.env, alert=t.key, status=t.status,
                         channel=channel.label, attempts=item["attempts"] + 1)
                continue
            with self.outbox.lock:
                item_live = next((i for i in self.outbox.items if i["id"] == item["id"]), None)
                if item_live is not None:
                    item_live["attempts"] += 1
                    attempts = item_live["attempts"]
                else:
                    attempts = item["attempts"] + 1
                delay = min(self.cap, self.base * 2 ** (attempts - 1))
                self.outbox.due[item["id"]] = time.monotonic() + delay
            soonest = min(soonest, delay)
            self.log("warning", "delivery failed", env=t.env, alert=t.key,
                     channel=channel.label, reason=self.scrub(problem), attempts=attempts,
                     retry_in_s=round(delay, 2))
        return max(0.01, soonest)

    def _drop(self, item: dict[str, Any], t: Transition) -> None:
        with self.outbox.lock:
            self.outbox.items = [i for i in self.outbox.items if i["id"] != item["id"]]
            self.outbox.due.pop(item["id"], None)
        self.on_change({t.env})

    def drain(self, deadline: float) -> None:
        """Deliver what can be delivered before ``deadline`` (monotonic): for ``--once``."""
        while len(self.outbox) and time.monotonic() < deadline:
            wait = self.pass_once()
            with self.outbox.lock:
                dues = [self.outbox.due.get(i["id"], 0.0) for i in self.outbox.items]
            if dues and min(dues) > deadline:
                return
            time.sleep(min(wait, max(0.0, deadline - time.monotonic())))
