"""Which database a command opens: a missing SQLite file is never silently replaced by a
new empty one for a command that answers "allowed" or reads the ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stopline.cli import app
from tests.conftest import POSTGRES_URL

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ["check", "415.555.0100"],
        ["suppressions", "export"],
        ["ledger", "verify"],
        ["review", "list"],
        ["outbox", "status"],
        ["sync", "status"],
        ["report", "campaigns"],
        ["campaigns", "list"],
        ["campaigns", "preview", "x"],
        # and the commands that record: an opt-out written to a new file in the wrong folder
        # is one no server reads (acceptance tests, 2026-12-04)
        ["consent", "opt-out", "4155550100"],
        ["suppressions", "import", "optouts.csv"],
        ["senders", "add", "+14155550199", "--provider", "twilio"],
        ["worker", "--once"],
    ],
)
def test_commands_refuse_a_sqlite_file_that_does_not_exist(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the relative default: ./stopline.db, not there
    monkeypatch.delenv("STOPLINE_DATABASE_URL", raising=False)
    monkeypatch.delenv("STOPLINE_CONFIG", raising=False)
    (tmp_path / "optouts.csv").write_text("phone\n4155550100\n")
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output  # not 2: `check` says "invalid number" so
    assert "No database at" in result.output and str(tmp_path / "stopline.db") in result.output
    assert not (tmp_path / "stopline.db").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["check", "415.555.0100"],
        ["consent", "opt-out", "4155550100"],
        ["ledger", "verify"],
        ["suppressions", "export"],
    ],
)
@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_commands_refuse_a_database_stopline_never_migrated(
    args: list[str], backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty database (a mistyped PostgreSQL database name, an empty file) was given the
    schema by any command, which then answered "allowed" or recorded an opt-out there (a
    black-box tester's finding): now exit 3, and the database is left as it was."""
    from sqlalchemy import inspect, text

    from stopline.storage.engine import create_database_engine

    if backend == "sqlite":
        (tmp_path / "empty.db").touch()
        url = f"sqlite:///{tmp_path / 'empty.db'}"
    else:
        schema = f"empty_{tmp_path.name[-20:].replace('-', '_').lower()}"
        admin = create_database_engine(POSTGRES_URL)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    monkeypatch.setenv("STOPLINE_DATABASE_URL", url)
    try:
        result = runner.invoke(app, args)
        assert result.exit_code == 3, result.output
        assert "No Stopline database" in result.output and "db upgrade" in result.output
        engine = create_database_engine(url)
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
        engine.dispose()
        made = runner.invoke(app, ["db", "upgrade"])  # what the message says to do
        assert made.exit_code == 0, made.output
        assert runner.invoke(app, args).exit_code in (0, 1), args
    finally:
        if backend == "postgres":
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()


def test_db_upgrade_and_keys_create_make_a_new_database_and_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STOPLINE_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    key = runner.invoke(app, ["keys", "create", "--name", "first", "--scope", "admin"])
    assert key.exit_code == 0 and "creating it" in key.output, key.output
    assert key.output.strip().splitlines()[-1].startswith("sl_")
    for file in tmp_path.glob("new.db*"):  # and its -wal, -shm
        file.unlink()
    made = runner.invoke(app, ["db", "upgrade"])
    assert made.exit_code == 0 and "creating it" in made.output, made.output
    made = runner.invoke(app, ["consent", "opt-out", "4155550100", "--actor", "test"])
    assert made.exit_code == 0, made.output
    blocked = runner.invoke(app, ["check", "415.555.0100"])
    assert blocked.exit_code == 1, blocked.output


@pytest.mark.postgres
def test_a_postgres_database_that_cannot_be_opened_is_one_line(
    monkeypatch: pytest.MonkeyPatch, postgres_schema_url: str
) -> None:
    base = POSTGRES_URL.rsplit("/", 1)[0]
    monkeypatch.setenv("STOPLINE_DATABASE_URL", f"{base}/no_such_database_here")
    result = runner.invoke(app, ["check", "415.555.0100"])
    assert result.exit_code == 3
    assert "Cannot open the database" in result.output and "no_such_database_here" in result.output
    assert "Traceback" not in result.output and len(result.output.splitlines()) <= 4


