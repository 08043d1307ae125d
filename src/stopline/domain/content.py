"""Content compliance for outbound marketing texts: opt-out instructions, brand name, encoding.

Every marketing message must tell the recipient how to opt out ("Reply STOP to opt out", or the
locale's equivalent) and name the brand (CTIA; see compliance.md). Missing opt-out wording is
added or the text refused, as configured; a missing brand is prefixed. The encoding (GSM-7 or
UCS-2) and segment count are reported, with the characters that force UCS-2.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from stopline.domain.segments import Encoding, encoding_of


class OnMissingOptOut(StrEnum):
    ADD = "add"  # append the locale's opt-out sentence
    REFUSE = "refuse"  # refuse the template


class Severity(StrEnum):
    REFUSED = "refused"  # cannot be sent as is and was not fixed
    FIXED = "fixed"  # was wrong, fixed automatically
    WARNING = "warning"  # allowed, but worth knowing (cost, encoding)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str


@dataclass(frozen=True, slots=True)
class ContentRules:
    brand: str
    locale: str = "en-US"
    marketing: bool = True
    on_missing_opt_out: OnMissingOptOut = OnMissingOptOut.ADD


@dataclass(frozen=True, slots=True)
class LintResult:
    original: str
    text: str  # what to send: the original, or the fixed version
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    encoding: Encoding | None = None

    @property
    def refused(self) -> bool:
        return any(f.severity is Severity.REFUSED for f in self.findings)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def compliant_as_written(self) -> bool:
        return not any(f.severity is not Severity.WARNING for f in self.findings)


_NEAR = r"\b[^.!?\n]{0,25}?\b"  # a few words apart, within one sentence
_OPT_OUT_PATTERNS: dict[str, tuple[str, ...]] = {
    "en": (
        r"\b(?:reply|text|txt|send|respond)" + _NEAR + r"(?:stop|end|quit|cancel|unsubscribe)\b",
        r"\bstop\b\s*(?:to|2)\s*(?:opt[- ]?out|unsubscribe|cancel|end|quit)\b",
    ),
    "fr": (
        r"\b(?:repondez|repondre|envoyez|textez|texte)" + _NEAR + r"(?:arret|stop)\b",
        r"\b(?:arret|stop)" + _NEAR + r"(?:desabonner|desinscrire|annuler)",
    ),
    "es": (
        r"\b(?:responda|responde|envia|envie|texto|escribe)"
        + _NEAR
        + r"(?:alto|baja|stop|parar)\b",
        r"\b(?:alto|baja|stop)" + _NEAR + r"(?:cancelar|darte de baja|darse de baja|dejar de)\b",
    ),
}
# An instruction that is negated ("Don't reply STOP", "ne répondez pas STOP", "no responda
# ALTO") tells nobody how to opt out: a negation right before its verb. One earlier in the
# sentence belongs to another clause ("If you don't want texts, reply STOP").
_NEGATED: dict[str, str] = {
    "en": r"\b(?:don['’]?t|do not|never)\s+$",
    "fr": r"\b(?:ne\s+|n['’])$",
    "es": r"\b(?:no|nunca)\s+$",
}
# The keyword given another purpose right after it ("Reply STOP to opt in to more deals",
# "Text STOP to win"): that says the opposite of how to opt out.
_CONTRARY: dict[str, str] = {
    "en": r"^\s*(?:to|2|for)\s+(?:opt[- ]?in|subscribe|join|sign[- ]?up|get|receive|enter|"
    r"win|claim|more|deals|offers)\b",
    "fr": r"^\s*pour\s+(?:vous\s+abonner|vous\s+inscrire|recevoir|participer|gagner|plus)\b",
    "es": r"^\s*para\s+(?:suscribirte|suscribirse|recibir|participar|ganar|unirte|mas)\b",
}
OPT_OUT_SENTENCE = {
    "en": "Reply STOP to opt out.",
    "fr": "Répondez ARRET pour vous désabonner.",
    "es": "Responda ALTO para cancelar.",
}
SUPPORTED_LOCALES = frozenset(OPT_OUT_SENTENCE)


def language_of(locale: str) -> str:
    return locale.replace("_", "-").split("-")[0].strip().lower() or "en"


def has_opt_out(text: str, language: str) -> bool:
    """Whether ``text`` tells the reader how to opt out, in ``language`` (accents and case
    ignored)."""
    folded = _fold(text)
    patterns = _OPT_OUT_PATTERNS.get(language, _OPT_OUT_PATTERNS["en"])
    negated = _NEGATED.get(language, _NEGATED["en"])
    contrary = _CONTRARY.get(language, _CONTRARY["en"])
    for pattern in patterns:
        for match in re.finditer(pattern, folded):
            before = re.split(r"[.!?\n]", folded[: match.start()])[-1]
            if re.search(negated, before) or re.search(negated, _inside(match)):
                continue
            if not re.search(contrary, folded[match.end() :]):
                return True
    return False


def _inside(match: re.Match[str]) -> str:
    """The words of a match before its keyword ("reply don't stop" → "reply don't ")."""
    words = match.group(0).split()
    return " ".join(words[:-1]) + " " if len(words) > 1 else ""


def has_brand(text: str, brand: str) -> bool:
    if not brand.strip():
        return True
    pattern = r"(?<!\w)" + re.escape(_fold(brand.strip())) + r"(?!\w)"
    return re.search(pattern, _fold(text)) is not None


def lint(text: str, rules: ContentRules) -> LintResult:
    """Check (and where allowed, fix) one outbound text."""
    findings: list[Finding] = []
    fixed = text.strip()
    if not fixed:
        findings.append(Finding("empty", Severity.REFUSED, "the message is empty"))
        return LintResult(text, text, tuple(findings), encoding_of(text))
    language = language_of(rules.locale)
    if language not in SUPPORTED_LOCALES:
        findings.append(
            Finding(
                "unknown_locale",
                Severity.WARNING,
                f"no opt-out wording known for locale {rules.locale!r}: English is used "
                f"(known: {', '.join(sorted(SUPPORTED_LOCALES))})",
            )
        )
        language = "en"
    if rules.brand.strip() and not has_brand(fixed, rules.brand):
        fixed = f"{rules.brand.strip()}: {fixed}"
        findings.append(
            Finding(
                "brand_missing",
                Severity.FIXED,
                f"the brand name {rules.brand.strip()!r} does not appear: prefixed it",
            )
        )
    if rules.marketing and not has_opt_out(fixed, language):
        sentence = OPT_OUT_SENTENCE[language]
        if rules.on_missing_opt_out is OnMissingOptOut.ADD:
            stop = "." if fixed[-1].isalnum() else ""
            fixed = f"{fixed}{stop} {sentence}"
            findings.append(
                Finding(
                    "opt_out_missing",
                    Severity.FIXED,
                    f"marketing texts must say how to opt out: added {sentence!r}",
                )
            )
        else:
            findings.append(
                Finding(
                    "opt_out_missing",
                    Severity.REFUSED,
                    f"marketing texts must say how to opt out, e.g. {sentence!r}; "
                    "refused (configured to refuse rather than add)",
                )
            )
    encoding = encoding_of(fixed)
    findings.extend(_encoding_findings(encoding))
    return LintResult(text, fixed, tuple(findings), encoding)


def _encoding_findings(encoding: Encoding) -> list[Finding]:
    found: list[Finding] = []
    if encoding.non_gsm:
        shown = ", ".join(f"{c!r} ({_char_name(c)})" for c in encoding.non_gsm[:5])
        found.append(
            Finding(
                "ucs2",
                Severity.WARNING,
                f"{shown} not in the GSM-7 alphabet: sent as UCS-2 (70 characters per "
                f"segment, 67 when split) — {encoding.segments} segment(s)",
            )
        )
    if encoding.segments > 1:
        found.append(
            Finding(
                "multi_segment",
                Severity.WARNING,
                f"{encoding.units} {encoding.unit_name} = {encoding.segments} segments "
                f"(billed as {encoding.segments} messages)",
            )
        )
    return found


def _char_name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}")


def _fold(text: str) -> str:
    """Lower case without accents, for matching wording written with or without them."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
