"""Consent events, scopes and the hash-chained ledger rules.

The ledger is append-only. Each number has its own chain: event ``seq`` n carries the hash of
event n-1, so an edited, removed or reordered event breaks the chain (see `verify_chain`).
The suppression list is the fold of the ledger (`fold`).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import orjson

from stopline.domain.memo import Memo
from stopline.domain.phone import address_problem, normalise_address
from stopline.domain.plain_text import has_control_character

GENESIS_HASH = "0" * 64


class Kind(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"


class Source(StrEnum):
    """How the consent change reached Stopline."""

    KEYWORD = "keyword"  # an opt-out or opt-in keyword in an inbound message
    INTENT = "intent"  # wording recognised as opt-out intent by the language engine
    REVIEW = "review"  # decided by a person from the review queue
    API = "api"  # recorded by another system through the API
    CRM = "crm"
    IMPORT = "import"  # a bulk import of an existing suppression list
    PROVIDER_SIGNAL = "provider_signal"  # a provider reported the recipient opted out
    MANUAL = "manual"  # entered by hand on the command line


MAX_TOPIC_LENGTH = 100  # a topic as a send names it (the check API's limit too)
MAX_SENDER_LENGTH = 64  # a sending number, short code or sender ID
MAX_ACTOR_LENGTH = 200  # who recorded a change ("crm-sync", a person's name)
MAX_NOTE_LENGTH = 2000  # the person's own words, or why, recorded with a change


class ScopeKind(StrEnum):
    ORGANISATION = "organisation"
    TOPIC = "topic"
    SENDER = "sender"


@dataclass(frozen=True, slots=True, order=True)
class Scope:
    """What an opt-out covers: the whole organisation (default), one topic, or one sender."""

    kind: ScopeKind
    key: str = ""

    def __post_init__(self) -> None:
        if (self.kind is ScopeKind.ORGANISATION) != (self.key == ""):
            raise ValueError("organisation scope takes no key; topic and sender scopes need one")

    def __str__(self) -> str:
        return self.kind.value if self.kind is ScopeKind.ORGANISATION else f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, text: str) -> Scope:
        """Parse ``organisation``, ``topic:KEY`` or ``sender:ADDRESS``."""
        raw = text.strip()
        if raw.lower().replace("_", "-").replace(" ", "-") in _ORGANISATION_NAMES:
            return ORGANISATION
        kind, sep, key = raw.partition(":")
        try:
            scope_kind = ScopeKind(kind.lower())
        except ValueError:
            raise ValueError(
                f"unknown scope {text!r}: use organisation, topic:KEY or sender:ADDRESS"
            ) from None
        if not sep or not key.strip():
            raise ValueError(f"scope {text!r} needs a key after the colon")
        return cls(scope_kind, key.strip())

    @classmethod
    def canonical(cls, text: str, region: str = "US") -> Scope:
        """Parse a scope a person or another system wrote, in the one form Stopline stores
        and looks up: topic keys lower-cased, sender addresses normalised (E.164 for phone
        numbers). Every user-facing entry point uses this."""
        parsed = cls.parse(text)
        if parsed.kind is ScopeKind.ORGANISATION:
            return parsed
        # the same limits as a send's topic and sender: an opt-out the gate could never be
        # asked about would be recorded for nothing
        limit = MAX_TOPIC_LENGTH if parsed.kind is ScopeKind.TOPIC else MAX_SENDER_LENGTH
        if has_control_character(parsed.key):
            raise ValueError(f"a {parsed.kind} key has no control characters")
        if parsed.kind is ScopeKind.TOPIC:
            scope = cls.topic(parsed.key)
        else:  # as a check's sender is read: one the gate refuses to be asked about is refused
            problem = address_problem(parsed.key)
            if problem is not None:
                raise ValueError(f"a sender key must be an address: {problem}")
            scope = cls.sender(normalise_address(parsed.key, region))
        if len(scope.key) > limit:  # as stored: NFKC can lengthen a key ("ﷺ": 18 letters)
            raise ValueError(f"a {parsed.kind} key has at most {limit} characters")
        return scope

    @classmethod
    def topic(cls, key: str) -> Scope:
        """A topic scope; a key written as a whole scope ("topic:promo") means its topic.
        Keys are compared in Unicode's NFKC form, lower-cased, without invisible format
        characters: "été" typed with combining accents, "ＰＲＯＭＯ" in full-width letters,
        or "promo" with a zero-width space or soft hyphen pasted in, is the same topic.
        (Stored scopes are read as written, so their hashes still verify.)"""
        if not key.isascii():
            key = "".join(c for c in unicodedata.normalize("NFKC", key) if not _ignorable(c))
        return cls._topic_key(key)

    @classmethod
    def legacy_topic(cls, key: str) -> Scope:
        """The topic scope as keys were written before they were compared in NFKC form
        (lower-cased only): opt-outs recorded then are still found under it."""
        return cls._topic_key(key)

    @classmethod
    def _topic_key(cls, key: str) -> Scope:
        folded = key.strip().lower()
        if folded.startswith("topic:") and folded[6:].strip():
            folded = folded[6:].strip()
        return cls(ScopeKind.TOPIC, folded)

    @classmethod
    def sender(cls, address: str) -> Scope:
        """A sender scope. A phone number or short code is kept as given (callers normalise
        numbers); an alphanumeric sender ID is compared in NFKC form, upper-cased: "Acme",
        "ACME" and "ａｃｍｅ" are one sender to the person who opted out of it."""
        key = address.strip()
        if any(c.isalpha() for c in key):
            key = unicodedata.normalize("NFKC", key).upper()
        return cls(ScopeKind.SENDER, key)

    def folded(self) -> Scope:
        """This scope in the form keys are compared in now (a stored key may have been
        written before keys were folded: "sender:Acme" is "sender:ACME")."""
        if self.kind is ScopeKind.TOPIC:
            return Scope.topic(self.key)
        if self.kind is ScopeKind.SENDER:
            return Scope.sender(self.key)
        return self

    @classmethod
    def legacy_sender(cls, address: str) -> Scope:
        """The sender scope as written, as alphanumeric IDs were stored before they were
        upper-cased: opt-outs recorded then are still found under it."""
        return cls(ScopeKind.SENDER, address.strip())


ORGANISATION = Scope(ScopeKind.ORGANISATION)


# How people and other systems write "every department" (folded: lower case, "-" for
# spaces and underscores): an opt-out scoped so must not be refused and lost.
_ORGANISATION_NAMES = frozenset(
    {
        "",
        "organisation",
        "organization",
        "org",
        "all",
        "*",
        "global",
        "everything",
        "company",
        "company-wide",
        "companywide",
        "organisation-wide",
        "organization-wide",
        "org-wide",
    }
)


# Invisible characters outside category Cf that Unicode also lists as default-ignorable
# (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian variation
# selectors, variation selectors).
_IGNORABLE = frozenset(
    [
        0x034F,
        0x115F,
        0x1160,
        0x17B4,
        0x17B5,
        0x3164,
        0xFFA0,
        *range(0x180B, 0x1810),
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
    ]
)


def _ignorable(char: str) -> bool:
    """An invisible character pasted into a key changes nothing a person sees."""
    return unicodedata.category(char) == "Cf" or ord(char) in _IGNORABLE


def scopes_for_send(sender: str | None, topic: str | None) -> tuple[Scope, ...]:
    """Every scope whose opt-out blocks a send from ``sender`` about ``topic``."""
    scopes = [ORGANISATION]
    if topic and topic.strip():
        scope = Scope.topic(topic)
        scopes.append(scope)
        legacy = Scope.legacy_topic(topic)
        if legacy != scope:  # an opt-out recorded under the topic's earlier key still blocks
            scopes.append(legacy)
    if sender and sender.strip():
        scope = Scope.sender(sender)
        scopes.append(scope)
        legacy = Scope.legacy_sender(sender)
        if legacy != scope:
            scopes.append(legacy)
    return tuple(scopes)


@dataclass(frozen=True, slots=True)
class ClassificationRecord:
    """How an inbound text was read, kept as evidence with the event."""

    rule: str
    language: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class ConsentDraft:
    """A consent change before it is placed on the chain."""

    number: str
    kind: Kind
    source: Source
    occurred_at: datetime
    scope: Scope = ORGANISATION
    sender: str | None = None
    provider: str | None = None
    provider_message_id: str | None = None
    raw_text: str | None = None
    classification: ClassificationRecord | None = None
    actor: str | None = None
    evidence: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChainHead:
    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class ConsentEvent:
    """An event on a number's chain: a draft plus its position and hashes."""

    draft: ConsentDraft
    seq: int
    recorded_at: datetime
    prev_hash: str
    hash: str
    id: int | None = None

    @property
    def number(self) -> str:
        return self.draft.number

    @property
    def kind(self) -> Kind:
        return self.draft.kind

    @property
    def scope(self) -> Scope:
        return self.draft.scope


