"""## What it does
Reports any other schema violation that no specific rule covers, with what the schema expects:
an empty name, an element without key or id, a value outside the allowed set.

## Why is this bad?
The body does not match the documented parameter tables; the platform may accept it silently
and then not behave as intended.

## Example
```json
{"element": {}, "name": ""}
```

## Fix
Use a value the message names as expected (here, an element key and a non-empty name):
```json
{"element": {"key": "quickbooks"}, "name": "QuickBooks production"}
```
"""

from celint.model import Severity, rule
from celint.rules.support.schema import issues_of

RULE = rule(
    "CE103",
    "invalid-value",
    Severity.ERROR,
    "any other schema violation that no specific rule covers",
    __doc__,
    issues_of("value"),
    generic=True,
)
