"""API keys: only a SHA-256 of each key is stored (keys are 256-bit random, so a fast hash
is enough; nothing to brute-force)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, RowMapping, insert, select, update

from stopline.storage.tables import api_keys


@dataclass(frozen=True, slots=True)
class StoredKey:
    id: int
    name: str
    prefix: str
    scopes: frozenset[str]
    created_at: datetime
    revoked_at: datetime | None


def create(
    conn: Connection,
    *,
    name: str,
    prefix: str,
    key_hash: str,
    scopes: frozenset[str],
    created_at: datetime,
) -> int:
    result = conn.execute(
        insert(api_keys).returning(api_keys.c.id),
        {
            "name": name,
            "prefix": prefix,
            "key_hash": key_hash,
            "scopes": ",".join(sorted(scopes)),
            "created_at": created_at,
        },
    )
    return int(result.scalar_one())


def by_hash(conn: Connection, key_hash: str) -> StoredKey | None:
    row = conn.execute(select(api_keys).where(api_keys.c.key_hash == key_hash)).first()
    return _key(row._mapping) if row else None


def all_keys(conn: Connection) -> list[StoredKey]:
    return [_key(r._mapping) for r in conn.execute(select(api_keys).order_by(api_keys.c.id))]


def revoke(conn: Connection, key_id: int, at: datetime) -> bool:
    result = conn.execute(
        update(api_keys)
        .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
        .values(revoked_at=at)
    )
    return bool(result.rowcount)


def _key(m: RowMapping) -> StoredKey:
    return StoredKey(
        id=m["id"],
        name=m["name"],
        prefix=m["prefix"],
        scopes=frozenset(s for s in m["scopes"].split(",") if s),
        created_at=m["created_at"],
        revoked_at=m["revoked_at"],
    )
