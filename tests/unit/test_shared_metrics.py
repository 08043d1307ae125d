"""Several workers' samples summed into one Prometheus answer."""

from __future__ import annotations

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


def test_a_scrape_never_goes_back_whichever_worker_answers(tmp_path: Path) -> None:
    """Each worker writes its own file before it answers and every answer is the sum of the
    files, so a counter read through either worker while both count never decreases (a
    live count beside another worker's second-old file could)."""
    one, two = Metrics(tmp_path), Metrics(tmp_path)
    try:
        seen: list[float] = []
        for step in range(40):
            (one if step % 3 else two).count_checks(step + 1, 0)
            answer = samples((two if step % 2 else one).exposition())
            seen.append(answer[("stopline_gate_checks_total", (("allowed", "true"),))])
        assert seen == sorted(seen) and seen[-1] == sum(range(1, 41))
        (tmp_path / "broken.prom").write_text("not a metric {{{")
        assert samples(one.exposition())[("stopline_gate_checks_total", (("allowed", "true"),))]
    finally:
        one.close()
        two.close()
    assert len(list(tmp_path.glob("*.prom"))) == 3  # the workers' files stay
