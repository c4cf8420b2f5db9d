"""## What it does
Reports a `# celint: disable=...` or `# celint: disable-file=...` comment in a YAML file that
silences nothing: no finding of the rule it names on that line (or in that file), a word that
is not a rule, a misspelt directive, or a `disable-file` comment below the first line of data.

## Why is this bad?
A suppression outlives the problem it was written for. Left in place, it silently hides the
next real finding of that rule on the same line, and readers believe the line is still broken.
A misspelt suppression silences nothing while looking as if it did.

## Example
```yaml
element: {key: quickbooks}
name: QuickBooks production
configuration:
  event.poller.urls: bills|invoices  # celint: disable=CE207
```

## Fix
Delete the comment (or the word that no longer applies), or correct the rule code. Comments
for rules that are not enabled in a run (`--select`, `--ignore`) are not reported.
```yaml
element: {key: quickbooks}
name: QuickBooks production
configuration:
  event.poller.urls: bills|invoices
```
"""

from celint.model import Severity, rule

RULE = rule(
    "CE005",
    "unused-suppression",
    Severity.WARNING,
    "a celint: disable comment that silences nothing",
    __doc__,
)
