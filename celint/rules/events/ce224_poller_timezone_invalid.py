"""## What it does
Reports a `datesConfiguration` time zone (`updatedDateTimezone`, `createdDateTimezone`) that
is not a known zone: `GMT`, `UTC`, or an IANA name such as `America/Denver` (case matters).

## Why is this bad?
The poller reads the vendor's dates in this zone. An unknown zone makes Java fall back to GMT
without a word, so every date is shifted by hours, and changes are missed or polled twice.

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
import zoneinfo
from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.poller import TIMEZONE_FIELDS, read
from celint.schema.keys import POLLER_CONFIGURATION
from celint.suggest import closest

FIXED_ZONES = frozenset({"GMT", "UTC"})


@functools.cache
def known_zones() -> frozenset[str]:
    """The IANA zone names (the system's database or the ``tzdata`` package) and GMT, UTC."""
    return frozenset(zoneinfo.available_timezones()) | FIXED_ZONES


def check(context: RuleContext) -> Iterator[Finding]:
    found = read(context)
    if found is None:
        return
    zones = known_zones()
    for pointer, field, value in found.date_settings(TIMEZONE_FIELDS):
        if value in zones:
            continue
        guess = closest(value, zones)
        hint = (
            f"did you mean {guess!r}?"
            if guess
            else "use GMT, UTC or an IANA name such as 'America/Denver'"
        )
        yield Finding(
            pointer, f"{field!r} {value!r} is not a known time zone; {hint}", suggestion=guess
        )


RULE = rule(
    "CE224",
    "poller-timezone-invalid",
    Severity.ERROR,
    "a datesConfiguration time zone is not a known zone",
    __doc__,
    check,
    requires=(POLLER_CONFIGURATION,),
)
