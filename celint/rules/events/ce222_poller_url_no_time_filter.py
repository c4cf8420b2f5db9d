"""## What it does
Reports a resource `url` in `event.poller.configuration` with no time placeholder:
`${gmtDate:…}`, `${date:…}`, `${epoch}` or `${dateTimeZone:…}`.

## Why is this bad?
The poller fills the placeholder with the time of the previous poll, which is what limits a
poll to what changed since. Without one, every poll fetches the whole resource: slow, heavy on
the vendor's API limits, and every object comes back as an event again.

## Example
```json
{"event.poller.configuration": {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}}
```

## Fix
Filter on the updated date with a placeholder:
`"url": "/hubs/crm/contacts?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"`.
"""

import re
from collections.abc import Iterator

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.poller import read
from celint.schema.keys import POLLER_CONFIGURATION
from celint.secrets import is_literal

TIME_PLACEHOLDER = re.compile(r"\$\{(?:(?:gmtDate|date|dateTimeZone):[^}]*|epoch)\}")
EXAMPLE = "?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"


def check(context: RuleContext) -> Iterator[Finding]:
    found = read(context)
    if found is None:
        return
    for resource, pointer, entry in found.entries():
        url = entry.get("url")
        if not isinstance(url, str) or not url.strip() or not is_literal(url):
            continue
        if TIME_PLACEHOLDER.search(url) is None:
            yield Finding(
                jp.join(pointer, "url"),
                f"the poll URL of {resource!r} has no time placeholder, so every poll "
                f"fetches everything; filter on the updated date, such as {EXAMPLE}",
            )


RULE = rule(
    "CE222",
    "poller-url-no-time-filter",
    Severity.WARNING,
    "a poller resource url has no time placeholder",
    __doc__,
    check,
    requires=(POLLER_CONFIGURATION,),
)
