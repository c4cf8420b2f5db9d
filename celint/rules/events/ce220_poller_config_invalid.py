r"""## What it does
Reports an `event.poller.configuration` that the poller cannot use: not an object, a string
that does not hold a JSON object, no resources, or a resource entry without its `url` or with
a blank `idField` (and values of the wrong type, such as a `pageSize` that is not a number).
Findings inside a JSON string are placed on the exact line and column in the file.

## Why is this bad?
The platform stores the configuration as given and reads it only when it polls: a broken
configuration creates the instance, and then no resource is ever polled.

## Example
```json
{"event.poller.configuration": "{\"contacts\": {\"url\": \"/hubs/crm/contacts\"}}"}
```

## Fix
Give every resource its `url` and `idField`, as an object or as the JSON text of one:
`"event.poller.configuration": {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}`.
"""

from collections.abc import Iterator

from celint import pointer as jp
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.poller import SCHEMA, read
from celint.schema import issues as schema_check
from celint.schema.keys import POLLER_CONFIGURATION

#: What each required member of a resource entry is, for the message.
REQUIRED_HINTS = {
    "url": 'the API path to poll, such as "/hubs/crm/contacts"',
    "idField": 'the field that identifies a polled object, such as "id"',
}


def check(context: RuleContext) -> Iterator[Finding]:
    found = read(context)
    if found is None:
        return
    if found.problem is not None:
        yield Finding(
            found.pointer,
            f"{POLLER_CONFIGURATION!r} is a string but not JSON ({found.problem}); write the "
            "configuration as an object, or as the JSON text of one",
        )
        return
    for issue in schema_check.check(found.value, SCHEMA):
        pointer = found.pointer + issue.pointer
        key = jp.last(pointer)
        if issue.kind == "required" and key in REQUIRED_HINTS:
            resource = jp.last(jp.parent(pointer))
            message = f"resource {resource!r} has no {key!r}; add {REQUIRED_HINTS[key]}"
        elif not issue.pointer:
            message = f"{POLLER_CONFIGURATION!r}: {issue.message}"
        else:
            message = f"{key!r}: {issue.message}"
        yield Finding(pointer, message, on_key=issue.on_key)


RULE = rule(
    "CE220",
    "poller-config-invalid",
    Severity.ERROR,
    "event.poller.configuration is not a usable per-resource configuration",
    __doc__,
    check,
    requires=(POLLER_CONFIGURATION,),
)
