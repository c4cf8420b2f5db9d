"""## What it does
Reports a `datesConfiguration` time zone (`updatedDateTimezone`, `createdDateTimezone`) that
is not a known zone: `GMT`, `UTC`, an IANA name such as `America/Denver` (case matters), or a
Java custom ID such as `GMT+05:30`. A three-letter ID that Java still accepts (`PST`, `EST`,
`IST`: Java's `ZoneId.SHORT_IDS`) is a warning that names the IANA zone to write instead.

## Why is this bad?
The poller reads the vendor's dates in this zone. An unknown zone makes Java fall back to GMT
without a word, so every date is shifted by hours, and changes are missed or polled twice.
A three-letter ID works, but means what Java's table says: `EST` is a fixed offset with no
daylight saving time, `IST` is India, not Ireland or Israel.

## Example
```json
{"event.poller.configuration": {"contacts": {
  "url": "/hubs/crm/contacts?updatedSince=${epoch}", "idField": "id",
  "datesConfiguration": {"updatedDateTimezone": "Mountain Time"}}}}
```

## Fix
Use an IANA zone name, `"updatedDateTimezone": "America/Denver"`, or `"GMT"`/`"UTC"`.
"""

import functools
import re
import zoneinfo
from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.poller import TIMEZONE_FIELDS, read
from celint.schema.keys import POLLER_CONFIGURATION
from celint.suggest import closest

FIXED_ZONES = frozenset({"GMT", "UTC"})

#: Java's ``ZoneId.SHORT_IDS``: the old three-letter IDs that ``TimeZone`` still accepts, with
#: the zone each one means. EST, MST and HST are fixed offsets there (no daylight saving time);
#: for them the IANA zone named is the region's, which a user of the ID most likely means.
SHORT_IDS = {
    "ACT": "Australia/Darwin",
    "AET": "Australia/Sydney",
    "AGT": "America/Argentina/Buenos_Aires",
    "ART": "Africa/Cairo",
    "AST": "America/Anchorage",
    "BET": "America/Sao_Paulo",
    "BST": "Asia/Dhaka",
    "CAT": "Africa/Harare",
    "CNT": "America/St_Johns",
    "CST": "America/Chicago",
    "CTT": "Asia/Shanghai",
    "EAT": "Africa/Addis_Ababa",
    "ECT": "Europe/Paris",
    "IET": "America/Indiana/Indianapolis",
    "IST": "Asia/Kolkata",
    "JST": "Asia/Tokyo",
    "MIT": "Pacific/Apia",
    "NET": "Asia/Yerevan",
    "NST": "Pacific/Auckland",
    "PLT": "Asia/Karachi",
    "PNT": "America/Phoenix",
    "PRT": "America/Puerto_Rico",
    "PST": "America/Los_Angeles",
    "SST": "Pacific/Guadalcanal",
    "VST": "Asia/Ho_Chi_Minh",
    "EST": "America/New_York",
    "MST": "America/Denver",
    "HST": "Pacific/Honolulu",
}
FIXED_OFFSETS = {"EST": "-05:00", "MST": "-07:00", "HST": "-10:00"}

#: Java ``TimeZone``'s custom IDs: ``GMT`` and a signed offset of hours (0-23), with or
#: without two digits of minutes (``GMT+5``, ``GMT-08:00``, ``GMT+0530``).
_CUSTOM_ID = re.compile(r"GMT[+-](?:[01]?[0-9]|2[0-3])(?::?[0-5][0-9])?")


@functools.cache
def known_zones() -> frozenset[str]:
    """The IANA zone names (the system's database or the ``tzdata`` package) and GMT, UTC,
    except Java's three-letter IDs, which are judged on their own."""
    return (frozenset(zoneinfo.available_timezones()) | FIXED_ZONES) - SHORT_IDS.keys()


def check(context: RuleContext) -> Iterator[Finding]:
    found = read(context)
    if found is None:
        return
    zones = known_zones()
    for pointer, field, value in found.date_settings(TIMEZONE_FIELDS):
        if value in zones or _CUSTOM_ID.fullmatch(value):
            continue
        if value in SHORT_IDS:
            yield _short_id(pointer, field, value)
            continue
        guess = SHORT_IDS.get(value.upper()) or closest(value, zones)
        hint = (
            f"did you mean {guess!r}?"
            if guess
            else "use GMT, UTC or an IANA name such as 'America/Denver'"
        )
        yield Finding(
            pointer, f"{field!r} {value!r} is not a known time zone; {hint}", suggestion=guess
        )


def _short_id(pointer: str, field: str, value: str) -> Finding:
    """A warning for a three-letter ID Java accepts, naming the IANA zone to write instead."""
    zone = SHORT_IDS[value]
    offset = FIXED_OFFSETS.get(value)
    meaning = f"the fixed offset {offset}, with no daylight saving time" if offset else f"{zone!r}"
    return Finding(
        pointer,
        f"{field!r} {value!r} is a deprecated three-letter ID that Java reads as {meaning}; "
        f"write the IANA zone {zone!r}"
        + (" if the vendor's dates follow local time there" if offset else ""),
        suggestion=zone,
        severity=Severity.WARNING,
    )


RULE = rule(
    "CE224",
    "poller-timezone-invalid",
    Severity.ERROR,
    "a datesConfiguration time zone is not a known zone (or a Java three-letter ID)",
    __doc__,
    check,
    requires=(POLLER_CONFIGURATION,),
)
