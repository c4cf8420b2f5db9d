"""## What it does
Reports a body that turns events on without `event.notification.signature.key`.

## Why is this bad?
With a signature key the platform signs each event callback, and your receiver can check that
an event really comes from Cloud Elements and was not altered. Without one, anyone who learns
the callback URL can post forged events to it.

## Example
```json
{"event.notification.enabled": true,
 "event.notification.callback.url": "https://myapp.example.com/events"}
```

## Fix
Add a long random key, kept out of the file:
`"event.notification.signature.key": "${QBO_EVENTS_SIGNATURE_KEY}"`.
"""

from celint.model import Severity, rule
from celint.rules.support.config import when_missing
from celint.schema.keys import ENABLED, SIGNATURE_KEY

check = when_missing(
    SIGNATURE_KEY,
    lambda context: context.events_enabled,
    f"events are enabled without {SIGNATURE_KEY!r}, so your receiver cannot verify them; "
    "add a random key of 16 or more characters, such as ${EVENTS_SIGNATURE_KEY}",
)


RULE = rule(
    "CE218",
    "signature-key-missing",
    Severity.INFO,
    "events enabled without a signature key",
    __doc__,
    check,
    requires=(ENABLED,),
)
