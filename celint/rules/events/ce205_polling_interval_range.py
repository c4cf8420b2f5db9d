"""## What it does
Reports an `event.poller.refresh_interval` outside the configured range of minutes (by default
1 to 1440, one day; `polling-interval = {min, max}` in the configuration changes it).

## Why is this bad?
A very long interval means events arrive days late; a very short one spends the vendor's API
quota on polls that mostly find nothing. Either is usually a slip (seconds written as minutes).

## Example
```json
{"event.poller.refresh_interval": 3600}
```

## Fix
Give the interval in minutes, within the range: `"event.poller.refresh_interval": 60`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import interval_read
from celint.schema.keys import REFRESH_INTERVAL


def check(context: RuleContext) -> Iterator[Finding]:
    minutes = interval_read(context.literal(REFRESH_INTERVAL))
    low, high = context.options.interval_min, context.options.interval_max
    if minutes is not None and not low <= minutes <= high:
        yield Finding(
            context.config_pointer(REFRESH_INTERVAL),
            f"refresh interval of {minutes} minutes is outside the expected range; "
            f"use {low} to {high} minutes",
        )


RULE = rule(
    "CE205",
    "polling-interval-range",
    Severity.WARNING,
    "the refresh interval is outside the configured range",
    __doc__,
    check,
    requires=(REFRESH_INTERVAL,),
)
