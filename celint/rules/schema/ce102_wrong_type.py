"""## What it does
Reports a value whose type is not the one the parameter tables give: a list where a string
belongs, a string where a list of tags belongs, a nested object as a configuration value.

## Why is this bad?
The platform either rejects the body or stores a value that the events framework cannot use.

## Example
```yaml
tags: production
```

## Fix
Write the value with the expected type (`tags: [production]`).
"""

from celint.model import Severity, rule
from celint.rules.support.schema import issues_of

RULE = rule(
    "CE102",
    "wrong-type",
    Severity.ERROR,
    "a value has the wrong type",
    __doc__,
    issues_of("type"),
    generic=True,
)
