"""Provider settings (``STOPLINE_*``): webhook verification keys, the default REST account of
each provider, the outbox worker. `stopline.config.Settings` inherits these fields."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings


class ProviderSettings(BaseSettings):
    # Webhook authenticity
    telnyx_public_key: str | None = Field(
        None, description="Telnyx webhook public key (base64 Ed25519, as Mission Control shows)"
    )
    plivo_auth_token: SecretStr | None = Field(None, description="Plivo auth token")
    plivo_require_v3: bool = Field(False, description="Refuse Plivo webhooks without V3 signature")
    vonage_signature_secret: SecretStr | None = Field(
        None, description="Vonage signature secret (JWT and legacy SMS API sig)"
    )
    vonage_signature_method: str = Field(
        "md5hash", description="Legacy SMS API sig method: md5hash, md5, sha1, sha256, sha512"
    )
    bandwidth_username: str | None = Field(None, description="Bandwidth callback Basic user")
    bandwidth_password: SecretStr | None = Field(None, description="Bandwidth callback password")
    sinch_webhook_secret: SecretStr | None = Field(None, description="Sinch callback HMAC secret")
    sinch_username: str | None = Field(None, description="Sinch callback Basic user")
    sinch_password: SecretStr | None = Field(None, description="Sinch callback Basic password")
    sinch_opt_out_codes: str = Field(
        "", description="Comma-separated Sinch delivery codes that mean 'recipient opted out'"
    )
    generic_webhook_secret: SecretStr | None = Field(
        None, description="HMAC-SHA256 secret of the generic signed JSON webhook"
    )
    webhook_tolerance_seconds: float = Field(
        300, description="Signed timestamps further than this from now are refused"
    )

    # Default REST account per provider (replies that cannot go inline, outbound sends)
    twilio_account_sid: str | None = None
    telnyx_api_key: SecretStr | None = None
    telnyx_messaging_profile_id: str | None = None
    vonage_api_key: str | None = None
    vonage_api_secret: SecretStr | None = None
    plivo_auth_id: str | None = None
    bandwidth_account_id: str | None = None
    bandwidth_api_username: str | None = None
    bandwidth_api_password: SecretStr | None = None
    bandwidth_application_id: str | None = None
    sinch_service_plan_id: str | None = None
    sinch_api_token: SecretStr | None = None
    sinch_region: str = "us"
    secrets_file: Path | None = Field(
        None, description="TOML file with named accounts: [accounts.NAME] provider = ..."
    )

    provider_url: str | None = Field(
        None, description="Send every provider REST call to this base URL (a local fake)"
    )
    provider_urls: dict[str, str] = Field(
        default_factory=dict, description='Per-provider base URLs, e.g. {"telnyx": "http://…"}'
    )
    silent_providers: str = Field(
        "",
        description="Comma-separated providers whose own opt-out replies are on: Stopline "
        "records their inbound messages but sends no reply of its own",
    )

    outbox_worker: bool = Field(True, description="Deliver outbox rows from the server process")
    outbox_poll_seconds: float = Field(1.0, description="Outbox poll interval")
    outbox_max_attempts: int = Field(8, description="Attempts before a row is dead-lettered")
    outbox_backoff_seconds: float = Field(2.0, description="First retry delay (doubles)")
    outbox_lease_seconds: float = Field(
        60.0, description="A claimed row is re-claimed after this long without an answer"
    )
    sender_cache_seconds: float = Field(5.0, description="How long the sender registry is cached")

    def base_url_for(self, provider: str) -> str | None:
        return self.provider_urls.get(provider) or self.provider_url

    def silent(self) -> frozenset[str]:
        return frozenset(p.strip().lower() for p in self.silent_providers.split(",") if p.strip())
