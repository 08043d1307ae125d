"""Inbound commands and results survive the trip to the writer process exactly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import orjson
from hypothesis import given
from hypothesis import strategies as st

from stopline.domain.inbound import InboundMessage, InboundPolicy, Outcome
from stopline.domain.language import Action, Classification
from stopline.domain.replies import Brand
from stopline.services.inbound import (
    InboundCommand,
    InboundResult,
    command_from_wire,
    command_to_wire,
    result_from_wire,
    result_to_wire,
)
from stopline.services.outbox import ReplyRoute

POLICY = InboundPolicy(brand=Brand(name="Acme", help_contact="help@acme.example"))
text = st.text(max_size=40)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
) | st.datetimes(timezones=st.just(timezone(timedelta(hours=-5))))
spans = st.none() | st.tuples(st.integers(0, 500), st.integers(0, 500))
confidence = st.floats(0, 1, allow_nan=False)

commands = st.builds(
    InboundCommand,
    message=st.builds(
        InboundMessage,
        provider=text,
        provider_message_id=text,
        from_number=text,
        to=text,
        body=st.text(max_size=400),
        received_at=moments,
        provider_keyword=st.none() | st.sampled_from(Action),
        body_signed=st.booleans(),
    ),
    classification=st.builds(
        Classification,
        action=st.sampled_from(Action),
        intent=text,
        confidence=confidence,
        language=st.none() | text,
        rule=text,
        span=spans,
        explanation=text,
    ),
    policy=st.just(POLICY),
    reply_via=st.none() | st.builds(ReplyRoute, provider=text, account=st.none() | text),
    late=st.booleans(),
)


@given(commands)
def test_a_command_crosses_unchanged(command: InboundCommand) -> None:
    wire = orjson.loads(orjson.dumps(command_to_wire(command)))
    back = command_from_wire(wire, POLICY)
    assert back == command
    assert back.message.received_at.utcoffset() == command.message.received_at.utcoffset()


@given(
    st.builds(
        InboundResult,
        outcome=st.sampled_from(Outcome),
        action=st.sampled_from(Action),
        reply=st.none() | st.text(max_size=300),
        duplicate=st.booleans(),
        event_id=st.none() | st.integers(1, 2**62),
    )
)
def test_a_result_crosses_unchanged(result: InboundResult) -> None:
    assert result_from_wire(orjson.loads(orjson.dumps(result_to_wire(result)))) == result
