"""## What it does
Reports `"true"` or `"false"` written as a string where the parameter table says boolean
(`event.notification.enabled`).

## Why is this bad?
The platform accepts the strings (its older documentation uses them), but tools that read the
body by the table, and people, can take `"false"` for a non-empty, truthy value. The boolean
says exactly one thing.

## Example
```json
{"event.notification.enabled": "true"}
```

## Fix
Write a JSON boolean: `"event.notification.enabled": true` (applied by `--fix`).
"""

import functools
from collections.abc import Iterator
from typing import Any

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.schema import registry as schemas
from celint.schema.keys import ENABLED


def _is_boolean(schema: dict[str, Any]) -> bool:
    """True when a property's schema allows a boolean (directly or as one alternative)."""
    kinds = schema.get("type", [])
    if kinds == "boolean" or (isinstance(kinds, list) and "boolean" in kinds):
        return True
    return any(_is_boolean(option) for option in schema.get("oneOf", []) + schema.get("anyOf", []))


@functools.cache
def _boolean_keys() -> tuple[str, ...]:
    """The configuration keys the parameter tables type as boolean, read from the schema."""
    properties = schemas.load_all()["events.schema.json"]["properties"]
    return tuple(key for key, schema in properties.items() if _is_boolean(schema))


def check(context: RuleContext) -> Iterator[Finding]:
    for key in _boolean_keys():
        value = context.configuration.get(key)
        if not isinstance(value, str) or value.strip().lower() not in ("true", "false"):
            continue
        word = value.strip().lower()
        yield Finding(
            context.config_pointer(key),
            f"{key!r} is the string {value!r}; write the boolean {word} (without quotes)",
            suggestion=word,
            fix=word == "true",
        )


RULE = rule(
    "CE217",
    "boolean-as-string",
    Severity.INFO,
    "'true'/'false' as a string where the table says boolean",
    __doc__,
    check,
    fixable=True,
    requires=(ENABLED,),
)
