"""Settings: ``STOPLINE_*`` environment variables, then an optional ``stopline.toml``
(path in ``STOPLINE_CONFIG``), then the defaults below."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from stopline.domain.plain_text import has_control_character
from stopline.domain.replies import DEFAULT_FREQUENCY
from stopline.providers.settings import ProviderSettings
from stopline.services.campaign_settings import CampaignSettings


class LanguageSettings(BaseModel):
    """How inbound messages are read and answered, for all senders or for one."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, not ignored

    locale: str | None = Field(None, description="e.g. en-US, fr-CA: language of the sender")
    languages: list[str] = Field(
        default_factory=list,
        description="Extra languages whose everyday-word keywords apply (e.g. it for FINE)",
    )
    extra_opt_out_keywords: list[str] = Field(default_factory=list)
    extra_opt_in_keywords: list[str] = Field(default_factory=list)
    extra_help_keywords: list[str] = Field(default_factory=list)
    replies: dict[str, str] = Field(
        default_factory=dict,
        description='Reply texts by "kind.language", e.g. {"opt_out.fr": "{brand} : ..."}',
    )

    @model_validator(mode="after")
    def _valid(self) -> LanguageSettings:
        if self == LanguageSettings.model_construct():
            return self  # nothing set: nothing to check (and no language tables to load)
        from stopline.domain.language import LANGUAGES, keyword_conflicts
        from stopline.domain.replies import check_custom

        problems = [
            f"unknown language {code!r} (known: {', '.join(sorted(LANGUAGES))})"
            for code in self.languages
            if code not in LANGUAGES
        ]
        problems += keyword_conflicts(
            frozenset(self.extra_opt_out_keywords),
            frozenset(self.extra_opt_in_keywords),
            frozenset(self.extra_help_keywords),
        )
        problems += check_custom(self.replies)
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Settings(ProviderSettings, CampaignSettings):
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
    message_frequency: str = Field(
        DEFAULT_FREQUENCY,
        description="Message frequency in opt-in and HELP replies (the default is translated)",
    )
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

    language: LanguageSettings = Field(
        default_factory=LanguageSettings,
        description="How inbound messages are read and answered (all senders)",
    )
    senders: dict[str, LanguageSettings] = Field(
        default_factory=dict,
        description="Per sender address (number, short code): overrides and additions to "
        "`language` (extra keywords and languages add up; reply texts override)",
    )
    confidence_sure: float = Field(0.8, description="At or above: act on the reading")
    confidence_unsure: float = Field(
        0.35, description="At or below: not an opt-out; between the two: review"
    )
    review_due_business_days: int = Field(10, description="Legal deadline (FCC: 10)")
    review_escalate_business_days: int = Field(
        2, description="Escalate open review items this many business days before the due date"
    )
    review_default: Literal["opt_out", "no_action"] = Field(
        "opt_out", description="Applied to review items nobody decided in time"
    )
    review_default_lead_hours: float = Field(
        24, description="Apply the default this many hours before the legal due date"
    )
    review_holiday_country: str = Field(
        "US", description="Whose public holidays are not business days"
    )
    review_sweep_seconds: float = Field(
        300, description="How often the server escalates and applies defaults (0: never)"
    )

    max_body_bytes: int = Field(
        2 * 1024 * 1024, ge=1, description="Largest accepted API request body"
    )
    max_webhook_bytes: int = Field(64 * 1024, ge=1, description="Largest accepted webhook body")
    batch_limit: int = Field(10_000, ge=1, description="Most numbers in one batch check")
    scrub_max_bytes: int = Field(
        2 * 1024**3, ge=1, description="Largest CSV accepted by POST /v1/scrub (spooled to disk)"
    )
    key_cache_seconds: float = Field(5.0, description="How long a resolved API key is cached")
    inbound_writer: Literal["process", "thread"] = Field(
        "process",
        description="Where the server records inbound messages: a child process with its own "
        "interpreter (default; on a SQLite memory database a thread) or a thread of the server",
    )
    sync_url: str | None = Field(
        None,
        description="Push every consent event to this URL (a CRM's or warehouse's webhook), "
        "signed in the Standard Webhooks format; unset: no push (the feed API still works)",
    )
    sync_secret: SecretStr | None = Field(
        None, description="The push's signing secret, whsec_ then base64 (`stopline sync secret`)"
    )
    sync_worker: bool = Field(True, description="Push from the server process (when sync_url)")
    sync_batch: int = Field(100, ge=1, le=5000, description="Most events in one push")
    sync_poll_seconds: float = Field(1.0, gt=0, description="How often to look for new events")
    sync_backoff_seconds: float = Field(2.0, gt=0, description="First retry delay (doubles)")
    sync_timeout_seconds: float = Field(10.0, gt=0, description="Time allowed for one push")
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING, ERROR or CRITICAL")
    log_format: str = Field("json", description="json or console", pattern="^(json|console)$")
    access_log: bool = False

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: str) -> str:
        scheme = value.split(":", 1)[0].split("+", 1)[0].lower()
        if scheme not in ("sqlite", "postgresql", "postgres"):
            raise ValueError(
                f"unsupported database {scheme!r}: use sqlite:///path.db or "
                "postgresql://user@host/db"
            )
        return value

    @field_validator("brand_name")
    @classmethod
    def _brand(cls, value: str) -> str:
        brand = value.strip()
        if not brand:  # CTIA: the confirmation, sent once, must name the program
            raise ValueError("must name the business: it opens every reply")
        if has_control_character(brand):
            raise ValueError("cannot hold control characters (it opens every reply)")
        return brand

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError(f"unknown level {value!r}: use DEBUG, INFO, WARNING or ERROR")
        return level

    @field_validator("public_url")
    @classmethod
    def _public(cls, value: str | None) -> str | None:
        from urllib.parse import urlsplit

        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                f"{value!r} is not a URL: give the base URL providers call, "
                "such as https://sms.example.com (signatures are checked against it)"
            )
        try:
            port = parts.port
        except ValueError:  # "https://host:99999", "https://host:abc"
            port = -1
        if port == -1 or port == 0:
            raise ValueError(f"{value!r} has no valid port: ports run from 1 to 65535")

        if parts.query or parts.fragment or value.strip().endswith(("?", "#")):
            # joined with the routes' paths it would put the query before them, and every
            # signature would fail (an acceptance test, 2026-12-05)
            raise ValueError(
                f"{value!r} has a query or fragment: give only the base URL (scheme, host, "
                "port, path prefix); a query string providers add to a webhook's URL reaches "
                "Stopline with each request and is signed as sent"
            )
        return value.strip()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @model_validator(mode="after")
    def _thresholds(self) -> Settings:
        if not 0.0 <= self.confidence_unsure < self.confidence_sure <= 1.0:
            raise ValueError("need 0 <= confidence_unsure < confidence_sure <= 1")
        if not 0 <= self.review_escalate_business_days < self.review_due_business_days:
            raise ValueError("review_escalate_business_days must be below the due days")
        country = self.review_holiday_country.upper()
        if country == type(self).model_fields["review_holiday_country"].default:
            return self  # the default is known (and the holiday tables load when used)
        import holidays

        if country not in holidays.list_supported_countries():
            raise ValueError(f"unknown holiday country {self.review_holiday_country!r}")
        return self

    @model_validator(mode="after")
    def _sync(self) -> Settings:
        if self.sync_url is None:
            return self
        from stopline.services.consent_sync import check_url

        try:
            check_url(self.sync_url)
        except ValueError as exc:
            raise ValueError(f"sync_url {exc}") from None
        if self.sync_secret is None:
            raise ValueError("sync_url needs sync_secret (make one with `stopline sync secret`)")
        from stopline.services.sync_secret import check_secret

        try:
            check_secret(self.sync_secret.get_secret_value())
        except ValueError as exc:
            raise ValueError(f"sync_secret {exc}") from None
        return self

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
        named = os.environ.get("STOPLINE_CONFIG")
        toml_path = Path(named or "stopline.toml")
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if named and not toml_path.is_file():
            raise ValueError(f"STOPLINE_CONFIG names {toml_path}, which is not a file")
        if toml_path.is_file():
            _check_keys(toml_path, set(settings_cls.model_fields))
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)


