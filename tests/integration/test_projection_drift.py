"""`ledger verify`'s second half: the suppression table (what the send gate reads) compared
with the fold of the ledger, value by value, on SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text

from stopline.bootstrap import Stopline
from stopline.services.ledger import projection_drift

NUMBER = "+14155550101"


def _opted_out(client: TestClient, admin: dict[str, str]) -> None:
    body = {"number": NUMBER, "kind": "opt_out", "source": "import"}
    body["occurred_at"] = "2025-01-01T10:00:00Z"
    assert client.post("/v1/consent", json=body, headers=admin).status_code == 201


def test_an_edited_time_or_source_in_the_table_is_drift(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    _opted_out(client, admin)
    with graph.engine.connect() as conn:
        assert projection_drift(conn) == (0, [])
    for change, said in (
        ("since = '2020-01-01 00:00:00'", "since 2020-01-01T00:00:00+00:00"),
        ("source = 'sms'", "source 'sms', the ledger says 'import'"),
    ):
        with graph.engine.begin() as conn:
            conn.execute(text(f"UPDATE suppressions SET {change}"))  # noqa: S608
            found, problems = projection_drift(conn)
            assert found == 1 and said in problems[0], problems
            conn.rollback()


def test_a_row_that_cannot_be_read_is_reported_not_raised(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    _opted_out(client, admin)
    if graph.engine.dialect.name != "sqlite":
        return  # PostgreSQL's column types refuse such a value in the first place
    with graph.engine.begin() as conn:
        conn.execute(text("UPDATE suppressions SET since = 12345"))
    with graph.engine.connect() as conn:
        found, problems = projection_drift(conn)
    assert found == 1 and "cannot be read" in problems[0], problems
