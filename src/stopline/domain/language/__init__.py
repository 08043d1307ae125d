"""The opt-out language engine: normalise -> match rules -> `Classification`.

`classify` is the single entry point the rest of Stopline uses; everything behind it can be
replaced without touching callers.
"""

from stopline.domain.language.engine import classify
from stopline.domain.language.model import Action, Classification, ClassifyContext

__all__ = ["Action", "Classification", "ClassifyContext", "classify"]
