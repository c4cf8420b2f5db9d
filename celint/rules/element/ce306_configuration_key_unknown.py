"""## What it does
Reports a `configuration` or `providerData` key that the element's authentication flow does not
document but that is close to one it does (`zendesk.subdomian` → `zendesk.subdomain`,
`hubspot.authorization.apiKey` → `hubspot.authorization.apikey`). The flow is the one that
`authentication.type` selects, or the element's default. A key that is close to no documented
key is left alone: the docs do not list every key an element accepts. The platform's own keys
(`event.*`, `authentication.type`, `filter.response.nulls`) are never unknown here.

## Why is this bad?
The platform ignores a key it does not know. A misspelt subdomain, tenant or API key is not
used, and the instance fails to authenticate (or talks to the wrong account) with a vendor
error that does not name the key.

## Example
```json
{"element": {"key": "zendesk"}, "name": "Zendesk production",
 "providerData": {"code": "${ZENDESK_CODE}"},
 "configuration": {"oauth.api.key": "${ZENDESK_CLIENT_ID}",
                   "oauth.api.secret": "${ZENDESK_CLIENT_SECRET}",
                   "oauth.callback.url": "https://app.example.com/oauth/zendesk",
                   "zendesk.subdomian": "acme"}}
```

## Fix
Use the key the element documents:
```json
{"element": {"key": "zendesk"}, "name": "Zendesk production",
 "providerData": {"code": "${ZENDESK_CODE}"},
 "configuration": {"oauth.api.key": "${ZENDESK_CLIENT_ID}",
                   "oauth.api.secret": "${ZENDESK_CLIENT_SECRET}",
                   "oauth.callback.url": "https://app.example.com/oauth/zendesk",
                   "zendesk.subdomain": "acme"}}
```
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.evidence import capped, documented
from celint.rules.support.flows import (
    CONFIGURATION,
    all_keys,
    body_keys,
    chosen_flow,
    keys_of,
)
from celint.schema.keys import PLATFORM_KEYS
from celint.suggest import closest


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    if profile is None or not profile.flows:
        return
    chosen = chosen_flow(context)
    for section, key in body_keys(context):
        if key in all_keys(profile, section):
            continue  # this flow's key, or another flow's (CE307's)
        documented_keys = keys_of(chosen.flow, section) if chosen else all_keys(profile, section)
        candidates = [*documented_keys, *(PLATFORM_KEYS if section == CONFIGURATION else ())]
        guess = closest(key, candidates)
        if guess is None:
            continue  # not close to any: the docs may simply not list it
        fact = documented_keys.get(guess)
        whose = chosen.described() if chosen else "any of its flows"
        yield Finding(
            context.pointer(section, key),
            f"{key!r} is not a {section} key that {profile.key!r} documents for {whose}; "
            f"did you mean {guess!r}?",
            suggestion=guess,
            on_key=True,
            severity=capped(
                Severity.WARNING,
                fact.evidence if fact else None,
                chosen.default if chosen else None,
            ),
            evidence=fact.evidence.cited() if fact else None,
        )


RULE = rule(
    "CE306",
    "configuration-key-unknown",
    Severity.WARNING,
    "a configuration or providerData key close to one the element's flow documents",
    documented(__doc__),
    check,
)
