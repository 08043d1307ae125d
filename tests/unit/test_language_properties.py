"""Property tests: the engine never raises, and its answer does not depend on case,
surrounding whitespace or look-alike letters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stopline.domain.language import ClassifyContext
from stopline.domain.language.confusables import CYRILLIC, GREEK
from stopline.domain.language.engine import classify_strict
from stopline.evaluation.corpus import load

CORPUS = sorted({e.text for e in load()})
ASCII_CORPUS = [t for t in CORPUS if t.isascii()]
CONTEXT = ClassifyContext()

# Latin letter -> its look-alikes (lower case, as the engine folds case first).
LOOK: dict[str, list[str]] = {}
for table in (CYRILLIC, GREEK):
    for alike, latin in table.items():
        LOOK.setdefault(latin, []).append(alike)


def fullwidth(ch: str) -> str:
    return chr(ord(ch) - 0x21 + 0xFF01) if "!" <= ch <= "~" else ch


def bold(ch: str) -> str:
    if "A" <= ch <= "Z":
        return chr(0x1D400 + ord(ch) - ord("A"))
    if "a" <= ch <= "z":
        return chr(0x1D41A + ord(ch) - ord("a"))
    return ch


words = st.sampled_from(
    [
        "stop",
        "STOP",
        "please",
        "text",
        "me",
        "bus",
        "don't",
        "cancel",
        "my",
        "appointment",
        "end",
        "help",
        "start",
        "yes",
        "no",
        "unsubscribe",
        "wrong",
        "number",
        "never",
        "the",
        "Liked",
        "“Reply",
        "STOP”",
        "-John",
        "Sent",
        "from",
        "my",
        "iPhone",
        "ok",
        "thanks",
        "#",
    ]
)
seps = st.sampled_from([" ", "  ", ". ", "! ", "? ", ", ", "\n", "!!! "])
phrases = st.lists(st.tuples(words, seps), min_size=1, max_size=8).map(
    lambda parts: "".join(w + s for w, s in parts).strip()
)
messages = st.one_of(st.sampled_from(ASCII_CORPUS), phrases)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    result = classify_strict(text, CONTEXT)
    assert 0.0 <= result.confidence <= 1.0
    if result.span is not None:
        assert 0 <= result.span[0] <= result.span[1] <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), messages)
def test_never_raises_around_real_messages(noise: str, text: str) -> None:
    classify_strict(noise + text + noise, CONTEXT)


@settings(max_examples=400, deadline=None)
@given(messages)
def test_case_does_not_matter(text: str) -> None:
    expected = classify_strict(text, CONTEXT).action
    assert classify_strict(text.upper(), CONTEXT).action is expected
    assert classify_strict(text.lower(), CONTEXT).action is expected
    assert classify_strict(text.swapcase(), CONTEXT).action is expected


@settings(max_examples=300, deadline=None)
@given(
    messages, st.sampled_from([" ", "\t", "\n", "\u00a0", "\u200b", " \r\n "]), st.integers(1, 3)
)
def test_surrounding_whitespace_does_not_matter(text: str, space: str, count: int) -> None:
    expected = classify_strict(text, CONTEXT).action
    padded = space * count + text + space * count
    assert classify_strict(padded, CONTEXT).action is expected


@settings(max_examples=400, deadline=None)
@given(messages, st.data())
def test_look_alike_letters_do_not_matter(text: str, data: st.DataObject) -> None:
    expected = classify_strict(text, CONTEXT).action
    style = data.draw(st.sampled_from(["cyrillic-greek", "fullwidth", "bold"]))
    mask = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    out = []
    for ch, swap in zip(text, mask, strict=True):
        if not swap:
            out.append(ch)
        elif style == "fullwidth":
            out.append(fullwidth(ch))
        elif style == "bold":
            out.append(bold(ch))
        else:
            choices = LOOK.get(ch)
            out.append(data.draw(st.sampled_from(choices)) if choices else ch)
    disguised = "".join(out)
    assert classify_strict(disguised, CONTEXT).action is expected, disguised
