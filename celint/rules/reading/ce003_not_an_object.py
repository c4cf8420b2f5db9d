"""## What it does
Reports a document that must be an instance body (with `--all`, or inside an exported array)
but is not a mapping.

## Why is this bad?
`POST /instances` takes a JSON object; a list or a scalar is rejected.

## Example
An exported array (as `GET /instances` returns it) with an item that is not an instance:
```json
[{"element": {"key": "quickbooks"}, "name": "QuickBooks production"},
 "QuickBooks staging"]
```

## Fix
Make the document (here, every item) an instance body, an object with `element` and `name`:
```json
[{"element": {"key": "quickbooks"}, "name": "QuickBooks production"},
 {"element": {"key": "quickbooks"}, "name": "QuickBooks staging"}]
```
"""

from celint.model import Severity, rule

RULE = rule(
    "CE003",
    "not-an-object",
    Severity.ERROR,
    "a document that must be an instance body is not a mapping",
    __doc__,
)
