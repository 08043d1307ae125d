"""Provider REST credentials: a default account per provider from ``STOPLINE_*`` settings, and
named accounts (referenced by senders) from a TOML secrets file or the environment.

Named account ``acme-us`` of a Twilio sender resolves from, in order:
``[accounts.acme-us]`` in ``STOPLINE_SECRETS_FILE`` (keys ``account_sid``, ``auth_token``), or
``STOPLINE_ACCOUNT_ACME_US_ACCOUNT_SID`` / ``STOPLINE_ACCOUNT_ACME_US_AUTH_TOKEN``.
The database stores only the name; values never reach it, nor the logs.
"""

from __future__ import annotations

import os
import re
import threading
import tomllib
from collections.abc import Mapping
from typing import Any

from stopline.providers.base import Account, MissingCredentials
from stopline.providers.settings import ProviderSettings

FIELDS: dict[str, tuple[str, ...]] = {
    "twilio": ("account_sid", "auth_token"),
    "telnyx": ("api_key", "messaging_profile_id"),
    "vonage": ("api_key", "api_secret"),
    "plivo": ("auth_id", "auth_token"),
    "bandwidth": ("account_id", "username", "password", "application_id"),
    "sinch": ("service_plan_id", "api_token", "region"),
    "generic": (),
    "console": (),
}
# What each provider's REST send cannot do without (the other fields are optional).
REQUIRED: dict[str, tuple[str, ...]] = {
    "twilio": ("account_sid", "auth_token"),
    "telnyx": ("api_key",),
    "vonage": ("api_key", "api_secret"),
    "plivo": ("auth_id", "auth_token"),
    "bandwidth": ("account_id", "username", "password", "application_id"),
    "sinch": ("service_plan_id", "api_token"),
}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def valid_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name))


def _secret(value: Any) -> str:
    if value is None:
        return ""
    getter = getattr(value, "get_secret_value", None)
    return str(getter() if getter else value)


def default_account(settings: ProviderSettings, provider: str) -> Account:
    """The account configured by ``STOPLINE_<PROVIDER>_…`` settings."""
    s = settings
    token = _secret(getattr(s, "twilio_auth_token", None))
    values: dict[str, dict[str, str]] = {
        "twilio": {"account_sid": s.twilio_account_sid or "", "auth_token": token},
        "telnyx": {
            "api_key": _secret(s.telnyx_api_key),
            "messaging_profile_id": s.telnyx_messaging_profile_id or "",
        },
        "vonage": {"api_key": s.vonage_api_key or "", "api_secret": _secret(s.vonage_api_secret)},
        "plivo": {"auth_id": s.plivo_auth_id or "", "auth_token": _secret(s.plivo_auth_token)},
        "bandwidth": {
            "account_id": s.bandwidth_account_id or "",
            "username": s.bandwidth_api_username or "",
            "password": _secret(s.bandwidth_api_password),
            "application_id": s.bandwidth_application_id or "",
        },
        "sinch": {
            "service_plan_id": s.sinch_service_plan_id or "",
            "api_token": _secret(s.sinch_api_token),
            "region": s.sinch_region,
        },
    }
    return Account(provider, "default", values.get(provider, {}))


class AccountBook:
    """Resolves ``(provider, account name)`` to credentials; ``None`` means the default."""

    def __init__(
        self, settings: ProviderSettings, environ: Mapping[str, str] | None = None
    ) -> None:
        self._settings = settings
        self._environ = environ if environ is not None else os.environ
        self._file: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def get(self, provider: str, name: str | None = None) -> Account:
        if not name or name == "default":
            return default_account(self._settings, provider)
        if not valid_name(name):
            raise MissingCredentials(f"invalid account name {name!r}")
        section = self._secrets_file().get("accounts", {}).get(name)
        if isinstance(section, dict):
            declared = section.get("provider")
            if declared and declared != provider:
                raise MissingCredentials(f"account {name!r} is for {declared}, not {provider}")
            values = {k: _secret(v) for k, v in section.items() if k in FIELDS.get(provider, ())}
            return Account(provider, name, values)
        prefix = "STOPLINE_ACCOUNT_" + re.sub(r"[^A-Za-z0-9]", "_", name).upper() + "_"
        values = {
            field: self._environ.get(prefix + field.upper(), "")
            for field in FIELDS.get(provider, ())
        }
        if not any(values.values()):
            raise MissingCredentials(
                f"account {name!r} is neither in the secrets file nor in {prefix}* variables"
            )
        return Account(provider, name, {k: v for k, v in values.items() if v})

    def ready(self, provider: str) -> bool:
        """True when ``provider``'s default account has every credential a send needs."""
        return provider in REQUIRED and not self.missing(provider)

    def missing(self, provider: str, name: str | None = None) -> tuple[str, ...]:
        """The credentials a send needs that ``provider``'s account ``name`` (the default
        when None) lacks: a half set fails every send, so `stopline providers`, the server's
        start-up and sender registration say which. Raises `MissingCredentials` for a named
        account that is nowhere."""
        fields = self.get(provider, name).fields
        return tuple(field for field in REQUIRED.get(provider, ()) if not fields.get(field))

    def _secrets_file(self) -> dict[str, Any]:
        with self._lock:
            if self._file is None:
                path = self._settings.secrets_file
                if path is None or not path.is_file():
                    self._file = {}
                else:
                    with path.open("rb") as handle:
                        self._file = tomllib.load(handle)
            return self._file
