"""## What it does
Reports a polling configuration (events on, `event.vendor.type: polling`) that names no
resources: none of `event.poller.urls`, `event.poller.configuration` and `event.objects` (the
comma-separated list of the Salesforce family) is set, or the list is empty.

## Why is this bad?
The poller polls the resources it is given. With none, the instance is created with events
"on" and never produces a single event.

## Example
```json
{"event.notification.enabled": true, "event.vendor.type": "polling",
 "event.poller.refresh_interval": 15}
```

## Fix
List the resources to poll, separated by the element's separator:
`"event.poller.urls": "bills|invoices|customers"`.
"""

from collections.abc import Iterator

from celint.elements.profiles import DEFAULT_SEPARATOR
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import is_blank, missing
from celint.rules.support.poller_urls import parse
from celint.schema.keys import (
    ENABLED,
    EVENT_OBJECTS,
    EVENT_OBJECTS_SEPARATOR,
    POLLER_CONFIGURATION,
    POLLER_URLS,
)


def _lists_resources(context: RuleContext, key: str, separator: str) -> bool:
    """``key`` names at least one resource (a list that splits into none names none)."""
    value = context.configuration.get(key)
    if is_blank(value):
        return False
    return not isinstance(value, str) or bool(parse(value, separator).items)


def check(context: RuleContext) -> Iterator[Finding]:
    if not context.polling or not missing(context, POLLER_CONFIGURATION):
        return
    profile = context.profile
    separator = profile.separator if profile else DEFAULT_SEPARATOR
    objects = profile.poll_keys.get(EVENT_OBJECTS) if profile else None
    if _lists_resources(context, POLLER_URLS, separator) or _lists_resources(
        context, EVENT_OBJECTS, objects or EVENT_OBJECTS_SEPARATOR
    ):
        return
    key = EVENT_OBJECTS if objects else POLLER_URLS
    example = (objects or separator).join(profile.resources[:3]) if profile else ""
    such_as = f", such as {example!r}" if example else ""
    yield Finding(
        context.config_pointer(key),
        f"polling is enabled but no resources are listed; set {key!r} to the "
        f"resources to poll, separated by {objects or separator!r}{such_as}",
    )


RULE = rule(
    "CE206",
    "poller-urls-missing",
    Severity.ERROR,
    "polling without event.poller.urls or event.poller.configuration",
    __doc__,
    check,
    requires=(ENABLED,),
)