def append(head: ChainHead | None, draft: ConsentDraft, recorded_at: datetime) -> ConsentEvent:
    """Place ``draft`` after ``head`` (None for a number's first event)."""
    draft = storable(draft)
    seq = 1 if head is None else head.seq + 1
    prev = GENESIS_HASH if head is None else head.hash
    return ConsentEvent(
        draft=draft,
        seq=seq,
        recorded_at=recorded_at,
        prev_hash=prev,
        hash=event_hash(draft, seq, recorded_at, prev),
    )


NUL = "\x00"
REPLACEMENT = "\ufffd"  # what a NUL character is stored as


def without_nul(text: str) -> str:
    """``text`` with NUL characters (which PostgreSQL cannot store in text, and which no
    person typed) as U+FFFD, so a message carrying one is still recorded, on every backend."""
    return text.replace(NUL, REPLACEMENT) if NUL in text else text


def storable(draft: ConsentDraft) -> ConsentDraft:
    """``draft`` with `without_nul` applied to its free texts and evidence (the same object
    when clean)."""
    texts = (draft.raw_text, draft.actor, draft.sender, draft.provider, draft.provider_message_id)
    evidence = draft.evidence
    if not any(t is not None and NUL in t for t in texts) and not any(
        NUL in k or NUL in v for k, v in evidence.items()
    ):
        return draft
    return replace(
        draft,
        raw_text=_clean(draft.raw_text),
        actor=_clean(draft.actor),
        sender=_clean(draft.sender),
        provider=_clean(draft.provider),
        provider_message_id=_clean(draft.provider_message_id),
        evidence={without_nul(k): without_nul(v) for k, v in evidence.items()},
    )


