"""## What it does
Reports a resource listed more than once in `event.poller.urls`, one finding per resource.

## Why is this bad?
Each listed resource is polled; a duplicate is polled twice per interval, spending the vendor's
API quota twice, and may deliver the same change twice.

## Example
```json
{"event.poller.urls": "bills|invoices|bills"}
```

## Fix
List each resource once, keeping the first: `"event.poller.urls": "bills|invoices"`
(applied by `--fix`).
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import poller_list
from celint.rules.support.text import clip
from celint.schema.keys import POLLER_URLS


def check(context: RuleContext) -> Iterator[Finding]:
    found = poller_list(context)
    if found is None:
        return
    for item, indexes in found.positions().items():
        if len(indexes) > 1:
            fixed = found.without(indexes[1:])
            yield Finding(
                context.config_pointer(POLLER_URLS),
                f"{clip(item)!r} is listed {len(indexes)} times; list each resource once",
                suggestion=fixed,
                fix=fixed,
            )


RULE = rule(
    "CE210",
    "poller-resource-duplicate",
    Severity.WARNING,
    "a resource listed twice",
    __doc__,
    check,
    fixable=True,
    requires=(POLLER_URLS,),
)
