"""The provider commands: senders add/list/remove, send, worker --once, outbox status."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from stopline import bootstrap
from stopline.cli import app
from stopline.cli.base import out as cli_out
from stopline.config import Settings
from stopline.providers.fakes.server import FakeProviders
from tests.integration.providers.conftest import fake_requests
from tests.provider_payloads import PERSON, env_for, provider_settings

runner = CliRunner()


@pytest.fixture
def env(
    database_url: str, engine: Engine, fake: FakeProviders, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The settings of a migrated database (`engine`), with the fake providers' URLs."""
    for name, value in env_for(provider_settings()).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("STOPLINE_DATABASE_URL", database_url)
    monkeypatch.setenv("STOPLINE_OUTBOX_BACKOFF_SECONDS", "0")
    # `--provider-url` exports these for server workers: start empty, restored afterwards.
    monkeypatch.setenv("STOPLINE_PROVIDER_URL", "")
    monkeypatch.setenv("STOPLINE_PROVIDER_URLS", "{}")


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_senders_commands(env: None) -> None:
    code, output = run(
        "senders",
        "add",
        "+1 415 555 0199",
        "--provider",
        "telnyx",
        "--brand",
        "Globex",
        "--topic",
        "alerts",
        "--locale",
        "en-US",
    )
    assert code == 0 and "+14155550199 registered with telnyx" in output
    assert run("senders", "add", "+14155550199", "--provider", "twilio")[0] == 1
    assert run("senders", "add", "AcmeCo", "--provider", "console")[0] == 0
    code, output = run("senders", "add", "ACMECO", "--provider", "console")
    assert code == 1 and "ACMECO is already registered (as AcmeCo)" in output
    code, output = run("senders", "add", "12345", "--provider", "fax")
    assert code == 2 and "provider" in output
    code, output = run("senders", "add", "12345", "--provider", "twilio", "--account", "nobody")
    assert code == 0 and "warning" in output and "STOPLINE_ACCOUNT_NOBODY_" in output
    code, output = run("senders", "list")
    assert code == 0 and "Globex" in output and "nobody" in output
    assert run("senders", "remove", "12345")[0] == 0
    assert run("senders", "remove", "12345")[0] == 1


def test_send_and_worker_commands_use_the_provider_url(
    env: None, fake: FakeProviders, database_url: str
) -> None:
    run("senders", "add", "+14155550199", "--provider", "telnyx")
    code, output = run(
        "send", PERSON, "Hello", "--sender", "+14155550199", "--provider-url", fake.url
    )
    assert code == 0 and "sent via telnyx" in output
    [request] = fake_requests(fake)
    assert request["path"] == "/v2/messages" and request["body"]["text"] == "Hello"
    # A reply waiting in the outbox is delivered by `stopline worker --once`.
    from fastapi.testclient import TestClient

    from stopline.api.app import create_app
    from tests.provider_payloads import telnyx_stop

    settings = Settings(database_url=database_url, outbox_worker=False, **provider_settings())
    graph = bootstrap.build(settings)
    try:
        with TestClient(create_app(app_graph=graph)) as client:
            body, headers = telnyx_stop("CLI-1")
            assert client.post("/webhooks/telnyx", content=body, headers=headers).status_code == 200
    finally:
        graph.close()
    code, output = run("outbox", "status")
    assert code == 0 and "pending: 1" in output
    code, output = run("worker", "--once", "--provider-url", f"telnyx={fake.url}")
    assert code == 0 and "sent 1" in output
    assert [r["body"]["to"] for r in fake_requests(fake)] == [PERSON, PERSON]
    code, output = run(
        "send", PERSON, "Hello again", "--sender", "+14155550199", "--provider-url", fake.url
    )
    assert code == 1 and "blocked" in output