def test_a_settings_file_with_an_unknown_or_misspelt_key_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A compliance system must not run on settings nobody wrote: brand_nam would leave the
    brand at its default in every confirmation."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STOPLINE_CONFIG", raising=False)
    (tmp_path / "stopline.toml").write_text('brand_nam = "Acme"\nSTOPLINE_HELP_CONTACT = "x"\n')
    result = runner.invoke(app, ["check", "4155550100"])
    assert result.exit_code == 2
    flat = " ".join(result.output.split())
    assert "did you mean 'brand_name'?" in flat and "write it 'help_contact'" in flat
    (tmp_path / "stopline.toml").write_text('[senders."+14155550199"]\nlocael = "fr-FR"\n')
    nested = runner.invoke(app, ["check", "4155550100"])
    assert nested.exit_code == 2 and "locael" in nested.output
    (tmp_path / "stopline.toml").write_text('Brand_Name = "Acme"\n')  # keys ignore case
    cased = runner.invoke(app, ["check", "4155550100"])
    assert "Configuration error" not in cased.output and "No database at" in cased.output
    (tmp_path / "stopline.toml").write_text('brand_name = "Acme\n')
    broken = runner.invoke(app, ["check", "4155550100"])
    assert broken.exit_code == 2 and "stopline.toml" in broken.output


