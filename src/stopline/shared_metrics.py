"""One `/metrics` for several worker processes.

Each `stopline serve --workers N` worker has its own registry, and a scrape is answered by
whichever worker accepts the connection: Prometheus would see each counter jump between
two workers' values (read as resets). So the serving process names a folder in
`METRICS_DIR`; every worker writes its samples there once a second, when it stops, and
before it answers a scrape, which it answers with the sum of every file. Each file only
grows, and a worker that stopped keeps its file, so the sum never goes back.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families

METRICS_DIR = "STOPLINE_METRICS_DIR"  # set by `serve --workers N` for its workers


class SharedMetrics:
    def __init__(self, registry: CollectorRegistry, folder: Path, interval: float = 1.0) -> None:
        self._registry = registry
        self._folder = folder
        # a pid can be reused by a later worker: the name must not be
        self._own = folder / f"{os.getpid()}-{uuid.uuid4().hex[:12]}.prom"
        self._lock = threading.Lock()
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stopline-metrics", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.write()

    def write(self) -> None:
        """This worker's samples, replaced in one step (a reader never sees half a file)."""
        partial = self._own.with_suffix(".partial")
        with self._lock, contextlib.suppress(OSError):  # the folder removed as the server stops
            partial.write_bytes(generate_latest(self._registry))
            partial.replace(self._own)

    def exposition(self) -> bytes:
        """Every worker's samples summed, this one's written first (blocking: call it from a
        thread, not the event loop)."""
        self.write()
        texts: list[str] = []
        for path in sorted(self._folder.glob("*.prom")):
            with contextlib.suppress(OSError):
                texts.append(path.read_text(encoding="utf-8"))
        return summed(texts)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.write()


def summed(texts: Iterable[str]) -> bytes:
    """Prometheus text expositions with the values of equal samples added up."""
    families: dict[str, Metric] = {}
    values: dict[str, dict[tuple[str, tuple[tuple[str, str], ...]], float]] = {}
    for text in texts:
        try:
            parsed = list(text_string_to_metric_families(text))
        except ValueError:  # a file cut short by a full disk: left out, not a 500
            continue
        for family in parsed:
            if family.name not in families:
                families[family.name] = Metric(family.name, family.documentation, family.type)
                values[family.name] = {}
            found = values[family.name]
            for sample in family.samples:
                key = (sample.name, tuple(sorted(sample.labels.items())))
                if key not in found:
                    found[key] = sample.value
                elif sample.name.endswith("_created"):  # a time: the earliest worker's
                    found[key] = min(found[key], sample.value)
                else:
                    found[key] += sample.value
    for name, metric in families.items():
        for (sample_name, labels), value in values[name].items():
            metric.add_sample(sample_name, dict(labels), value)
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Fixed(list(families.values())))
    return generate_latest(registry)


class _Fixed:
    def __init__(self, metrics: list[Metric]) -> None:
        self._metrics = metrics

    def collect(self) -> Iterator[Metric]:
        return iter(self._metrics)
