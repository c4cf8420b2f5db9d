"""## What it does
Reports a `configuration` key that the element's authentication flow requires and the body
lacks: for NetSuite ERP's Basic flow `netsuite.accountId`, `netsuite.appId`,
`netsuite.sandbox`, `user.username` and `user.password`. Only a key the docs mark as required
(an explicit Required column, or a reviewed decision) counts: most parameter tables mark
nothing, and an unmarked key is never reported as missing. When the body names no flow and the
element has several, only the keys every flow requires are reported.

## Why is this bad?
Without a required key the platform refuses the instance, or creates one that fails on its
first call (no account to log in to, no sandbox choice), with a vendor error that does not name
the key.

## Example
```json
{"element": {"key": "netsuiteerpv2"}, "name": "NetSuite production",
 "configuration": {"authentication.type": "Basic",
                   "netsuite.accountId": "${NETSUITE_ACCOUNT_ID}",
                   "netsuite.appId": "${NETSUITE_APP_ID}",
                   "netsuite.sandbox": false,
                   "user.username": "integration@example.com"}}
```

## Fix
Add the key:
```json
{"element": {"key": "netsuiteerpv2"}, "name": "NetSuite production",
 "configuration": {"authentication.type": "Basic",
                   "netsuite.accountId": "${NETSUITE_ACCOUNT_ID}",
                   "netsuite.appId": "${NETSUITE_APP_ID}",
                   "netsuite.sandbox": false,
                   "user.username": "integration@example.com",
                   "user.password": "${NETSUITE_PASSWORD}"}}
```
"""

from collections.abc import Iterator

from celint.elements.profiles import Flow, KeyFact
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.evidence import capped, documented
from celint.rules.support.flows import chosen_flow


def _required(flow: Flow) -> dict[str, KeyFact]:
    return {key: fact for key, fact in flow.configuration.items() if fact.required == "required"}


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    configuration = context.body.get("configuration")
    if profile is None or not profile.flows or not isinstance(configuration, dict):
        return
    chosen = chosen_flow(context)
    flows = [chosen.flow] if chosen is not None else list(profile.flows.values())
    required = [_required(flow) for flow in flows]
    for key in required[0]:
        if key in configuration or not all(key in facts for facts in required):
            continue
        # Several flows: the least sure of their facts decides.
        fact = min((facts[key] for facts in required), key=lambda f: f.evidence.severity)
        whose = chosen.described() if chosen is not None else "every one of its flows"
        yield Finding(
            context.config_pointer(key),
            f"{key!r} is missing; {profile.key!r} requires it for {whose}",
            severity=capped(Severity.ERROR, fact.evidence, chosen.default if chosen else None),
            evidence=fact.evidence.cited(),
        )


RULE = rule(
    "CE308",
    "configuration-key-missing",
    Severity.ERROR,
    "a configuration key the element's flow requires is missing",
    documented(__doc__),
    check,
)