def _clean(text: str | None) -> str | None:
    return None if text is None else without_nul(text)


def event_hash(draft: ConsentDraft, seq: int, recorded_at: datetime, prev_hash: str) -> str:
    """SHA-256 over a canonical JSON form of every field that matters as evidence."""
    c = draft.classification
    body: dict[str, Any] = {
        "number": draft.number,
        "seq": seq,
        "kind": draft.kind.value,
        "scope": str(draft.scope),
        "source": draft.source.value,
        "occurred_at": _instant(draft.occurred_at),
        "recorded_at": _instant(recorded_at),
        "sender": draft.sender,
        "provider": draft.provider,
        "provider_message_id": draft.provider_message_id,
        "raw_text": draft.raw_text,
        "rule": c.rule if c else None,
        "language": c.language if c else None,
        "confidence": round(c.confidence, 6) if c else None,
        "actor": draft.actor,
        "evidence": dict(sorted(draft.evidence.items())),
        "prev_hash": prev_hash,
    }
    # Canonical form: keys sorted, no spaces, UTF-8 (orjson is also what makes this fast).
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _instant(moment: datetime) -> str:
    """``2026-01-05T12:00:00.000000Z``"""
    if moment.tzinfo is None:
        raise ValueError("consent times must be timezone-aware")
    return _INSTANTS[moment]


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


# Recent instants' text forms: a batch of events shares its recording time.
_INSTANTS: Memo[datetime, str] = Memo(_utc_text, limit=4096, renew=True)


def changes_state(active: Iterable[Scope], draft: ConsentDraft) -> bool:
    """Whether ``draft`` changes a number's consent, given its currently suppressed scopes.

    A repeated opt-out at a scope that is already suppressed changes nothing and is not appended
    again (and earns no second confirmation). Opt-ins are always appended: they are evidence of
    consent even when nothing was suppressed.
    """
    if draft.kind is Kind.OPT_IN:
        return True
    return draft.scope not in set(active)


def fold(events: Iterable[ConsentEvent]) -> dict[Scope, ConsentEvent]:
    """The suppressions a number's events leave behind: scope -> the opt-out event in force.

    An opt-out suppresses exactly its scope; an opt-in lifts exactly its scope. A START texted
    after an organisation-wide STOP therefore does not silently lift a topic opt-out made
    elsewhere.
    """
    active: dict[Scope, ConsentEvent] = {}
    for event in sorted(events, key=lambda e: e.seq):
        if event.kind is Kind.OPT_OUT:
            active.setdefault(event.scope, event)
        else:
            active.pop(event.scope, None)
    return active


@dataclass(frozen=True, slots=True)
class ChainProblem:
    number: str
    seq: int
    problem: str


def verify_chain(number: str, events: Iterable[ConsentEvent]) -> list[ChainProblem]:
    """Recompute one number's chain and report every break (edit, gap, reorder, relink)."""
    problems: list[ChainProblem] = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    last_id: int | None = None
    for event in sorted(events, key=lambda e: e.seq):
        if event.seq != expected_seq:
            problems.append(ChainProblem(number, event.seq, f"expected seq {expected_seq}"))
        if event.id is not None and last_id is not None and event.id <= last_id:
            # ids are given in commit order: the consent feed and exports follow them
            problems.append(
                ChainProblem(number, event.seq, f"id {event.id} is not above the id before it")
            )
        last_id = event.id if event.id is not None else last_id
        if event.prev_hash != expected_prev:
            problems.append(ChainProblem(number, event.seq, "previous-hash link broken"))
        recomputed = event_hash(event.draft, event.seq, event.recorded_at, event.prev_hash)
        if recomputed != event.hash:
            problems.append(ChainProblem(number, event.seq, "content does not match its hash"))
        expected_prev = event.hash
        expected_seq = event.seq + 1
    return problems
