"""The lock-free request metrics expose exactly what prometheus_client's own metrics would."""

from __future__ import annotations

import re

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from stopline.metrics import LATENCY_BUCKETS, Metrics

SAMPLES = [
    ("/v1/check", 200, 0.0004),
    ("/v1/check", 200, 0.001),  # exactly on a bound: counted in that bucket
    ("/v1/check", 422, 0.003),
    ("/webhooks/twilio", 200, 0.3),
    ("/webhooks/twilio", 500, 9.0),  # beyond the last bound: only +Inf
    ("unmatched", 404, 0.0),
]


def _lines(text: str) -> list[str]:
    return sorted(
        line
        for line in text.splitlines()
        if line.startswith("stopline_http_request") and "_created" not in line
    )


def test_request_stats_match_prometheus_client() -> None:
    metrics = Metrics()
    registry = CollectorRegistry()
    counter = Counter(
        "stopline_http_requests", "HTTP requests", ["route", "status"], registry=registry
    )
    histogram = Histogram(
        "stopline_http_request_seconds",
        "HTTP request latency",
        ["route"],
        buckets=LATENCY_BUCKETS,
        registry=registry,
    )
    for route, status, seconds in SAMPLES:
        metrics.requests.record(route, status, seconds)
        counter.labels(route, str(status)).inc()
        histogram.labels(route).observe(seconds)
    ours = _lines(generate_latest(metrics.registry).decode())
    theirs = _lines(generate_latest(registry).decode())
    assert ours == theirs
    assert 'stopline_http_request_seconds_bucket{le="0.001",route="/v1/check"} 2.0' in ours
    assert any(
        re.match(r'stopline_http_requests_total\{route="unmatched",status="404"\} 1\.0', line)
        for line in ours
    )
