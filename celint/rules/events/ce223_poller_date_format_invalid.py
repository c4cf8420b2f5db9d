"""## What it does
Reports a `datesConfiguration` date format (`updatedDateFormat`, `createdDateFormat`) that is
neither a Java date pattern such as `yyyy-MM-dd'T'HH:mm:ssXXX` nor `milliseconds`: a letter
that is not a pattern letter, a quote that is never closed, no pattern letter at all.

## Why is this bad?
The poller reads the vendor's dates with this pattern to tell new and changed objects from old
ones. A pattern Java rejects fails every poll; the instance exists and sends no events.

## Example
```json
{"event.poller.configuration": {"contacts": {
  "url": "/hubs/crm/contacts?updatedSince=${epoch}", "idField": "id",
  "datesConfiguration": {"updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z"}}}}
```

## Fix
Quote literal text on both sides and use pattern letters for the fields:
`"updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'"`, `"yyyy-MM-dd'T'HH:mm:ssXXX"`, or
`"milliseconds"` for epoch milliseconds.
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.java_dates import EXAMPLE, MILLISECONDS, pattern_problem
from celint.rules.support.poller import DATE_FORMAT_FIELDS, read
from celint.schema.keys import POLLER_CONFIGURATION


def check(context: RuleContext) -> Iterator[Finding]:
    found = read(context)
    if found is None:
        return
    for pointer, field, value in found.date_settings(DATE_FORMAT_FIELDS):
        problem = pattern_problem(value)
        if problem is not None:
            yield Finding(
                pointer,
                f"{field!r} {value!r} is not a Java date pattern: {problem}; use a pattern "
                f"such as {EXAMPLE!r}, or {MILLISECONDS!r} for epoch milliseconds",
            )


RULE = rule(
    "CE223",
    "poller-date-format-invalid",
    Severity.ERROR,
    "a datesConfiguration format is not a Java date pattern or milliseconds",
    __doc__,
    check,
    requires=(POLLER_CONFIGURATION,),
)
