"""## What it does
Reports `event.poller.urls` whose resources are separated by commas, spaces, semicolons (or
any character other than the element's separator), and whitespace at either end of the list.

## Why is this bad?
The platform splits the list on the element's separator (`|` for QuickBooks) and nothing else:
`bills, invoices` is one resource named `bills, invoices`, which does not exist.

## Example
```json
{"event.poller.urls": "bills, invoices, customers"}
```

## Fix
Separate the resources with the element's separator only:
`"event.poller.urls": "bills|invoices|customers"` (applied by `--fix`).
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import poller_list
from celint.rules.support.poller_urls import describe_separator, parse
from celint.rules.support.text import clip, padding
from celint.schema.keys import POLLER_URLS


def check(context: RuleContext) -> Iterator[Finding]:
    found = poller_list(context)
    if found is None or not found.items:
        return
    foreign = found.foreign_separators()
    value = found.text()
    where = padding(value)
    if where is not None and not parse(value.strip(), found.separator).foreign_separators():
        yield Finding(
            context.config_pointer(POLLER_URLS),
            f"{POLLER_URLS!r} has {where} whitespace, which the platform reads as part of a "
            f"resource name: {clip(value.strip(), 300)!r}",
            suggestion=value.strip(),
            fix=value.strip(),
        )
    elif foreign:
        names = " and ".join(dict.fromkeys(describe_separator(char) for char in foreign))
        yield Finding(
            context.config_pointer(POLLER_URLS),
            f"resources are separated by {names}; the platform splits {POLLER_URLS!r} on "
            f"{found.separator!r} only: {clip(found.joined(), 300)!r}",
            suggestion=found.joined(),
            fix=found.joined(),
        )


RULE = rule(
    "CE209",
    "poller-urls-separator",
    Severity.ERROR,
    "resources separated by commas, spaces or semicolons instead of the element's separator",
    __doc__,
    check,
    fixable=True,
    requires=(POLLER_URLS,),
)
