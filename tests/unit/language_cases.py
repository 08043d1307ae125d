"""What the language engine makes of one message, for the blind-test files."""

from __future__ import annotations

from stopline.domain.language import Action, ClassifyContext
from stopline.domain.language.engine import classify_strict


def action(text: str, context: ClassifyContext | None = None) -> Action:
    return classify_strict(text, context or ClassifyContext()).action
