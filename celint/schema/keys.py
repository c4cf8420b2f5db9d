"""The configuration keys the parameter tables name, and the accepted spellings of their values.

The one place a key or an accepted value is spelt: rules, sniffing, secrets and scaffolding
import these names rather than writing the strings again.
"""

from __future__ import annotations

#: The members of an instance body that sniffing and the engine name.
ELEMENT, PROVIDER_DATA, CONFIGURATION = "element", "providerData", "configuration"

EVENT_PREFIX = "event."
POLLER_PREFIX = "event.poller."
OAUTH_PREFIX = "oauth."

ENABLED = "event.notification.enabled"
VENDOR_TYPE = "event.vendor.type"
CALLBACK_URL = "event.notification.callback.url"
SIGNATURE_KEY = "event.notification.signature.key"
REFRESH_INTERVAL = "event.poller.refresh_interval"
POLLER_URLS = "event.poller.urls"
POLLER_CONFIGURATION = "event.poller.configuration"
EVENT_OBJECTS = "event.objects"
#: ``event.objects`` lists resources separated by commas (``"Contact,Account"``).
EVENT_OBJECTS_SEPARATOR = ","
OAUTH_CALLBACK_URL = "oauth.callback.url"
OAUTH_SECRET = "oauth.api.secret"
AUTH_TYPE = "authentication.type"
SCOPE = "scope"
FILTER_NULLS = "filter.response.nulls"

#: Configuration keys of the platform rather than of one element's authentication flow: a
#: parameter table may list them (``filter.response.nulls`` is on 20 elements' tables, under one
#: flow of QuickBooks), but a body may set them for any element and flow. The ``event.*`` keys
#: are the platform's too; the events schema owns them.
PLATFORM_KEYS = (AUTH_TYPE, FILTER_NULLS)

#: The keys a body may name the resources to poll in: a list of names, a per-resource
#: configuration, or the Salesforce family's list of objects.
POLL_KEYS = (POLLER_URLS, POLLER_CONFIGURATION, EVENT_OBJECTS)

#: The event types of the parameter table, and the spelling the platform also accepts.
WEBHOOK, POLLING = "webhook", "polling"
VENDOR_TYPES = (POLLING, WEBHOOK)
VENDOR_TYPE_ALIASES = {"webhooks": WEBHOOK}

#: The keys whose values are URLs the platform calls or redirects to.
URL_KEYS = (CALLBACK_URL, OAUTH_CALLBACK_URL)

#: What the platform writes in ``event.notification.callback.url`` of an instance it returns
#: with events off: its own "no callback", not a URL the user wrote.
UNSET_BY_PLATFORM = "false"

#: Fields that only an instance the platform returns carries (``POST /instances``'s response,
#: ``GET /instances[/{id}]``): a body with one of them is an exported instance.
EXPORT_MARKERS = frozenset(
    {
        "id",
        "token",
        "elementId",
        "provisionInteractions",
        "valid",
        "createdDate",
        "updatedDate",
        "user",
        "eventsNotificationCallbackUrl",
    }
)
