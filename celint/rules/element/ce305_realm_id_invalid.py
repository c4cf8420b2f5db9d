"""## What it does
Reports a `providerData.realmId` that is not a string of digits (the QuickBooks company id,
such as `"123145825528279"`): a number, a value with spaces or dashes, a company name.

## Why is this bad?
The realmId addresses every API call to the company; a wrong one fails authentication, and a
large id written as a JSON number can lose digits in tools that read numbers as floating point.

## Example
```json
{"providerData": {"code": "${QBO_AUTH_CODE}", "realmId": 123145825528279}}
```

## Fix
Write the id as a string of digits: `"realmId": "123145825528279"` (a whole number is quoted by
`--fix`).
"""

import functools
import re
from collections.abc import Iterator

from celint.elements.profiles import ElementProfile
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.text import padding
from celint.schema.issues import shown
from celint.secrets import is_literal

REALM_ID = "realmId"
DIGITS = "^[0-9]+$"


def _pattern(profile: ElementProfile) -> str | None:
    """The form the element's profile documents for ``providerData.realmId``, if any."""
    facts = (flow.provider_data.get(REALM_ID) for flow in profile.flows.values())
    return next((fact.pattern for fact in facts if fact is not None and fact.pattern), None)


@functools.cache
def _matcher(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    data = context.body.get("providerData")
    if profile is None or not isinstance(data, dict) or REALM_ID not in data:
        return
    pattern = _pattern(profile)
    value = data[REALM_ID]
    if pattern is None or not is_literal(value):
        return
    if isinstance(value, str) and _matcher(pattern).search(value):
        return
    pointer = context.pointer("providerData", REALM_ID)
    form = "a string of digits (the company id)" if pattern == DIGITS else f"of the form {pattern}"
    message = f"realmId {shown(pointer, value)} is not {form}"
    quoted = _quoted(value, pattern)
    if quoted is not None:
        hint = f'; write it as a string: "{quoted}"'
        yield Finding(pointer, message + hint, suggestion=quoted, fix=quoted)
        return
    where = padding(value)
    if where is not None and _matcher(pattern).search(value.strip()):
        message += f"; it has {where} whitespace: write {value.strip()!r}"
    yield Finding(pointer, message)


def _quoted(value: object, pattern: str) -> str | None:
    """The string a whole number written for the id stands for, when that string is a valid
    id: then quoting it is the one safe fix (the digits do not change)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return None
    digits = str(value)
    return digits if _matcher(pattern).search(digits) else None


RULE = rule(
    "CE305",
    "realm-id-invalid",
    Severity.WARNING,
    "realmId is not a string of digits",
    __doc__,
    check,
    fixable=True,
)
