"""The `stopline` command line, run as a real process against SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import select, text

from stopline.storage.engine import create_database_engine
from stopline.storage.tables import suppressions
from tests.e2e.conftest import STOPLINE, Server, server_env
from tests.e2e.server import wait_for


def test_keys_create_prints_the_key_alone_on_the_last_line(server: Server) -> None:
    result = server.cli("keys", "create", "--name", "crm", "--scope", "admin")
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("sl_") and " " not in last and len(last) > 40
    listing = server.cli("keys", "list")
    assert "crm" in listing.stdout and last not in listing.stdout
    bad = server.cli("keys", "create", "--name", "x", "--scope", "root")
    assert bad.returncode == 2 and "Unknown scope" in bad.stderr


def test_classify_text_and_jsonl(server: Server) -> None:
    one = server.cli("classify", "Stop.")
    assert one.returncode == 0 and "opt_out" in one.stdout
    lines = "\n".join(
        json.dumps(x)
        for x in [
            {"text": "STOP"},
            {"text": "HELP"},
            {"text": "start"},
            {"text": "hello"},
            {"id": 7, "text": "ARRÊT"},
        ]
    )
    stdin = lines + '\nnot json\n{"nope": 1}\n[1]\n{"text": 5}\n'
    result = server.cli("classify", "--jsonl", stdin=stdin)
    out = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [o["action"] for o in out] == ["opt_out", "help", "opt_in", "none", "opt_out"] + [
        "review"  # unreadable: one of the five actions still, and a person should look
    ] * 4
    assert out[4]["id"] == 7 and out[4]["language"] == "fr"
    assert [o["line"] for o in out] == list(range(1, 10))
    assert out[5]["line"] == 6 and out[5]["error"].startswith("not JSON: ")
    for bad in out[6:]:  # JSON, but no string "text" field
        assert bad["error"] == 'each line needs a string "text" field', bad
    assert result.returncode == 1 and "4 line(s) could not be read" in result.stderr
    clean = server.cli("classify", "--jsonl", stdin=lines + "\n")
    assert clean.returncode == 0, clean.stderr


def test_classify_reads_with_the_configured_keywords_and_refuses_both_modes(
    server: Server, tmp_path: Path
) -> None:
    config = tmp_path / "stopline.toml"
    config.write_text(
        '[language]\nextra_opt_out_keywords = ["LEAVE ME"]\n'
        '[senders."+14155550199"]\nextra_help_keywords = ["ASSISTANCE"]\n',
        encoding="utf-8",
    )
    env = {**server.env, "STOPLINE_CONFIG": str(config)}

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*STOPLINE, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120
        )

    assert "opt_out" in run("classify", "LEAVE ME").stdout
    assert "help" in run("classify", "ASSISTANCE", "--sender", "(415) 555-0199").stdout
    assert "help" not in run("classify", "ASSISTANCE").stdout.split()[0]
    unknown = run("classify", "hi", "--sender", "+14155550000")
    assert unknown.returncode == 2 and "[senders] in the settings file" in unknown.stderr
    # a sender registered at runtime is read as the server reads it (Italian: FINE = stop)
    added = run("senders", "add", "+14155550111", "--provider", "console", "--locale", "it-IT")
    assert added.returncode == 0, added.stderr
    assert run("classify", "FINE", "--sender", "+14155550111").stdout.startswith("opt_out")
    assert not run("classify", "FINE").stdout.startswith("opt_out")
    both = run("classify", "STOP", "--jsonl", stdin='{"text": "STOP"}\n')
    assert both.returncode == 2 and "not both" in both.stderr
    bom = run("classify", "--jsonl", stdin='\ufeff{"text": "STOP"}\n')
    assert json.loads(bom.stdout)["action"] == "opt_out"
    # a line may name its sender's locale; blank lines are skipped, results keep their line
    lines = (
        '{"text": "FINE", "locale": "it-IT"}\n\n{"text": "FINE"}\n'
        '{"id": 9, "text": "x", "locale": 5}\n'
    )
    each = [json.loads(x) for x in run("classify", "--jsonl", stdin=lines).stdout.splitlines()]
    assert [(o["line"], o["action"]) for o in each] == [(1, "opt_out"), (3, "none"), (4, "review")]
    assert each[2]["error"] == '"locale" must be a string such as "fr-CA"'
    assert each[2]["id"] == 9  # the caller's key stays with its line, error or not


def test_consent_by_hand_and_check_exit_codes(server: Server) -> None:
    assert server.cli("check", "(415) 555-0100").returncode == 0
    out = server.cli("consent", "opt-out", "415-555-0100", "--actor", "agent-7", "--note", "called")
    assert out.returncode == 0 and "recorded opt_out" in out.stdout
    again = server.cli("consent", "opt-out", "+14155550100")
    assert "already opted out" in again.stdout
    blocked = server.cli("check", "+1 415 555 0100", "--topic", "support")
    assert blocked.returncode == 1 and "blocked" in blocked.stdout
    assert server.cli("check", "garbage").returncode == 2
    assert server.cli("consent", "opt-in", "+14155550100").returncode == 0
    assert server.cli("check", "+14155550100").returncode == 0


def test_import_and_export_round_trip(server: Server, tmp_path: Path) -> None:
    source = tmp_path / "optouts.csv"
    source.write_text(
        "name,number,note\nAnn,(415) 555-0101,x\nBob,+1 415 555 0102,\n"
        "Cy,415.555.0103,\nBad,12,\nDup,4155550101,\n",
        encoding="utf-8",
    )
    result = server.cli("suppressions", "import", str(source))
    assert result.returncode == 1, result.stderr  # the invalid row is listed, not recorded
    assert "5 rows: 3 opt-outs recorded, 1 already opted out, 1 invalid" in result.stdout
    exported = tmp_path / "out.csv"
    assert server.cli("suppressions", "export", "-o", str(exported)).returncode == 0
    rows = exported.read_text().strip().splitlines()
    assert rows[0].startswith("number,scope,since,source")
    assert sorted(r.split(",")[0] for r in rows[1:]) == [
        "+14155550101",
        "+14155550102",
        "+14155550103",
    ]
    missing = server.cli("suppressions", "import", str(source), "--column", "phone")
    assert missing.returncode == 2 and "no column named 'phone'" in missing.stderr
    # a second column of numbers left unimported is numbers not recorded: exit 1, said how
    two = tmp_path / "two.csv"
    two.write_text("mobile,landline\n+14155550104,+14155550105\n", encoding="utf-8")
    both = server.cli("suppressions", "import", str(two))
    assert both.returncode == 1 and "--column 'landline'" in both.stderr, both.stderr
    named = server.cli("suppressions", "import", str(two), "--column", "landline")
    assert named.returncode == 0, named.stderr


def test_ledger_verify_detects_an_edited_event(server: Server, database_url: str) -> None:
    for n in ("+14155550111", "+14155550112"):
        server.cli("consent", "opt-out", n)
    server.cli("consent", "opt-in", "+14155550112")
    ok = server.cli("ledger", "verify")
    assert ok.returncode == 0 and "3 events on 2 chains" in ok.stdout
    engine = create_database_engine(database_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE consent_events SET raw_text = 'edited' WHERE seq = 1 "
                "AND number = '+14155550112'"
            )
        )
    engine.dispose()
    broken = server.cli("ledger", "verify")
    assert broken.returncode == 1
    assert "+14155550112 seq 1: content does not match its hash" in broken.stderr


def test_ledger_verify_names_rows_edited_past_reading_instead_of_crashing(
    server: Server, database_url: str
) -> None:
    numbers = [f"+1415555013{i}" for i in range(5)]
    for n in numbers:
        server.cli("consent", "opt-out", n)
    server.cli("consent", "opt-in", numbers[2])  # an event after the one made unreadable
    edits = {
        numbers[0]: "evidence = 'null'",
        numbers[1]: "evidence = '[1]'",
        numbers[2]: "evidence = 'not json'",
        numbers[3]: "kind = 'bogus'",
    }
    if database_url.startswith("sqlite"):  # PostgreSQL's column would refuse the text
        edits[numbers[4]] = "occurred_at = 'garbage'"
    engine = create_database_engine(database_url)
    with engine.begin() as conn:
        for number, change in edits.items():
            sql = f"UPDATE consent_events SET {change} WHERE number = :number"  # noqa: S608
            conn.execute(text(sql), {"number": number})
    engine.dispose()
    broken = server.cli("ledger", "verify")
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    for number in edits:
        assert f"{number} seq 1: unreadable" in broken.stderr, broken.stderr
    assert "kind" in broken.stderr or "Kind" in broken.stderr
    # the event after it is named as unchecked, not reported as a gap and a broken link
    assert "the 1 later events of this number are not checked" in broken.stderr
    assert "expected seq" not in broken.stderr and "link" not in broken.stderr, broken.stderr


def test_ledger_rebuild_reproduces_the_suppression_table(server: Server, database_url: str) -> None:
    for n in ("+14155550121", "+14155550122", "+14155550123"):
        server.cli("consent", "opt-out", n)
    server.cli("consent", "opt-out", "+14155550121", "--scope", "topic:sales")
    server.cli("consent", "opt-in", "+14155550122")
    engine = create_database_engine(database_url)
    columns = (suppressions.c.number, suppressions.c.scope, suppressions.c.event_id)

    def snapshot() -> list[tuple[str, str, int]]:
        with engine.connect() as conn:
            return sorted(tuple(r) for r in conn.execute(select(*columns)))  # type: ignore[misc]

    before = snapshot()
    assert [r[:2] for r in before] == [
        ("+14155550121", "organisation"),
        ("+14155550121", "topic:sales"),
        ("+14155550123", "organisation"),
    ]
    with engine.begin() as conn:  # damage the projection
        conn.execute(text("DELETE FROM suppressions WHERE number = '+14155550123'"))
    drifted = server.cli("ledger", "verify")  # the chains are fine, the table is not
    assert drifted.returncode == 1 and "differs from the ledger in 1 row" in drifted.stderr
    assert "+14155550123 organisation: opted out in the ledger, missing" in drifted.stderr
    result = server.cli("ledger", "rebuild")
    assert result.returncode == 0 and "3 rows" in result.stdout
    assert snapshot() == before
    assert server.cli("ledger", "verify").returncode == 0
    engine.dispose()


def test_a_running_server_answers_from_the_rebuilt_table(server: Server, database_url: str) -> None:
    """A server started on a damaged suppression table answered "allowed" for an opted-out
    number until it restarted, even after `ledger rebuild` had mended the table (a black-box
    tester's finding): rebuild now counts the projection's generation up, and the server
    reloads its copy at its next look."""
    number = "+14155550151"
    assert server.cli("consent", "opt-out", number).returncode == 0
    engine = create_database_engine(database_url)
    with engine.begin() as conn:  # damage the projection while no server runs
        conn.execute(text("DELETE FROM suppressions WHERE number = :n"), {"n": number})
    engine.dispose()
    server.start()
    headers = {"Authorization": f"Bearer {server.new_key('check')}"}

    def allowed() -> tuple[bool, bool]:
        one = httpx.post(f"{server.url}/v1/check", json={"number": number}, headers=headers)
        many = httpx.post(
            f"{server.url}/v1/check/batch", json={"numbers": [number]}, headers=headers
        )
        return one.json()["allowed"], many.json()["results"][0]["allowed"]

    assert allowed() == (True, True)  # the damage, as the server loaded it
    result = server.cli("ledger", "rebuild")
    assert result.returncode == 0, result.stderr
    assert allowed() == (False, False)
    assert server.cli("ledger", "verify").returncode == 0


def test_ledger_rebuild_refuses_a_ledger_edited_by_hand(server: Server, database_url: str) -> None:
    """Rebuilding from an event edited to say opt_in would quietly lift an opt-out."""
    server.cli("consent", "opt-out", "+14155550141")
    engine = create_database_engine(database_url)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE consent_events SET kind = 'opt_in' WHERE number = '+14155550141'")
        )
    engine.dispose()
    refused = server.cli("ledger", "rebuild")
    assert refused.returncode == 1 and "refused: the ledger does not verify" in refused.stderr
    assert "--force" in refused.stderr
    blocked = server.cli("check", "+14155550141")
    assert "allowed" not in blocked.stdout.lower().replace("not allowed", "")
    forced = server.cli("ledger", "rebuild", "--force")
    assert forced.returncode == 0, forced.stderr


def _frozen_objects(url: str) -> float:
    metrics = httpx.get(f"{url}/metrics", timeout=10).text
    found = re.search(r"^stopline_gc_frozen_objects (\S+)$", metrics, re.MULTILINE)
    assert found is not None, "stopline_gc_frozen_objects missing from /metrics"
    return float(found.group(1))


def test_a_served_app_keeps_its_start_up_objects_out_of_the_collectors_walks(
    server: Server,
) -> None:
    """`serve` freezes what it built at start-up once ready (`stopline.heap`): full garbage
    collections had stalled every request in flight for 80-135 ms."""
    server.start()
    assert _frozen_objects(server.url) > 10_000


def _serve_two_workers(database: Path) -> tuple[Server, subprocess.Popen[bytes]]:
    """`stopline serve --workers 2` on a new SQLite file, once it answers."""
    srv = Server(f"sqlite:///{database}", database.parent / "server.log")
    log = srv.log_path.open("ab")
    master = subprocess.Popen(
        [*STOPLINE, "serve", "--port", str(srv.port), "--workers", "2"],
        env=srv.env,
        stdout=log,
        stderr=log,
    )
    if not wait_for(lambda: _healthy(srv.url), timeout=60):
        master.kill()
        raise AssertionError(srv.log_path.read_text()[-2000:])
    return srv, master


def test_workers_exit_when_the_serving_process_is_killed(tmp_path: Path) -> None:
    """`serve --workers 2`, its first process killed with SIGKILL: the workers must not go on
    serving the port as orphans (a restart would find it taken)."""
    import signal as signals

    srv, master = _serve_two_workers(tmp_path / "w.db")
    try:
        assert _frozen_objects(srv.url) > 10_000  # each worker is a serving process (heap.py)
        master.send_signal(signals.SIGKILL)
        master.wait(10)
        assert wait_for(lambda: not _healthy(srv.url), timeout=30), "workers still serving"
    finally:
        if master.poll() is None:
            master.kill()


def test_a_worker_whose_serving_process_is_already_gone_exits_at_once() -> None:
    """Killed while its workers were still starting: a worker then finds itself adopted (its
    parent is no longer the serving process it was started by) and must not serve on."""
    started_by_other = subprocess.run(
        [sys.executable, "-c", "from stopline.api.app import _exit_with_parent as e; e()"],
        env={**os.environ, "STOPLINE_SERVE_PID": "999999999"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert started_by_other.returncode == 1, started_by_other.stderr
    assert "serving process 999999999 is gone" in started_by_other.stderr
    own = subprocess.run(
        [sys.executable, "-c", "from stopline.api.app import _exit_with_parent as e; e()"],
        env={**os.environ, "STOPLINE_SERVE_PID": str(os.getpid())},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert own.returncode == 0, own.stderr


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def test_unwritable_outputs_and_unsupported_databases_are_one_line(
    server: Server, tmp_path: Path
) -> None:
    written = server.cli("suppressions", "export", "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert written.returncode == 1 and "Traceback" not in written.stderr
    assert "No such file or directory" in written.stderr and "x.csv" in written.stderr
    mysql = subprocess.run(
        [*STOPLINE, "db", "upgrade"],
        env={**server.env, "STOPLINE_DATABASE_URL": "mysql://x/y"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert mysql.returncode == 2 and "Traceback" not in mysql.stderr
    assert "unsupported database 'mysql'" in mysql.stderr


def test_serve_on_a_taken_port_exits_at_once_and_starts_nothing(tmp_path: Path) -> None:
    """The port is claimed before the database is touched or any worker starts: a second
    server on a taken port says so and leaves no trace (here: no database file)."""
    database = tmp_path / "second.db"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = server_env(f"sqlite:///{database}", port)
        result = subprocess.run(
            [*STOPLINE, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1, result.stderr
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "already in use" in result.stderr
    assert not database.exists()


def test_serve_says_where_it_listens(server: Server) -> None:
    server.start()
    assert f"listening on http://127.0.0.1:{server.port}" in server.log_path.read_text()


def _requests_counted(url: str, route: str) -> float:
    with httpx.Client(limits=httpx.Limits(max_keepalive_connections=0)) as client:
        text_ = client.get(f"{url}/metrics", timeout=10).text
    pattern = rf'^stopline_http_requests_total\{{route="{re.escape(route)}",status="200"\}} (\S+)$'
    found = re.search(pattern, text_, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def test_metrics_of_several_workers_are_one_answer(tmp_path: Path) -> None:
    """With `serve --workers 2` a scrape is answered by either worker; each used to give its
    own counts, so Prometheus saw counters jump between two values. Every scrape now gives
    the sum over the workers."""
    import concurrent.futures

    srv, master = _serve_two_workers(tmp_path / "m.db")
    try:
        time.sleep(2.5)  # the readiness probes are shared too, up to a second later
        before = _requests_counted(srv.url, "/healthz")

        def probe(_: int) -> int:  # a new connection each: either worker may take it
            with httpx.Client(limits=httpx.Limits(max_keepalive_connections=0)) as client:
                return client.get(f"{srv.url}/healthz", timeout=10).status_code

        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            assert set(pool.map(probe, range(200))) == {200}
        # every worker shares its samples once a second
        expected = before + 200
        assert wait_for(lambda: _requests_counted(srv.url, "/healthz") >= expected, timeout=30)
        time.sleep(2.5)
        seen = {_requests_counted(srv.url, "/healthz") for _ in range(8)}
        assert seen == {expected}, seen
    finally:
        master.terminate()
        master.wait(30)
