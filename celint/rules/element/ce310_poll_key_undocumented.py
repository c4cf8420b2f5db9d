"""## What it does
Reports a body that names the resources to poll in a key its element's docs do not poll
through: `event.poller.urls` for the Salesforce family, which polls the objects listed in
`event.objects`; `event.objects` for an element that polls `event.poller.urls`. The
per-resource `event.poller.configuration` is the platform's own poller, open to every element,
so it is never reported here. Elements whose docs show no polling key are left alone.

## Why is this bad?
Each element's poller reads the key its docs show. Resources listed in another key are not
polled: the instance is created with polling on, and no event ever arrives.

## Example
```json
{"element": {"key": "sfdc"}, "name": "Salesforce production",
 "providerData": {"code": "${SFDC_CODE}"},
 "configuration": {"oauth.api.key": "${SFDC_CLIENT_ID}",
                   "oauth.api.secret": "${SFDC_CLIENT_SECRET}",
                   "oauth.callback.url": "https://app.example.com/oauth/sfdc",
                   "event.notification.enabled": true,
                   "event.vendor.type": "polling",
                   "event.notification.callback.url": "https://app.example.com/events",
                   "event.notification.signature.key": "${SFDC_SIGNATURE_KEY}",
                   "event.poller.refresh_interval": 15,
                   "event.poller.urls": "Account|Contact"}}
```

## Fix
Name the resources in the key the element polls through, in its form:
```json
{"element": {"key": "sfdc"}, "name": "Salesforce production",
 "providerData": {"code": "${SFDC_CODE}"},
 "configuration": {"oauth.api.key": "${SFDC_CLIENT_ID}",
                   "oauth.api.secret": "${SFDC_CLIENT_SECRET}",
                   "oauth.callback.url": "https://app.example.com/oauth/sfdc",
                   "event.notification.enabled": true,
                   "event.vendor.type": "polling",
                   "event.notification.callback.url": "https://app.example.com/events",
                   "event.notification.signature.key": "${SFDC_SIGNATURE_KEY}",
                   "event.poller.refresh_interval": 15,
                   "event.objects": "Account,Contact"}}
```
"""

from collections.abc import Iterator

from celint.elements.profiles import ElementProfile
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import events_off, is_blank
from celint.rules.support.evidence import capped, documented
from celint.schema.keys import EVENT_OBJECTS, POLL_KEYS, POLLER_CONFIGURATION, WEBHOOK


def _form(profile: ElementProfile, key: str) -> str:
    """A documented polling key and the form its value takes, for the message."""
    if key == POLLER_CONFIGURATION:
        return f"{key!r} (one entry per resource)"
    what = "objects" if key == EVENT_OBJECTS else "resources"
    return f"{key!r} ({what} separated by {profile.poll_keys.get(key, profile.separator)!r})"


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    if profile is None or not profile.poll_key_evidence:
        return
    if events_off(context) or context.vendor_type == WEBHOOK:
        return  # the poller does not run: CE216 says the settings are ignored
    documented_keys = profile.poll_key_evidence
    for key in POLL_KEYS:
        # The per-resource configuration is the platform's own poller, open to every element:
        # not documenting it is no evidence against it.
        if key == POLLER_CONFIGURATION or key in documented_keys:
            continue
        if is_blank(context.configuration.get(key)):
            continue
        surest = max(documented_keys.values(), key=lambda evidence: evidence.severity)
        forms = " or ".join(_form(profile, shown) for shown in documented_keys)
        yield Finding(
            context.config_pointer(key),
            f"the {profile.key!r} docs poll through {forms}, not {key!r}; name the resources there",
            suggestion=next(iter(documented_keys)) if len(documented_keys) == 1 else None,
            on_key=True,
            severity=capped(Severity.WARNING, surest),
            evidence=surest.cited(),
        )


RULE = rule(
    "CE310",
    "poll-key-undocumented",
    Severity.WARNING,
    "resources to poll named in a key the element's docs do not poll through",
    documented(__doc__),
    check,
    requires=POLL_KEYS,
)
