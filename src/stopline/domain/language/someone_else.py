"""A short reply saying the recipient is someone else, by name: "Not Mike", "I'm not Sarah",
"There's no Sarah here", "No soy Maria". No phrase says "wrong number", so nothing else
reads it; the name is what tells it from "I'm not sure": no word the lexicons, the guard
list or a short list of replies ("not bad") know. Case is not looked at (the engine reads
"NOT MIKE" and "not mike" alike), so an unknown word there also goes to review. Such a
reply goes to review: it may mean a reassigned number, whose texts must stop."""

from __future__ import annotations

import re

from stopline.domain.language.guard_words import GUARD_WORDS
from stopline.domain.language.normalise import fold
from stopline.domain.language.tables import VOCABULARY

# The words before the name (folded), and their language.
_NOT_THEM: dict[tuple[str, ...], str] = {
    ("not",): "en",
    ("im", "not"): "en",
    ("i", "am", "not"): "en",
    ("this", "isnt"): "en",
    ("this", "is", "not"): "en",
    ("thats", "not"): "en",
    ("its", "not"): "en",
    ("theres", "no"): "en",
    ("there", "is", "no"): "en",
    ("no", "soy"): "es",
    ("yo", "no", "soy"): "es",
    ("nao", "sou"): "pt",
    ("nao", "sou", "a"): "pt",
    ("nao", "sou", "o"): "pt",
    ("eu", "nao", "sou"): "pt",
    ("je", "ne", "suis", "pas"): "fr",
    ("ich", "bin", "nicht"): "de",
    ("non", "sono"): "it",
    ("hindi", "ako", "si"): "tl",
    ("hindi", "po", "ako", "si"): "tl",
}
_HERE = frozenset({"here", "aqui", "ici", "hier", "dito", "qui"})
# Words people write after "not" in Title Case that the lexicons do not know.
_NOT_NAMES = frozenset(
    [
        "bad",
        "good",
        "great",
        "fine",
        "funny",
        "cool",
        "nice",
        "happy",
        "sad",
        "true",
        "false",
        "fair",
        "real",
        "really",
        "exactly",
        "quite",
        "likely",
        "possible",
        "necessary",
        "needed",
        "helpful",
        "correct",
        "right",
        "okay",
        "alright",
        "bothered",
        "worried",
        "concerned",
        "afraid",
        "scared",
        "mad",
        "angry",
        "upset",
        "amused",
        "impressed",
        "satisfied",
        "pleased",
        "married",
        "single",
        "sick",
        "well",
        "free",
        "busy",
        "late",
        "early",
        "close",
        "far",
        "enough",
        "much",
        "many",
        "all",
        "everyone",
        "everybody",
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "always",
        "never",
        "ever",
        "either",
        "neither",
        "certain",
        "convinced",
        "responsible",
        "eligible",
        "applicable",
        "relevant",
        "important",
        "urgent",
        "mine",
        "yours",
        "his",
        "hers",
        "ours",
        "theirs",
        "human",
        "robot",
        "bot",
        "scam",
        "spam",
        "joking",
        "kidding",
        "lying",
        "crazy",
        "stupid",
        "dumb",
        "rich",
        "poor",
        "old",
        "young",
        "catholic",
        "christian",
        "muslim",
        "jewish",
        "american",
        "english",
    ]
)
_LETTERS = re.compile(r"[^\W\d_]+")


def someone_else(body: str, words: list[str]) -> tuple[str, str] | None:
    """(language, the name as written) when ``words`` (``body`` folded and split) say the
    recipient is not that person; else None."""
    if words and words[-1] in _HERE:
        words = words[:-1]
    if not 2 <= len(words) <= 5:
        return None
    language = _NOT_THEM.get(tuple(words[:-1]))
    name = words[-1]
    if language is None or len(name) < 2 or name in _NOT_NAMES:
        return None
    if name in VOCABULARY or name in GUARD_WORDS:
        return None
    written = next((t for t in reversed(_LETTERS.findall(body)) if fold(t) == name), name)
    return language, written
