"""## What it does
Reports input celint refuses to read: bytes that are not text, a file over the size limit,
nesting deeper than the limit, YAML alias expansion over the limit, or a YAML tag that is not
plain data (`!!python/object`, custom tags).

## Why is this bad?
Such input is either not a body at all or an attempt to make a tool hang or run code.

## Example
```yaml
element: {key: quickbooks}
name: !!python/object/apply:os.system ["id"]
```

## Fix
Save the file as UTF-8 plain data: mappings, lists, strings, numbers, booleans.
```yaml
element: {key: quickbooks}
name: QuickBooks production
```
"""

from celint.model import Severity, rule

RULE = rule(
    "CE004",
    "unreadable-input",
    Severity.ERROR,
    "not decodable text, too large, too deep, an alias bomb or a non-data YAML tag",
    __doc__,
)
