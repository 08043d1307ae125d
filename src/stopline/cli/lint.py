"""``stopline lint``: check a marketing text before it is sent."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from stopline.cli.base import app, err, out, settings
from stopline.domain.content import ContentRules, LintResult, OnMissingOptOut, Severity, lint

_MARK = {Severity.REFUSED: "[red]✗ refused[/red]", Severity.FIXED: "[yellow]✎ fixed[/yellow]"}


@app.command("lint")
def lint_cmd(
    text: Annotated[str, typer.Argument(help="The message text (template)")],
    brand: Annotated[
        str | None, typer.Option(help="Brand name to require (default: STOPLINE_BRAND_NAME)")
    ] = None,
    locale: Annotated[str, typer.Option(help="Message language: en, fr, es (fr-CA…)")] = "en-US",
    refuse: Annotated[
        bool | None,
        typer.Option(
            "--refuse/--add",
            help="Refuse texts without opt-out wording, or add it (default: "
            "STOPLINE_MISSING_OPT_OUT)",
        ),
    ] = None,
    transactional: Annotated[
        bool, typer.Option(help="Not marketing: opt-out wording is not required")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON")] = False,
) -> None:
    """Explain what a text lacks (opt-out instructions, brand name), fix it where allowed, and
    show its encoding and segment count.

    Exit code 0: compliant as written; 1: fixed (send the printed text); 2: refused.
    """
    config = settings()
    if refuse is None:
        mode = OnMissingOptOut(config.missing_opt_out)
    else:
        mode = OnMissingOptOut.REFUSE if refuse else OnMissingOptOut.ADD
    rules = ContentRules(
        brand=config.brand_name if brand is None else brand,
        locale=locale,
        marketing=not transactional,
        on_missing_opt_out=mode,
    )
    result = lint(text, rules)
    if as_json:
        print(json.dumps(_as_dict(result), ensure_ascii=False))
    else:
        _print(result)
    if result.refused:
        raise typer.Exit(2)
    if not result.compliant_as_written:
        raise typer.Exit(1)


def _print(result: LintResult) -> None:
    for finding in result.findings:
        mark = _MARK.get(finding.severity, "[cyan]! note[/cyan]")
        out.print(f"{mark}  {finding.message}", highlight=False)
    if result.compliant_as_written:
        out.print("[green]✓ compliant as written[/green]")
    enc = result.encoding
    if enc is not None:
        out.print(
            f"encoding: {enc.name}, {enc.units} {enc.unit_name}, {enc.segments} segment(s) "
            f"of up to {enc.per_segment}"
        )
    if result.refused:
        err.print("[red]not sendable as is[/red]")
    elif result.changed:
        out.print("text to send:")
        print(result.text)


def _as_dict(result: LintResult) -> dict[str, object]:
    enc = result.encoding
    return {
        "text": result.text,
        "changed": result.changed,
        "refused": result.refused,
        "compliant_as_written": result.compliant_as_written,
        "findings": [
            {"code": f.code, "severity": f.severity.value, "message": f.message}
            for f in result.findings
        ],
        "encoding": None
        if enc is None
        else {
            "name": enc.name,
            "units": enc.units,
            "segments": enc.segments,
            "per_segment": enc.per_segment,
            "non_gsm": list(enc.non_gsm),
        },
    }
