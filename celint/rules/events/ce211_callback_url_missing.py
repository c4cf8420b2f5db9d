"""## What it does
Reports a body that turns events on without `event.notification.callback.url` (or with it
empty). A warning, not an error: events can also trigger a formula instead of calling your
app, and a formula needs no callback.

## Why is this bad?
The callback URL is where the platform sends every event to your app. Without it (and with no
formula subscribed to the instance's events) events are collected and then dropped: the
instance looks configured and nothing ever reaches your app.

## Example
```json
{"event.notification.enabled": true, "event.vendor.type": "webhook"}
```

## Fix
Set your app's endpoint:
`"event.notification.callback.url": "https://myapp.example.com/events/quickbooks"`, or, when
the events only feed a formula, leave it out and ignore this rule for the file.
"""

from celint.model import Severity, rule
from celint.rules.support.config import when_missing
from celint.schema.keys import CALLBACK_URL, ENABLED

check = when_missing(
    CALLBACK_URL,
    lambda context: context.events_enabled,
    f"events are enabled without {CALLBACK_URL!r}: unless they only trigger a formula, set it "
    "to your app's endpoint, such as https://myapp.example.com/events",
)


RULE = rule(
    "CE211",
    "callback-url-missing",
    Severity.WARNING,
    "events enabled without event.notification.callback.url",
    __doc__,
    check,
    requires=(ENABLED,),
)
