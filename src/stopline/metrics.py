"""Prometheus metrics (one registry per process)."""

from __future__ import annotations

import gc
import os
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, GCCollector, Histogram, generate_latest
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.utils import floatToGoString

from stopline.shared_metrics import METRICS_DIR, SharedMetrics

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)


class RequestStats:
    """``stopline_http_requests`` (by route template and status) and
    ``stopline_http_request_seconds`` (by route), kept as plain numbers and turned into
    Prometheus samples only when scraped.

    Recording costs a few dictionary updates instead of three locked updates through
    `prometheus_client` per request; that matters on the hottest routes. Call `record` from
    the event loop's thread only (every HTTP request is recorded there), so no lock is needed.
    """

    def __init__(self, buckets: tuple[float, ...] = LATENCY_BUCKETS) -> None:
        self._bounds = buckets
        self._labels = [*map(floatToGoString, buckets), "+Inf"]  # as prometheus_client writes them
        self._counts: dict[tuple[str, int], int] = {}
        self._latency: dict[str, tuple[list[int], list[float]]] = {}  # bucket counts, [sum]

    def record(self, route: str, status: int, seconds: float) -> None:
        key = (route, status)
        counts = self._counts
        counts[key] = counts.get(key, 0) + 1
        latency = self._latency.get(route)
        if latency is None:
            latency = self._latency[route] = ([0] * (len(self._bounds) + 1), [0.0])
        latency[0][bisect_left(self._bounds, seconds)] += 1  # first bound >= seconds
        latency[1][0] += seconds

    def collect(self) -> Iterator[Metric]:
        requests = CounterMetricFamily(
            "stopline_http_requests", "HTTP requests", labels=["route", "status"]
        )
        for (route, status), count in list(self._counts.items()):
            requests.add_metric([route, str(status)], count)
        yield requests
        latency = HistogramMetricFamily(
            "stopline_http_request_seconds", "HTTP request latency", labels=["route"]
        )
        for route, (counts, total) in list(self._latency.items()):
            cumulative, running = [], 0
            for bound, count in zip(self._labels, list(counts), strict=True):
                running += count
                cumulative.append((bound, float(running)))
            latency.add_metric([route], cumulative, total[0])
        yield latency


class HeapStats:
    """``stopline_gc_frozen_objects``: objects exempted from garbage collection at start-up
    (`stopline.heap`; 0 until the server is ready, or in a process that does not serve)."""

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "stopline_gc_frozen_objects",
            "Objects built at start-up that the garbage collector no longer walks",
            value=gc.get_freeze_count(),
        )


def process_metrics() -> Metrics:
    """This process's metrics: shared with the other workers of `serve --workers N`."""
    shared = os.environ.get(METRICS_DIR)
    return Metrics(Path(shared) if shared else None)


class Metrics:
    def __init__(self, shared_folder: Path | None = None) -> None:
        """``shared_folder``: the folder this server's workers share their samples in (see
        `shared_metrics`), so that any one of them answers a scrape for all."""
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = RequestStats()
        self.registry.register(self.requests)
        # python_gc_collections_total and friends, by generation, as in the default registry
        GCCollector(registry=self.registry)
        self.registry.register(HeapStats())
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

        self.shared = None if shared_folder is None else SharedMetrics(self.registry, shared_folder)
        self._allowed = self.checks.labels("true")
        self._blocked = self.checks.labels("false")
        self._inbound: dict[tuple[str, str], Any] = {}

    def exposition(self) -> bytes:
        """The Prometheus text of every worker of this server (of this process alone when it
        is the only one)."""
        if self.shared is not None:
            return self.shared.exposition()
        return generate_latest(self.registry)

    def close(self) -> None:
        if self.shared is not None:
            self.shared.close()

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
