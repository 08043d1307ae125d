"""Pushing the consent feed to another system (a CRM, a warehouse, an alerting hook).

The ledger is the queue: a target's only state is its cursor in the consent feed
(`storage/consent_feed.py`), so nothing is ever lost or reordered, and an outage of the
receiver only delays delivery. Each batch is a signed webhook in the Standard Webhooks
format (https://www.standardwebhooks.com: ``webhook-id``, ``webhook-timestamp``,
``webhook-signature``; any of its libraries verifies it). The cursor moves only after a 2xx
answer; the batch's end is stored before the first attempt, so a retry carries the same
events under the same ``webhook-id``. Delivery is at least once (a crash between the
receiver's 2xx and our commit repeats the batch): receivers dedupe by ``webhook-id`` or by
each event's ``id``. A failing receiver is retried with exponential backoff, never skipped;
a ``Retry-After`` it sends (seconds or an HTTP date, as with 429 or 503) sets the next try
instead, up to an hour.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

import httpx
import orjson
from sqlalchemy import Engine
from standardwebhooks.webhooks import Webhook

import stopline
from stopline.domain.consent import ConsentEvent
from stopline.domain.instants import utc_text
from stopline.services.event_records import event_record
from stopline.services.polling import PollingWorker
from stopline.services.sync_secret import check_secret
from stopline.storage import consent_feed
from stopline.storage import sync_targets as repo

log = logging.getLogger("stopline.sync")

MAX_BACKOFF = 600.0
MAX_RETRY_AFTER = 3600.0  # a receiver's Retry-After is honoured up to this many seconds
EVENT_TYPE = "consent.events"


@dataclass(frozen=True, slots=True)
class SyncTarget:
    name: str
    url: str
    secret: str  # Standard Webhooks secret: "whsec_" + base64


def shown_url(url: str) -> str:
    """The push URL as screens and logs show it: a password and the query's values (often a
    token) hidden."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    if parts.password:
        netloc = f"{parts.username}:***@{netloc}"
    elif parts.username is not None:  # a name alone ("sk_live_…@host") is a token
        netloc = f"***@{netloc}"
    query = "&".join(f"{k}=***" for k, _ in parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def check_url(url: str) -> None:
    """Refuse a push URL that could never be called (ValueError saying why, without the
    URL's password, name or query): only http(s), a host, a port that is a port, and
    whatever else httpx, which sends the pushes, cannot address."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number from 0 to 65535)
    except ValueError as exc:
        raise ValueError(f"is not a URL: {_redacted(str(exc), url)}") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError("must be an http:// or https:// URL")
    if not parts.hostname:
        raise ValueError("has no host name (http://HOST/…)")
    if any(c.isspace() for c in parts.hostname):
        raise ValueError("has a space in its host name")
    if parts.port == 0:
        raise ValueError("has port 0, which nothing listens on")
    try:
        parts.hostname.encode("idna")
    except UnicodeError:
        raise ValueError("has a host name that cannot be written in DNS (IDNA)") from None
    try:
        httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ValueError(f"is not a URL httpx can send to: {_redacted(str(exc), url)}") from None


def _redacted(message: str, url: str) -> str:
    """``message`` without the URL's query values, password or user name, as written and as
    decoded (a parser's error may quote a piece of the URL)."""
    rest = url.partition("://")[2]
    authority = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    userinfo = authority.rpartition("@")[0]
    query = rest.partition("?")[2].split("#", 1)[0]
    secrets = [p.partition("=")[2] for p in query.split("&")]
    secrets += [v for _k, v in parse_qsl(query, keep_blank_values=True)]
    for part in userinfo.split(":", 1) if userinfo else []:
        secrets += [part, unquote(part)]
    # a password holding "/", "?" or "#" ends the authority early for every parser: what
    # stands before the "@" may be a user name or password, in pieces (of three or more
    # characters: shorter ones would blank out letters everywhere)
    head = rest.split("?", 1)[0].split("#", 1)[0].rpartition("@")[0] or rest.rpartition("@")[0]
    for part in re.split(r"[:/?#]", head):
        if len(part) >= 3:
            secrets += [part, unquote(part)]
    for secret in sorted(set(filter(None, secrets)), key=len, reverse=True):
        message = message.replace(secret, "***")
    return message


@dataclass(frozen=True, slots=True)
class SyncPass:
    delivered: int = 0  # events the receiver accepted in this pass
    failed: str | None = None  # why the attempt failed, when it did
    more: bool = False  # the feed has more right now


class ConsentSync(PollingWorker):
    def __init__(
        self,
        engine: Engine,
        target: SyncTarget,
        client: httpx.Client,
        clock: Callable[[], datetime],
        *,
        batch: int = 100,
        poll: float = 1.0,
        backoff: float = 2.0,
        lease: float = 60.0,
        deadline: float | None = None,
    ) -> None:
        super().__init__("sync", poll)
        check_secret(target.secret)
        self._engine = engine.execution_options(sqlite_immediate=True)  # writes
        self._reader = engine  # reads take no write lock
        self._target = target
        self._signer = Webhook(target.secret)
        self._client = client
        self._clock = clock
        self._batch = batch
        self._backoff = backoff
        self._lease = timedelta(seconds=lease)
        self._holder = uuid.uuid4().hex
        # The whole push, answer included, within ``deadline`` seconds: httpx's timeouts
        # bound each read, so a receiver that drips its answer a line at a time could hold
        # a push (and the target's lease) for minutes. A push past it is given up (its
        # thread left to end on its own; no second one starts while it runs).
        self._deadline = deadline
        self._pusher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stopline-sync")
        self._running: Future[httpx.Response] | None = None

    @property
    def target(self) -> SyncTarget:
        return self._target

    def close(self) -> None:
        self._pusher.shutdown(wait=False, cancel_futures=True)
        self._client.close()

    def _pass(self) -> bool:
        done = self.run_once()
        return done.more and done.failed is None

    def run_once(self) -> SyncPass:
        """Deliver at most one batch (when the target is due and not held elsewhere)."""
        name = self._target.name
        if self._idle(name):
            return SyncPass()
        with self._engine.begin() as conn:
            repo.ensure(conn, name, self._clock())
            row = repo.claim(conn, name, self._holder, self._clock(), self._lease)
        if row is None:
            return SyncPass()
        with self._reader.connect() as conn:
            if row.pending_cursor is None:
                page = consent_feed.read_page(conn, row.cursor or None, self._batch)
            else:  # a retry: exactly the batch tried before
                page = consent_feed.read_page(
                    conn, row.cursor or None, 1_000_000, until=row.pending_cursor
                )
        batch_id = row.batch_id or f"msg_{uuid.uuid4().hex}"  # new batch: a new webhook id
        with self._engine.begin() as conn:
            if not page.events:
                repo.release(conn, name, self._holder)
                return SyncPass()
            if row.pending_cursor is None and not repo.set_pending(
                conn, name, self._holder, page.cursor, batch_id
            ):
                return SyncPass()  # the lease ran out and another worker took over
        error, asked = self._deliver(batch_id, page.events)
        now = self._clock()
        with self._engine.begin() as conn:
            if error is None:
                repo.advance(conn, name, self._holder, len(page.events), now)
            else:
                delay = min(self._backoff * 2 ** min(row.attempts, 20), MAX_BACKOFF)
                if asked is not None:  # the receiver said when
                    delay = asked
                repo.fail(conn, name, self._holder, error, now + timedelta(seconds=delay))
        log.info(
            "consent sync",
            extra={
                "target": name,
                "events": len(page.events),
                "attempt": row.attempts + 1,
                "outcome": "delivered" if error is None else "retry",
                "error": error,
            },
        )
        if error is not None:
            return SyncPass(failed=error)
        return SyncPass(delivered=len(page.events), more=page.more)

    def _idle(self, name: str) -> bool:
        """Nothing to push and nothing in flight: answered with reads alone, so a quiet
        system does not take the database's write lock every poll."""
        now = self._clock()
        with self._reader.connect() as conn:
            row = repo.get(conn, name)
            if row is None:
                return False
            if row.next_attempt_at > now:  # waiting out a failure's backoff
                return True
            held = row.holder not in (None, self._holder) and (row.lease_until or now) > now
            if held:  # another worker is pushing
                return True
            if row.pending_cursor is not None:
                return False
            return not consent_feed.read_page(conn, row.cursor or None, 1).events

    def drain(self, limit: int = 100_000) -> int:
        """Deliver until the feed is exhausted or an attempt fails; the events delivered."""
        total = 0
        for _ in range(limit):
            done = self.run_once()
            total += done.delivered
            if done.failed is not None or not done.delivered:
                break
        return total

    def _deliver(
        self, webhook_id: str, events: list[ConsentEvent]
    ) -> tuple[str | None, float | None]:
        """Post one batch: (None, None) when delivered, else the error and the seconds the
        receiver asked us to wait (``Retry-After``), if it did."""
        now = self._clock()
        body = orjson.dumps(
            {
                "type": EVENT_TYPE,
                "timestamp": utc_text(now),
                "data": {"events": [event_record(e) for e in events]},
            }
        )
        headers = {
            "content-type": "application/json",
            "user-agent": f"stopline/{stopline.__version__}",
            "webhook-id": webhook_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": self._signer.sign(webhook_id, now, body.decode()),
        }
        if self._running is not None and not self._running.done():
            return (
                f"the push before is still waiting for its answer (over {self._deadline:g} s)",
                None,
            )
        try:
            if self._deadline is None:
                response = self._client.post(self._target.url, content=body, headers=headers)
            else:
                self._running = self._pusher.submit(
                    self._client.post, self._target.url, content=body, headers=headers
                )
                response = self._running.result(timeout=self._deadline)
        except FutureTimeout:
            return f"no complete answer within {self._deadline:g} s", None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            # InvalidURL, and IDNA's UnicodeError (a ValueError) for a host httpx cannot
            # encode: recorded as the target's error like any failed push
            return f"{type(exc).__name__}: {_redacted(str(exc), self._target.url)}", None
        if 200 <= response.status_code < 300:
            return None, None
        asked = retry_after(response.headers.get("retry-after"), now)
        return f"HTTP {response.status_code}: {response.text[:200]}", asked


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay-seconds or an HTTP date; RFC 9110
    10.2.3), between 0 and `MAX_RETRY_AFTER`; None when absent or unreadable."""
    if value is None or not (text := value.strip()):
        return None
    if text.isascii() and text.isdigit():  # delay-seconds: ASCII digits only ("٣" is not)
        seconds = float(text)
    else:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
