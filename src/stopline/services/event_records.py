"""A consent event as JSON, one way for every reader: the contacts and consent routes, the
consent feed (GET /v1/consent/events) and the sync push."""

from __future__ import annotations

from typing import Any

from stopline.domain.consent import ConsentEvent
from stopline.domain.instants import utc_text


def event_record(
    event: ConsentEvent, event_id: int | None = None, *, number: bool = True
) -> dict[str, Any]:
    """The event's fields (``event_id`` for one just written, whose object has no id yet),
    with its number first unless ``number`` is False (a contact's own history)."""
    d = event.draft
    c = d.classification
    record: dict[str, Any] = {"number": d.number} if number else {}
    record.update(
        {
            "id": event.id if event.id is not None else event_id,
            "seq": event.seq,
            "kind": d.kind.value,
            "scope": str(d.scope),
            "source": d.source.value,
            "occurred_at": utc_text(d.occurred_at),
            "recorded_at": utc_text(event.recorded_at),
            "sender": d.sender,
            "provider": d.provider,
            "provider_message_id": d.provider_message_id,
            "raw_text": d.raw_text,
            "rule": c.rule if c else None,
            "language": c.language if c else None,
            "confidence": c.confidence if c else None,
            "actor": d.actor,
            "evidence": dict(d.evidence),
            "hash": event.hash,
        }
    )
    return record
