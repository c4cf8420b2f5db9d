"""## What it does
Reports a `configuration` or `providerData` key that the element documents for another
authentication flow than the one the body uses: `oauth.api.key` in a HubSpot body whose
`authentication.type` is `apiKey`, or `hubspot.authorization.apikey` in an OAuth 2.0 body. The
flow is the one `authentication.type` selects, or the element's default.

## Why is this bad?
Each flow reads its own keys. A key of another flow is ignored, which usually means the body
mixes two flows: it was meant for the other one (and `authentication.type` is wrong), or a key
was left over when the flow changed, and the flow it does use may lack what it needs.

## Example
```json
{"element": {"key": "hubspot"}, "name": "HubSpot production",
 "configuration": {"authentication.type": "apiKey",
                   "hubspot.authorization.apikey": "${HUBSPOT_API_KEY}",
                   "oauth.api.key": "${HUBSPOT_CLIENT_ID}"}}
```

## Fix
Keep the keys of the flow the body uses (or set `authentication.type` to the other flow):
```json
{"element": {"key": "hubspot"}, "name": "HubSpot production",
 "configuration": {"authentication.type": "apiKey",
                   "hubspot.authorization.apikey": "${HUBSPOT_API_KEY}"}}
```
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.evidence import capped, documented
from celint.rules.support.flows import body_keys, chosen_flow, fitting_other_flow, keys_of
from celint.schema.keys import AUTH_TYPE, PROVIDER_DATA


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    chosen = chosen_flow(context)
    if profile is None or chosen is None:
        return
    others = [flow for flow in profile.flows.values() if flow is not chosen.flow]
    # providerData that is all another flow's is CE303's one finding, not one per key here.
    whole = fitting_other_flow(profile, chosen.flow.name, context.body.get(PROVIDER_DATA))
    for section, key in body_keys(context):
        if key in keys_of(chosen.flow, section) or (whole and section == PROVIDER_DATA):
            continue
        owner = next((flow for flow in others if key in keys_of(flow, section)), None)
        if owner is None:
            continue
        fact = keys_of(owner, section)[key]
        value = owner.type_value or owner.name
        switch = f", or set {AUTH_TYPE!r} to {value!r}" if owner.name != "unnamed" else ""
        yield Finding(
            context.pointer(section, key),
            f"{key!r} is a {section} key of the {owner.name} flow of {profile.key!r}, but this "
            f"body uses {chosen.described()}; remove it{switch}",
            on_key=True,
            severity=capped(Severity.WARNING, fact.evidence, chosen.default),
            evidence=fact.evidence.cited(),
        )


RULE = rule(
    "CE307",
    "configuration-key-other-flow",
    Severity.WARNING,
    "a configuration or providerData key of another authentication flow than the body's",
    documented(__doc__),
    check,
)
