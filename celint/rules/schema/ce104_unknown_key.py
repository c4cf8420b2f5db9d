"""## What it does
Reports an unknown top-level key, an unknown `event.*` configuration key, and an unknown key
in a resource entry of `event.poller.configuration` or in its `datesConfiguration`, with the
known key it most likely means (`UpdatedDateTimezone` → `updatedDateTimezone`).

## Why is this bad?
The platform ignores keys it does not know: a misspelt `event.vendr.type` leaves events
unconfigured without any error, and a misspelt date setting leaves the poller reading dates in
the wrong zone or format.

## Example
```json
{"configuration": {"event.poller.refresh_intervall": 15}}
```

## Fix
Rename the key to the one suggested, or delete it:
```json
{"configuration": {"event.poller.refresh_interval": 15}}
```
"""

import functools
from collections.abc import Iterator

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.poller import DATES, read
from celint.schema import registry as schemas
from celint.suggest import closest


def _known_keys(pointer: str, context: RuleContext) -> list[str]:
    if jp.parent(pointer) == context.pointer("configuration"):
        return list(schemas.load_all()["events.schema.json"]["properties"])
    return list(schemas.load_all()[schemas.INSTANCE]["properties"])


@functools.cache
def _poller_keys(definition: str) -> tuple[str, ...]:
    """The documented keys of a poller resource entry or of its ``datesConfiguration``."""
    properties = schemas.load_all()["events.schema.json"]["$defs"][definition]["properties"]
    return tuple(properties)


def _unknown(pointer: str, key: str, known: tuple[str, ...] | list[str]) -> Finding:
    guess = closest(key, known)
    hint = f"; did you mean {guess!r}?" if guess else "; the platform ignores it"
    return Finding(pointer, f"unknown key {key!r}{hint}", suggestion=guess, on_key=True)


def _poller_findings(context: RuleContext) -> Iterator[Finding]:
    """Unknown keys of each resource entry and of its ``datesConfiguration``."""
    found = read(context)
    if found is None:
        return
    entry_keys, date_keys = _poller_keys("pollerResource"), _poller_keys("datesConfiguration")
    for _, pointer, entry in found.entries():
        for key in entry:
            if key not in entry_keys:
                yield _unknown(jp.join(pointer, key), key, entry_keys)
        dates = entry.get(DATES)
        for key in dates if isinstance(dates, dict) else ():
            if key not in date_keys:
                yield _unknown(jp.join(pointer, DATES, key), key, date_keys)


def check(context: RuleContext) -> Iterator[Finding]:
    for issue in context.issues("unknown"):
        pointer = context.root + issue.pointer
        yield _unknown(pointer, jp.last(pointer), _known_keys(pointer, context))
    yield from _poller_findings(context)


RULE = rule(
    "CE104",
    "unknown-key",
    Severity.WARNING,
    "an unknown top-level key, event.* key, or poller entry key",
    __doc__,
    check,
)
