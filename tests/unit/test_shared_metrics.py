"""Several workers' samples summed into one Prometheus answer."""

from __future__ import annotations

import os
from pathlib import Path

from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from stopline.metrics import Metrics
from stopline.shared_metrics import summed


def samples(text: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text.decode())
        for s in family.samples
    }


def test_counters_and_histograms_add_up_and_creation_times_keep_the_earliest() -> None:
    one, two = Metrics(), Metrics()
    one.count_checks(3, 1)
    two.count_checks(2, 0)
    one.requests.record("/v1/check", 200, 0.01)
    two.requests.record("/v1/check", 200, 0.2)
    two.commit_batch.observe(5)
    both = samples(
        summed([generate_latest(one.registry).decode(), generate_latest(two.registry).decode()])
    )
    assert both[("stopline_gate_checks_total", (("allowed", "true"),))] == 5
    assert both[("stopline_gate_checks_total", (("allowed", "false"),))] == 1
    check = (("route", "/v1/check"), ("status", "200"))
    assert both[("stopline_http_requests_total", check)] == 2
    assert (
        both[("stopline_http_request_seconds_bucket", (("le", "0.025"), ("route", "/v1/check")))]
        == 1
    )
    assert both[("stopline_commit_batch_size_count", ())] == 1
    created = ("stopline_gate_checks_created", (("allowed", "true"),))
    alone = samples(generate_latest(one.registry))
    assert both[created] == min(alone[created], samples(generate_latest(two.registry))[created])


def test_one_worker_alone_answers_as_it_did(tmp_path: Path) -> None:
    metrics = Metrics(tmp_path)
    try:
        metrics.count_checks(4, 0)
        mine = samples(generate_latest(metrics.registry))
        assert samples(metrics.exposition()).keys() == mine.keys()
    finally:
        metrics.close()
    assert (tmp_path / f"{os.getpid()}.prom").exists()  # left for the others
