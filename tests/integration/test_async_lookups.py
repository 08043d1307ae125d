"""API keys and sender profiles on the event loop: a cache hit answers without touching the
database; a miss queries it in a worker thread, never on the loop's own thread."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event

from stopline import bootstrap
from stopline.services import senders
from stopline.services.keys import KeyScope, create_key


@pytest.fixture
def query_threads(graph: bootstrap.Stopline) -> Iterator[list[int]]:
    """The thread id of every statement the graph's engine runs."""
    seen: list[int] = []

    def before(*_args: Any) -> None:
        seen.append(threading.get_ident())

    engine: Engine = graph.engine
    event.listen(engine, "before_cursor_execute", before)
    yield seen
    event.remove(engine, "before_cursor_execute", before)


def test_key_misses_query_off_the_loop_and_hits_do_not_query(
    graph: bootstrap.Stopline, query_threads: list[int]
) -> None:
    new = create_key(graph.engine, "async", frozenset({"write"}), graph.clock())
    query_threads.clear()

    async def resolve_twice() -> tuple[Any, Any, int, int]:
        loop_thread = threading.get_ident()
        first = await graph.keys.resolve_async(new.key)
        queries = len(query_threads)
        second = await graph.keys.resolve_async(new.key)
        return first, second, loop_thread, queries

    first, second, loop_thread, queries = asyncio.run(resolve_twice())
    assert first is not None and first.key_id == new.id
    assert first.scopes == frozenset({KeyScope.CHECK, KeyScope.WRITE})
    assert second == first
    assert query_threads and loop_thread not in query_threads
    assert len(query_threads) == queries  # the second answer came from the cache
    assert asyncio.run(graph.keys.resolve_async("sl_unknown_key")) is None


def test_sender_reloads_query_off_the_loop_and_apply_runtime_senders(
    graph: bootstrap.Stopline, query_threads: list[int]
) -> None:
    directory = graph.messaging.senders
    row = senders.new_sender("+14155550150", "twilio", brand="Runtime Brand", locale="fr-CA")
    senders.add(graph.engine, row, graph.clock())
    directory.invalidate()
    query_threads.clear()

    async def look_up() -> tuple[Any, Any, int, int]:
        loop_thread = threading.get_ident()
        found = await directory.profile_async("+14155550150")
        queries = len(query_threads)
        unregistered = await directory.profile_async("+14155550151")
        return found, unregistered, loop_thread, queries

    found, unregistered, loop_thread, queries = asyncio.run(look_up())
    assert found.sender == row
    assert found.policy.brand.name == "Runtime Brand" and found.policy.language == "fr"
    assert found.context.locale == "fr-CA"
    assert unregistered.sender is None
    assert query_threads and loop_thread not in query_threads
    assert len(query_threads) == queries  # one reload served both lookups
