"""Broadcast sends are fenced against opt-outs across processes: OFD byte-range locks beside a
SQLite database, the number's chain lock on PostgreSQL (`storage.send_locks`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from stopline.domain.consent import ConsentDraft, Kind, Source
from stopline.services.ledger import record
from stopline.services.send_fence import SendFence
from stopline.storage.engine import create_database_engine
from stopline.storage.send_locks import (
    AdvisorySendLocks,
    FileSendLocks,
    NoSendLocks,
    _offset,
    send_locks,
)

NUMBER, OTHER = "+14155550100", "+14155550101"

HOLDER = """
import sys
from pathlib import Path
from stopline.storage.send_locks import FileSendLocks
with FileSendLocks(Path(sys.argv[1])).holding(sys.argv[2]):
    print("held", flush=True)
    sys.stdin.read()
"""


@contextmanager
def sending_elsewhere(path: Path, number: str) -> Iterator[subprocess.Popen[str]]:
    """Another process with a send to ``number`` in flight until its stdin closes."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), number],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    try:
        assert child.stdout.readline().strip() == "held"
        yield child
    finally:
        if child.poll() is None:
            child.stdin.close()
            child.wait(10)


def test_a_send_in_another_process_holds_its_number_and_no_other(tmp_path: Path) -> None:
    assert _offset(NUMBER) != _offset(OTHER)
    locks = FileSendLocks(tmp_path / "stopline.db-fence")
    try:
        assert locks.free([NUMBER])
        with sending_elsewhere(locks.path, NUMBER):
            assert not locks.free([NUMBER])
            assert not locks.free([OTHER, NUMBER])
            assert locks.free([OTHER])
        assert locks.free([NUMBER])
    finally:
        locks.close()


def test_a_sender_killed_mid_send_holds_nothing(tmp_path: Path) -> None:
    locks = FileSendLocks(tmp_path / "stopline.db-fence")
    with sending_elsewhere(locks.path, NUMBER) as child:
        assert not locks.free([NUMBER])
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        assert locks.free([NUMBER])
    locks.close()


def test_threads_of_one_process_fence_each_other(tmp_path: Path) -> None:
    locks = FileSendLocks(tmp_path / "stopline.db-fence")
    held, release = threading.Event(), threading.Event()

    def send() -> None:
        with locks.holding(NUMBER):
            held.set()
            release.wait(10)

    sender = threading.Thread(target=send)
    sender.start()
    try:
        assert held.wait(10)
        assert not locks.free([NUMBER])
    finally:
        release.set()
        sender.join(10)
    assert locks.free([NUMBER])
    locks.close()


def test_an_opt_out_is_answered_only_after_the_other_process_send_returns(
    tmp_path: Path,
) -> None:
    path = tmp_path / "stopline.db-fence"
    fence = SendFence(timeout=30.0, shared=FileSendLocks(path))
    answers: list[bool] = []
    with sending_elsewhere(path, NUMBER) as child:
        assert fence.busy([NUMBER]) and not fence.busy([OTHER])
        waiter = threading.Thread(target=lambda: answers.append(fence.wait_clear([NUMBER])))
        waiter.start()
        waiter.join(0.3)
        assert waiter.is_alive() and answers == []  # still waiting for the send
        assert child.stdin is not None
        child.stdin.close()  # the provider call returns
        child.wait(10)
        waiter.join(10)
    assert answers == [True]
    fence.close()


def test_the_wait_gives_up_at_its_timeout(tmp_path: Path) -> None:
    path = tmp_path / "stopline.db-fence"
    fence = SendFence(timeout=0.2, shared=FileSendLocks(path))
    with sending_elsewhere(path, NUMBER):
        assert fence.wait_clear([NUMBER]) is False
        assert fence.wait_clear([OTHER]) is True
    fence.close()


def test_each_database_gets_its_kind_of_lock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'stopline.db'}"
    engine = create_database_engine(url)
    locks = send_locks(url, engine)
    assert isinstance(locks, FileSendLocks)
    assert locks.path == tmp_path / "stopline.db-fence"
    memory = create_database_engine("sqlite://")
    assert isinstance(send_locks("sqlite://", memory), NoSendLocks)
    engine.dispose()
    memory.dispose()


def test_without_ofd_locks_only_the_in_process_fence_applies_and_it_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from stopline.storage import send_locks as module

    monkeypatch.setattr(module, "_OFD", False)
    url = f"sqlite:///{tmp_path / 'stopline.db'}"
    engine = create_database_engine(url)
    with caplog.at_level("WARNING", logger="stopline.send_fence"):
        assert isinstance(send_locks(url, engine), NoSendLocks)
    assert "within the process that sends it" in caplog.text
    engine.dispose()


