"""## What it does
Reports `event.vendor.type: webhooks`. The platform accepts the plural (its own webhook example
and the bodies it returns use it), but the parameter table documents `webhook`.

## Why is this bad?
An alias that works today is an accident of the platform's parser; tools and people that read
the documented value (`webhook`) will not recognise the body as a webhook configuration.

## Example
```json
{"event.vendor.type": "webhooks"}
```

## Fix
Write the documented value: `"event.vendor.type": "webhook"` (applied by `--fix`).
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.schema.keys import VENDOR_TYPE, VENDOR_TYPE_ALIASES


def check(context: RuleContext) -> Iterator[Finding]:
    value = context.configuration.get(VENDOR_TYPE)
    meant = VENDOR_TYPE_ALIASES.get(value) if isinstance(value, str) else None
    if meant is not None:
        yield Finding(
            context.config_pointer(VENDOR_TYPE),
            f"{value!r} is an accepted alias; the documented value is {meant!r}",
            suggestion=meant,
            fix=meant,
        )


RULE = rule(
    "CE219",
    "vendor-type-alias",
    Severity.WARNING,
    "'webhooks': accepted alias; the documented value is 'webhook'",
    __doc__,
    check,
    fixable=True,
    requires=(VENDOR_TYPE,),
)
