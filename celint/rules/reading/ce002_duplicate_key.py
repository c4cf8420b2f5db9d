"""## What it does
Reports a key that appears twice in one object, at the second occurrence, naming the first.

## Why is this bad?
The platform keeps one of the two values silently: which one you get depends on the parser,
and the setting you edited may not be the one that takes effect.

## Example
```yaml
element: {key: quickbooks}
name: QuickBooks production
configuration:
  event.vendor.type: webhook
  event.vendor.type: polling
```

## Fix
Delete one of the two members:
```yaml
element: {key: quickbooks}
name: QuickBooks production
configuration:
  event.vendor.type: polling
```
"""

from celint.model import Severity, rule

RULE = rule("CE002", "duplicate-key", Severity.ERROR, "a key appears twice in one object", __doc__)