def test_campaign_commands_from_a_csv_to_a_sent_broadcast(
    env: None,
    fake: FakeProviders,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STOPLINE_PROVIDER_URL", fake.url)
    audience = tmp_path / "customers.csv"
    audience.write_text("name,mobile\nAda,(212) 555-0100\nBob,nope\nCy,212-555-0101\n")
    assert run("senders", "add", "+14155550199", "--provider", "twilio", "--rate", "50")[0] == 0
    code, output = run(
        "campaigns",
        "create",
        "shipping",
        "--sender",
        "+14155550199",
        "--topic",
        "transactional",
        "--text",
        "Acme: your order shipped",
        "--audience",
        str(audience),
    )
    assert code == 0, output
    assert "2 added" in output and "1 invalid" in output and "'nope'" in output
    code, output = run("campaigns", "preview", "shipping")
    assert code == 0 and "recipients 2" in output and "GSM-7" in output
    assert "last send expected" in output and "(in 1 s)" in output  # 2 at 50/s
    code, output = run("campaigns", "send", "shipping", "--wait")
    assert code == 0 and "sent 2" in output, output
    assert sorted(r["body"]["To"] for r in fake_requests(fake)) == ["+12125550100", "+12125550101"]
    code, output = run("campaigns", "list")
    assert code == 0 and "done" in output
    code, output = run("campaigns", "list", "--json")
    # the objects GET /v1/campaigns/{id} answers, on one line (the runner mixes in stderr)
    [listed] = json.loads(next(line for line in output.splitlines() if line.startswith("[")))
    assert code == 0 and (listed["name"], listed["status"]) == ("shipping", "done")
    assert listed["recipients"]["sent"] == 2 and listed["started_at"].count("T") == 1
    code, output = run(
        "campaigns", "create", "bad", "--sender", "+14155550199", "--text", "Sale!", "--refuse"
    )
    assert code == 2 and "refused" in output
    assert run("campaigns", "preview", "nope")[0] == 2
    code, output = run("report", "campaigns", "--json")
    assert code == 0 and '"sends": 2' in output
    for window in ("nan", "inf", "8761", "0"):  # a traceback, once (a black-box tester)
        code, output = run("report", "campaigns", "--window-hours", window)
        assert code == 2 and "--window-hours" in output, (window, output)
    unicode_text = tmp_path / "unicode.txt"  # Excel's "Unicode Text": UTF-16, tab-separated
    unicode_text.write_bytes("Name\tMobile\r\nRenée\t(646) 555-0142\r\n".encode("utf-16"))
    code, output = run(
        "campaigns", "create", "unicode", "--sender", "+14155550199", "--text", "Acme: hi",
        "--audience", str(unicode_text),
    )  # fmt: skip
    assert code == 0 and "1 added" in output and "0 invalid" in output, output
    # an audience that cannot be read leaves no draft behind, so a retry can use the name
    create = ("campaigns", "create", "retry", "--sender", "+14155550199", "--text", "Acme: hi")
    no_column = tmp_path / "no_column.csv"
    no_column.write_text("a,b\n1,2\n")
    for bad in (str(tmp_path / "missing.csv"), str(no_column)):
        code, output = run(*create, "--audience", bad)
        assert code == 2 and "(draft)" not in output, output
    broken = tmp_path / "broken.csv"  # found wrong only past its header: the draft is named
    broken.write_text('phone\n+12125550100\n"never closed\n')
    code, output = run(*create, "--audience", str(broken))
    assert code == 2 and "stays a draft" in output and "campaigns add" in output, output
    code, output = run("campaigns", "add", "retry", str(audience))
    assert code == 0 and "2 added" in output, output


def test_serve_refuses_unreadable_credentials_with_one_line_before_starting(
    env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STOPLINE_TELNYX_PUBLIC_KEY", "garbage")
    code, output = run("serve", "--port", "1")  # never reached: refused before binding
    assert code == 2
    assert "Configuration error" in output and "STOPLINE_TELNYX_PUBLIC_KEY" in output
    assert "Traceback" not in output


def test_send_wait_counts_rows_another_worker_holds_as_in_flight_not_deferred(
    env: None,
    database_url: str,
    fake: FakeProviders,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A running server may have claimed some of the campaign's recipients: `--wait` waits
    for them while they progress and never reports them as deferred by quiet hours."""
    import threading
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import create_engine, update

    from stopline.cli import campaigns as campaigns_cli
    from stopline.storage.tables import campaign_recipients as rows

    monkeypatch.setenv("STOPLINE_PROVIDER_URL", fake.url)
    monkeypatch.setattr(campaigns_cli, "_IN_FLIGHT_PATIENCE", 1.0)
    assert run("senders", "add", "+14155550199", "--provider", "twilio", "--rate", "50")[0] == 0
    audience = tmp_path / "three.csv"
    audience.write_text("phone\n+12125550100\n+12125550101\n+12125550102\n")
    create = ("campaigns", "create", "--sender", "+14155550199", "--topic", "transactional")
    created = run(*create, "notice", "--text", "Acme: notice", "--audience", str(audience))
    assert created[0] == 0, created[1]
    engine = create_engine(database_url)
    held = rows.c.number == "+12125550102"
    lease = datetime.now(UTC) + timedelta(minutes=5)  # "another worker" holds it
    with engine.begin() as conn:
        conn.execute(update(rows).where(held).values(status="sending", not_before=lease))
    code, output = run("campaigns", "send", "notice", "--wait")  # the holder never finishes
    assert code == 0 and "sent 2" in output and "deferred 0" in output, output
    assert "in flight elsewhere 1" in output

    with engine.begin() as conn:  # a second campaign: the holder finishes after a moment
        conn.execute(update(rows).where(held).values(status="sent"))
    audience.write_text("phone\n+12125550100\n+12125550102\n")
    created = run(*create, "notice2", "--text", "Acme: notice 2", "--audience", str(audience))
    assert created[0] == 0, created[1]
    second = rows.c.campaign_id == 2
    with engine.begin() as conn:
        conn.execute(update(rows).where(held, second).values(status="sending", not_before=lease))

    def finish() -> None:
        with engine.begin() as conn:
            conn.execute(update(rows).where(held, second).values(status="sent"))

    threading.Timer(0.5, finish).start()
    monkeypatch.setattr(campaigns_cli, "_IN_FLIGHT_PATIENCE", 10.0)
    code, output = run("campaigns", "send", "notice2", "--wait")
    assert code == 0 and "sent 2" in output and "deferred 0" in output, output
    assert "in flight" not in output
    engine.dispose()


def test_fake_providers_on_a_taken_or_impossible_port_is_one_line() -> None:
    import socket

    runner = CliRunner()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = runner.invoke(app, ["fake-providers", "--port", str(port)])
    assert busy.exit_code == 1 and f"Cannot listen on 127.0.0.1:{port}" in busy.output
    assert "Traceback" not in busy.output
    impossible = runner.invoke(app, ["fake-providers", "--port", "99999"])
    assert impossible.exit_code == 2 and "99999" in impossible.output


def test_providers_shows_each_webhook_url_and_what_is_configured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in list(os.environ):
        if name.startswith("STOPLINE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("STOPLINE_PUBLIC_URL", "https://sms.example.com")
    monkeypatch.setenv("STOPLINE_TWILIO_AUTH_TOKEN", "t" * 32)
    monkeypatch.setenv("STOPLINE_TELNYX_API_KEY", "KEY123")
    # wide enough for whole URLs, whatever width an earlier test left the console at
    monkeypatch.setattr(cli_out, "width", 160)
    shown = CliRunner().invoke(app, ["providers"])
    assert shown.exit_code == 0, shown.output
    rows = {line.split("│")[1].strip(): line for line in shown.output.splitlines() if "│" in line}
    assert "https://sms.example.com/webhooks/twilio" in rows["twilio"]
    assert "verified" in rows["twilio"] and "inline" in rows["twilio"]
    assert "no key: 503" in rows["telnyx"] and "REST" in rows["telnyx"]
    assert "no credentials" not in rows["telnyx"]  # its API key is set
    assert "no credentials" in rows["vonage"] and "no key: 503" in rows["sinch"]
    assert set(rows) >= {"twilio", "telnyx", "vonage", "plivo", "bandwidth", "sinch", "generic"}
    # a password in the public URL (basic auth at a proxy) is not printed
    monkeypatch.setenv("STOPLINE_PUBLIC_URL", "https://hooks:s3cret@sms.example.com")
    secret = CliRunner().invoke(app, ["providers"])
    assert secret.exit_code == 0 and "s3cret" not in secret.output, secret.output
    assert "https://hooks:***@sms.example.com/webhooks/twilio" in secret.output


def test_a_rest_account_missing_one_credential_is_not_shown_as_ready(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A black-box tester (2026-12-05): with Bandwidth's API password, Sinch's API token or
    Vonage's API secret unset, `stopline providers` said "REST" and every STOP confirmation
    went dead after one attempt. One field set was taken for a ready account; now every
    field a send needs must be, the table names what is missing, and the server warns at
    start."""
    from stopline.bootstrap import warn_about
    from stopline.config import Settings

    for name in list(os.environ):
        if name.startswith("STOPLINE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("STOPLINE_PUBLIC_URL", "https://sms.example.com")
    partial = {
        "STOPLINE_BANDWIDTH_ACCOUNT_ID": "9900000",
        "STOPLINE_BANDWIDTH_API_USERNAME": "api-user",
        "STOPLINE_BANDWIDTH_APPLICATION_ID": "app-1",
        "STOPLINE_BANDWIDTH_USERNAME": "hook",  # its webhooks: Basic credentials
        "STOPLINE_BANDWIDTH_PASSWORD": "hook-pass",
        "STOPLINE_SINCH_SERVICE_PLAN_ID": "plan",
        "STOPLINE_VONAGE_API_KEY": "key",
        "STOPLINE_TELNYX_API_KEY": "KEY123",  # all Telnyx needs
    }
    for name, value in partial.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(cli_out, "width", 200)
    shown = CliRunner().invoke(app, ["providers"])
    assert shown.exit_code == 0, shown.output
    rows = {line.split("│")[1].strip(): line for line in shown.output.splitlines() if "│" in line}
    assert "REST: lacks password" in rows["bandwidth"], rows["bandwidth"]
    assert "REST: lacks api_token" in rows["sinch"], rows["sinch"]
    assert "REST: lacks api_secret" in rows["vonage"], rows["vonage"]
    assert "lacks" not in rows["telnyx"] and "no credentials" not in rows["telnyx"]
    with caplog.at_level("WARNING", logger="stopline"):
        warn_about(Settings())
    warned = [r.getMessage() for r in caplog.records if "REST account lacks" in r.getMessage()]
    assert any(m.startswith("bandwidth webhooks are configured") for m in warned), warned
    assert not any(m.startswith("sinch") for m in warned)  # its webhooks are not configured
