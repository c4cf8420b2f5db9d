"""## What it does
Reports a resource `url` in `event.poller.configuration` that certainly fetches everything on
every poll: no time placeholder (`${gmtDate:…}`, `${date:…}`, `${date}`, `${epoch}`,
`${epoch:ms}`, `${milliseconds}`, `${dateTimeZone:…}`), no change filter the docs use
(`where=fetchChanges='true'`, any `where` clause, a `since`/`updated`/`modified` parameter), and
not a change feed (`/changes`, `/changed-events`, `/events`). When unsure it says nothing: any
other `${…}` is a platform expression it does not know.

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
from urllib.parse import parse_qsl, urlsplit

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.poller import read
from celint.schema.keys import POLLER_CONFIGURATION
from celint.secrets import is_literal

#: Any platform expression: the time placeholders and others celint does not know (unsure:
#: say nothing).
PLATFORM_EXPRESSION = re.compile(r"\$\{[^}]*\}")
#: Query parameters whose name says they limit a poll by time or to changes.
_CHANGE_PARAMETER = re.compile(r"where|since|updated|modified|changed|fetchchanges", re.IGNORECASE)
#: Paths that are change feeds themselves (``/hubs/fsa/changes``, ``.../changed-events``).
_CHANGE_FEED = re.compile(r"(?:^|[-_/])(?:changes|changed(?:[-_]\w+)?|events)$", re.IGNORECASE)
EXAMPLE = "?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"


def filters_by_time(url: str) -> bool:
    """True unless the poll URL certainly fetches everything on each poll (``filterByUpdatedDate``
    does not count: it drops old objects after fetching them all)."""
    if PLATFORM_EXPRESSION.search(url):
        return True
    parts = urlsplit(url.strip())
    if _CHANGE_FEED.search(parts.path.rstrip("/")):
        return True
    return any(_CHANGE_PARAMETER.search(name) for name, _ in parse_qsl(parts.query, True))


def check(context: RuleContext) -> Iterator[Finding]:
    found = read(context)
    if found is None:
        return
    for resource, pointer, entry in found.entries():
        url = entry.get("url")
        if not isinstance(url, str) or not url.strip() or not is_literal(url):
            continue
        if not filters_by_time(url):
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