def test_a_missing_named_settings_file_and_bad_values_name_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STOPLINE_CONFIG", str(tmp_path / "nope.toml"))
    missing = runner.invoke(app, ["check", "4155550100"])
    assert missing.exit_code == 2 and "STOPLINE_CONFIG names" in missing.output
    monkeypatch.delenv("STOPLINE_CONFIG")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STOPLINE_BATCH_LIMIT", "lots")
    bad = runner.invoke(app, ["check", "4155550100"])
    assert bad.exit_code == 2 and "STOPLINE_BATCH_LIMIT:" in bad.output
    assert "pydantic" not in bad.output


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("STOPLINE_BRAND_NAME", "   ", "must name the business"),  # the confirmation's brand
        ("STOPLINE_BRAND_NAME", "Ac\x01me", "control characters"),  # breaks inline XML
        ("STOPLINE_ATTRIBUTION_HOURS", "1e12", "less than or equal to 8760"),  # reports 500
        ("STOPLINE_ATTRIBUTION_HOURS", "nan", "STOPLINE_ATTRIBUTION_HOURS"),
        ("STOPLINE_LOG_LEVEL", "LOUD", "unknown level"),
        ("STOPLINE_MAX_WEBHOOK_BYTES", "-5", "greater than or equal to 1"),
        ("STOPLINE_PUBLIC_URL", "not-a-url", "is not a URL"),
        ("STOPLINE_PUBLIC_URL", "https://sms.example.com/sl?tenant=acme", "query or fragment"),
        ("STOPLINE_PUBLIC_URL", "https://sms.example.com/#top", "query or fragment"),
        ("STOPLINE_PUBLIC_URL", "https://sms.example.com:99999", "ports run from 1 to 65535"),
        ("STOPLINE_PUBLIC_URL", "https://sms.example.com:0/", "ports run from 1 to 65535"),
        ("STOPLINE_LOG_FORMAT", "xml", "STOPLINE_LOG_FORMAT"),
    ],
)
def test_settings_that_could_not_work_are_refused_before_anything_runs(
    variable: str, value: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each was accepted, then every webhook failed (413 at "-5 bytes", 403 for every
    signature) or every confirmation named no brand (acceptance test, 2026-12-04)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(variable, value)
    refused = runner.invoke(app, ["check", "4155550100"])
    assert refused.exit_code == 2, refused.output
    assert f"{variable}:" in refused.output and said in _flat(refused.output), refused.output


def test_an_unknown_stopline_variable_is_named_with_the_nearest_setting() -> None:
    from stopline.config import unknown_variables

    environ = {
        "STOPLINE_DATABSE_URL": "sqlite:///x.db",
        "STOPLINE_DATABASE_URL": "sqlite:///y.db",
        "STOPLINE_ACCOUNT_ACME_AUTH_TOKEN": "t",
        "STOPLINE_CONFIG": "s.toml",
        "PATH": "/bin",
    }
    assert unknown_variables(environ) == [
        "STOPLINE_DATABSE_URL (did you mean STOPLINE_DATABASE_URL?)"
    ]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_stored_text_is_printed_as_written_not_as_markup_or_emoji(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scope "topic:gift" is not 🎁 and "[bold]x[/bold]" is not a bold x: what is printed
    is what was stored (fifth acceptance test, 2026-12); a long line is not wrapped."""
    monkeypatch.setenv("STOPLINE_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    for number, scope in (("4155550100", "topic:gift"), ("4155550101", "topic:[bold]x[/bold]")):
        made = runner.invoke(app, ["consent", "opt-out", number, "--scope", scope])
        assert made.exit_code == 0 and f"({scope})" in made.output, made.output
    blocked = runner.invoke(app, ["check", "4155550101", "--topic", "[bold]x[/bold]"])
    assert blocked.exit_code == 1, blocked.output
    # its own line, whole (an earlier test's logging set-up may add noise in a full run)
    [line] = [x for x in blocked.output.splitlines() if x.startswith("blocked ")]
    assert line.startswith("blocked +14155550101: opted out (topic:[bold]x[/bold]) since"), line
    assert line.rstrip().endswith("via manual"), line


def test_an_unknown_revision_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STOPLINE_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    result = runner.invoke(app, ["db", "upgrade", "--revision", "bogus"])
    assert result.exit_code == 2
    # its own line, and no traceback of the error itself (an earlier test's logging set-up
    # may add unrelated noise in a full run)
    [line] = [x for x in result.output.splitlines() if x.startswith("Cannot upgrade")]
    assert line.startswith("Cannot upgrade to bogus: Can't locate revision"), line
    assert "CommandError" not in result.output


def test_text_anyone_can_send_is_printed_literally_never_as_markup(
    client: TestClient, admin: dict[str, str], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SMS, a campaign, key or brand name holding "[/]" crashed the command that listed it
    (Rich read it as a closing tag), and "[link=...]" became a terminal hyperlink."""
    from stopline.cli.base import out

    monkeypatch.setattr(out, "_width", 250)  # tables whole, not cut to 80 columns
    env = {"STOPLINE_DATABASE_URL": database_url}
    texts = ["I guess stop-ish? [/]", "stop maybe [link=https://evil.example/x]here[/link]"]
    for i, text in enumerate(texts):
        message = {"message_id": f"m{i}", "from": f"+1415620000{i}", "to": "+14155550199"}
        answer = client.post("/v1/inbound", json={**message, "text": text}, headers=admin)
        assert answer.status_code == 200 and answer.json()["action"] == "review", answer.text
    sender = {"address": "+14155550199", "provider": "twilio", "brand": "B[/]"}
    assert client.post("/v1/senders", json=sender, headers=admin).status_code == 201
    send = {"campaign": "Promo [red] end", "number": "+14156200009", "sender": "+14155550199"}
    sent_at = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    reported = client.post(
        "/v1/sends", json={"sends": [{**send, "sent_at": sent_at}]}, headers=admin
    )
    assert reported.status_code in (200, 201), reported.text
    made = runner.invoke(app, ["keys", "create", "--name", "k[/]", "--scope", "check"], env=env)
    assert made.exit_code == 0 and "'k[/]'" in made.output, made.output
    assert made.output.strip().splitlines()[-1].startswith("sl_")  # the key, shown once
    for args, shown in (
        (["review", "list"], "I guess stop-ish? [/]"),
        (["review", "list"], "[link=https://evil.example/x]here[/link]"),
        (["keys", "list"], "k[/]"),
        (["senders", "list"], "B[/]"),
        (["campaigns", "list"], "Promo [red] end"),
        (["classify", "[/] stop"], "read: '[/] stop'"),
    ):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, (args, result.output)
        assert shown in result.output, (args, result.output)
    listed = runner.invoke(app, ["campaigns", "list"], env=env).output
    [row] = [line for line in listed.splitlines() if "Promo [red] end" in line]
    cells = [cell.strip() for cell in row.split("│") if cell.strip()]
    assert cells[3:5] == ["external", "1"], cells  # its reported send, not "0" (no topic)
    report = runner.invoke(app, ["report", "campaigns"], env={**env, "COLUMNS": "80"})
    assert report.exit_code == 0 and "Promo [red] end" in report.output, report.output
    # at 80 columns the key figures are whole ("0.5…" and "SPI…" before)
    assert "…" not in report.output and "0/1" in report.output and "0.0%" in report.output
    monkeypatch.setattr(out, "_width", 72)  # a narrow terminal: the sender's number stays whole
    narrow = runner.invoke(app, ["report", "campaigns"], env=env)
    assert narrow.exit_code == 0 and "+14155550199" in narrow.output, narrow.output


def test_an_empty_opt_in_scope_and_an_unusable_key_name_are_refused(
    engine: object, database_url: str
) -> None:
    """As the API: an empty scope on an opt-in would lift every opt-out of the number; a key
    name is the actor of what the key records (over 200 characters broke /v1/consent on
    PostgreSQL)."""
    env = {"STOPLINE_DATABASE_URL": database_url}
    stop = runner.invoke(app, ["consent", "opt-out", "6465550102"], env=env)
    assert stop.exit_code == 0, stop.output
    empty = runner.invoke(app, ["consent", "opt-in", "6465550102", "--scope", " "], env=env)
    assert empty.exit_code == 2 and "--scope is empty" in empty.output, empty.output
    assert runner.invoke(app, ["check", "6465550102"], env=env).exit_code == 1  # still blocked
    for name in ("", "  ", "n" * 101):
        made = runner.invoke(app, ["keys", "create", "--name", name], env=env)
        assert made.exit_code == 2 and "1 to 100 characters" in made.output, made.output
    made = runner.invoke(app, ["keys", "create", "--name", " ci "], env=env)
    assert made.exit_code == 0 and "'ci'" in made.output


def test_an_actor_or_note_longer_than_the_api_takes_is_one_line(
    engine: object, database_url: str, tmp_path: Path
) -> None:
    """PostgreSQL refused a 300-character --actor with a traceback (and recorded nothing);
    SQLite stored it. Both now refuse it as the API does, before anything is recorded."""
    env = {"STOPLINE_DATABASE_URL": database_url}
    for args in (
        ["consent", "opt-out", "6465550103", "--actor", "x" * 201],
        ["consent", "opt-out", "6465550103", "--note", "n" * 2001],
        ["review", "decide", "1", "opt-out", "--actor", "r" * 201],
    ):
        refused = runner.invoke(app, args, env=env)
        assert refused.exit_code == 2 and "characters long" in refused.output, refused.output
    source = tmp_path / "optouts.csv"
    source.write_text("phone\n6465550103\n", encoding="utf-8")
    refused = runner.invoke(
        app, ["suppressions", "import", str(source), "--actor", "y" * 201], env=env
    )
    assert refused.exit_code == 2 and "--actor is 201 characters long" in refused.output
    assert runner.invoke(app, ["check", "6465550103"], env=env).exit_code == 0  # nothing kept
    longest = runner.invoke(
        app, ["consent", "opt-out", "6465550103", "--actor", "a" * 200], env=env
    )
    assert longest.exit_code == 0, longest.output


def test_a_plot_into_a_missing_folder_is_refused_before_the_report_runs(
    engine: object, database_url: str, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    target = tmp_path / "no-such-folder" / "rates.png"
    result = runner.invoke(app, ["report", "campaigns", "--plot", str(target)], env=env)
    assert result.exit_code == 2 and "no folder" in result.output, result.output
    assert "campaign" not in result.output.split("no folder")[0].lower()  # nothing printed first
    empty = runner.invoke(app, ["report", "campaigns"], env=env)
    assert empty.exit_code == 0 and "no campaigns with sends yet" in empty.output
    # a folder, or a format it cannot draw, is refused too (a .jpg got PNG bytes once)
    for plot, said in ((tmp_path, "is a folder"), (tmp_path / "rates.jpg", "cannot draw")):
        refused = runner.invoke(app, ["report", "campaigns", "--plot", str(plot)], env=env)
        assert refused.exit_code == 2 and said in refused.output, refused.output


def test_lists_keep_senders_whole_at_80_columns(
    client: TestClient, admin: dict[str, str], database_url: str
) -> None:
    """At 80 columns every sender read "+141555501…" (acceptance test, 2026-12-04)."""
    sender = {"address": "+14155550199", "provider": "twilio", "brand": "Acme"}
    assert client.post("/v1/senders", json=sender, headers=admin).status_code == 201
    name = "A spring promotion with a rather long descriptive name for the whole team"
    body = {"name": name, "sender": "+14155550199", "template": "Acme: sale", "topic": "promo"}
    assert client.post("/v1/campaigns", json=body, headers=admin).status_code == 201
    listed = runner.invoke(app, ["campaigns", "list"], env={"STOPLINE_DATABASE_URL": database_url})
    assert listed.exit_code == 0 and "+14155550199" in listed.output, listed.output
    assert max(len(line) for line in listed.output.splitlines()) <= 80


@pytest.mark.postgres
@pytest.mark.parametrize("args", [["db", "upgrade"], ["db", "current"]])
def test_db_commands_on_an_unreachable_database_are_one_line(
    args: list[str], postgres_schema_url: str
) -> None:
    """`db upgrade` reaches the database only inside the migration: still one line, exit 3
    (it was a 470-line traceback)."""
    import os
    import subprocess
    import sys

    base = POSTGRES_URL.rsplit("/", 1)[0]
    env = {**os.environ, "STOPLINE_DATABASE_URL": f"{base}/no_such_database_here"}
    stopline = str(Path(sys.executable).with_name("stopline"))
    result = subprocess.run(
        [stopline, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 3, result.stderr
    assert "Cannot reach the database" in result.stderr
    assert "no_such_database_here" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 3


def test_key_scopes_can_be_given_comma_separated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STOPLINE_DATABASE_URL", f"sqlite:///{tmp_path / 'keys.db'}")
    made = runner.invoke(app, ["keys", "create", "--name", "crm", "--scope", "check, Write"])
    assert made.exit_code == 0, made.output
    assert "with scopes check, write" in made.output
    for bad in (["--scope", "check,root"], ["--scope", " , "]):
        refused = runner.invoke(app, ["keys", "create", "--name", "x", *bad])
        assert refused.exit_code == 2, refused.output


def test_flags_are_not_labelled_as_taking_a_value_in_help() -> None:
    shown = runner.invoke(app, ["--help"], env={"COLUMNS": "100"}).output
    assert "--version" in shown and "<bool>" not in shown
    assert "<bool>" not in runner.invoke(app, ["keys", "create", "--help"]).output


def test_a_sender_option_that_can_be_no_address_is_refused(
    engine: object, database_url: str, tmp_path: Path
) -> None:
    """As the API: `--sender 'abc!!'` was checked past that sender's opt-outs."""
    env = {"STOPLINE_DATABASE_URL": database_url}
    stop = runner.invoke(
        app, ["consent", "opt-out", "6465550177", "--scope", "sender:+14155550199"], env=env
    )
    assert stop.exit_code == 0, stop.output
    bad = runner.invoke(app, ["check", "6465550177", "--sender", "abc!!"], env=env)
    assert bad.exit_code == 2 and "--sender:" in _flat(bad.output), bad.output
    scoped = runner.invoke(app, ["check", "6465550177", "--sender", "4155550199"], env=env)
    assert scoped.exit_code == 1, scoped.output  # blocked from that sender
    listed = tmp_path / "list.csv"
    listed.write_text("phone\n6465550177\n")
    scrub = runner.invoke(
        app, ["scrub", str(listed), "-o", str(tmp_path / "out.csv"), "--sender", "abc!!"], env=env
    )
    assert scrub.exit_code == 2 and "--sender:" in _flat(scrub.output), scrub.output


def test_a_database_migrated_by_a_newer_stopline_is_no_answer_not_a_traceback(
    database_url: str, engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A black-box tester (2026-12-05): every command but `db upgrade` printed Alembic's
    traceback and exit 1, which for `check` means "blocked". Now one line and exit 3 (no
    answer), as for a database that cannot be opened; `serve` opens it the same way."""
    from sqlalchemy import Engine, text

    from stopline.storage import migrate

    assert isinstance(engine, Engine)
    stamp = "UPDATE alembic_version SET version_num = :v"
    with engine.begin() as conn:
        conn.execute(text(stamp), {"v": "0999"})
    monkeypatch.setenv("STOPLINE_DATABASE_URL", database_url)
    try:
        for args in (
            ["check", "+14155550100"],
            ["suppressions", "export"],
            # the commands that build the whole application printed the traceback still
            ["worker", "--once"],
            ["campaigns", "list"],
            ["report", "campaigns"],
            ["send", "+14155550100", "hi", "--sender", "+14155550199"],
        ):
            result = runner.invoke(app, args)
            assert result.exit_code == 3, (args, result.output)
            assert "Cannot use the database" in result.output and "0999" in result.output
            assert "Traceback" not in result.output and "CommandError" not in result.output
    finally:  # PostgreSQL's schema is the session's: leave it at HEAD
        with engine.begin() as conn:
            conn.execute(text(stamp), {"v": migrate.HEAD})
