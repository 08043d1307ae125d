"""The consent sync's signing secret, in the Standard Webhooks form: ``whsec_`` then the
base64 of 24 to 64 random bytes (https://www.standardwebhooks.com). Kept apart from the sync
worker so settings can check a secret without loading HTTP and database code."""

from __future__ import annotations

import base64
import binascii
import secrets

MIN_BYTES, MAX_BYTES = 24, 64
PREFIX = "whsec_"


def new_secret() -> str:
    """A fresh secret (24 random bytes)."""
    return PREFIX + base64.b64encode(secrets.token_bytes(MIN_BYTES)).decode()


def check_secret(secret: str) -> None:
    """Raises ValueError unless ``secret`` is ``whsec_`` and strict base64 of 24-64 bytes:
    a looser form (a password, a short key) might be read differently by the receiver's
    library, which would then refuse every signature."""
    body = secret.removeprefix(PREFIX)
    try:
        key = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(
            "must be a Standard Webhooks secret: whsec_ then base64 (stopline sync secret)"
        ) from None
    if not MIN_BYTES <= len(key) <= MAX_BYTES:
        raise ValueError(
            f"must be a Standard Webhooks secret of {MIN_BYTES}-{MAX_BYTES} bytes, "
            f"not {len(key)} (stopline sync secret makes one)"
        )
