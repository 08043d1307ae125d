"""Types shared by the engine and its callers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    REVIEW = "review"  # intent unclear: a person decides, within the legal deadline
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ClassifyContext:
    """What the engine may know about the conversation: the sender's locale and its extra
    keywords (STOP, HELP and START themselves can never be switched off)."""

    locale: str = "en-US"
    extra_opt_out: frozenset[str] = field(default_factory=frozenset)
    extra_opt_in: frozenset[str] = field(default_factory=frozenset)
    extra_help: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Classification:
    action: Action
    intent: str  # finer than action, e.g. "stop_keyword", "help_keyword", "no_intent"
    confidence: float  # 0..1, how sure the engine is of `action`
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
