"""## What it does
Reports a resource listed in `event.poller.urls` that has no entry in
`event.poller.configuration`, and an entry in `event.poller.configuration` whose resource is
not listed in `event.poller.urls`, when a body sets both.

## Why is this bad?
The two settings describe the same resources. When they disagree, one resource is polled
without the configuration written for it, or a configuration is written and never used.

## Example
```json
{"event.poller.urls": "contacts|deals",
 "event.poller.configuration": {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}}
```

## Fix
Give every listed resource an entry, and list every configured resource (or drop
`event.poller.urls` and let the configuration name the resources). Here, either add an entry
for `deals` or poll only what is configured: `"event.poller.urls": "contacts"`.
"""

from collections.abc import Iterator

from celint import pointer as jp
from celint.elements.profiles import DEFAULT_SEPARATOR
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.poller import read
from celint.rules.support.poller_urls import parse
from celint.schema.keys import POLLER_CONFIGURATION, POLLER_URLS


def check(context: RuleContext) -> Iterator[Finding]:
    urls = context.literal(POLLER_URLS)
    found = read(context)
    if not isinstance(urls, str) or found is None or not isinstance(found.value, dict):
        return
    separator = context.profile.separator if context.profile else DEFAULT_SEPARATOR
    listed = parse(urls, separator).items
    configured = found.value
    for resource in dict.fromkeys(listed):
        if resource not in configured:
            yield Finding(
                context.config_pointer(POLLER_URLS),
                f"{resource!r} is listed in {POLLER_URLS!r} but has no entry in "
                f"{POLLER_CONFIGURATION!r}; add an entry for it, or remove it from the list",
            )
    for resource in configured:
        if resource not in listed:
            yield Finding(
                jp.join(found.pointer, resource),
                f"{resource!r} has an entry in {POLLER_CONFIGURATION!r} but is not listed in "
                f"{POLLER_URLS!r}; add it to the list, or remove the entry",
                on_key=True,
            )


RULE = rule(
    "CE221",
    "poller-config-mismatch",
    Severity.WARNING,
    "event.poller.urls and event.poller.configuration name different resources",
    __doc__,
    check,
    requires=(POLLER_CONFIGURATION,),
)
