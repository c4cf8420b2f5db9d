"""## What it does
Reports a literal `event.notification.signature.key` shorter than 16 characters. The key is
never printed.

## Why is this bad?
The signature key is what lets your receiver tell real events from forged ones. A short key
can be guessed or brute-forced, and then anyone can post events your app will trust.

## Example
```json
{"event.notification.signature.key": "secret123"}
```

## Fix
Use a long random key (for example `openssl rand -hex 32`), kept out of the file:
`"event.notification.signature.key": "${QBO_EVENTS_SIGNATURE_KEY}"`.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.schema.keys import SIGNATURE_KEY

MIN_LENGTH = 16


def check(context: RuleContext) -> Iterator[Finding]:
    value = context.literal(SIGNATURE_KEY)
    if isinstance(value, str) and value and len(value) < MIN_LENGTH:
        yield Finding(
            context.config_pointer(SIGNATURE_KEY),
            f"the signature key (not shown) is shorter than {MIN_LENGTH} characters; use a "
            f"random key of {MIN_LENGTH} or more, such as 32 hex characters",
        )


RULE = rule(
    "CE403",
    "weak-signature-key",
    Severity.WARNING,
    "a literal signature key shorter than 16 characters",
    __doc__,
    check,
    requires=(SIGNATURE_KEY,),
)
