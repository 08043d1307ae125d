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
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
import us
from phonenumbers import timezone, tzdata

# The contiguous US zones: a window that holds in all of them holds for any US recipient.
CONTIGUOUS_US_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
)
MAX_ZONES = 3  # more than this means "could be anywhere" (toll-free, non-geographic)...
MAX_NEAR_HOURS = 3.0  # ...unless they lie this close together (Alaska's exchanges: six zones)
MAX_SPREAD_HOURS = 12.0  # outside North America: further apart, no window opens in all
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
    zones = _known(timezone.time_zones_for_number(parsed))
    if parsed.country_code == 1:
        zones = _nanp_zones(e164, zones)
    state = state_of(parsed) if parsed.country_code == 1 else None
    if parsed.country_code != 1 and (not zones or _spread_hours(zones) > MAX_SPREAD_HOURS):
        zones = _country_zones(_region(parsed))
    elif parsed.country_code != 1:
        return Location(zones, state)  # every zone of the country it may be in (AU: 8)
    if zones and len(zones) > MAX_ZONES and _spread_hours(zones) <= MAX_NEAR_HOURS:
        return Location(zones, state)  # many zones, one region (907: Anchorage to Adak)
    if not zones or len(zones) > MAX_ZONES:
        # the state's own zones where the geocoder names one (American Samoa, Guam), else
        # anywhere in the contiguous US
        zones = _state_zones(state) or fallback_zones
    return Location(zones, state)


@lru_cache(maxsize=64)
def _state_zones(state: str | None) -> tuple[str, ...]:
    """The state's zones (the `us` package names some by old links, "Pacific/Samoa": those
    this system's time-zone data lacks are left out)."""
    found = us.states.lookup(state) if state else None
    return tuple(z for z in (found.time_zones if found else None) or () if _available(z))


def _available(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _region(parsed: phonenumbers.PhoneNumber) -> str | None:
    """The number's region, or its calling code's main region when libphonenumber cannot
    pin the number to one (a range it does not know: +44 7700 900123 is still British)."""
    found = phonenumbers.region_code_for_number(parsed)
    if found is None and parsed.country_code is not None:
        found = phonenumbers.region_code_for_country_code(parsed.country_code)
    return found


def _nanp_zones(e164: str, zones: tuple[str, ...]) -> tuple[str, ...]:
    """libphonenumber knows the zone of many North American exchanges one by one; for any
    other exchange it gives its area code's single default zone, even when the area code
    spans two (850: Tallahassee on Eastern, Pensacola on Central). Then the recipient may be
    in any zone the area code's exchanges are in, and a window must hold in all of them."""
    digits = e164.lstrip("+")
    data = tzdata.TIMEZONE_DATA
    if any(digits[:n] in data for n in range(tzdata.TIMEZONE_LONGEST_PREFIX, 4, -1)):
        return zones  # this exchange's own entry
    spanned = _area_code_zones().get(digits[:4])
    return spanned if spanned is not None else zones


@lru_cache(maxsize=1)
def _area_code_zones() -> dict[str, tuple[str, ...]]:
    """North American area codes ("1850") whose exchanges lie in more than one zone, with
    every zone they lie in (from libphonenumber's own per-exchange data)."""
    found: dict[str, set[str]] = {}
    for prefix, zones in tzdata.TIMEZONE_DATA.items():
        if prefix.startswith("1") and len(prefix) >= 4:
            found.setdefault(prefix[:4], set()).update(_known(tuple(zones)))
    return {area: tuple(sorted(z)) for area, z in found.items() if len(z) > 1}


def _spread_hours(zones: tuple[str, ...]) -> float:
    """How far apart the zones' UTC offsets are, in January or July."""
    spread = 0.0
    for moment in (datetime(2026, 1, 15, 12, tzinfo=UTC), datetime(2026, 7, 15, 12, tzinfo=UTC)):
        offsets = [moment.astimezone(ZoneInfo(z)).utcoffset() or timedelta(0) for z in zones]
        spread = max(spread, (max(offsets) - min(offsets)).total_seconds() / 3600)
    return spread


def _known(zones: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(z for z in zones if z != "Etc/Unknown")


@lru_cache(maxsize=512)
def _country_zones(region: str | None) -> tuple[str, ...]:
    """A non-geographic number (a mobile, say) outside North America: its country's zones,
    from libphonenumber's zones for the country's example fixed-line number (so a British
    mobile is in Europe/London, not in the North American fallback)."""
    if not region:
        return ()
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    return _known(timezone.time_zones_for_number(example)) if example is not None else ()


def state_of(parsed: phonenumbers.PhoneNumber) -> str | None:
    """The US state (postal code) libphonenumber's geocoder names for a +1 number."""
    # imported when first needed: its data takes 0.3 s to load, which every command and
    # server start paid, most of them never placing a number
    from phonenumbers import geocoder

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
