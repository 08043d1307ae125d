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


def test_two_requests_racing_with_one_nonce_cannot_both_pass() -> None:
    """The nonce is taken when the first request is accepted, not when it has committed."""
    guard = ReplayGuard(300)
    first, other = guard.digest("u", b"Text=STOP"), guard.digest("u", b"Text=START")
    assert guard.claim("n1", first)
    assert not guard.claim("n1", other)  # while the first is still being recorded
    assert guard.claim("n1", first)  # the very same request (a retry): idempotent as usual
