"""A serving process stops the garbage collector walking its start-up objects; an app built
for tests (many per process) must not."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stopline import bootstrap, heap
from stopline.api.app import create_app
from stopline.config import Settings


@pytest.fixture
def restored_gc() -> Iterator[None]:
    thresholds = gc.get_threshold()
    assert gc.get_freeze_count() == 0, "something froze the test process's heap"
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_freezing_exempts_live_objects_and_raises_the_young_threshold(restored_gc: None) -> None:
    kept = [[i] for i in range(1_000)]  # containers alive at "start-up"
    older = gc.get_threshold()[1:]
    heap.freeze_startup_objects()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == (heap.YOUNG_THRESHOLD, *older)
    walked = {id(o) for o in gc.get_objects()}  # the collector's generations, not the frozen
    assert not any(id(k) in walked for k in kept)


@contextmanager
def _app(tmp_path: Path, freeze: bool) -> Iterator[TestClient]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'heap.db'}", inbound_writer="thread")
    graph = bootstrap.build(settings)
    try:
        with TestClient(create_app(app_graph=graph, freeze_heap=freeze)) as client:
            yield client
    finally:
        graph.close()


def test_only_a_serving_app_freezes_and_reports_it(restored_gc: None, tmp_path: Path) -> None:
    with _app(tmp_path, freeze=False) as client:
        assert gc.get_freeze_count() == 0
        assert "stopline_gc_frozen_objects 0.0" in client.get("/metrics").text
    with _app(tmp_path, freeze=True) as client:
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the modules, the app, the language engine's tables
        metrics = client.get("/metrics").text
        reported = re.search(r"^stopline_gc_frozen_objects (\S+)$", metrics, re.MULTILINE)
        assert reported is not None and float(reported.group(1)) > 10_000
        assert 'python_gc_collections_total{generation="0"}' in metrics
