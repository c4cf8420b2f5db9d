"""## What it does
Reports a body that turns events on without choosing `event.vendor.type`, for an element that
supports both polling and webhooks.

## Why is this bad?
The parameter table marks the type as optional, but with both kinds available the platform has
to guess; the instance may end up waiting for webhooks that the vendor never sends, or polling
nothing because no resources were chosen.

## Example
```json
{"configuration": {"event.notification.enabled": true,
                   "event.notification.callback.url": "https://myapp.example.com/events"}}
```

## Fix
Say which kind of events you want: `"event.vendor.type": "polling"` (with
`event.poller.urls` and `event.poller.refresh_interval`) or `"event.vendor.type": "webhook"`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import is_blank
from celint.schema.keys import ENABLED, VENDOR_TYPE, VENDOR_TYPES


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    both = profile is not None and all(profile.supports(t) for t in VENDOR_TYPES)
    if profile is None or not both or not context.events_enabled:
        return
    if is_blank(context.configuration.get(VENDOR_TYPE)):
        choices = " or ".join(repr(t) for t in profile.vendor_types)
        yield Finding(
            context.config_pointer(VENDOR_TYPE),
            f"events are enabled but no event type is chosen; {profile.key!r} supports both: "
            f"set {VENDOR_TYPE!r} to {choices}",
        )


RULE = rule(
    "CE202",
    "vendor-type-missing",
    Severity.WARNING,
    "events enabled, the element supports both types, none chosen",
    __doc__,
    check,
    requires=(ENABLED,),
)
