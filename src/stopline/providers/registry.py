"""The provider registry: every provider Stopline speaks, built from settings. The API's
webhook routes, the sender registry and the outbox worker all look providers up here."""

from __future__ import annotations

from collections.abc import Mapping

from stopline.providers.bandwidth import BandwidthProvider
from stopline.providers.base import Observer, Provider
from stopline.providers.console import ConsoleProvider
from stopline.providers.generic import GenericProvider
from stopline.providers.plivo import PlivoProvider
from stopline.providers.settings import ProviderSettings
from stopline.providers.sinch import SinchProvider
from stopline.providers.telnyx import TelnyxProvider
from stopline.providers.twilio import TwilioProvider
from stopline.providers.vonage import VonageProvider

WEBHOOK_PROVIDERS = ("twilio", "telnyx", "vonage", "plivo", "bandwidth", "sinch", "generic")
ALL_PROVIDERS = (*WEBHOOK_PROVIDERS, "console")
# Providers that can deliver a message through a REST API (senders may use these).
SENDING_PROVIDERS = ("twilio", "telnyx", "vonage", "plivo", "bandwidth", "sinch", "console")


def _secret(value: object) -> str | None:
    getter = getattr(value, "get_secret_value", None)
    return str(getter()) if getter else None


def build_providers(
    settings: ProviderSettings, region: str, observer: Observer | None = None
) -> Mapping[str, Provider]:
    s = settings
    tolerance = s.webhook_tolerance_seconds
    twilio_token = _secret(getattr(s, "twilio_auth_token", None))

    def url(name: str) -> str | None:
        return s.base_url_for(name)

    providers: list[Provider] = [
        TwilioProvider(twilio_token, region, base_url=url("twilio"), observer=observer),
        TelnyxProvider(
            s.telnyx_public_key,
            tolerance=tolerance,
            base_url=url("telnyx"),
            region=region,
            observer=observer,
        ),
        VonageProvider(
            _secret(s.vonage_signature_secret),
            signature_method=s.vonage_signature_method,
            tolerance=tolerance,
            base_url=url("vonage"),
            region=region,
            observer=observer,
        ),
        PlivoProvider(
            _secret(s.plivo_auth_token),
            require_v3=s.plivo_require_v3,
            base_url=url("plivo"),
            region=region,
            observer=observer,
        ),
        BandwidthProvider(
            s.bandwidth_username,
            _secret(s.bandwidth_password),
            base_url=url("bandwidth"),
            region=region,
            observer=observer,
        ),
        SinchProvider(
            webhook_secret=_secret(s.sinch_webhook_secret),
            username=s.sinch_username,
            password=_secret(s.sinch_password),
            opt_out_codes=[c.strip() for c in s.sinch_opt_out_codes.split(",") if c.strip()],
            tolerance=tolerance,
            base_url=url("sinch"),
            region=region,
            observer=observer,
        ),
        GenericProvider(
            _secret(s.generic_webhook_secret), tolerance=tolerance, region=region, observer=observer
        ),
        ConsoleProvider(region=region, observer=observer),
    ]
    return {p.name: p for p in providers}
