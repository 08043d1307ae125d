"""The checks' shortcut past pydantic accepts exactly what the model accepts unchanged."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from stopline.api.fast import FlatStrings
from stopline.api.schemas import BatchCheckRequest, CheckRequest

FLAT = FlatStrings(CheckRequest)

# explicit alphabets (no Unicode tables to build in a fresh checkout) and long strings
# built from a length (cheap to generate): the limits are 64 and 100
TEXT = 'a1 é"\\\u0000\u2028𝟙'
lengths = st.integers(min_value=0, max_value=110)
values = st.one_of(
    st.none(),
    st.text(alphabet=TEXT, max_size=6),
    st.tuples(lengths, st.sampled_from(["1", "é", "\u0000", "𝟙"])).map(lambda p: p[1] * p[0]),
    st.integers(),
    st.booleans(),
    st.lists(st.text(alphabet=TEXT, max_size=3), max_size=2),
)
objects = st.dictionaries(
    st.sampled_from(["number", "sender", "topic", "extra", "Number"]), values, max_size=4
)
bodies = st.one_of(
    objects.map(lambda d: json.dumps(d).encode()),
    objects.map(lambda d: json.dumps(d, ensure_ascii=False).encode()),
    st.sampled_from([b"", b"[]", b"null", b'"+14155550100"', b"{", b'{"number": "1"', b"\xff\xfe"]),
    st.binary(max_size=40),
)


@settings(max_examples=2000)
@given(bodies)
def test_the_shortcut_agrees_with_the_model(body: bytes) -> None:
    fast = FLAT.fields(body)
    try:
        model = CheckRequest.model_validate_json(body)
    except ValidationError:
        assert fast is None  # the model refuses: the caller must see the model's error
        return
    if fast is not None:
        held = {name: getattr(model, name) for name in CheckRequest.model_fields}
        assert {name: fast.get(name) for name in CheckRequest.model_fields} == held


def test_plain_bodies_take_the_shortcut() -> None:
    assert FLAT.fields(b'{"number": "+14155550100"}') == {"number": "+14155550100"}
    assert FLAT.fields(b'{"number": "x", "sender": null, "topic": "sales"}') == {
        "number": "x",
        "sender": None,
        "topic": "sales",
    }
    assert FLAT.fields(b'{"number": "' + b"1" * 65 + b'"}') is None  # over max_length
    assert FLAT.fields(b'{"number": null}') is None  # required and not nullable
    assert FLAT.fields(b'{"sender": "x"}') is None  # number missing
    assert FLAT.fields(b'{"number": "x", "other": 1}') is None  # extra field


def test_only_flat_string_models_qualify() -> None:
    class Loose(BaseModel):
        number: str

    with pytest.raises(TypeError):
        FlatStrings(Loose)  # extra fields not forbidden

    class Listed(BaseModel):
        model_config = {"extra": "forbid"}
        numbers: list[int]

    with pytest.raises(TypeError):
        FlatStrings(Listed)  # a list of something else than strings


BATCH = FlatStrings(BatchCheckRequest)
items = st.one_of(
    st.text(alphabet=TEXT, max_size=6),
    st.integers(),
    st.none(),
    st.lists(st.integers(), max_size=1),
)
batch_values = st.one_of(
    values,
    st.lists(st.text(alphabet=TEXT, max_size=6), max_size=5),
    st.lists(items, max_size=4),
    st.integers(min_value=9_999, max_value=10_001).map(lambda n: ["1"] * n),  # the list's limit
)
batch_objects = st.dictionaries(
    st.sampled_from(["numbers", "sender", "topic", "extra"]), batch_values, max_size=4
)


@settings(max_examples=1500)
@given(batch_objects.map(lambda d: json.dumps(d, ensure_ascii=False).encode()))
def test_the_batch_shortcut_agrees_with_the_model(body: bytes) -> None:
    fast = BATCH.fields(body)
    try:
        model = BatchCheckRequest.model_validate_json(body)
    except ValidationError:
        assert fast is None
        return
    if fast is not None:
        held = {name: getattr(model, name) for name in BatchCheckRequest.model_fields}
        assert {name: fast.get(name) for name in BatchCheckRequest.model_fields} == held


def test_plain_batches_take_the_shortcut() -> None:
    assert BATCH.fields(b'{"numbers": ["+14155550100", "x"], "topic": "sales"}') == {
        "numbers": ["+14155550100", "x"],
        "topic": "sales",
    }
    assert BATCH.fields(b'{"numbers": ["1", 2]}') is None  # not all strings
    assert BATCH.fields(b'{"numbers": "1"}') is None  # not a list
    assert BATCH.fields(json.dumps({"numbers": ["1"] * 10_001}).encode()) is None  # over 10,000
    assert BATCH.fields(b'{"sender": "x"}') is None  # numbers missing
