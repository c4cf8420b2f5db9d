"""## What it does
Reports an event callback URL over plain `http`.

## Why is this bad?
Every event carries your vendor data (invoices, customers, payments) and travels over the
public internet to your endpoint; over http anyone on the way can read or alter it.

## Example
```json
{"event.notification.callback.url": "http://myapp.example.com/events"}
```

## Fix
Serve the endpoint over TLS and use it:
`"event.notification.callback.url": "https://myapp.example.com/events"`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import event_callback
from celint.schema.keys import CALLBACK_URL


def check(context: RuleContext) -> Iterator[Finding]:
    parts = event_callback(context)
    if parts is not None and parts.scheme.lower() == "http":
        yield Finding(
            context.config_pointer(CALLBACK_URL),
            "the event callback uses plain http, so events travel unencrypted; use an https URL",
        )


RULE = rule(
    "CE213",
    "url-insecure",
    Severity.WARNING,
    "an event callback over plain http",
    __doc__,
    check,
    requires=(CALLBACK_URL,),
)
