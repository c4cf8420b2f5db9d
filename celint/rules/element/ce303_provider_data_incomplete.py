"""## What it does
Reports each key that `providerData` lacks for the chosen OAuth flow: the flow is
`authentication.type` when set, else the element's default (for QuickBooks, OAuth 1.0).
OAuth 2.0 needs `code` and `realmId`; OAuth 1.0 needs `oauth_token`, `oauth_verifier`,
`secret`, `realmId`, `state` and `dataSource`. When the data is all another flow needs, that is
one finding, which says which `authentication.type` the data fits. When `authentication.type`
is not a type the element supports (CE302), the data is judged against the one flow its keys
point to (`code` is OAuth 2.0's alone), or not at all.

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
from typing import Any

from celint.elements.profiles import ElementProfile, Flow
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import is_blank
from celint.rules.support.evidence import capped, documented
from celint.rules.support.flows import chosen_flow, fitting_other_flow
from celint.schema.keys import AUTH_TYPE, PROVIDER_DATA


def _flow(context: RuleContext, profile: ElementProfile, data: Any) -> tuple[Flow, Any] | None:
    """The flow the body runs and how sure that choice is (the evidence of a default), or, for
    a type the element has no flow for, the one flow the data's keys point to."""
    chosen = chosen_flow(context)
    if chosen is not None:
        return chosen.flow, chosen.default
    if is_blank(context.configuration.get(AUTH_TYPE)) or not isinstance(data, dict):
        return None
    named = _flow_of_data(profile, data)
    return (profile.flows[named], None) if named is not None else None


def _flow_of_data(profile: ElementProfile, data: dict[str, Any]) -> str | None:
    """The one flow named by the data's keys that no other flow documents (``code`` for OAuth
    2.0, ``oauth_token`` for OAuth 1.0); None when they name none or several."""
    owners: dict[str, set[str]] = {}
    for name, flow in profile.flows.items():
        for key in flow.provider_data:
            owners.setdefault(key, set()).add(name)
    named = {next(iter(owners[k])) for k in data if len(owners.get(k, ())) == 1}
    return named.pop() if len(named) == 1 else None


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    data = context.body.get(PROVIDER_DATA)
    found = _flow(context, profile, data) if profile is not None else None
    if profile is None or found is None:
        return
    chosen, default = found
    flow, facts = chosen.name, chosen.provider_data
    needed = profile.provider_data[flow]
    if not needed:
        return
    if data is None and not context.exported:
        # The surest of the keys it lacks decides: one confirmed key is enough for an error.
        surest = max(needed, key=lambda key: facts[key].evidence.severity)
        yield Finding(
            context.pointer(PROVIDER_DATA),
            f"{PROVIDER_DATA!r} is missing; the {flow} flow needs {', '.join(needed)}",
            severity=capped(Severity.ERROR, facts[surest].evidence, default),
            evidence=facts[surest].evidence.cited(),
        )
    if not isinstance(data, dict):
        return  # absent from an exported instance, or not an object (CE102's)
    missing = [key for key in needed if key not in data]
    other = fitting_other_flow(profile, flow, data)
    if other is not None:
        yield _other_flow(context, profile, flow, other, missing)
        return
    for key in missing:
        yield Finding(
            context.pointer(PROVIDER_DATA, key),
            f"{PROVIDER_DATA!r} lacks {key!r}, which the {flow} flow needs ({', '.join(needed)})",
            severity=capped(Severity.ERROR, facts[key].evidence, default),
            evidence=facts[key].evidence.cited(),
        )


def _other_flow(
    context: RuleContext, profile: ElementProfile, flow: str, other: str, missing: list[str]
) -> Finding:
    """One finding for data that is all another flow needs: the type is what is wrong."""
    facts = profile.flows[flow].provider_data
    value = profile.flows[other].type_value or other
    chosen = context.configuration.get(AUTH_TYPE)
    runs = (
        f"without {AUTH_TYPE} the {flow} flow runs"
        if is_blank(chosen)
        else f"{AUTH_TYPE} {chosen!r} runs the {flow} flow"
    )
    surest = max(missing, key=lambda key: facts[key].evidence.severity)
    return Finding(
        context.pointer(PROVIDER_DATA),
        f"{PROVIDER_DATA!r} holds what the {other} flow needs "
        f"({', '.join(profile.provider_data[other])}), but {runs}, which needs "
        f"{', '.join(missing)}: the data fits {AUTH_TYPE} {value!r}",
        severity=facts[surest].evidence.severity,
        evidence=facts[surest].evidence.cited(),
    )


RULE = rule(
    "CE303",
    "provider-data-incomplete",
    Severity.ERROR,
    "providerData lacks what the chosen OAuth flow needs",
    documented(__doc__),
    check,
)
