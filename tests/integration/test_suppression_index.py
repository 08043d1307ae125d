"""The in-memory suppression index never answers from stale data."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from stopline.domain.consent import ConsentDraft, Kind, Scope, Source
from stopline.services.gate import check_many
from stopline.services.ledger import record
from stopline.storage.suppression_index import Detail, Hit, SuppressionIndex


@pytest.fixture
def index(database_url: str, engine: Engine) -> Iterator[SuppressionIndex]:
    built = SuppressionIndex(database_url)
    yield built
    built.close()


def change(engine: Engine, number: str, kind: Kind, scope: Scope = Scope.parse("org")) -> None:
    now = datetime.now(UTC)
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        record(conn, [ConsentDraft(number, kind, Source.API, now, scope)], now)


def test_changes_by_another_writer_are_seen_at_the_next_check(
    engine: Engine, index: SuppressionIndex
) -> None:
    n = "+14155550100"
    assert index.blocked([n], ["organisation"]) == []
    change(engine, n, Kind.OPT_OUT)
    [(number, scope, _id)] = index.blocked([n], ["organisation"])
    assert (number, scope) == (n, "organisation")
    change(engine, n, Kind.OPT_OUT, Scope.topic("sales"))
    assert len(index.blocked([n], ["organisation", "topic:sales"])) == 2
    change(engine, n, Kind.OPT_IN)
    assert [h[1] for h in index.blocked([n], ["organisation", "topic:sales"])] == ["topic:sales"]
    answer = next(iter(check_many(index, [n], topic="sales")))
    assert not answer.decision.allowed and answer.decision.since is not None


def test_a_renewed_opt_out_is_reported_with_its_own_time_and_source(
    engine: Engine, index: SuppressionIndex
) -> None:
    """Details are kept by event id: a later opt-out of the same number is a new event,
    never answered with the first one's details."""
    n = "+14155550111"
    change(engine, n, Kind.OPT_OUT)
    first = next(iter(check_many(index, [n]))).decision
    assert next(iter(check_many(index, [n]))).decision == first  # from the kept details
    change(engine, n, Kind.OPT_IN)
    assert next(iter(check_many(index, [n]))).decision.allowed
    now = datetime.now(UTC)
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        record(conn, [ConsentDraft(n, Kind.OPT_OUT, Source.KEYWORD, now, Scope.parse("org"))], now)
    again = next(iter(check_many(index, [n]))).decision
    assert not again.allowed
    assert (again.source, again.since) == ("keyword", now)
    assert first.since is not None and again.since is not None and again.since > first.since


def test_an_opt_outs_details_are_read_once(
    engine: Engine, index: SuppressionIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = "+14155550122"
    change(engine, n, Kind.OPT_OUT)
    feed = index._feed
    asked: list[list[object]] = []
    original = feed.details

    def counting(hits: Sequence[Hit]) -> dict[int, Detail]:
        asked.append(list(hits))
        return original(hits)

    monkeypatch.setattr(feed, "details", counting)
    answers = [next(iter(check_many(index, [n]))).decision for _ in range(3)]
    assert len(asked) == 1 and answers[0] == answers[1] == answers[2]
    assert not answers[0].allowed and answers[0].since is not None


def test_existing_suppressions_are_loaded(database_url: str, engine: Engine) -> None:
    for i in range(5):
        change(engine, f"+1415555{i:04d}", Kind.OPT_OUT)
    fresh = SuppressionIndex(database_url)
    try:
        assert len(fresh.blocked([f"+1415555{i:04d}" for i in range(10)], ["organisation"])) == 5
    finally:
        fresh.close()


def test_postgres_commits_out_of_id_order_are_not_missed(
    database_url: str, engine: Engine, index: SuppressionIndex
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite commits one writer at a time, in id order")
    index.refresh()
    slow, fast = "+14155550111", "+14155550122"
    now = datetime.now(UTC)
    with engine.begin() as first:  # takes the lower event id, commits last
        record(first, [ConsentDraft(slow, Kind.OPT_OUT, Source.API, now)], now)
        change(engine, fast, Kind.OPT_OUT)  # higher id, committed first
        assert {h[0] for h in index.blocked([slow, fast], ["organisation"])} == {fast}
    assert {h[0] for h in index.blocked([slow, fast], ["organisation"])} == {slow, fast}


def test_batch_rendering_fast_path_equals_the_plain_one(
    engine: Engine, index: SuppressionIndex
) -> None:
    import orjson

    from stopline.api.consent import batch_item, render_results

    numbers = [f"+1415555{i:04d}" for i in range(40)]
    for i in (0, 3, 4, 39):
        change(engine, numbers[i], Kind.OPT_OUT)
    change(engine, numbers[3], Kind.OPT_OUT, Scope.topic('say "hi"'))
    for topic in (None, 'say "hi"'):
        answers = check_many(index, numbers, topic=topic)
        assert answers.canonical
        expected = {"results": [batch_item(c) for c in answers]}
        assert orjson.loads(render_results(answers)) == expected


def test_postgres_index_keeps_a_small_pool_under_concurrent_checks(
    database_url: str, engine: Engine
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite reads use per-thread connections, no pool")
    numbers = [f"+1415555{i:04d}" for i in range(20)]
    for n in numbers:
        change(engine, n, Kind.OPT_OUT)
    built = SuppressionIndex(database_url)
    try:

        def check(n: str) -> tuple[str, int]:
            hits = built.blocked([n], ["organisation"])
            return n, len(built.details(hits))

        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = dict(pool.map(check, numbers * 3))
        assert answers == dict.fromkeys(numbers, 1)
        sa_pool = built._feed._engine.pool  # type: ignore[attr-defined]
        assert sa_pool.size() == 2
        assert sa_pool.checkedin() <= 2 and sa_pool.overflow() <= 0
    finally:
        built.close()
