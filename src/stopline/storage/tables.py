"""The schema. Migrations in `migrations/versions` create exactly this."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from stopline.storage.columns import BigId, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# The largest row id either database can store (SQLite INTEGER, PostgreSQL BIGINT): ids and
# cursors from outside beyond it are refused rather than sent to the driver.
MAX_ID = 2**63 - 1

# Append-only consent ledger; one hash chain per number.
consent_events = Table(
    "consent_events",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("number", String(20), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("scope", String(200), nullable=False),
    Column("source", String(32), nullable=False),
    Column("sender", String(64)),
    Column("provider", String(32)),
    Column("provider_message_id", String(128)),
    Column("raw_text", Text),
    Column("rule", String(128)),
    Column("language", String(16)),
    Column("confidence", Float),
    Column("actor", String(200)),
    Column("evidence", Text),  # canonical JSON object
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # PostgreSQL: the writing transaction's id (server default), so readers can follow the
    # ledger in commit order (see storage/suppression_index.py). NULL on SQLite.
    Column("txid", BigInteger),
    UniqueConstraint("number", "seq", name="uq_consent_events_number_seq"),
    # Partial: only PostgreSQL fills txid, so SQLite writes pay nothing for this index.
    Index(
        "ix_consent_events_txid",
        "txid",
        sqlite_where=text("txid IS NOT NULL"),
        postgresql_where=text("txid IS NOT NULL"),
    ),
    # The consent feed's (txid, id) order (migration 0005).
    Index(
        "ix_consent_events_txid_id",
        "txid",
        "id",
        sqlite_where=text("txid IS NOT NULL"),
        postgresql_where=text("txid IS NOT NULL"),
    ),
)

# Projection of the ledger: one row per (number, scope) currently opted out.
suppressions = Table(
    "suppressions",
    metadata,
    Column("number", String(20), primary_key=True),
    Column("scope", String(200), primary_key=True),
    Column("event_id", BigId, ForeignKey("consent_events.id"), nullable=False),
    Column("source", String(32), nullable=False),
    Column("since", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Index("ix_suppressions_scope", "scope"),
    Index("ix_suppressions_event_id", "event_id"),
)

# One row: how many times the projection has been rewritten wholesale (`ledger rebuild`).
# Running servers compare it on each refresh and reload their in-memory copy when it moved.
projection_state = Table(
    "projection_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("generation", BigInteger, nullable=False),
)

# Every inbound message, idempotent on the provider's id, with the exact answer given.
inbound_messages = Table(
    "inbound_messages",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("provider", String(32), nullable=False),
    Column("provider_message_id", String(128), nullable=False),
    Column("from_number", String(20), nullable=False),
    Column("to_address", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("action", String(16), nullable=False),
    Column("intent", String(64), nullable=False),
    Column("rule", String(128), nullable=False),
    Column("language", String(16)),
    Column("confidence", Float, nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("reply_text", Text),
    Column("event_id", BigId, ForeignKey("consent_events.id")),
    UniqueConstraint("provider", "provider_message_id", name="uq_inbound_messages_provider_id"),
    Index("ix_inbound_messages_from_number", "from_number"),
)

# Inbound messages answered 503 because their commit came after the deadline (they
# committed later): an inline reply stored with one never reached the provider, unless a
# retry got it (which removes the row).
late_answers = Table(
    "late_answers",
    metadata,
    Column("provider", String(32), primary_key=True),
    Column("provider_message_id", String(128), primary_key=True),
    Column("answered_at", UTCDateTime, nullable=False),
)

# The pieces of a long SMS delivered one webhook each (Vonage SMS API), until complete.
message_parts = Table(
    "message_parts",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("provider", String(32), nullable=False),
    Column("provider_message_id", String(128), nullable=False),
    Column("from_number", String(20), nullable=False),
    Column("to_address", String(64), nullable=False),
    Column("ref", String(64), nullable=False),
    Column("part", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    UniqueConstraint("provider", "provider_message_id", name="uq_message_parts_provider_id"),
    Index("ix_message_parts_sender_ref", "provider", "from_number", "ref"),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("prefix", String(16), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("scopes", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime),
)

# Inbound messages whose intent is unclear, waiting for a person (or the deadline default).
review_items = Table(
    "review_items",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("inbound_id", BigId, ForeignKey("inbound_messages.id"), nullable=False, unique=True),
    Column("number", String(20), nullable=False),
    Column("sender", String(64), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("due_at", UTCDateTime, nullable=False),  # the legal deadline
    Column("escalate_at", UTCDateTime, nullable=False),
    Column("default_at", UTCDateTime, nullable=False),
    Column("escalated_at", UTCDateTime),
    Column("status", String(16), nullable=False),  # open | decided | defaulted
    Column("decision", String(16)),  # opt_out | no_action
    Column("decided_at", UTCDateTime),
    Column("decided_by", String(200)),
    Column("note", Text),
    Column("event_id", BigId, ForeignKey("consent_events.id")),
    Index("ix_review_items_status_due_at", "status", "due_at"),
    Index("ix_review_items_number", "number"),
)

# Side effects to run after commit (REST replies), claimed by outbox workers.
outbox = Table(
    "outbox",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("idempotency_key", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("provider", String(32), nullable=False),
    Column("account", String(64)),
    Column("sender", String(64), nullable=False),
    Column("to_number", String(20), nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("last_error", Text),
    Column("provider_message_id", String(128)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    UniqueConstraint("idempotency_key", name="uq_outbox_idempotency_key"),
    Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
)

# Sending numbers, short codes and messaging services: provider, brand, topics, locale and
# the *name* of the credentials to use (never the credentials themselves).
senders = Table(
    "senders",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("address", String(64), nullable=False),
    Column("provider", String(32), nullable=False),
    Column("brand", String(200)),
    Column("topics", String(500)),
    Column("locale", String(16)),
    Column("account", String(64)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("rate_per_second", Float),  # broadcast sending rate (migration 0004)
    # the next free send slot of the campaigns that take the sender's rate, shared by them
    # (seconds since the epoch, as campaigns.next_slot; migration 0009)
    Column("next_slot", Float),
    UniqueConstraint("address", name="uq_senders_address"),
)

# Campaigns: a message from one sender about one topic to an audience. Campaigns reported
# through POST /v1/sends (sent by another platform) have no template (status "external").
campaigns = Table(
    "campaigns",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("sender", String(64), nullable=False),
    Column("topic", String(100)),
    Column("template", Text),  # as written
    Column("body", Text),  # what is sent: the template after the content rules
    Column("locale", String(16)),
    Column("status", String(16), nullable=False),  # draft|sending|paused|done|cancelled|external
    Column("rate_per_second", Float),
    Column("created_at", UTCDateTime, nullable=False),
    Column("started_at", UTCDateTime),
    Column("finished_at", UTCDateTime),
    # seconds since the epoch of the next free send slot at the campaign's rate, shared by
    # every broadcast worker (migration 0008); None: none taken yet
    Column("next_slot", Float),
    UniqueConstraint("name", name="uq_campaigns_name"),
)

# A broadcast's queue: one row per recipient, claimed by broadcast workers at send time.
campaign_recipients = Table(
    "campaign_recipients",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("campaign_id", BigId, ForeignKey("campaigns.id"), nullable=False),
    Column("number", String(20), nullable=False),
    Column("status", String(16), nullable=False),  # pending|sending|sent|blocked|failed|cancelled
    Column("not_before", UTCDateTime, nullable=False),  # deferred by quiet hours or caps
    Column("attempts", Integer, nullable=False),
    Column("detail", Text),
    Column("provider_message_id", String(128)),
    Column("sent_at", UTCDateTime),
    UniqueConstraint("campaign_id", "number", name="uq_campaign_recipients_campaign_id"),
    Index("ix_campaign_recipients_status_not_before", "status", "not_before"),
    Index("ix_campaign_recipients_campaign_due", "campaign_id", "status", "not_before"),
)

# Every campaign message that went out: from Stopline's broadcasts or reported by another
# platform. Frequency caps and opt-out attribution read it.
sends = Table(
    "sends",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("dedupe_key", String(250), nullable=False),
    Column("campaign_id", BigId, ForeignKey("campaigns.id")),  # None: a one-off send
    Column("number", String(20), nullable=False),
    Column("sender", String(64), nullable=False),
    Column("topic", String(100)),
    Column("source", String(16), nullable=False),  # broadcast | reported | one_off
    Column("sent_at", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    UniqueConstraint("dedupe_key", name="uq_sends_dedupe_key"),
    Index("ix_sends_number_sent_at", "number", "sent_at"),
    Index("ix_sends_campaign_id", "campaign_id"),
)

# Events for other systems (alerting, CRM): e.g. a campaign whose opt-out rate spiked.
# Written once per subject; a delivery worker (or a poller of GET /v1/events) marks them.
insight_events = Table(
    "insight_events",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("payload", Text, nullable=False),  # JSON
    Column("created_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime),
    UniqueConstraint("kind", "subject", name="uq_insight_events_kind"),
)

# Consent sync (services/consent_sync.py): each push target's place in the consent feed.
# ``pending_cursor`` ends the batch being delivered and ``batch_id`` names it, so a retry
# sends the same events under the same webhook id (a replay after a reset gets new ids);
# ``holder``/``lease_until`` keep two workers from pushing at once.
sync_targets = Table(
    "sync_targets",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("cursor", String(64), nullable=False),
    Column("pending_cursor", String(64)),
    Column("batch_id", String(40)),
    Column("holder", String(64)),
    Column("lease_until", UTCDateTime),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("last_error", Text),
    Column("delivered", BigInteger, nullable=False),  # events delivered in all
    Column("delivered_at", UTCDateTime),
)
