"""Types shared by the engine and its callers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Action(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    REVIEW = "review"  # intent unclear: a person decides, within the legal deadline
    NONE = "none"


SURE = 0.8  # at or above: the engine acts on its reading
UNSURE = 0.35  # at or below: not an opt-out; in between: a person reviews it


@dataclass(frozen=True, slots=True)
class ClassifyContext:
    """What the engine may know about the conversation: the sender's locale, its extra
    keywords and languages (STOP, HELP and START themselves can never be switched off) and
    the confidence thresholds.

    ``languages`` adds languages whose everyday-word keywords apply (Italian "FINE",
    Vietnamese "HỦY"); the locale's language and English always apply, and unambiguous
    keywords and phrases of every language apply everywhere.
    """

    locale: str = "en-US"
    extra_opt_out: frozenset[str] = field(default_factory=frozenset)
    extra_opt_in: frozenset[str] = field(default_factory=frozenset)
    extra_help: frozenset[str] = field(default_factory=frozenset)
    languages: frozenset[str] = field(default_factory=frozenset)
    sure: float = SURE
    unsure: float = UNSURE

    def __post_init__(self) -> None:
        if not 0.0 <= self.unsure < self.sure <= 1.0:
            raise ValueError("thresholds need 0 <= unsure < sure <= 1")

    @property
    def language(self) -> str:
        """The locale's language: ``fr-CA`` -> ``fr``."""
        return self.locale.replace("_", "-").split("-")[0].lower() or "en"

    @property
    def all_languages(self) -> frozenset[str]:
        return self.languages | {self.language, "en"}


class Classification(NamedTuple):
    """One decision of the engine: immutable (a named tuple, built several times faster than
    a frozen dataclass, which matters at 100,000 messages a second)."""

    action: Action
    intent: str  # finer than action, e.g. "stop_keyword", "help_keyword", "no_intent"
    # 0..1: for opt_out and review, how likely the message is an opt-out; for the other
    # actions, how sure the engine is of that action.
    confidence: float
    language: str | None  # ISO 639-1 of the matched rule, when known
    rule: str  # identifier of the rule that fired
    span: tuple[int, int] | None  # matched span in the *original* text, when known
    explanation: str

    def as_dict(self) -> dict[str, object]:
        return {
            "action": self.action.value,
            "intent": self.intent,
            "confidence": self.confidence,
            "language": self.language,
            "rule": self.rule,
            "span": list(self.span) if self.span else None,
            "explanation": self.explanation,
        }
