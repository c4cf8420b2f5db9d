"""## What it does
Reports a resource in `event.poller.urls` that the element does not have (`bils`, `Invoices`,
`customer`), with the resource it most likely means, and an empty resource (a doubled
separator, or one at either end). Resources run together with no separator are CE208.

## Why is this bad?
The poller asks the vendor for each listed resource; an unknown one fails on every poll, and
the events you wanted from it never come.

## Example
```json
{"event.poller.urls": "bills|Invoices||cusomers"}
```

## Fix
Use the element's resource names, each once, with single separators:
`"event.poller.urls": "bills|invoices|customers"`. `--fix` applies a correction only when one
resource is clearly meant.
"""

from collections.abc import Iterator

from celint.model import NO_FIX, Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import known_resource, poller_list, resource_severity
from celint.rules.support.evidence import documented
from celint.rules.support.poller_urls import segment
from celint.rules.support.text import clip
from celint.schema.keys import POLLER_URLS
from celint.suggest import closest


def check(context: RuleContext) -> Iterator[Finding]:
    found = poller_list(context)
    if found is None or context.profile is None or not found.items:
        return
    profile = context.profile
    resources, known = profile.resources, known_resource(profile)
    pointer = context.config_pointer(POLLER_URLS)
    if not found.foreign_separators() and found.empty_segments():
        yield Finding(
            pointer,
            f"{POLLER_URLS!r} has an empty resource (a doubled separator or one at either end); "
            f"separate resources with a single {found.separator!r}",
            suggestion=found.without_empty_segments(),
            fix=found.without_empty_segments(),
        )
    if not resources:
        return
    severity = resource_severity(profile)
    longest = max(len(resource) for resource in resources)
    for item, indexes in found.positions().items():
        if known(item) or segment(item, resources).readings:
            continue
        # A guess for a text much longer than any resource would be a poor one, and costly.
        guess = closest(item, resources) if len(item) <= 2 * longest else None
        if guess is None and severity < Severity.ERROR:
            continue  # an open list: a resource it does not name may well exist
        hint = f"did you mean {guess!r}?" if guess else f"known resources: {', '.join(resources)}"
        fixed = found.replaced(indexes, [guess]) if guess else None
        yield Finding(
            pointer,
            f"{profile.key!r} has no resource {clip(item)!r}; {hint}",
            suggestion=fixed,
            fix=fixed if fixed is not None else NO_FIX,
            severity=severity,
            evidence=profile.resources_evidence.cited(),
        )


RULE = rule(
    "CE207",
    "poller-resource-unknown",
    Severity.ERROR,
    "a resource the element does not have",
    documented(__doc__),
    check,
    fixable=True,
    requires=(POLLER_URLS,),
)
