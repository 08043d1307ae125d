"""Letters that look like Latin letters: Cyrillic and Greek look-alikes (lower case, after
case folding), plus letters that accent stripping does not reach (small capitals among them).
Full-width forms, circled letters and mathematical alphanumerics need no table: NFKC maps them
to plain letters.

The look-alikes follow Unicode's confusables data (UTS #39) for the Latin skeleton of each
letter; only letters that render like an ASCII letter in common phone fonts are listed.
"""

from __future__ import annotations

# Cyrillic -> Latin (after casefold: e.g. "Т" -> "т" -> "t" because capital Т looks like T).
CYRILLIC: dict[str, str] = {
    "а": "a",
    "в": "b",
    "с": "c",
    "ԁ": "d",
    "е": "e",
    "ё": "e",
    "һ": "h",
    "н": "h",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "к": "k",
    "ӏ": "l",
    "м": "m",
    "о": "o",
    "р": "p",
    "ԛ": "q",
    "ѕ": "s",
    "т": "t",
    "у": "y",
    "ԝ": "w",
    "х": "x",
    "ү": "y",
}

# Greek -> Latin (after casefold).
GREEK: dict[str, str] = {
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "h",
    "ι": "i",
    "κ": "k",
    "μ": "m",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "γ": "y",
    "ζ": "z",
}

LOOK_ALIKES: dict[str, str] = {**CYRILLIC, **GREEK}

# Latin letters that NFKD does not decompose; folded to their base letters everywhere.
LATIN_EXTRA: dict[str, str] = {
    "đ": "d",
    "ð": "d",
    "ø": "o",
    "ł": "l",
    "ı": "i",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ħ": "h",
    "ŧ": "t",
    "ſ": "s",
}

# Small capital letters (U+1D00 block, IPA and Latin Extended-D), which "fancy font"
# generators use for capitals ("ꜱᴛᴏᴘ"): NFKC leaves them alone. UTS #39 confusables map each
# to its Latin letter; folded to the lower-case letter everywhere.
SMALL_CAPITALS: dict[str, str] = {
    "ᴀ": "a",
    "ʙ": "b",
    "ᴄ": "c",
    "ᴅ": "d",
    "ᴇ": "e",
    "ꜰ": "f",
    "ɢ": "g",
    "ʜ": "h",
    "ɪ": "i",
    "ᴊ": "j",
    "ᴋ": "k",
    "ʟ": "l",
    "ᴍ": "m",
    "ɴ": "n",
    "ᴏ": "o",
    "ᴘ": "p",
    "ꞯ": "q",
    "ʀ": "r",
    "ꜱ": "s",
    "ᴛ": "t",
    "ᴜ": "u",
    "ᴠ": "v",
    "ᴡ": "w",
    "ʏ": "y",
    "ᴢ": "z",
}
LATIN_EXTRA.update(SMALL_CAPITALS)
# Arabic letters typed interchangeably: alef maqsura for ya, ta marbuta for ha
# ("رسالة"/"رساله"), so both spellings fold alike (hamza and vowel marks are stripped).
LATIN_EXTRA.update({"ى": "ي", "ة": "ه"})
# Persian and Urdu letters typed for their Arabic twins (keyboards differ): Farsi/Urdu
# "ی" and "ک", Urdu "ہ" fold to Arabic "ي", "ك", "ه", so either spelling matches.
LATIN_EXTRA.update({"ی": "ي", "ک": "ك", "ہ": "ه"})

# Digits typed for letters inside words ("ST0P", "5TOP", "unsubscr1be").
LEET: dict[str, str] = {"0": "o", "1": "i", "3": "e", "5": "s", "7": "t", "@": "a"}
