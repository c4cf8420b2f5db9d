"""## What it does
Reports an unknown top-level key, or an unknown `event.*` configuration key, with the known key
it most likely means.

## Why is this bad?
The platform ignores keys it does not know: a misspelt `event.vendr.type` leaves events
unconfigured without any error.

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

from collections.abc import Iterator

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.schema import registry as schemas
from celint.suggest import closest


def _known_keys(pointer: str, context: RuleContext) -> list[str]:
    if jp.parent(pointer) == context.pointer("configuration"):
        return list(schemas.load_all()["events.schema.json"]["properties"])
    return list(schemas.load_all()[schemas.INSTANCE]["properties"])


def check(context: RuleContext) -> Iterator[Finding]:
    for issue in context.issues("unknown"):
        pointer = context.root + issue.pointer
        key = jp.last(pointer)
        guess = closest(key, _known_keys(pointer, context))
        hint = f"; did you mean {guess!r}?" if guess else "; the platform ignores it"
        yield Finding(pointer, f"unknown key {key!r}{hint}", suggestion=guess, on_key=True)


RULE = rule(
    "CE104",
    "unknown-key",
    Severity.WARNING,
    "an unknown top-level key, or an unknown event.* key",
    __doc__,
    check,
)
