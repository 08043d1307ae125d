"""The one place that builds Stopline's object graph from `Settings`.

The API, the CLI and benchmarks all start here; nothing is built at import time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import Engine

from stopline.config import LanguageSettings, Settings, unknown_variables
from stopline.domain.content import OnMissingOptOut
from stopline.domain.inbound import InboundPolicy
from stopline.domain.language import Classification, ClassifyContext, classify
from stopline.domain.phone import normalise_address
from stopline.domain.replies import Brand
from stopline.domain.review import Decision, ReviewPolicy
from stopline.metrics import Metrics, process_metrics
from stopline.providers.accounts import AccountBook
from stopline.providers.base import ProviderMetrics
from stopline.providers.registry import build_providers
from stopline.providers.replays import ReplayGuard
from stopline.services.broadcast import BroadcastWorker
from stopline.services.campaigns import CampaignDefaults, Campaigns
from stopline.services.consent_sync import ConsentSync, SyncTarget
from stopline.services.inbound import InboundRecorder
from stopline.services.inbound_writer import InboundWriter
from stopline.services.keys import KeyStore
from stopline.services.ledger import ConsentRecorder
from stopline.services.message_parts import PartsRecorder
from stopline.services.messaging import Messaging
from stopline.services.outbound import OneOffSend, OutboundSender
from stopline.services.outbox import OutboxWorker
from stopline.services.review import ReviewDecider, ReviewSweeper
from stopline.services.send_fence import SendFence
from stopline.services.senders import SenderDirectory
from stopline.storage import campaigns as campaigns_repo
from stopline.storage import database, migrate
from stopline.storage.commit_queue import CommitQueue
from stopline.storage.send_locks import send_locks
from stopline.storage.suppression_index import SuppressionIndex

log = logging.getLogger("stopline")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Stopline:
    settings: Settings
    engine: Engine
    commits: CommitQueue
    keys: KeyStore
    metrics: Metrics
    policy: InboundPolicy
    inbound: InboundRecorder
    inbound_writer: InboundWriter  # records `inbound` commands: a child process or `commits`
    consent: ConsentRecorder
    index: SuppressionIndex
    messaging: Messaging
    classifier: Callable[[str, ClassifyContext], Classification] = classify
    clock: Callable[[], datetime] = utc_now
    context: ClassifyContext = field(default_factory=ClassifyContext)
    # Per sender address (E.164 number or short code): its reading and replies.
    senders: dict[str, tuple[ClassifyContext, InboundPolicy]] = field(default_factory=dict)
    review: ReviewPolicy = field(default_factory=ReviewPolicy)
    reviews: ReviewDecider = field(default_factory=lambda: ReviewDecider(utc_now))
    sweeper: ReviewSweeper = field(default_factory=lambda: ReviewSweeper(ReviewPolicy()))
    sync: ConsentSync | None = None  # pushes the consent feed (STOPLINE_SYNC_URL)
    parts: PartsRecorder = field(default_factory=PartsRecorder)  # pieces of long messages

    def context_for(self, sender: str) -> ClassifyContext:
        found = self.senders.get(sender)
        return found[0] if found else self.context

    def policy_for(self, sender: str) -> InboundPolicy:
        found = self.senders.get(sender)
        return found[1] if found else self.policy

    def close(self) -> None:
        """Finish queued writes, then release the database."""
        if self.sync is not None:
            self.sync.stop()
            self.sync.close()
        self.messaging.close()
        self.commits.close()
        self.index.close()
        self.engine.dispose()
        self.metrics.close()


def brand_from(settings: Settings, replies: dict[str, str] | None = None) -> Brand:
    return Brand(
        name=settings.brand_name,
        help_contact=settings.help_contact or f"{settings.brand_name} support",
        frequency=settings.message_frequency,
        timezone=settings.timezone,
        custom=dict(settings.language.replies if replies is None else replies),
    )


def context_from(settings: Settings, sender: LanguageSettings | None = None) -> ClassifyContext:
    """The engine's context for all senders, or for one (its settings add to the global)."""
    base = settings.language
    extra = sender or LanguageSettings()
    return ClassifyContext(
        locale=extra.locale or base.locale or "en-US",
        extra_opt_out=frozenset(base.extra_opt_out_keywords + extra.extra_opt_out_keywords),
        extra_opt_in=frozenset(base.extra_opt_in_keywords + extra.extra_opt_in_keywords),
        extra_help=frozenset(base.extra_help_keywords + extra.extra_help_keywords),
        languages=frozenset(base.languages + extra.languages),
        sure=settings.confidence_sure,
        unsure=settings.confidence_unsure,
    )


