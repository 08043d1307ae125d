"""Reply texts: opt-out confirmation, HELP and START replies (CTIA wording), per language.

Confirmations say the number is unsubscribed and from when, how to resubscribe, and nothing else:
47 CFR 64.1200(a)(12) forbids marketing in them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

DEFAULT_FREQUENCY = "Msg frequency varies"
# The default frequency in each template's language (a brand's own wording is kept as written).
_FREQUENCY_VARIES = {"en": DEFAULT_FREQUENCY, "fr": "variable", "es": "variable"}


@dataclass(frozen=True, slots=True)
class Brand:
    name: str
    help_contact: str
    frequency: str = DEFAULT_FREQUENCY
    timezone: str = "UTC"
    # Per-language overrides, keyed "opt_out.fr", "help.en", ... with {brand}, {contact},
    # {frequency} and {when} placeholders.
    custom: dict[str, str] = field(default_factory=dict)


_TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "opt_out": (
            "{brand}: This number is unsubscribed from all {brand} texts as of {when}. "
            "No more messages will be sent. Reply START to resubscribe."
        ),
        "opt_in": (
            "{brand}: You are subscribed to {brand} texts. {frequency}. Msg&data rates may apply. "
            "Reply HELP for help, STOP to cancel."
        ),
        "help": (
            "{brand}: Help at {contact}. {frequency}. Msg&data rates may apply. "
            "Reply STOP to cancel."
        ),
    },
    "fr": {
        "opt_out": (
            "{brand} : ce numéro est désabonné de tous les textos {brand} depuis le {when}. "
            "Plus aucun message ne sera envoyé. Répondez START pour vous réabonner."
        ),
        "opt_in": (
            "{brand} : vous êtes abonné aux textos {brand}. Fréquence des messages : {frequency}. "
            "Des frais de messagerie et de données peuvent s'appliquer. "
            "Répondez AIDE pour de l'aide, ARRET pour vous désabonner."
        ),
        "help": (
            "{brand} : aide : {contact}. Fréquence des messages : {frequency}. Des frais de "
            "messagerie et de données peuvent s'appliquer. Répondez ARRET pour vous désabonner."
        ),
    },
    "es": {
        "opt_out": (
            "{brand}: Este número se ha dado de baja de todos los mensajes de {brand} desde "
            "el {when}. No se enviarán más mensajes. Responda START para volver a suscribirse."
        ),
        "opt_in": (
            "{brand}: Está suscrito a los mensajes de {brand}. "
            "Frecuencia de mensajes: {frequency}. "
            "Pueden aplicarse tarifas de mensajes y datos. "
            "Responda AYUDA para ayuda, ALTO para cancelar."
        ),
        "help": (
            "{brand}: Ayuda en {contact}. Frecuencia de mensajes: {frequency}. "
            "Pueden aplicarse tarifas de mensajes y datos. "
            "Responda ALTO para cancelar."
        ),
    },
}

SUPPORTED_LANGUAGES = frozenset(_TEMPLATES)

# After a START, the opt-outs still in force at other scopes (a topic opted out of
# elsewhere): the reply says so rather than promise every text again.
_STILL_OUT: dict[str, tuple[str, str]] = {  # (sentence, how a sender is named)
    "en": ("Still unsubscribed from: {scopes}.", "texts from {sender}"),
    "fr": ("Toujours désabonné de : {scopes}.", "textos de {sender}"),
    "es": ("Sigue dado de baja de: {scopes}.", "mensajes de {sender}"),
}


def still_opted_out(language: str | None, topics: list[str], senders: list[str]) -> str:
    """The sentence naming the opt-outs still in force after an opt-in ("" when none)."""
    if not topics and not senders:
        return ""
    sentence, sender_name = _STILL_OUT[language if language in _STILL_OUT else "en"]
    named = sorted(topics) + [sender_name.format(sender=s) for s in sorted(senders)]
    return sentence.format(scopes=", ".join(named))


def reply_text(kind: str, brand: Brand, language: str | None, when: datetime) -> str:
    """The reply for ``kind`` ("opt_out", "opt_in" or "help") in ``language``: the brand's
    own text for that language if it has one, else Stopline's template (English when there is
    none for the language), with ``when`` shown in the brand's time zone."""
    custom = brand.custom.get(f"{kind}.{language}") if language else None
    lang = language if language in _TEMPLATES else "en"
    template = custom or brand.custom.get(f"{kind}.{lang}") or _TEMPLATES[lang][kind]
    frequency = brand.frequency
    if frequency == DEFAULT_FREQUENCY:
        frequency = _FREQUENCY_VARIES.get(language or "en", DEFAULT_FREQUENCY)
    return template.format(
        brand=brand.name,
        contact=brand.help_contact,
        frequency=frequency,
        when=format_when(when, brand.timezone),
    )


def format_when(when: datetime, timezone: str) -> str:
    """``2026-11-26 11:40 UTC``: unambiguous in every language."""
    local = when.astimezone(ZoneInfo(timezone))
    return local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or timezone)


REPLY_KINDS = ("opt_out", "opt_in", "help")


def check_custom(custom: dict[str, str]) -> list[str]:
    """Problems with custom reply texts (bad keys or placeholders); empty when all is well."""
    problems: list[str] = []
    for key, template in custom.items():
        kind, _sep, language = key.partition(".")
        if kind not in REPLY_KINDS or not language:
            problems.append(f"{key!r}: keys look like opt_out.fr, help.en or opt_in.es")
            continue
        try:
            template.format(brand="B", contact="C", frequency="F", when="W")
        except (KeyError, IndexError, ValueError) as exc:
            problems.append(
                f"{key!r}: unknown or broken placeholder {exc} (use {{brand}}, {{contact}}, "
                "{frequency}, {when})"
            )
    return problems
