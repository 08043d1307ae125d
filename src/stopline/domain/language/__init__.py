"""The opt-out language engine: normalise -> match rules -> `Classification`.

`classify` is the single entry point the rest of Stopline uses; everything behind it can be
replaced without touching callers.
"""

from stopline.domain.language.context import keyword_conflicts
from stopline.domain.language.engine import classify
from stopline.domain.language.lexicon import BY_LANGUAGE
from stopline.domain.language.model import Action, Classification, ClassifyContext

LANGUAGES = frozenset(BY_LANGUAGE)

__all__ = [
    "LANGUAGES",
    "Action",
    "Classification",
    "ClassifyContext",
    "classify",
    "keyword_conflicts",
]
