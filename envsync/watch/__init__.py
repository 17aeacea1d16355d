"""The checks-and-rules engine shared by everything that watches (``health``, ``watch``).

- :mod:`.observe`: one round of observations of an environment (checks, containers, memory,
  services' /metrics, drift), each good or bad with its measured value;
- :mod:`.rules`: alert rules with state: fire after N bad rounds, resolve after N good ones,
  each transition once, flapping damped (pure: no I/O);
- :mod:`.state`: that state (and the notification outbox) on disk, written atomically;
- :mod:`.ahead`: container stats read ahead of the round that uses them (the slow part);
- :mod:`.notify`: the one adapter over apprise, plus the Alertmanager webhook;
- :mod:`.sender` / :mod:`.send`: the process apprise runs in, kept while a message may be due;
- :mod:`.loop`: the watcher's rounds, logs and signals.
"""
