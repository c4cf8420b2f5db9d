"""## What it does
Reports an `authentication.type` that the element does not support (for QuickBooks Online:
`oauth2`, or `oauth1`, which bodies may leave out), with the likely value.

## Why is this bad?
The authentication type decides which OAuth flow the platform runs with `providerData`. An
unsupported type makes instance creation fail, or run the wrong flow with the wrong data.

## Example
```json
{"configuration": {"authentication.type": "oauth"}}
```

## Fix
Use a type the element supports: `"authentication.type": "oauth2"`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.evidence import documented
from celint.schema.issues import shown
from celint.schema.keys import AUTH_TYPE
from celint.suggest import closest


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    value = context.literal(AUTH_TYPE)
    if profile is None or not profile.auth_types or value is None:
        return
    if value in profile.auth_types or value in profile.auth_spellings:
        return
    pointer = context.config_pointer(AUTH_TYPE)
    guess = closest(value, profile.auth_types) if isinstance(value, str) else None
    hint = f"; did you mean {guess!r}?" if guess else ""
    supported = " or ".join(repr(t) for t in profile.auth_types)
    yield Finding(
        pointer,
        f"authentication type {shown(pointer, value)} is not supported by {profile.key!r}: "
        f"expected {supported}{hint}",
        suggestion=guess,
        severity=profile.auth_evidence.severity,
        evidence=profile.auth_evidence.cited(),
    )


RULE = rule(
    "CE302",
    "auth-type-invalid",
    Severity.ERROR,
    "authentication.type is not one the element supports",
    documented(__doc__),
    check,
)
