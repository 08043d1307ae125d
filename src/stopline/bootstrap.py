"""The one place that builds Stopline's object graph from `Settings`.

The API, the CLI and benchmarks all start here; nothing is built at import time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from stopline.config import Settings
from stopline.domain.inbound import InboundPolicy
from stopline.domain.language import Classification, ClassifyContext, classify
from stopline.domain.replies import Brand
from stopline.metrics import Metrics
from stopline.services.inbound import InboundRecorder
from stopline.services.keys import KeyStore
from stopline.services.ledger import ConsentRecorder
from stopline.storage import migrate
from stopline.storage.commit_queue import CommitQueue
from stopline.storage.engine import create_database_engine
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
    consent: ConsentRecorder
    index: SuppressionIndex
    classifier: Callable[[str, ClassifyContext], Classification] = classify
    clock: Callable[[], datetime] = utc_now
    context: ClassifyContext = field(default_factory=ClassifyContext)

    def close(self) -> None:
        """Finish queued writes, then release the database."""
        self.commits.close()
        self.index.close()
        self.engine.dispose()


def brand_from(settings: Settings) -> Brand:
    return Brand(
        name=settings.brand_name,
        help_contact=settings.help_contact or f"{settings.brand_name} support",
        frequency=settings.message_frequency,
        timezone=settings.timezone,
    )


def open_database(settings: Settings, *, upgrade: bool = True) -> Engine:
    """The engine alone (CLI commands): migrated first unless ``upgrade`` is False."""
    engine = create_database_engine(settings.database_url)
    if upgrade:
        migrate.upgrade(engine)
    return engine


def build(settings: Settings, *, upgrade: bool = True, metrics: Metrics | None = None) -> Stopline:
    """Build everything; with ``upgrade`` the schema is migrated first (embedded default)."""
    engine = open_database(settings, upgrade=upgrade)
    if not upgrade and not migrate.is_current(engine):
        raise RuntimeError("the database schema is not current: run `stopline db upgrade`")
    if not settings.help_contact:
        log.warning("STOPLINE_HELP_CONTACT is not set: HELP replies name no real contact")
    metrics = metrics or Metrics()
    return Stopline(
        settings=settings,
        engine=engine,
        commits=CommitQueue(engine, on_batch=metrics.observe_batch),
        keys=KeyStore(engine, ttl=settings.key_cache_seconds),
        metrics=metrics,
        policy=InboundPolicy(
            brand=brand_from(settings),
            reply_when_provider_handled=settings.twilio_reply_when_provider_handled,
        ),
        inbound=InboundRecorder(utc_now),
        consent=ConsentRecorder(utc_now),
        index=SuppressionIndex(settings.database_url),
    )
