"""Edits `ledger verify` missed (durability tester, 2026-12-04): event ids swapped within a
number's history (the consent feed then listed an opt-in before its opt-out), and a language
or confidence added to an event recorded without a reading."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, text

from stopline.domain.consent import ORGANISATION, ConsentDraft, Kind, Source
from stopline.services.ledger import record, verify

NUMBER = "+14155550101"
T0 = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def history(engine: Engine) -> None:
    with engine.begin() as conn:
        for i, kind in enumerate((Kind.OPT_OUT, Kind.OPT_IN)):
            moment = T0 + timedelta(seconds=i)
            draft = ConsentDraft(NUMBER, kind, Source.MANUAL, moment, ORGANISATION, actor="cli")
            record(conn, [draft], moment)
    with engine.connect() as conn:
        assert verify(conn).problems == []


def test_ids_swapped_within_a_history_are_found(engine: Engine) -> None:
    history(engine)
    with engine.begin() as conn:
        first, second = conn.execute(
            text("SELECT id FROM consent_events WHERE number = :n ORDER BY seq"), {"n": NUMBER}
        ).scalars()
        for old, new in ((first, -1), (second, first), (-1, second)):
            conn.execute(
                text("UPDATE suppressions SET event_id = NULL WHERE event_id = :o"), {"o": old}
            )
            conn.execute(
                text("UPDATE consent_events SET id = :n WHERE id = :o"), {"n": new, "o": old}
            )
    with engine.connect() as conn:
        problems = verify(conn).problems
    assert problems == [f"{NUMBER} seq 2: id {first} is not above the id before it"]


def test_a_reading_added_to_an_event_recorded_without_one_is_found(engine: Engine) -> None:
    history(engine)
    for change, why in (
        ("language = 'fr'", "a language or confidence without the rule that gave it"),
        ("confidence = 0.5", "a language or confidence without the rule that gave it"),
        ("rule = 'x'", "a rule without its confidence"),
    ):
        with engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE consent_events SET rule = NULL, language = NULL, confidence = NULL "
                    "WHERE number = :n"
                ),
                {"n": NUMBER},
            )
            sql = f"UPDATE consent_events SET {change} WHERE number = :n AND seq = 1"  # noqa: S608
            conn.execute(text(sql), {"n": NUMBER})
        with engine.connect() as conn:
            [problem] = verify(conn).problems
        assert problem.startswith(f"{NUMBER} seq 1: unreadable ({why})"), problem
