"""## What it does
Reports an `element.key` that celint has no profile for. When the key is close to a known one
(`quickbook` → `quickbooks`) it is a warning with the likely key; otherwise an info: the
element may well exist, but only the generic checks apply to it. A known key with whitespace at
its ends (`"quickbooks "`) is a warning too; the body is then linted as that element.

## Why is this bad?
A misspelt element key fails at `POST /instances`. A correct key of an element celint does not
know is fine, but its resources, auth shapes and scopes go unchecked, which you should know.

## Example
```json
{"element": {"key": "quickbook"}, "name": "QuickBooks production"}
```

## Fix
Correct the key (`"key": "quickbooks"`), or describe the element under `elements.<key>` in the
configuration so that its resources are checked too.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.text import padding
from celint.schema.keys import ELEMENT
from celint.secrets import is_literal
from celint.suggest import closest


def check(context: RuleContext) -> Iterator[Finding]:
    key = context.element_key
    if key is None or not is_literal(key):
        return
    if context.profile is not None:
        yield from _padded(context, key)
        return
    guess = closest(key, context.profiles)
    generic = "only the generic checks apply"
    if guess:
        message = f"unknown element {key!r}; did you mean {guess!r}? Until then {generic}"
        severity = Severity.WARNING
    else:
        known = len(context.profiles.elements())
        message = (
            f"element {key!r} is not one of the {known} elements celint knows "
            f"(`celint elements` lists them); {generic}"
        )
        severity = Severity.INFO
    yield Finding(context.pointer("element", "key"), message, suggestion=guess, severity=severity)


def _padded(context: RuleContext, key: str) -> Iterator[Finding]:
    """A known key written with whitespace at its ends: the platform looks it up as written."""
    written = context.body[ELEMENT].get("key")
    where = padding(written)
    if where is not None:
        yield Finding(
            context.pointer(ELEMENT, "key"),
            f"element key {written!r} has {where} whitespace, and the platform looks element "
            f"keys up as written; did you mean {key!r}?",
            suggestion=key,
        )


RULE = rule(
    "CE301",
    "element-unknown",
    Severity.WARNING,
    "element key not known; only the generic checks apply",
    __doc__,
    check,
)
