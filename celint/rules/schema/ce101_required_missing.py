"""## What it does
Reports a required key that is missing: `element` and `name` at the top level, and the keys
the element's schema requires. The position is the parent's key (where the key belongs).

## Why is this bad?
The platform rejects the body, or accepts it and creates an instance that cannot authenticate.

## Example
```json
{"element": {"key": "quickbooks"}, "configuration": {}}
```

## Fix
Add the key (`"name": "QuickBooks production"`).
"""

from celint.model import Severity, rule
from celint.rules.support.schema import issues_of

RULE = rule(
    "CE101",
    "required-missing",
    Severity.ERROR,
    "a required key is missing",
    __doc__,
    issues_of("required"),
    generic=True,
)