def test_a_fence_file_that_cannot_be_opened_never_blocks_an_answer(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    locks = FileSendLocks(tmp_path / "missing-folder" / "stopline.db-fence")
    with caplog.at_level("WARNING", logger="stopline.send_fence"):
        assert locks.free([NUMBER]) and locks.free([NUMBER])
    assert caplog.text.count("cannot be used") == 1  # said once
    with pytest.raises(OSError), locks.holding(NUMBER):  # but no send goes out unfenced
        pass


@pytest.mark.postgres
def test_on_postgresql_a_send_on_any_connection_holds_up_the_answer_not_the_commit(
    postgres_schema_url: str,
) -> None:
    """The opt-out commits at once (ledger writes never wait for a provider call); its
    answer waits until the send in flight on another connection (another server) returns."""
    engine = create_database_engine(postgres_schema_url)
    assert isinstance(send_locks(postgres_schema_url, engine), AdvisorySendLocks)
    sender, answerer = AdvisorySendLocks(engine), AdvisorySendLocks(engine)
    fence = SendFence(timeout=30.0, shared=answerer)
    number, other = "+14155550177", "+14155550178"
    answers: list[bool] = []
    try:
        assert answerer.free([number, other])
        with sender.holding(number):
            now = datetime.now(UTC)
            committing = threading.Thread(target=_opt_out, args=(engine, number, now))
            committing.start()
            committing.join(10)
            assert not committing.is_alive()  # the commit did not wait for the send
            assert not answerer.free([number]) and answerer.free([other])
            assert fence.busy([number]) and not fence.busy([other])
            waiter = threading.Thread(target=lambda: answers.append(fence.wait_clear([number])))
            waiter.start()
            waiter.join(0.3)
            assert waiter.is_alive() and answers == []  # the answer waits for the send
        waiter.join(10)
        assert answers == [True]
        assert answerer.free([number])
        with sender.holding(number):  # nothing left behind: a later send goes ahead
            pass
        short = SendFence(timeout=0.2, shared=answerer)
        with sender.holding(number):
            assert short.wait_clear([number]) is False
    finally:
        sender.close()
        answerer.close()
        engine.dispose()


def _opt_out(engine: Engine, number: str, now: datetime) -> None:
    with engine.begin() as conn:
        record(conn, [ConsentDraft(number, Kind.OPT_OUT, Source.API, now)], now)


def test_the_fence_file_takes_the_database_files_permissions(tmp_path: Path) -> None:
    """Whoever may write the database (another user running `stopline worker`) may fence."""

    database = tmp_path / "stopline.db"
    database.touch()
    database.chmod(0o664)
    umask = os.umask(0)
    os.umask(umask)
    locks = FileSendLocks(tmp_path / "stopline.db-fence")
    assert locks.free([NUMBER])
    assert locks.path.stat().st_mode & 0o777 == 0o664 & ~umask
    locks.close()


@pytest.mark.postgres
def test_a_fence_whose_session_the_server_ended_asks_again_on_a_new_one(
    postgres_schema_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A black-box tester ended every session (`pg_terminate_backend`) and the next opt-outs
    were answered without asking about sends in flight (the fence "failed open"): the
    fence now asks once more on a new session, which sees the send still held."""
    from sqlalchemy import text

    engine = create_database_engine(postgres_schema_url)
    sender, answerer = AdvisorySendLocks(engine), AdvisorySendLocks(engine)
    number = "+14155550179"
    try:
        assert answerer.free([number])  # opens the answerer's session
        session = answerer._connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with engine.connect() as conn:
            ended = conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": session})
            assert ended.scalar() is True
        with sender.holding(number), caplog.at_level("WARNING", logger="stopline.send_fence"):
            assert not answerer.free([number])  # asked again, on a new session
        assert "could not be asked" not in caplog.text
        assert answerer.free([number])
    finally:
        sender.close()
        answerer.close()
        engine.dispose()


def test_a_fence_the_database_cannot_answer_about_never_blocks_an_answer(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The opt-out is committed by then: a PostgreSQL fence that cannot be asked answers."""
    engine = create_database_engine("postgresql+psycopg://stopline@127.0.0.1:1/nowhere")
    locks = AdvisorySendLocks(engine)
    with caplog.at_level("WARNING", logger="stopline.send_fence"):
        assert locks.free([NUMBER])
    assert "could not be asked" in caplog.text
    locks.close()
    engine.dispose()


# Each way the CLI records an opt-out, as (arguments, the file it reads, what it prints).
BY_HAND = (["consent", "opt-out", NUMBER], None, "recorded opt_out for +14155550100")
IMPORT = (["suppressions", "import"], f"number\n{OTHER}\n{NUMBER}\n", "2 opt-outs recorded")
AUDIT = (
    ["audit-inbound", "--apply"],
    f"from,to,body,date\n{NUMBER},+14155559999,Stop texting me,2026-01-05T10:00:00Z\n",
    "1 opt-out recorded on the ledger",
)


@pytest.mark.parametrize("how", [BY_HAND, IMPORT, AUDIT], ids=["by-hand", "import", "audit"])
def test_an_opt_out_recorded_from_the_cli_waits_for_a_send_in_flight(
    tmp_path: Path, how: tuple[list[str], str | None, str]
) -> None:
    """`stopline consent opt-out`, `suppressions import` and `audit-inbound --apply` tell
    the operator they are done only once no broadcast send to a number they opted out, in
    any process, is still on its way (as the API's answer does)."""
    import time

    arguments, content, done = how
    database = tmp_path / "stopline.db"
    env = {**os.environ, "STOPLINE_DATABASE_URL": f"sqlite:///{database}"}
    stopline = [sys.executable, "-m", "stopline"]
    subprocess.run([*stopline, "db", "upgrade"], env=env, check=True, capture_output=True)
    if content is not None:
        (tmp_path / "input.csv").write_text(content)
        arguments = [*arguments, str(tmp_path / "input.csv")]
    with sending_elsewhere(Path(f"{database}-fence"), NUMBER) as child:
        cli = subprocess.Popen(
            [*stopline, *arguments],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        engine = create_database_engine(env["STOPLINE_DATABASE_URL"])
        try:  # wait for the commit, then see the command still waiting for the send
            while time.monotonic() < deadline:
                with engine.connect() as conn:
                    if conn.exec_driver_sql("SELECT count(*) FROM consent_events").scalar():
                        break
                time.sleep(0.05)
            with pytest.raises(subprocess.TimeoutExpired):  # still waiting for the send
                cli.wait(3)
        finally:
            engine.dispose()
            assert child.stdin is not None
            child.stdin.close()  # the provider call returns
        output, errors = cli.communicate(timeout=30)
    assert cli.returncode == 0, errors
    assert done in output
    assert "still in flight" not in errors


def test_sends_from_short_lived_threads_keep_no_descriptor_open(tmp_path: Path) -> None:
    """A reviewer (2026-12-05): once one-off sends took the fence, each new worker thread of
    the API's pool kept a descriptor of the fence file open for good (the pool replaces idle
    threads), and enough sends would reach the open-file limit. A send's descriptor is now
    its own and closed after it."""
    path = tmp_path / "stopline.db-fence"
    locks = FileSendLocks(path)

    def opened() -> int:
        fds = Path("/proc/self/fd")
        return sum(1 for fd in fds.iterdir() if _points_to(fd, path))

    try:
        for index in range(50):

            def send(i: int = index) -> None:
                with locks.holding(f"+1415555{i:04d}"):
                    pass

            thread = threading.Thread(target=send)
            thread.start()
            thread.join()
        assert opened() == 0
        with locks.holding(NUMBER):  # held while open, gone after
            assert not locks.free([NUMBER])
        assert locks.free([NUMBER])
        assert opened() <= 1  # the asking thread's own
    finally:
        locks.close()


def _points_to(fd: Path, path: Path) -> bool:
    try:
        return fd.readlink() == path
    except OSError:
        return False


@pytest.mark.postgres
def test_sends_from_short_lived_threads_keep_no_connection(postgres_schema_url: str) -> None:
    """The same on PostgreSQL: each new thread's send kept a connection of the main pool (8
    + 8), and the 17th hung; then every request on that engine failed. Sends now take a
    connection of a pool of their own for the send's duration."""
    engine = create_database_engine(postgres_schema_url)
    locks = AdvisorySendLocks(engine)
    try:
        for index in range(40):

            def send(i: int = index) -> None:
                with locks.holding(f"+1415555{i:04d}"):
                    pass

            thread = threading.Thread(target=send)
            thread.start()
            thread.join(30)
            assert not thread.is_alive(), f"send {index} hung"
        assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        holders = locks._holder_pool()
        assert holders.pool.checkedout() == 0  # type: ignore[attr-defined]
        with locks.holding(NUMBER):
            assert not locks.free([NUMBER])
        assert locks.free([NUMBER])
    finally:
        locks.close()
        engine.dispose()
