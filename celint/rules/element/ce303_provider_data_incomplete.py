"""## What it does
Reports each key that `providerData` lacks for the chosen OAuth flow: the flow is
`authentication.type` when set, else the element's default (for QuickBooks, OAuth 1.0).
OAuth 2.0 needs `code` and `realmId`; OAuth 1.0 needs `oauth_token`, `oauth_verifier`,
`secret`, `realmId`, `state` and `dataSource`. When the data fits another flow, the message
says which `authentication.type` it fits.

## Why is this bad?
The platform completes the OAuth flow with what `providerData` holds; a missing key makes
instance creation fail with a vendor error that does not name the key.

## Example
```json
{"providerData": {"code": "${QBO_AUTH_CODE}"},
 "configuration": {"authentication.type": "oauth2"}}
```

## Fix
Add what the flow returned, or set `authentication.type` to the flow the data comes from:
```json
{"providerData": {"code": "${QBO_AUTH_CODE}", "realmId": "123145825528279"},
 "configuration": {"authentication.type": "oauth2"}}
```
"""

from collections.abc import Iterator

from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.evidence import capped, documented
from celint.rules.support.flows import chosen_flow
from celint.schema.keys import AUTH_TYPE

#: Keys of exported instances (GET /instances): they carry no providerData, and need none.
EXPORTED_MARKERS = ("id", "token")


def check(context: RuleContext) -> Iterator[Finding]:
    chosen = chosen_flow(context)
    profile = context.profile
    if profile is None or chosen is None:
        return
    flow = chosen.flow.name
    facts = chosen.flow.provider_data
    needed = profile.provider_data[flow]
    if not needed:
        return
    data = context.body.get("providerData")
    if data is None and not any(marker in context.body for marker in EXPORTED_MARKERS):
        # The surest of the keys it lacks decides: one confirmed key is enough for an error.
        surest = max(needed, key=lambda key: facts[key].evidence.severity)
        yield Finding(
            context.pointer("providerData"),
            f"'providerData' is missing; the {flow} flow needs {', '.join(needed)}",
            severity=capped(Severity.ERROR, facts[surest].evidence, chosen.default),
            evidence=facts[surest].evidence.cited(),
        )
        return
    if not isinstance(data, dict):
        return  # not an object: CE102's
    missing = [key for key in needed if key not in data]
    fits = [
        other
        for other, keys in profile.provider_data.items()
        if other != flow and keys and all(key in data for key in keys)
    ]
    hint = f"; the data fits {AUTH_TYPE} {fits[0]!r}" if fits else ""
    for key in missing:
        yield Finding(
            context.pointer("providerData", key),
            f"'providerData' lacks {key!r}, which the {flow} flow needs "
            f"({', '.join(needed)}){hint}",
            severity=capped(Severity.ERROR, facts[key].evidence, chosen.default),
            evidence=facts[key].evidence.cited(),
        )


RULE = rule(
    "CE303",
    "provider-data-incomplete",
    Severity.ERROR,
    "providerData lacks what the chosen OAuth flow needs",
    documented(__doc__),
    check,
)
