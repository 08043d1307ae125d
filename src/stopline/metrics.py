"""Prometheus metrics (one registry per process)."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "stopline_http_requests", "HTTP requests", ["route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "stopline_http_request_seconds",
            "HTTP request latency",
            ["route"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
            registry=self.registry,
        )
        self.inbound = Counter(
            "stopline_inbound_messages",
            "Inbound messages by provider and outcome",
            ["provider", "outcome"],
            registry=self.registry,
        )
        self.webhook_rejected = Counter(
            "stopline_webhook_rejected",
            "Webhooks refused (bad signature, malformed, too large)",
            ["provider", "reason"],
            registry=self.registry,
        )
        self.checks = Counter(
            "stopline_gate_checks",
            "Numbers checked by the send gate",
            ["allowed"],
            registry=self.registry,
        )
        self.commit_batch = Histogram(
            "stopline_commit_batch_size",
            "Items committed together by the group-commit writer",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
            registry=self.registry,
        )
        self.commit_seconds = Histogram(
            "stopline_commit_seconds",
            "Time to run and commit one batch",
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1),
            registry=self.registry,
        )
        self.review_escalated = Counter(
            "stopline_review_escalated",
            "Review items escalated because their due date is near",
            registry=self.registry,
        )
        self.review_defaulted = Counter(
            "stopline_review_defaulted",
            "Review items decided by the configured default at the deadline",
            registry=self.registry,
        )

        self._allowed = self.checks.labels("true")
        self._blocked = self.checks.labels("false")
        self._inbound: dict[tuple[str, str], Any] = {}

    def count_checks(self, allowed: int, blocked: int) -> None:
        if allowed:
            self._allowed.inc(allowed)
        if blocked:
            self._blocked.inc(blocked)

    def count_inbound(self, provider: str, outcome: str) -> None:
        child = self._inbound.get((provider, outcome))
        if child is None:  # label look-ups are costly: resolve each pair once
            child = self._inbound[(provider, outcome)] = self.inbound.labels(provider, outcome)
        child.inc()

    def observe_batch(self, size: int, seconds: float) -> None:
        self.commit_batch.observe(size)
        self.commit_seconds.observe(seconds)
