"""First keyword engine: whole-message match after normalisation.

Handles what providers document (exact keywords) plus Unicode and punctuation variants.
"""

from __future__ import annotations

from stopline.domain.language.keywords import HELP_TABLE, OPT_IN_TABLE, OPT_OUT_TABLE
from stopline.domain.language.model import Action, Classification, ClassifyContext
from stopline.domain.language.normalise import fold_text

_DEFAULT_CONTEXT = ClassifyContext()


def classify(text: str, context: ClassifyContext = _DEFAULT_CONTEXT) -> Classification:
    """Classify one inbound message. Never raises, does no I/O."""
    folded = fold_text(text)
    if not folded:
        return _none("empty message")
    span = _span(text)
    for action, intent, table, extra in (
        (Action.OPT_OUT, "stop_keyword", OPT_OUT_TABLE, context.extra_opt_out),
        (Action.OPT_IN, "start_keyword", OPT_IN_TABLE, context.extra_opt_in),
        (Action.HELP, "help_keyword", HELP_TABLE, context.extra_help),
    ):
        if folded in table:
            return Classification(
                action,
                intent,
                1.0,
                table[folded],
                f"keyword.{intent}",
                span,
                f"the whole message is the keyword {folded.upper()!r}",
            )
        if extra and folded in {fold_text(word) for word in extra}:
            return Classification(
                action,
                intent,
                1.0,
                None,
                f"keyword.sender.{intent}",
                span,
                f"the whole message is the sender's keyword {folded.upper()!r}",
            )
    return _none("no keyword")


def _none(why: str) -> Classification:
    return Classification(Action.NONE, "no_intent", 1.0, None, "none", None, why)


def _span(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return (start, len(text.rstrip()))
