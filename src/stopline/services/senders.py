"""The sender registry: which provider, brand, topics, locale and credentials each sending
address uses. Lookups on the webhook hot path come from an in-memory copy refreshed every
few seconds (and at once after a change made in this process)."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Engine

from stopline.domain.consent import Scope
from stopline.domain.inbound import InboundPolicy
from stopline.domain.language import ClassifyContext
from stopline.domain.phone import address_problem, normalise_address, try_normalise
from stopline.domain.plain_text import has_control_character
from stopline.providers.accounts import AccountBook, valid_name
from stopline.providers.base import MissingCredentials
from stopline.providers.registry import SENDING_PROVIDERS
from stopline.storage import senders as repo
from stopline.storage.senders import SenderRow

# A language code with an optional script and country or region (BCP 47's common forms):
# en, en-US, fr_CA, es-419, zh-Hant-TW.
_LOCALE = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?")


class InvalidSender(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


MAX_BRAND = 100  # a brand opens every reply, inside one SMS segment's worth of text


def new_sender(
    address: str,
    provider: str,
    *,
    brand: str | None = None,
    topics: list[str] | None = None,
    locale: str | None = None,
    account: str | None = None,
    region: str = "US",
    rate_per_second: float | None = None,
) -> SenderRow:
    """Validate and normalise a registry entry (raises `InvalidSender`)."""
    text = address.strip()
    if not text or len(text) > 64:
        raise InvalidSender("address", "give a number, short code or service id (1-64 chars)")
    problem = address_problem(text)
    if problem is not None:
        raise InvalidSender("address", problem)
    if not text.isascii() and try_normalise(text, region) is None:
        # carriers take alphanumeric sender ids in ASCII only, and one spelling keeps them
        # compared alike everywhere (SQL's upper() folds ASCII alone on SQLite)
        raise InvalidSender("address", f"{text!r}: a sender id is written in ASCII")
    name = provider.strip().lower()
    if name not in SENDING_PROVIDERS:
        raise InvalidSender("provider", f"use one of {', '.join(SENDING_PROVIDERS)}")
    if account is not None and not valid_name(account):
        raise InvalidSender("account", "letters, digits, '.', '_' or '-' (max 64)")
    if locale is not None:
        match = _LOCALE.fullmatch(locale.strip())
        if match is None:
            raise InvalidSender("locale", f"{locale!r} is not a locale such as en-US, fr-CA or es")
        language, script, country = match.group(1).lower(), match.group(2), match.group(3)
        parts = [language, script.title() if script else None, country.upper() if country else None]
        locale = "-".join(p for p in parts if p)
    if rate_per_second is not None and not 0 < rate_per_second <= 10_000:
        raise InvalidSender("rate_per_second", "give a rate between 0 and 10000 per second")
    if brand is not None and has_control_character(brand):
        raise InvalidSender("brand", "a brand cannot hold control characters (it opens replies)")
    if brand is not None and len(brand.strip()) > MAX_BRAND:
        raise InvalidSender("brand", f"at most {MAX_BRAND} characters (it opens every reply)")
    clean_topics = tuple(sorted({t.strip().lower() for t in topics or [] if t.strip()}))
    if any("," in t for t in clean_topics):
        raise InvalidSender("topics", "a topic cannot contain a comma")
    return SenderRow(
        normalise_address(text, region),
        name,
        brand.strip() if brand and brand.strip() else None,
        clean_topics,
        locale,
        account or None,
        rate_per_second,
    )


def credentials_warning(accounts: AccountBook, row: SenderRow) -> str | None:
    """What to tell whoever registered ``row`` when its credentials cannot be found (it is
    registered anyway: they may be added to the secrets file later)."""
    try:
        missing = accounts.missing(row.provider, row.account)
    except MissingCredentials as exc:
        return f"{exc}; REST replies and sends will fail until set"
    if missing:
        return (
            f"{row.provider} account {row.account or 'default'!r} lacks {', '.join(missing)}; "
            "REST replies and sends will fail until set"
        )
    return None


def sender_topic(entry: SenderRow | None, topic: str | None) -> str | None:
    """What a send is about: the topic it names, else its sender's topic (registered with
    `--topic`), so that a number opted out of that topic is never texted from it. A sender
    with several topics makes naming one necessary (`ValueError`); none leaves it None."""
    if topic is not None and topic.strip():
        return topic
    topics = entry.topics if entry is not None else ()
    if len(topics) > 1:
        raise ValueError(
            f"{entry.address if entry else 'the sender'} sends about {', '.join(topics)}: "
            "name the topic"
        )
    return topics[0] if topics else topic


class AlreadyRegistered(ValueError):
    """The address is registered already (an alphanumeric sender ID in any case)."""

    def __init__(self, address: str, stored: str) -> None:
        spelled = "" if stored == address else f" (as {stored})"
        super().__init__(f"{address} is already registered{spelled}")
        self.stored = stored


def add(engine: Engine, row: SenderRow, now: datetime) -> None:
    """Register ``row``. Raises `AlreadyRegistered`, naming the registered spelling, when
    its address is registered already ("ACME" when "Acme" is)."""
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        stored = repo.stored_address(conn, row.address)
        if stored is not None:
            raise AlreadyRegistered(row.address, stored)
        repo.add(conn, row, now)


# A campaign in these states still has recipients to send from its sender.
_UNFINISHED = ("sending", "paused")


class SenderInUse(ValueError):
    """The sender still has campaigns to send: removing it would fail their recipients."""

    def __init__(self, address: str, campaigns: list[str]) -> None:
        names = ", ".join(repr(name) for name in campaigns[:5])
        more = f" and {len(campaigns) - 5} more" if len(campaigns) > 5 else ""
        super().__init__(
            f"{address} still sends campaign(s) {names}{more}: "
            "let them finish or cancel them first (`stopline campaigns cancel NAME`)"
        )
        self.campaigns = campaigns


def remove(engine: Engine, address: str, region: str = "US") -> str | None:
    """Unregister ``address``; the address as it was registered, or None when it is not
    registered. Raises `SenderInUse` while a campaign from it is sending or paused."""
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        stored = repo.stored_address(conn, normalise_address(address, region))
        if stored is None or not repo.hold(conn, stored, exclusive=True):
            return None
        unfinished = repo.campaigns_using(conn, stored, _UNFINISHED)
        if unfinished:
            raise SenderInUse(stored, unfinished)
        return stored if repo.remove(conn, stored) else None


@dataclass(frozen=True, slots=True)
class SenderProfile:
    """What an inbound message to a registered sender is answered with."""

    sender: SenderRow | None
    policy: InboundPolicy
    context: ClassifyContext


class SenderDirectory:
    def __init__(
        self,
        engine: Engine,
        configured: Callable[[str], tuple[ClassifyContext, InboundPolicy]],
        *,
        ttl: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``configured`` gives an address's reading and replies from the settings (global,
        or the sender's own language settings); a registered sender's brand and locale are
        laid over them."""
        self._engine = engine
        self._configured = configured
        self._ttl = ttl
        self._clock = clock
        self._profiles: dict[str, SenderProfile] = {}
        self._by_folded: dict[str, SenderProfile] = {}  # alphanumeric IDs in any case
        self._loaded_at: float | None = None
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        self._loaded_at = None

    def lookup(self, address: str) -> SenderRow | None:
        return self.profile(address).sender

    def profile(self, address: str) -> SenderProfile:
        if self._stale():
            self._refresh()
        return self._remembered(address)

    async def profile_async(self, address: str) -> SenderProfile:
        """`profile` for the event loop: from memory while the copy is fresh; a reload
        queries the database in a worker thread so a slow query never blocks the loop."""
        if self._stale():
            await asyncio.to_thread(self._refresh)
        return self._remembered(address)

    def _stale(self) -> bool:
        loaded = self._loaded_at
        return loaded is None or self._clock() - loaded > self._ttl

    def _remembered(self, address: str) -> SenderProfile:
        found = self._profiles.get(address)
        if found is None and any(c.isalpha() for c in address):  # "ZETA" registered as "Zeta"
            found = self._by_folded.get(Scope.sender(address).key)
        if found is None:  # an unregistered address: its configured profile, remembered
            context, policy = self._configured(address)
            found = SenderProfile(None, policy, context)
            if len(self._profiles) < 100_000:
                self._profiles[address] = found
        return found

    def _refresh(self) -> None:
        with self._lock:
            with self._engine.connect() as conn:
                rows = repo.all_senders(conn)
            self._profiles = {row.address: self._profile_of(row) for row in rows}
            self._by_folded = {
                Scope.sender(row.address).key: self._profiles[row.address]
                # one spelling per ID (a second is refused at registration); of duplicates
                # registered before that, the first in address order
                for row in reversed(rows)
                if any(c.isalpha() for c in row.address)
            }
            self._loaded_at = self._clock()

    def _profile_of(self, row: SenderRow) -> SenderProfile:
        context, policy = self._configured(row.address)
        if row.brand:
            policy = replace(policy, brand=replace(policy.brand, name=row.brand))
        if row.locale:
            context = replace(context, locale=row.locale)
            policy = replace(policy, language=row.locale.split("-")[0].lower())
        return SenderProfile(row, policy, context)
