from stopline.providers.replays import ReplayGuard


def test_same_request_again_is_fine_a_different_one_conflicts_until_the_window_ends() -> None:
    now = [100.0]
    guard = ReplayGuard(300.0, clock=lambda: now[0])
    first = guard.digest("https://x/webhooks/plivo", b"Text=STOP")
    other = guard.digest("https://x/webhooks/plivo", b"Text=START")
    assert guard.claim("n1", first)  # never seen
    assert guard.claim("n1", first)
    assert not guard.claim("n1", other)
    assert guard.claim("n2", other)
    now[0] += 301
    assert guard.claim("n1", other)  # outside the window the timestamp check rules
    assert not guard.claim("n1", first)  # and the new request holds the nonce from then on


def test_two_requests_racing_with_one_nonce_cannot_both_pass() -> None:
    """The nonce is taken when the first request is accepted, not when it has committed."""
    guard = ReplayGuard(300)
    first, other = guard.digest("u", b"Text=STOP"), guard.digest("u", b"Text=START")
    assert guard.claim("n1", first)
    assert not guard.claim("n1", other)  # while the first is still being recorded
    assert guard.claim("n1", first)  # the very same request (a retry): idempotent as usual
