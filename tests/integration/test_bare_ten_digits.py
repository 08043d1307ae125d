"""Ten bare digits are read two ways: as a North American number in the default region, and
as an international number without its "+", as Vonage, Plivo and Sinch write numbers (and
their exports keep). The gate blocks such an input when either reading is suppressed: the
check API, the batch check, the CLI and the scrub, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stopline.cli import app

DANISH = "+4534437570"  # Danish +45 34437570; as bare digits, also +1 453 443 7570
BARE = "4534437570"
runner = CliRunner()


def _consent(
    client: TestClient, admin: dict[str, str], number: str, kind: str, **extra: str
) -> None:
    body = {"number": number, "kind": kind, **extra}
    assert client.post("/v1/consent", json=body, headers=admin).status_code == 201


def test_the_check_blocks_bare_digits_whose_international_reading_opted_out(
    client: TestClient, admin: dict[str, str]
) -> None:
    _consent(client, admin, DANISH, "opt_out")
    single = client.post("/v1/check", json={"number": BARE}, headers=admin).json()
    assert single["allowed"] is False and single["number"] == DANISH, single
    assert single["reason"] == "opted_out"
    # written as North American (a "+1", a leading 1, separators): one reading only
    for written in ("+1 453 443 7570", "14534437570", "453-443-7570", "(453) 443-7570"):
        answer = client.post("/v1/check", json={"number": written}, headers=admin).json()
        assert answer["allowed"] is True and answer["number"] == "+14534437570", written
    inputs = ["+14155550100", BARE, "453-443-7570", "nope", f" {BARE} "]
    batch = client.post("/v1/check/batch", json={"numbers": inputs}, headers=admin).json()
    allowed = [r["allowed"] for r in batch["results"]]
    assert allowed == [True, False, True, False, False]
    assert batch["results"][1]["number"] == DANISH
    # the opt-in lifts it under both readings' check
    _consent(client, admin, DANISH, "opt_in")
    assert client.post("/v1/check", json={"number": BARE}, headers=admin).json()["allowed"]
    batch = client.post("/v1/check/batch", json={"numbers": [BARE]}, headers=admin).json()
    assert batch["results"][0]["allowed"] is True


def test_either_reading_blocks_at_its_own_scope(client: TestClient, admin: dict[str, str]) -> None:
    _consent(client, admin, DANISH, "opt_out", scope="topic:promo")
    _consent(client, admin, "+14155550100", "opt_out")  # keeps the index's lookalike set apart
    promo = client.post("/v1/check", json={"number": BARE, "topic": "promo"}, headers=admin)
    assert promo.json()["allowed"] is False and promo.json()["scope"] == "topic:promo"
    other = client.post("/v1/check", json={"number": BARE, "topic": "news"}, headers=admin)
    assert other.json()["allowed"] is True and other.json()["number"] == "+14534437570"
    # the North American reading blocks as before
    _consent(client, admin, "+14534437570", "opt_out")
    both = client.post("/v1/check", json={"number": BARE}, headers=admin).json()
    assert both["allowed"] is False and both["number"] == "+14534437570"


def test_the_cli_check_and_scrub_read_both_ways(
    client: TestClient, admin: dict[str, str], database_url: str, tmp_path: Path
) -> None:
    _consent(client, admin, DANISH, "opt_out")
    env = {"STOPLINE_DATABASE_URL": database_url}
    blocked = runner.invoke(app, ["check", BARE], env=env)
    assert blocked.exit_code == 1 and DANISH in blocked.output, blocked.output
    allowed = runner.invoke(app, ["check", "453-443-7570"], env=env)
    assert allowed.exit_code == 0, allowed.output

    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "id,phone\n1,4534437570\n2,453-443-7570\n3,+14534437570\n4,+4534437570\n"
        "5,4155550100\n6, 4534437570 \n"
    )
    out, removed = tmp_path / "out.csv", tmp_path / "removed.csv"
    args = ["scrub", str(contacts), "-o", str(out), "--removed", str(removed)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert out.read_text() == "id,phone\n2,453-443-7570\n3,+14534437570\n5,4155550100\n"
    reasons = [line.split(",")[-2:] for line in removed.read_text().splitlines()[1:]]
    assert reasons == [["opted_out", "organisation"]] * 3


def test_the_api_scrub_reads_both_ways(
    client: TestClient, admin: dict[str, str], checker: dict[str, str]
) -> None:
    _consent(client, admin, DANISH, "opt_out")
    body = b"phone\n4534437570\n(453) 443-7570\n"
    headers = {**checker, "Content-Type": "text/csv"}
    response = client.post("/v1/scrub", content=body, headers=headers)
    assert response.status_code == 200, response.text
    assert response.content == b"phone\n(453) 443-7570\n"
