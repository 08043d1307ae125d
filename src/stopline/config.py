"""Settings: ``STOPLINE_*`` environment variables, then an optional ``stopline.toml``
(path in ``STOPLINE_CONFIG``), then the defaults below."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STOPLINE_", extra="ignore")

    database_url: str = Field(
        "sqlite:///stopline.db",
        description="SQLAlchemy URL: sqlite:///path.db (default) or postgresql://user@host/db",
    )
    public_url: str | None = Field(
        None,
        description="Public base URL providers call (https://sms.example.com); needed to check "
        "signatures behind a proxy. Without it the request's own URL is used.",
    )
    brand_name: str = Field("Stopline", description="Brand named in every reply")
    help_contact: str = Field(
        "", description="Support contact for HELP replies (toll-free number, email or URL)"
    )
    message_frequency: str = "Msg frequency varies"
    timezone: str = Field("UTC", description="Time zone of the 'as of' time in confirmations")
    default_region: str = Field("US", description="Country assumed for national-format numbers")
    missing_opt_out: str = Field(
        "add",
        description="Marketing templates without opt-out wording: 'add' it, or 'refuse' them",
        pattern="^(add|refuse)$",
    )

    twilio_auth_token: SecretStr | None = None
    twilio_reply_when_provider_handled: bool = Field(
        False,
        description="Also reply when Twilio's Advanced Opt-Out already answered (OptOutType)",
    )

    max_body_bytes: int = Field(2 * 1024 * 1024, description="Largest accepted API request body")
    max_webhook_bytes: int = Field(64 * 1024, description="Largest accepted webhook body")
    batch_limit: int = Field(10_000, description="Most numbers in one batch check")
    scrub_max_bytes: int = Field(
        2 * 1024**3, description="Largest CSV accepted by POST /v1/scrub (spooled to disk)"
    )
    key_cache_seconds: float = Field(5.0, description="How long a resolved API key is cached")
    log_level: str = "INFO"
    log_format: str = Field("json", description="json or console")
    access_log: bool = False

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("default_region")
    @classmethod
    def _region(cls, value: str) -> str:
        import phonenumbers

        region = value.upper()
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"unknown region {value!r}: use an ISO 3166 code such as US or CA")
        return region

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = Path(os.environ.get("STOPLINE_CONFIG", "stopline.toml"))
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_path.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)
