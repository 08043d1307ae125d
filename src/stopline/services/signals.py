"""Provider opt-out signals (status callbacks, refused sends) as ledger drafts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from stopline.domain.consent import (
    ORGANISATION,
    ClassificationRecord,
    ConsentDraft,
    Kind,
    Scope,
    Source,
)
from stopline.domain.inbound import bounded_id
from stopline.providers.base import SendResult, StatusReport


def status_signal(
    report: StatusReport, scope: Scope = ORGANISATION, *, body_signed: bool = True
) -> ConsentDraft | None:
    """An opt-out draft when the callback says the recipient opted out, else None.
    ``body_signed=False`` (Plivo V2: the signature covers the URL and nonce only) is kept
    in the evidence."""
    if not report.opted_out or report.recipient is None:
        return None
    draft = _draft(
        number=report.recipient,
        provider=report.provider,
        message_id=report.provider_message_id,
        sender=report.sender,
        code=report.error_code or "opted_out",
        status=report.raw_status,
        via="status_callback",
        at=report.occurred_at,
        scope=scope,
    )
    if body_signed:
        return draft
    return replace(draft, evidence={**draft.evidence, "body_signed": "false"})


def send_signal(
    provider: str,
    to: str,
    sender: str | None,
    result: SendResult,
    at: datetime,
    scope: Scope = ORGANISATION,
) -> ConsentDraft:
    """The draft for a send the provider refused because the recipient opted out."""
    return _draft(
        number=to,
        provider=provider,
        message_id=result.provider_message_id,
        sender=sender,
        code=result.error_code or "opted_out",
        status=str(result.http_status or ""),
        via="send_error",
        at=at,
        scope=scope,
    )


def _draft(
    *,
    number: str,
    provider: str,
    message_id: str | None,
    sender: str | None,
    code: str,
    status: str,
    via: str,
    at: datetime,
    scope: Scope,
) -> ConsentDraft:
    evidence = {"code": code, "via": via}
    if status:
        evidence["status"] = status
    return ConsentDraft(
        number=number,
        kind=Kind.OPT_OUT,
        source=Source.PROVIDER_SIGNAL,
        occurred_at=at,
        scope=scope,
        sender=sender,
        provider=provider,
        provider_message_id=bounded_id(message_id) if message_id is not None else None,
        classification=ClassificationRecord(f"provider.{provider}.code.{code}", None, 1.0),
        evidence=evidence,
    )
