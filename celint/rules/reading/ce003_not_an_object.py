"""## What it does
Reports a document that must be an instance body (with `--all`, or inside an exported array)
but is not a mapping.

## Why is this bad?
`POST /instances` takes a JSON object; a list or a scalar is rejected.

## Example
```yaml
- element: {key: quickbooks}
```

## Fix
Make the document an object with `element`, `name` and `configuration`.
"""

from celint.model import Severity, rule

RULE = rule(
    "CE003",
    "not-an-object",
    Severity.ERROR,
    "a document that must be an instance body is not a mapping",
    __doc__,
)
