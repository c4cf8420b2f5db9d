"""## What it does
Reports a polling configuration (events on, `event.vendor.type: polling`) that names no
resources: neither `event.poller.urls` nor `event.poller.configuration` is set (or the list is
empty).

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
from celint.rules.support.config import is_blank
from celint.rules.support.poller_urls import parse
from celint.schema.keys import ENABLED, POLLER_CONFIGURATION, POLLER_URLS


def check(context: RuleContext) -> Iterator[Finding]:
    if not context.polling or not is_blank(context.configuration.get(POLLER_CONFIGURATION)):
        return
    urls = context.configuration.get(POLLER_URLS)
    separator = context.profile.separator if context.profile else DEFAULT_SEPARATOR
    if is_blank(urls) or (isinstance(urls, str) and not parse(urls, separator).items):
        example = separator.join(context.profile.resources[:3]) if context.profile else ""
        such_as = f", such as {example!r}" if example else ""
        yield Finding(
            context.config_pointer(POLLER_URLS),
            f"polling is enabled but no resources are listed; set {POLLER_URLS!r} to the "
            f"resources to poll, separated by {separator!r}{such_as}",
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
