from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from stopline import bootstrap
from stopline.api.app import create_app
from stopline.config import Settings
from stopline.services.keys import create_key


@pytest.fixture
def graph(settings: Settings) -> Iterator[bootstrap.Stopline]:
    built = bootstrap.build(settings)
    yield built
    built.close()


@pytest.fixture
def client(graph: bootstrap.Stopline) -> Iterator[TestClient]:
    with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as c:
        yield c


def _key(graph: bootstrap.Stopline, scope: str) -> dict[str, str]:
    new = create_key(graph.engine, f"test-{scope}", frozenset({scope}), graph.clock())
    return {"Authorization": f"Bearer {new.key}"}


@pytest.fixture
def admin(graph: bootstrap.Stopline) -> dict[str, str]:
    return _key(graph, "admin")


@pytest.fixture
def checker(graph: bootstrap.Stopline) -> dict[str, str]:
    return _key(graph, "check")


@pytest.fixture
def writer(graph: bootstrap.Stopline) -> dict[str, str]:
    return _key(graph, "write")