def senders_from(
    settings: Settings, default_policy: InboundPolicy
) -> dict[str, tuple[ClassifyContext, InboundPolicy]]:
    senders: dict[str, tuple[ClassifyContext, InboundPolicy]] = {}
    for address, config in settings.senders.items():
        replies = {**settings.language.replies, **config.replies}
        policy = InboundPolicy(
            brand=brand_from(settings, replies),
            opt_out_scope=default_policy.opt_out_scope,
            reply_when_handled_by=default_policy.reply_when_handled_by,
        )
        key = normalise_address(address, settings.default_region)
        senders[key] = (context_from(settings, config), policy)
    return senders


def review_policy_from(settings: Settings) -> ReviewPolicy:
    return ReviewPolicy(
        timezone=settings.timezone,
        country=settings.review_holiday_country.upper(),
        due_business_days=settings.review_due_business_days,
        escalate_business_days=settings.review_escalate_business_days,
        default=Decision(settings.review_default),
        default_lead=timedelta(hours=settings.review_default_lead_hours),
    )


def warn_about(settings: Settings) -> None:
    """Settings that work but that a deployment should not keep (logged once by the server)."""
    if not settings.help_contact:
        log.warning("STOPLINE_HELP_CONTACT is not set: HELP replies name no real contact")
    for variable in unknown_variables():
        log.warning("%s is not a Stopline setting: it is ignored", variable)
    accounts = AccountBook(settings)
    for name, provider in build_providers(settings, settings.default_region).items():
        if provider.inline_replies or not provider.webhooks_configured:
            continue
        missing = accounts.missing(name)
        if missing:  # a silent provider too: Stopline answers all but its bare keywords
            log.warning(
                "%s webhooks are configured but its REST account lacks %s: its replies, STOP "
                "confirmations included, cannot be sent (stopline providers)",
                name,
                ", ".join(missing),
            )


def open_database(settings: Settings, *, upgrade: bool = True) -> Engine:
    """The engine alone (CLI commands): migrated first unless ``upgrade`` is False."""
    return database.open_database(settings.database_url, upgrade=upgrade)


def build(
    settings: Settings,
    *,
    upgrade: bool = True,
    metrics: Metrics | None = None,
    engine: Engine | None = None,
) -> Stopline:
    """Build everything; with ``upgrade`` the schema is migrated first (embedded default).
    ``engine``: one already opened (and migrated) by the caller."""
    engine = engine or open_database(settings, upgrade=upgrade)
    if not upgrade and not migrate.is_current(engine):
        raise RuntimeError("the database schema is not current: run `stopline db upgrade`")
    metrics = metrics or process_metrics()
    commits = CommitQueue(engine, on_batch=metrics.observe_batch)
    policy = InboundPolicy(
        brand=brand_from(settings),
        # A Twilio setting: it never makes another provider's answered keyword get a reply.
        reply_when_handled_by=(
            frozenset({"twilio"}) if settings.twilio_reply_when_provider_handled else frozenset()
        ),
    )
    review = review_policy_from(settings)
    consent = ConsentRecorder(utc_now)
    inbound = InboundRecorder(utc_now, review)
    index = SuppressionIndex(settings.database_url)
    context = context_from(settings)
    per_sender = senders_from(settings, policy)
    return Stopline(
        settings=settings,
        engine=engine,
        commits=commits,
        keys=KeyStore(engine, ttl=settings.key_cache_seconds),
        metrics=metrics,
        policy=policy,
        inbound=inbound,
        inbound_writer=InboundWriter(commits, inbound, review, metrics.observe_batch),
        consent=consent,
        index=index,
        context=context,
        senders=per_sender,
        review=review,
        reviews=ReviewDecider(utc_now),
        sweeper=ReviewSweeper(review),
        sync=build_sync(settings, engine),
        messaging=build_messaging(
            settings,
            engine,
            index,
            metrics,
            commits,
            consent,
            lambda address: per_sender.get(address, (context, policy)),
        ),
    )


