"""A valid QuickBooks Online OAuth 2.0 polling body, and variations of it, for the tests.

Secrets are environment references, the callback is a public https URL: the body gives no
finding at all, so a test that changes one key sees exactly the findings of that change.
"""

from __future__ import annotations

import copy
import json
from typing import Any

DROP = object()
VALID: dict[str, Any] = {
    "element": {"key": "quickbooks"},
    "providerData": {"code": "${QBO_AUTH_CODE}", "realmId": "123145825528279"},
    "configuration": {
        "authentication.type": "oauth2",
        "scope": "com.intuit.quickbooks.accounting openid",
        "oauth.api.key": "${QBO_CLIENT_ID}",
        "oauth.api.secret": "${QBO_CLIENT_SECRET}",
        "oauth.callback.url": "https://myapp.example.com/oauth/callback",
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.notification.callback.url": "https://myapp.example.com/events",
        "event.notification.signature.key": "${QBO_EVENTS_SIGNATURE_KEY}",
        "event.poller.refresh_interval": 15,
        "event.poller.urls": "bills|invoices|customers",
    },
    "tags": ["production"],
    "name": "QuickBooks production",
}


def valid_body() -> dict[str, Any]:
    """A fresh copy of the valid body, to change freely."""
    return copy.deepcopy(VALID)


def make_body(configuration: dict[str, Any] | None = None, **top: Any) -> str:
    """The valid body as pretty-printed JSON, with configuration keys and top-level keys
    changed (a value of ``DROP`` removes the key)."""
    body = valid_body()
    for target, changes in ((body["configuration"], configuration or {}), (body, top)):
        for key, value in changes.items():
            if value is DROP:
                target.pop(key, None)
            else:
                target[key] = value
    return json.dumps(body, indent=2)
