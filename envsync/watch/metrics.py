"""``envsync watch --metrics-port``: the watcher's view as Prometheus text (prometheus_client,
imported only when asked for), served on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from envsync.capture.runtime import RuntimeResult
    from envsync.watch.rules import AlertState, Observation, RuleSet

__all__ = ["Exporter"]


class Exporter:
    """Gauges updated after each round; served by prometheus_client's own HTTP thread."""

    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        from prometheus_client import CollectorRegistry, Gauge, Histogram, start_http_server

        self.registry = CollectorRegistry()
        r = self.registry
        self.check_up = Gauge("envsync_check_up", "1 when the HTTP check answered as "
                              "expected.", ["env", "check"], registry=r)
        self.check_latency = Gauge("envsync_check_latency_seconds", "Latency of the HTTP "
                                   "check.", ["env", "check"], registry=r)
        self.container_up = Gauge("envsync_container_running", "1 when the container runs.",
                                  ["env", "container"], registry=r)
        self.memory = Gauge("envsync_memory_ratio", "Memory used / the limit that bites.",
                            ["env", "container"], registry=r)
        self.restarts = Gauge("envsync_container_restarts", "The engine's restart count.",
                              ["env", "container"], registry=r)
        self.exchange = Gauge("envsync_exchange_up", "1 when the service reports the "
                              "exchange up.", ["env", "exchange"], registry=r)
        self.drift = Gauge("envsync_drift_findings", "Findings of the last drift run, by "
                           "severity.", ["env", "severity"], registry=r)
        self.alert = Gauge("envsync_alert_firing", "1 while the alert fires.",
                           ["env", "rule", "subject", "severity"], registry=r)
        self.rounds = Histogram("envsync_watch_round_seconds", "Time one round took.",
                                registry=r)
        self.server, self.thread = start_http_server(port, addr=host, registry=r)

    def update(self, env: str, observations: list[Observation], result: RuntimeResult) -> None:
        gauges: dict[str, tuple[Any, str]] = {
            "health_failing": (self.check_up, "check"), "latency": (self.check_latency, "check"),
            "service_down": (self.container_up, "container"),
            "memory_warning": (self.memory, "container"),
            "restart_loop": (self.restarts, "container"),
            "exchange_failing": (self.exchange, "exchange"),
        }
        for o in observations:
            if o.number is None:
                continue
            if o.rule == "drift":
                self.drift.labels(env=env, severity="by-hand").set(o.number)
            elif o.rule in gauges:
                gauge, label = gauges[o.rule]
                gauge.labels(**{"env": env, label: o.subject}).set(o.number)

    def alerts(self, env: str, states: dict[str, AlertState], rules: RuleSet) -> None:
        for a in states.values():
            rule = rules.rules.get(a.rule)
            if rule is not None:
                self.alert.labels(env=env, rule=a.rule, subject=a.subject,
                                  severity=rule.severity).set(1 if a.status == "firing" else 0)

    def round_seconds(self, seconds: float) -> None:
        self.rounds.observe(seconds)

    def close(self) -> None:
        self.server.shutdown()
