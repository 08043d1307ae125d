"""Content lint: opt-out wording, brand, GSM-7/UCS-2 segments; and the `stopline lint` CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from stopline.cli import app
from stopline.domain.content import (
    OPT_OUT_SENTENCE,
    ContentRules,
    OnMissingOptOut,
    Severity,
    has_opt_out,
    lint,
)
from stopline.domain.segments import encoding_of

ACME = ContentRules(brand="Acme")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Reply STOP to opt out", "en"),
        ("reply stop to unsubscribe.", "en"),
        ("Txt STOP to end", "en"),
        ("Text END to quit", "en"),
        ("STOP to opt-out", "en"),
        ("Répondez ARRET pour vous désabonner", "fr"),
        ("Repondez STOP pour vous desabonner", "fr"),
        ("Responda ALTO para cancelar", "es"),
        ("Envía BAJA para darte de baja", "es"),
    ],
)
def test_recognises_opt_out_wording(text: str, language: str) -> None:
    assert has_opt_out(f"Acme: 20% off today. {text}", language)


@pytest.mark.parametrize(
    "text", ["Stop by our store today!", "Don't stop now: sale ends soon", "Reply for details"]
)
def test_does_not_mistake_other_wording_for_opt_out(text: str) -> None:
    assert not has_opt_out(text, "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme: sale. Reply STOP to opt-in to more deals", "en"),
        ("Text STOP to win a prize", "en"),
        ("Reply STOP for more offers", "en"),
        ("Répondez STOP pour recevoir nos offres", "fr"),
        ("Responda ALTO para recibir ofertas", "es"),
    ],
)
def test_the_keyword_given_another_purpose_is_no_opt_out_instruction(
    text: str, language: str
) -> None:
    """It tells the reader the opposite of how to opt out (acceptance test, 2026-12-04)."""
    assert not has_opt_out(text, language)
    assert has_opt_out(text + ". " + OPT_OUT_SENTENCE[language], language)
    assert has_opt_out("Reply STOP to end. Reply START for more deals", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sale! Don't reply STOP", "en"),
        ("Sale! Don’t reply STOP", "en"),
        ("Do not text STOP", "en"),
        ("Never reply STOP to us", "en"),
        ("Ne répondez pas STOP", "fr"),
        ("No responda ALTO", "es"),
    ],
)
def test_a_negated_instruction_is_no_opt_out_instruction(text: str, language: str) -> None:
    """(See also the next test: a negation in another clause does not count.)"""
    assert not has_opt_out(text, language)
    # the same instruction, not negated, in the next sentence still counts
    assert has_opt_out(text + ". " + OPT_OUT_SENTENCE[language], language)


def test_adds_opt_out_and_brand() -> None:
    result = lint("20% off all week!", ACME)
    assert result.text == "Acme: 20% off all week! Reply STOP to opt out."
    assert lint("Acme: sale", ACME).text == "Acme: sale. Reply STOP to opt out."
    assert [f.code for f in result.findings] == ["brand_missing", "opt_out_missing"]
    assert all(f.severity is Severity.FIXED for f in result.findings)
    assert not result.compliant_as_written and not result.refused


def test_adds_the_locale_sentence() -> None:
    fr = lint("Acme : soldes d'hiver", ContentRules("Acme", locale="fr-CA"))
    assert fr.text.endswith("Répondez ARRET pour vous désabonner.")
    es = lint("Acme: ofertas", ContentRules("Acme", locale="es-US"))
    assert es.text.endswith("Responda ALTO para cancelar.")
    unknown = lint("Acme: Angebote", ContentRules("Acme", locale="de-DE"))
    assert unknown.text.endswith("Reply STOP to opt out.")
    assert "unknown_locale" in [f.code for f in unknown.findings]


def test_refuses_when_configured() -> None:
    rules = ContentRules("Acme", on_missing_opt_out=OnMissingOptOut.REFUSE)
    result = lint("Acme: sale", rules)
    assert result.refused and result.text == "Acme: sale"


def test_transactional_texts_need_no_opt_out() -> None:
    result = lint("Acme: your code is 123456", ContentRules("Acme", marketing=False))
    assert result.compliant_as_written and result.text == "Acme: your code is 123456"


def test_empty_text_is_refused() -> None:
    assert lint("   ", ACME).refused


@pytest.mark.parametrize(
    ("text", "name", "units", "segments"),
    [
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("€" * 80, "GSM-7", 160, 1),  # extension characters count double
        ("a" * 152 + "€" + "a" * 10, "GSM-7", 164, 2),
        ("a" * 152 + "{" + "a" * 153, "GSM-7", 307, 3),  # the escape pair is not split
        ("é" * 70, "GSM-7", 70, 1),  # é is in the GSM basic table
        ("ç" * 70, "UCS-2", 70, 1),
        ("ç" * 71, "UCS-2", 71, 2),
        ("ç" * 134, "UCS-2", 134, 2),
        ("ç" * 135, "UCS-2", 135, 3),
        ("😀" * 35, "UCS-2", 70, 1),
        ("a" * 66 + "😀" + "a" * 67, "UCS-2", 135, 3),  # the surrogate pair stays together
    ],
)
def test_segments(text: str, name: str, units: int, segments: int) -> None:
    encoding = encoding_of(text)
    assert (encoding.name, encoding.units, encoding.segments) == (name, units, segments)


def test_smart_quotes_are_named_as_the_ucs2_cause() -> None:
    result = lint("Acme: it’s here. Reply STOP to opt out.", ACME)
    assert result.encoding is not None and result.encoding.non_gsm == ("’",)
    assert "RIGHT SINGLE QUOTATION MARK" in result.findings[0].message
    assert result.compliant_as_written  # warnings only


runner = CliRunner()


def test_cli_exit_codes_and_json() -> None:
    ok = runner.invoke(app, ["lint", "Acme: sale. Reply STOP to opt out", "--brand", "Acme"])
    assert ok.exit_code == 0 and "compliant as written" in ok.output
    fixed = runner.invoke(app, ["lint", "sale", "--brand", "Acme"])
    assert fixed.exit_code == 1 and "Acme: sale. Reply STOP to opt out." in fixed.output
    refused = runner.invoke(app, ["lint", "Acme: sale", "--brand", "Acme", "--refuse"])
    assert refused.exit_code == 2
    data = runner.invoke(
        app, ["lint", "Acme: soldes", "--brand", "Acme", "--locale", "fr", "--json"]
    )
    body = json.loads(data.output)
    assert body["changed"] and body["findings"][0]["code"] == "opt_out_missing"
    assert body["encoding"]["name"] == "GSM-7"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Para no recibir promociones envía BAJA", "es"),
        ("If you don't want texts reply STOP", "en"),
        ("Si vous ne voulez plus répondez STOP", "fr"),
        ("Newsletter Fnac répondez STOP au 36180", "fr"),
        ("Nexity répondez STOP au 36180", "fr"),
    ],
)
def test_a_negation_in_another_clause_leaves_the_instruction(text: str, language: str) -> None:
    assert has_opt_out(text, language)
