"""## What it does
Reports resources in `event.poller.urls` run together with no separator
(`bill-paymentsbillsclasses...`, as in the reference's own polling example), and splits them
into the element's resources by dynamic programming.

## Why is this bad?
The platform splits the list on the separator only. A run-together value is one resource name
that does not exist, so nothing is polled and no event ever arrives.

## Example
```json
{"event.poller.urls": "bill-paymentsbillsclassescredit-memos"}
```

## Fix
Separate the resources with the element's separator:
`"event.poller.urls": "bill-payments|bills|classes|credit-memos"`. `--fix` applies it when
there is exactly one way to split the text.
"""

from collections.abc import Iterator

from celint.model import NO_FIX, Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import known_resource, poller_list, resource_severity
from celint.rules.support.evidence import documented
from celint.rules.support.poller_urls import segment
from celint.rules.support.text import clip
from celint.schema.keys import POLLER_URLS


def check(context: RuleContext) -> Iterator[Finding]:
    found = poller_list(context)
    if found is None or context.profile is None:
        return
    resources, known = context.profile.resources, known_resource(context.profile)
    severity = resource_severity(context.profile)
    sep = found.separator
    for item, indexes in found.positions().items():
        if known(item):
            continue
        split = segment(item, resources)
        if not split.readings:
            continue
        first = split.readings[0]
        if split.unique:
            fixed = found.replaced(indexes, first)
            yield Finding(
                context.config_pointer(POLLER_URLS),
                f"{len(first)} resources are run together in {clip(item)!r}; separate them "
                f"with {sep!r}: {clip(sep.join(first), 300)!r}",
                suggestion=fixed,
                fix=fixed,
                severity=severity,
                evidence=context.profile.resources_evidence.cited(),
            )
        else:
            readings = " or ".join(repr(clip(sep.join(r), 150)) for r in split.readings)
            yield Finding(
                context.config_pointer(POLLER_URLS),
                f"resources are run together in {clip(item)!r}; separate them with {sep!r}, "
                f"for example {readings} (the text splits more than one way)",
                fix=NO_FIX,
                severity=severity,
                evidence=context.profile.resources_evidence.cited(),
            )


RULE = rule(
    "CE208",
    "poller-urls-concatenated",
    Severity.ERROR,
    "resources run together with no separator",
    documented(__doc__),
    check,
    fixable=True,
    requires=(POLLER_URLS,),
)
