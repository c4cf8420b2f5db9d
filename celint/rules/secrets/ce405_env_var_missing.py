"""## What it does
With `celint check --env`: reports a `${VAR}` (or `$VAR`) reference whose environment variable
is not set, and that gives no default (`${VAR:-default}`).

## Why is this bad?
`--env` checks the body exactly as your deployment will post it. A variable that is not set
there is posted as the literal text `${VAR}`, or as an empty value, depending on the tool that
renders it: either way the instance gets a value nobody meant.

## Example
```json
{"event.notification.enabled": "${EVENTS_ENABLED}"}
```
with `EVENTS_ENABLED` unset.

## Fix
Set the variable in the environment that runs `celint check --env` (and the deployment), or
give the reference a default: `"event.notification.enabled": "${EVENTS_ENABLED:-false}"`.
"""

from collections.abc import Iterator

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext


def check(context: RuleContext) -> Iterator[Finding]:
    for pointer, name in context.missing_variables:
        yield Finding(
            pointer,
            f"environment variable {name!r} is not set (referenced by {jp.last(pointer)!r}); "
            f"set it, or give the reference a default such as ${{{name}:-value}}",
        )


RULE = rule(
    "CE405",
    "env-var-missing",
    Severity.ERROR,
    "with --env: a ${VAR} reference whose variable is not set",
    __doc__,
    check,
)