# STOPLINE_* variables read outside the settings model.
_OTHER_VARIABLES = frozenset(
    {"CONFIG", "SECRETS_FILE", "SERVE_PID", "METRICS_DIR", "REQUIRE_BROWSER", "REQUIRE_POSTGRES"}
)
_OTHER_PREFIXES = ("ACCOUNT_", "BROADCAST_RATE_", "TEST_")


def unknown_variables(environ: dict[str, str] | None = None) -> list[str]:
    """``STOPLINE_*`` variables that no setting reads, each with the nearest known name (a
    misspelt STOPLINE_DATABSE_URL would leave the server on ./stopline.db)."""
    import difflib

    known = {name.upper() for name in Settings.model_fields} | _OTHER_VARIABLES
    found = []
    for variable in sorted(os.environ if environ is None else environ):
        name = variable.removeprefix("STOPLINE_")
        if name == variable or name in known or name.startswith(_OTHER_PREFIXES):
            continue
        near = difflib.get_close_matches(name, sorted(known), n=1)
        found.append(f"{variable}" + (f" (did you mean STOPLINE_{near[0]}?)" if near else ""))
    return found


def _check_keys(path: Path, known: set[str]) -> None:
    """A misspelt setting in the file is an error, not a setting silently left at its
    default (a compliance system must not run on a configuration nobody wrote)."""
    import difflib
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: {exc}") from None
    problems = []
    for key in sorted(k for k in data if k.lower() not in known):
        plain = key.lower().removeprefix("stopline_")
        if plain in known:
            problems.append(f"{key!r} (write it {plain!r} in the file)")
            continue
        close = difflib.get_close_matches(plain, sorted(known), n=1)
        problems.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    if problems:
        raise ValueError(f"{path}: unknown setting(s): {', '.join(problems)}")
