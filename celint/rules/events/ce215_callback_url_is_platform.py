"""## What it does
Reports an event callback URL that points at the Cloud Elements API itself
(`https://api.cloud-elements.com/...`), as the reference's own examples do.

## Why is this bad?
The callback is where the platform sends events *to you*. Pointing it at the platform's API
sends every event back to the platform, which does not accept them: they never reach your app.

## Example
```json
{"event.notification.callback.url": "https://api.cloud-elements.com/elements/api-v2/events/quickbooks/"}
```

## Fix
Use your own app's endpoint:
`"event.notification.callback.url": "https://myapp.example.com/events/quickbooks"`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support import urls
from celint.rules.support.config import event_callback
from celint.schema.keys import CALLBACK_URL


def check(context: RuleContext) -> Iterator[Finding]:
    parts = event_callback(context)
    if parts is not None and urls.is_platform_host(urls.host(parts)):
        yield Finding(
            context.config_pointer(CALLBACK_URL),
            f"the event callback points at the Cloud Elements API ({urls.host(parts)}), not at "
            "your app; set it to your own endpoint, such as https://myapp.example.com/events",
        )


RULE = rule(
    "CE215",
    "callback-url-is-platform",
    Severity.WARNING,
    "the event callback points at the Cloud Elements API itself",
    __doc__,
    check,
    requires=(CALLBACK_URL,),
)
