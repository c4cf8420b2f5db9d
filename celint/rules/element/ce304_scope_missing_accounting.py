"""## What it does
Reports an OAuth 2.0 `scope` that lacks the scope the element requires (for QuickBooks Online
`com.intuit.quickbooks.accounting`), and an OAuth 2.0 body with no scope at all.

## Why is this bad?
The token is granted for the scopes asked; without the accounting scope every API call and
every poll is refused with 403, after the instance has been created successfully.

## Example
```json
{"authentication.type": "oauth2", "scope": "openid profile email"}
```

## Fix
Include the scope, separated from the others by spaces:
`"scope": "com.intuit.quickbooks.accounting openid profile email"`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import is_blank
from celint.schema.keys import AUTH_TYPE, SCOPE

OAUTH2 = "oauth2"


def check(context: RuleContext) -> Iterator[Finding]:
    required = context.profile.required_scope if context.profile else None
    if required is None:
        return
    pointer = context.config_pointer(SCOPE)
    raw = context.configuration.get(SCOPE)
    if is_blank(raw):
        if context.literal(AUTH_TYPE) == OAUTH2:
            yield Finding(
                pointer, f"OAuth 2.0 without a scope; set {SCOPE!r} to include {required!r}"
            )
        return
    scope = context.literal(SCOPE)
    if not isinstance(scope, str) or required in scope.split():
        return
    if required in scope:
        message = f"{required!r} is run together with other scopes; separate scopes with spaces"
    else:
        message = f"the scope lacks {required!r}; add it, separated from the others by a space"
    yield Finding(pointer, message)


RULE = rule(
    "CE304",
    "scope-missing-accounting",
    Severity.WARNING,
    "OAuth 2.0 scope without the element's required scope",
    __doc__,
    check,
)
