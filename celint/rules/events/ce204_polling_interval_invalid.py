"""## What it does
Reports an `event.poller.refresh_interval` that is not a positive whole number of minutes:
`"15m"`, `0`, `-5`, `2.5`, `15.0`, `true`. A JSON number (`15`) and a string of digits
(`"15"`, as the reference's own examples write it) are both accepted. A string that the
platform still reads as a whole number (Java's `Integer.parseInt` takes `"015"` and `"+15"` as
15) is an info with the plain form as the fix.

## Why is this bad?
The poller reads the interval as a whole number of minutes; anything else is either rejected
when the instance is created or leaves the poller on a schedule nobody chose. `15.0` is valid
JSON Schema `integer`, but the platform reads configuration values as text, and `"15.0"` is
not a whole number to Java.

## Example
```json
{"event.poller.refresh_interval": "15m"}
```

## Fix
Write the minutes as a whole number: `"event.poller.refresh_interval": 15` (`--fix` writes
`15` for `15.0`, and `"15"` for `"015"`).
"""

from collections.abc import Iterator

from celint.model import NO_FIX, Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import interval_meant, interval_minutes, interval_read
from celint.schema.issues import shown
from celint.schema.keys import REFRESH_INTERVAL


def check(context: RuleContext) -> Iterator[Finding]:
    value = context.literal(REFRESH_INTERVAL)
    if value is None or interval_minutes(value) is not None:
        return
    pointer = context.config_pointer(REFRESH_INTERVAL)
    read = interval_read(value)
    if read is not None:
        yield Finding(
            pointer,
            f"refresh interval {shown(pointer, value)} is read as {read} minutes by the "
            f"platform (Java's Integer.parseInt), but is not the plain number the docs write; "
            f'write "{read}"',
            suggestion=str(read),
            fix=str(read),
            severity=Severity.INFO,
        )
        return
    meant = interval_meant(value)
    hint = f"; did you mean {meant}?" if meant else ", such as 15"
    yield Finding(
        pointer,
        f"refresh interval {shown(pointer, value)} is not a positive whole number of minutes{hint}",
        suggestion=str(meant) if meant else None,
        fix=meant if meant and isinstance(value, float) else NO_FIX,
    )


RULE = rule(
    "CE204",
    "polling-interval-invalid",
    Severity.ERROR,
    "the refresh interval is not a positive whole number of minutes",
    __doc__,
    check,
    fixable=True,
    requires=(REFRESH_INTERVAL,),
)
