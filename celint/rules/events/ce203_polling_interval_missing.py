"""## What it does
Reports a polling configuration (events on, `event.vendor.type: polling`) without
`event.poller.refresh_interval`.

## Why is this bad?
The interval tells the poller how often to ask the vendor for changes. Without it the poller
falls back to a platform default that nobody chose, or does not run at all.

## Example
```json
{"event.notification.enabled": true, "event.vendor.type": "polling",
 "event.poller.urls": "bills|invoices"}
```

## Fix
Add the interval in minutes: `"event.poller.refresh_interval": 15`.
"""

from celint.model import Severity, rule
from celint.rules.support.config import when_missing
from celint.schema.keys import ENABLED, REFRESH_INTERVAL

check = when_missing(
    REFRESH_INTERVAL,
    lambda context: context.polling,
    f"polling is enabled without {REFRESH_INTERVAL!r}; add the minutes between polls, such as 15",
)


RULE = rule(
    "CE203",
    "polling-interval-missing",
    Severity.ERROR,
    "polling without event.poller.refresh_interval",
    __doc__,
    check,
    requires=(ENABLED,),
)
