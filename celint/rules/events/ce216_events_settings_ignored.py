"""## What it does
Reports, one finding per key, `event.*` settings that the platform ignores: any of them while
events are off (`event.notification.enabled` false or absent), and the poller settings
(`event.poller.*`) when the event type is `webhook`.

## Why is this bad?
Settings that do nothing suggest that something happens: a reader sees a poller list and
expects polling, while the instance receives no events at all (or only webhooks). Usually the
switch was forgotten, or the type is wrong.

## Example
```json
{"event.notification.enabled": false, "event.vendor.type": "polling",
 "event.poller.urls": "bills|invoices"}
```

## Fix
Turn events on (`"event.notification.enabled": true`), or remove the settings that do not
apply (the poller keys of a webhook instance).
"""

import functools
from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import events_off
from celint.schema import registry as schemas
from celint.schema.keys import ENABLED, EVENT_PREFIX, POLLER_PREFIX, VENDOR_TYPE


@functools.cache
def _event_keys() -> frozenset[str]:
    """The documented `event.*` keys (unknown ones are CE104's)."""
    properties = schemas.load_all()["events.schema.json"]["properties"]
    return frozenset(key for key in properties if key.startswith(EVENT_PREFIX) and key != ENABLED)


def check(context: RuleContext) -> Iterator[Finding]:
    off = events_off(context)
    webhook = not off and context.vendor_type == "webhook"
    if not off and not webhook:
        return
    known = _event_keys()
    for key, value in context.configuration.items():
        if key not in known or value is None or context.unset_by_platform(key):
            continue
        if off:
            message = (
                f"{key!r} is ignored while events are off; set {ENABLED!r} to true, "
                "or remove the setting"
            )
        elif key.startswith(POLLER_PREFIX):
            message = (
                f"{key!r} is ignored with the webhook event type; remove it, or set "
                f"{VENDOR_TYPE!r} to 'polling'"
            )
        else:
            continue
        yield Finding(context.config_pointer(key), message, on_key=True)


RULE = rule(
    "CE216",
    "events-settings-ignored",
    Severity.WARNING,
    "event.* settings while events are off, or poller settings with the webhook type",
    __doc__,
    check,
    requires=(EVENT_PREFIX,),
)
