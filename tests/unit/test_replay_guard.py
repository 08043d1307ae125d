from stopline.providers.replays import ReplayGuard


def test_same_request_again_is_fine_a_different_one_conflicts_until_the_window_ends() -> None:
    now = [100.0]
    guard = ReplayGuard(300.0, clock=lambda: now[0])
    first = guard.digest("https://x/webhooks/plivo", b"Text=STOP")
    other = guard.digest("https://x/webhooks/plivo", b"Text=START")
    assert not guard.conflicts("n1", other)  # never seen
    guard.remember("n1", first)
    assert not guard.conflicts("n1", first)
    assert guard.conflicts("n1", other)
    assert not guard.conflicts("n2", other)
    now[0] += 301
    assert not guard.conflicts("n1", other)  # outside the window the timestamp check rules
