"""## What it does
Reports an `event.vendor.type` that is neither `webhook` nor `polling` (nor the accepted alias
`webhooks`, which CE219 reports), with the value it most likely means: `Polling` → `polling`,
`webhok` → `webhook`.

## Why is this bad?
The platform stores the value without complaint and then sets up no events at all: no poller
runs, no webhook is registered, and nothing says why.

## Example
```json
{"configuration": {"event.notification.enabled": true, "event.vendor.type": "Polling"}}
```

## Fix
Use one of the documented values, `"event.vendor.type": "polling"` or `"webhook"`
(`--fix` applies the suggestion when one value is clearly meant).
"""

from collections.abc import Iterator

from celint.model import NO_FIX, Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.text import padding
from celint.schema.issues import shown
from celint.schema.keys import VENDOR_TYPE, VENDOR_TYPE_ALIASES, VENDOR_TYPES
from celint.suggest import closest


def check(context: RuleContext) -> Iterator[Finding]:
    value = context.literal(VENDOR_TYPE)
    if value is None:
        return
    # Whether the element supports the type is CE309's: here, only the word is judged.
    allowed = VENDOR_TYPES
    # The alias, spelt exactly, is CE219's; a case or whitespace variant of any accepted value is
    # not known to be accepted, so it is invalid here (with the fix).
    if isinstance(value, str) and (value in allowed or value in VENDOR_TYPE_ALIASES):
        return
    pointer = context.config_pointer(VENDOR_TYPE)
    where = padding(value)
    stripped = value.strip() if isinstance(value, str) else None
    if where is not None and (stripped in allowed or stripped in VENDOR_TYPE_ALIASES):
        meant = VENDOR_TYPE_ALIASES.get(stripped, stripped)
        yield Finding(
            pointer,
            f"event type {shown(pointer, value)} has {where} whitespace, and the platform "
            f"compares it as written; did you mean {meant!r}?",
            suggestion=meant,
            fix=meant,
        )
        return
    guess = closest(value, allowed) if isinstance(value, str) else None
    expected = " or ".join(repr(t) for t in allowed)
    hint = f"; did you mean {guess!r}?" if guess else ""
    yield Finding(
        pointer,
        f"event type {shown(pointer, value)} is not valid: expected {expected}{hint}",
        suggestion=guess,
        fix=guess if guess else NO_FIX,
    )


RULE = rule(
    "CE201",
    "vendor-type-invalid",
    Severity.ERROR,
    "event.vendor.type is not webhook or polling",
    __doc__,
    check,
    fixable=True,
    requires=(VENDOR_TYPE,),
)
