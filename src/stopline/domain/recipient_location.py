"""Where a recipient probably is, from the number alone: time zones and (in the US) the state.

Both come from libphonenumber's own data (``phonenumbers.timezone`` and its geocoder, which
names the state or "City, ST" for a North American area code); state names become postal codes
with the ``us`` package. A number's zones are used only when they are few (an area code
spanning two zones gives two); toll-free and other non-geographic numbers get the fallback
zones, so a window must hold in all of them. Better data about the person (their address)
should be passed in instead whenever it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
import us
from phonenumbers import geocoder, timezone

# The contiguous US zones: a window that holds in all of them holds for any US recipient.
CONTIGUOUS_US_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
)
MAX_ZONES = 3  # more than this means "could be anywhere" (toll-free, non-geographic)
_CITY_STATE = re.compile(r",\s*([A-Z]{2})$")


@dataclass(frozen=True, slots=True)
class Location:
    zones: tuple[str, ...]  # IANA zones the recipient may be in (the window must hold in all)
    state: str | None = None  # US postal code ("FL") when known
    inferred: bool = True  # guessed from the number (False: given by the caller)


def locate(e164: str, fallback_zones: tuple[str, ...] = CONTIGUOUS_US_ZONES) -> Location:
    """The recipient's likely zones and state, from a normalised number."""
    return _locate(e164, fallback_zones)


@lru_cache(maxsize=65_536)
def _locate(e164: str, fallback_zones: tuple[str, ...]) -> Location:
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return Location(fallback_zones)
    zones = tuple(z for z in timezone.time_zones_for_number(parsed) if z != "Etc/Unknown")
    state = state_of(parsed) if parsed.country_code == 1 else None
    if not zones or len(zones) > MAX_ZONES:
        zones = fallback_zones
    return Location(zones, state)


def state_of(parsed: phonenumbers.PhoneNumber) -> str | None:
    """The US state (postal code) libphonenumber's geocoder names for a +1 number."""
    description = geocoder.description_for_number(parsed, "en").strip()
    if not description:
        return None
    match = _CITY_STATE.search(description)
    candidates = [match.group(1)] if match else [description, description.removesuffix(" State")]
    for candidate in candidates:
        found = us.states.lookup(candidate)
        if found is not None:
            return str(found.abbr)
    return None
