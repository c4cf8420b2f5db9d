"""## What it does
Reports a file that is not valid JSON or YAML, at the position where the parser stopped (for a
missing comma in JSON: right after the value that needs it).

## Why is this bad?
The platform rejects a body it cannot parse, and nothing else in the file can be checked.

## Example
```json
{"element": {"key": "quickbooks"},
 "name": "QuickBooks production"
 "configuration": {"authentication.type": "oauth2"}}
```

## Fix
Repair the syntax at the reported position: add the comma, remove the stray brace.
```json
{"element": {"key": "quickbooks"},
 "name": "QuickBooks production",
 "configuration": {"authentication.type": "oauth2"}}
```
"""

from celint.model import Severity, rule

RULE = rule("CE001", "parse-error", Severity.ERROR, "not valid JSON/YAML", __doc__)
