"""## What it does
Reports a body that turns events on without `event.notification.callback.url` (or with it
empty).

## Why is this bad?
The callback URL is where the platform sends every event. Without it, events are collected
and then dropped: the instance looks configured and nothing ever reaches your app.

## Example
```json
{"event.notification.enabled": true, "event.vendor.type": "webhook"}
```

## Fix
Set your app's endpoint:
`"event.notification.callback.url": "https://myapp.example.com/events/quickbooks"`.
"""

from celint.model import Severity, rule
from celint.rules.support.config import when_missing
from celint.schema.keys import CALLBACK_URL, ENABLED

check = when_missing(
    CALLBACK_URL,
    lambda context: context.events_enabled,
    f"events are enabled without {CALLBACK_URL!r}; set it to your app's endpoint, "
    "such as https://myapp.example.com/events",
)


RULE = rule(
    "CE211",
    "callback-url-missing",
    Severity.ERROR,
    "events enabled without event.notification.callback.url",
    __doc__,
    check,
    requires=(ENABLED,),
)
