"""## What it does
Reports events that the element's docs say it does not offer: an `event.vendor.type` the
element is documented as not supporting, or events turned on for an element documented as
supporting none (Evernote, Mixpanel, Fortnox, ...). When the docs describe only one type and
say nothing of the other, choosing the other is an info: the docs' silence is not a "no".

## Why is this bad?
The platform accepts the body, and then no poller runs and no webhook is registered: the
instance is created with events "on" and never sends one.

## Example
```json
{"element": {"key": "evernote"}, "name": "Evernote production",
 "configuration": {"oauth.api.key": "${EVERNOTE_CLIENT_ID}",
                   "oauth.api.secret": "${EVERNOTE_CLIENT_SECRET}",
                   "oauth.callback.url": "https://app.example.com/oauth/evernote",
                   "event.notification.enabled": true,
                   "event.vendor.type": "webhook",
                   "event.notification.callback.url": "https://app.example.com/events",
                   "event.notification.signature.key": "${EVERNOTE_SIGNATURE_KEY}"}}
```

## Fix
Choose an event type the element supports, or turn events off when it supports none:
```json
{"element": {"key": "evernote"}, "name": "Evernote production",
 "configuration": {"oauth.api.key": "${EVERNOTE_CLIENT_ID}",
                   "oauth.api.secret": "${EVERNOTE_CLIENT_SECRET}",
                   "oauth.callback.url": "https://app.example.com/oauth/evernote",
                   "event.notification.enabled": false}}
```
"""

from collections.abc import Iterator

from celint.elements.profiles import ElementProfile, Evidence
from celint.model import Finding, Severity, rule
from celint.rules.api import RuleContext
from celint.rules.support.config import events_off, is_blank
from celint.rules.support.evidence import capped, documented
from celint.schema.keys import ENABLED, POLLING, VENDOR_TYPE, VENDOR_TYPES, WEBHOOK

#: How the docs name each event type in a sentence.
NAMED = {POLLING: "polling", WEBHOOK: "webhooks"}
UNSTATED = ("unstated", Evidence("unstated"))


def _other(vendor_type: str) -> str:
    return WEBHOOK if vendor_type == POLLING else POLLING


def _chosen(context: RuleContext, profile: ElementProfile, vendor_type: str) -> Iterator[Finding]:
    """The chosen type against what the docs say of it, and of the other type."""
    state, evidence = profile.support.get(vendor_type, UNSTATED)
    other = _other(vendor_type)
    other_state, other_evidence = profile.support.get(other, UNSTATED)
    pointer = context.config_pointer(VENDOR_TYPE)
    if state == "unsupported":
        instead = (
            f"use {other!r}"
            if other_state != "unsupported"
            else f"it supports no events: set {ENABLED!r} to false"
        )
        yield Finding(
            pointer,
            f"{profile.key!r} is documented as not supporting {NAMED[vendor_type]}; {instead}",
            suggestion=other if other_state != "unsupported" else None,
            severity=capped(Severity.ERROR, evidence),
            evidence=evidence.cited(),
        )
    elif state == "unstated" and other_state == "supported":
        yield Finding(
            pointer,
            f"the {profile.key!r} docs describe {NAMED[other]} only and do not say whether it "
            f"supports {NAMED[vendor_type]}; check that it does, or use {other!r}",
            severity=Severity.INFO,
            evidence=other_evidence.cited(),
        )


def check(context: RuleContext) -> Iterator[Finding]:
    profile = context.profile
    if profile is None or events_off(context):
        return
    if context.vendor_type in VENDOR_TYPES:
        yield from _chosen(context, profile, context.vendor_type)
        return
    facts = [profile.support.get(t, UNSTATED) for t in VENDOR_TYPES]
    none = all(state == "unsupported" for state, _ in facts)
    if none and context.events_enabled and is_blank(context.configuration.get(VENDOR_TYPE)):
        yield Finding(
            context.config_pointer(ENABLED),
            f"{profile.key!r} is documented as supporting no events (neither polling nor "
            f"webhooks); set {ENABLED!r} to false",
            severity=capped(Severity.ERROR, *(evidence for _, evidence in facts)),
            evidence=facts[0][1].cited(),
        )


RULE = rule(
    "CE309",
    "event-type-unsupported",
    Severity.ERROR,
    "events of a type the element is documented as not supporting",
    documented(__doc__),
    check,
    requires=(ENABLED, VENDOR_TYPE),
)