def build_sync(settings: Settings, engine: Engine) -> ConsentSync | None:
    """The consent feed's push worker, when a target is configured."""
    if settings.sync_url is None or settings.sync_secret is None:
        return None
    timeout = settings.sync_timeout_seconds
    return ConsentSync(
        engine,
        SyncTarget("default", settings.sync_url, settings.sync_secret.get_secret_value()),
        httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0))),
        utc_now,
        batch=settings.sync_batch,
        poll=settings.sync_poll_seconds,
        backoff=settings.sync_backoff_seconds,
        lease=max(60.0, 3 * timeout),
        deadline=timeout,
    )


def build_messaging(
    settings: Settings,
    engine: Engine,
    index: SuppressionIndex,
    metrics: Metrics,
    commits: CommitQueue,
    consent: ConsentRecorder,
    profile_for: Callable[[str], tuple[ClassifyContext, InboundPolicy]],
) -> Messaging:
    """Providers, accounts, sender directory, outbound sender and outbox worker."""
    providers = build_providers(
        settings, settings.default_region, ProviderMetrics(metrics.registry)
    )
    accounts = AccountBook(settings)
    senders = SenderDirectory(engine, profile_for, ttl=settings.sender_cache_seconds)
    http = httpx.Client(timeout=httpx.Timeout(10.0, connect=5.0))
    rules = settings.sending_rules()

    def recent_sends(number: str, since: datetime) -> list[datetime]:
        with engine.connect() as conn:
            return campaigns_repo.send_times(conn, [number], since).get(number, [])

    def record_send(sent: OneOffSend) -> None:
        with engine.begin() as conn:
            campaigns_repo.record_one_off(
                conn, sent.key, sent.number, sent.sender, sent.topic, sent.sent_at
            )

    fence = SendFence(shared=send_locks(settings.database_url, engine))
    outbound = OutboundSender(
        index,
        providers,
        accounts,
        senders,
        http,
        lambda draft: commits.run(consent, draft),
        utc_now,
        settings.default_region,
        rules,
        recent_sends,
        record_send,
        fence,
    )
    outbox = OutboxWorker(
        engine,
        outbound.deliver,
        utc_now,
        poll=settings.outbox_poll_seconds,
        max_attempts=settings.outbox_max_attempts,
        backoff=settings.outbox_backoff_seconds,
        lease=settings.outbox_lease_seconds,
        on_opted_out=outbound.record_refusal,
    )
    campaigns = Campaigns(
        engine,
        index,
        senders,
        rules,
        CampaignDefaults(
            brand=settings.brand_name,
            region=settings.default_region,
            rate_per_second=settings.broadcast_rate_per_second,
            on_missing_opt_out=OnMissingOptOut(settings.missing_opt_out),
        ),
        utc_now,
    )
    broadcasts = BroadcastWorker(
        engine,
        index,
        outbound,
        fence,
        rules,
        utc_now,
        default_rate=settings.broadcast_rate_per_second,
        poll=settings.broadcast_poll_seconds,
        lease=settings.broadcast_lease_seconds,
        max_attempts=settings.broadcast_max_attempts,
    )
    return Messaging(
        providers,
        accounts,
        senders,
        http,
        outbound,
        outbox,
        campaigns,
        broadcasts,
        fence,
        settings.silent(),
        ReplayGuard(settings.webhook_tolerance_seconds),
    )
