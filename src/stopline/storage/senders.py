"""The sender registry's rows: address -> provider, brand, topics, locale, account name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select

from stopline.storage.tables import campaigns, senders


@dataclass(frozen=True, slots=True)
class SenderRow:
    address: str
    provider: str
    brand: str | None
    topics: tuple[str, ...]
    locale: str | None
    account: str | None
    rate_per_second: float | None = None  # broadcasts from it; None: the default rate


def all_senders(conn: Connection) -> list[SenderRow]:
    c = senders.c
    query = select(
        c.address, c.provider, c.brand, c.topics, c.locale, c.account, c.rate_per_second
    ).order_by(c.address)
    return [
        SenderRow(
            r.address,
            r.provider,
            r.brand,
            tuple(t for t in (r.topics or "").split(",") if t),
            r.locale,
            r.account,
            r.rate_per_second,
        )
        for r in conn.execute(query)
    ]


def stored_address(conn: Connection, address: str) -> str | None:
    """The registered address ``address`` names: itself, or for an alphanumeric sender ID
    the one registered in another case ("ACME" for "Acme"), as sender scopes compare them;
    None when it is not registered."""
    c = senders.c
    if conn.execute(select(c.id).where(c.address == address)).first() is not None:
        return address
    if not any(ch.isalpha() for ch in address):
        return None
    query = select(c.address).where(func.upper(c.address) == address.upper()).order_by(c.id)
    found: str | None = conn.execute(query).scalars().first()
    return found


def add(conn: Connection, row: SenderRow, now: datetime) -> None:
    conn.execute(
        insert(senders).values(
            address=row.address,
            provider=row.provider,
            brand=row.brand,
            topics=",".join(row.topics) or None,
            locale=row.locale,
            account=row.account,
            rate_per_second=row.rate_per_second,
            created_at=now,
        )
    )


def campaigns_using(conn: Connection, address: str, statuses: tuple[str, ...]) -> list[str]:
    """Names of the campaigns from ``address`` in one of ``statuses``."""
    c = campaigns.c
    query = select(c.name).where(c.sender == address, c.status.in_(statuses)).order_by(c.id)
    return list(conn.execute(query).scalars())


def hold(conn: Connection, address: str, *, exclusive: bool) -> bool:
    """Whether ``address`` is registered, its row locked until the transaction ends: shared by
    a campaign's start, exclusive by a removal, so neither slips between the other's check
    and its write (PostgreSQL; SQLite's immediate transactions are serialised already)."""
    query = select(senders.c.id).where(senders.c.address == address)
    return conn.execute(query.with_for_update(read=not exclusive)).first() is not None


def remove(conn: Connection, address: str) -> bool:
    result = conn.execute(delete(senders).where(senders.c.address == address))
    return bool(result.rowcount)
