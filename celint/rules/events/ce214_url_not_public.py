"""## What it does
Reports an event callback URL whose host the platform cannot reach: `localhost`, a loopback,
private or link-local address (`127.0.0.1`, `10.0.0.5`, `169.254.1.1`, `::1`), or a name under
`.local`, `.internal` or `.localhost`.

## Why is this bad?
The platform delivers events from the public internet. A host that only exists on your machine
or your network receives nothing; deliveries fail silently and are retried until they are
dropped.

## Example
```json
{"event.notification.callback.url": "http://localhost:8080/events"}
```

## Fix
Use a public URL of your app (for local development, a tunnel's public https URL):
`"event.notification.callback.url": "https://myapp.example.com/events"`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support import urls
from celint.rules.support.config import event_callback
from celint.schema.keys import CALLBACK_URL


def check(context: RuleContext) -> Iterator[Finding]:
    parts = event_callback(context)
    if parts is None:
        return
    host = urls.host(parts)
    reason = urls.not_public_reason(host)
    if reason is not None:
        yield Finding(
            context.config_pointer(CALLBACK_URL),
            f"the event callback host {host!r} is {reason}: the platform cannot deliver events "
            "there; use your app's public URL",
        )


RULE = rule(
    "CE214",
    "url-not-public",
    Severity.WARNING,
    "the event callback host is not reachable from the internet",
    __doc__,
    check,
    requires=(CALLBACK_URL,),
)
