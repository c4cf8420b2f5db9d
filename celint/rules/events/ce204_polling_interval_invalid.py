"""## What it does
Reports an `event.poller.refresh_interval` that is not a positive whole number of minutes:
`"15m"`, `0`, `-5`, `2.5`, `true`. A JSON number (`15`) and a string of digits (`"15"`, as the
reference's own examples write it) are both accepted.

## Why is this bad?
The poller reads the interval as a whole number of minutes; anything else is either rejected
when the instance is created or leaves the poller on a schedule nobody chose.

## Example
```json
{"event.poller.refresh_interval": "15m"}
```

## Fix
Write the minutes as a whole number: `"event.poller.refresh_interval": 15`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import interval_meant, interval_minutes
from celint.schema.issues import shown
from celint.schema.keys import REFRESH_INTERVAL


def check(context: RuleContext) -> Iterator[Finding]:
    value = context.literal(REFRESH_INTERVAL)
    if value is None or interval_minutes(value) is not None:
        return
    pointer = context.config_pointer(REFRESH_INTERVAL)
    meant = interval_meant(value)
    hint = f"; did you mean {meant}?" if meant else ", such as 15"
    yield Finding(
        pointer,
        f"refresh interval {shown(pointer, value)} is not a positive whole number of minutes{hint}",
        suggestion=str(meant) if meant else None,
    )


RULE = rule(
    "CE204",
    "polling-interval-invalid",
    Severity.ERROR,
    "the refresh interval is not a positive whole number of minutes",
    __doc__,
    check,
    requires=(REFRESH_INTERVAL,),
)
