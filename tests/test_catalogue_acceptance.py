"""Ten elements across hubs, each linted by its catalogue profile: a body built from the element's
documented example passes with no finding at all, and three mutations of it each give exactly
the one finding of a catalogue rule (CE306-CE310) that the mutation calls for.

The bodies are data here, so CI needs no ``../shared`` folder. Each one's keys are the keys of
the docs' example request bodies (the comments name their lines in cloud-elements/devportal at
dad3573, as ``schemas/elements/catalogue.json`` cites them); secrets are ``${VAR}`` references,
and the values the docs leave as placeholders are plausible ones. Every file is linted by one
run of the installed ``celint``, as CI would run it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint

Body = dict[str, Any]
Mutation = Callable[[Body], Body]

CALLBACK = "https://app.example.com/events"


def _events(prefix: str, vendor_type: str, **polling: Any) -> dict[str, Any]:
    """Events on, of ``vendor_type``, with a signature key; ``polling`` adds the poller keys."""
    events: dict[str, Any] = {
        "event.notification.enabled": True,
        "event.vendor.type": vendor_type,
        "event.notification.callback.url": CALLBACK,
        "event.notification.signature.key": "${" + prefix + "_SIGNATURE_KEY}",
    }
    if polling:
        events["event.poller.refresh_interval"] = 15
        events.update(polling)
    return events


def _poller(resource: str, url: str, updated: str, created: str) -> dict[str, Any]:
    """One ``event.poller.configuration`` entry as the docs' events examples write it."""
    return {
        resource: {
            "url": url,
            "idField": "id",
            "datesConfiguration": {
                "updatedDateField": updated,
                "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX",
                "updatedDateTimezone": "GMT",
                "createdDateField": created,
                "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX",
                "createdDateTimezone": "GMT",
            },
        }
    }


def _body(key: str, name: str, configuration: dict[str, Any], **top: Any) -> Body:
    return {"element": {"key": key}, "name": name, **top, "configuration": configuration}


#: The documented examples, by element key (hub in the comment).
GOOD: dict[str, Body] = {
    # helpdesk. docs/elements/zendesk/authenticate.md:121-127 (OAuth 2.0 request body);
    # events.md:47-48 (event.poller.configuration, users).
    "zendesk": _body(
        "zendesk",
        "Zendesk production",
        {
            "oauth.callback.url": "https://app.example.com/oauth/zendesk",
            "oauth.api.key": "${ZENDESK_CLIENT_ID}",
            "oauth.api.secret": "${ZENDESK_CLIENT_SECRET}",
            "zendesk.subdomain": "acme",
            **_events(
                "ZENDESK",
                "polling",
                **{
                    "event.poller.configuration": _poller(
                        "users",
                        "/hubs/helpdesk/users?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                        "updated_at",
                        "created_at",
                    )
                },
            ),
        },
        providerData={"code": "${ZENDESK_CODE}"},
    ),
    # finance (NetSuite ERP). _includes/Elements/netsuite/authenticate.md:60-67 via
    # docs/elements/netsuite-2016-erp/authenticate.md:14 (Basic); events2.md:50 (customers).
    "netsuiteerpv2": _body(
        "netsuiteerpv2",
        "NetSuite ERP production",
        {
            "netsuite.sandbox": False,
            "netsuite.accountId": "${NETSUITE_ACCOUNT_ID}",
            "netsuite.single.session": False,
            "authentication.type": "Basic",
            "user.username": "integration@example.com",
            "user.password": "${NETSUITE_PASSWORD}",
            "netsuite.appId": "${NETSUITE_APP_ID}",
            **_events(
                "NETSUITE",
                "polling",
                **{
                    "event.poller.configuration": _poller(
                        "customers",
                        "/hubs/erp/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                        "lastModifiedDate",
                        "dateCreated",
                    )
                },
            ),
        },
    ),
    # scheduling. _includes/Elements/google/authenticate.md:109-114 via
    # docs/elements/google-calendar/authenticate.md; events.md:91-104 (changed events).
    "googlecalendar": _body(
        "googlecalendar",
        "Google Calendar production",
        {
            "oauth.callback.url": "https://app.example.com/oauth/google",
            "oauth.api.key": "${GOOGLE_CLIENT_ID}",
            "oauth.api.secret": "${GOOGLE_CLIENT_SECRET}",
            **_events(
                "GOOGLECALENDAR",
                "polling",
                **{
                    "event.poller.configuration": _poller(
                        "calendars/primary/changed-events",
                        "/hubs/scheduling/calendars/primary/changed-events?where=updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                        "updated",
                        "created",
                    )
                },
            ),
        },
        providerData={"code": "${GOOGLE_CODE}"},
    ),
    # crm. docs/elements/dynamicscrm/authenticate.md:70-73 (custom: the ADFS user);
    # events.md:94-95 (accounts).
    "dynamicscrmadfs": _body(
        "dynamicscrmadfs",
        "Dynamics CRM production",
        {
            "authentication.type": "custom",
            "user.username": "integration@example.com",
            "user.password": "${DYNAMICS_PASSWORD}",
            "dynamics.tenant": "acme.crm.dynamics.com",
            **_events(
                "DYNAMICS",
                "polling",
                **{
                    "event.poller.configuration": _poller(
                        "accounts",
                        "/hubs/crm/accounts?where=modifiedon>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                        "modifiedon",
                        "createdon",
                    )
                },
            ),
        },
    ),
    # documents. docs/elements/sharefile/authenticate.md:129-136 (OAuth 2.0);
    # events.md:81-86 (event.vendor.type polling, documents).
    "sharefile": _body(
        "sharefile",
        "ShareFile production",
        {
            "oauth.callback.url": "https://app.example.com/oauth/sharefile",
            "oauth.api.key": "${SHAREFILE_CLIENT_ID}",
            "oauth.api.secret": "${SHAREFILE_CLIENT_SECRET}",
            "document.root.folder.name": "/",
            "sharefile.subdomain": "acme",
            **_events(
                "SHAREFILE",
                "polling",
                **{
                    "event.poller.configuration": _poller(
                        "documents",
                        "/hubs/documents/events/poll/documents?where=lastmodifieddate='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                        "lastmodifieddate",
                        "createddate",
                    )
                },
            ),
        },
        providerData={"code": "${SHAREFILE_CODE}"},
    ),
    # ecommerce. docs/elements/shopify/authenticate.md:120-127 (OAuth 2.0);
    # events.md:129-135 (webhooks, with the topics to subscribe to).
    "shopify": _body(
        "shopify",
        "Shopify production",
        {
            "oauth.api.key": "${SHOPIFY_CLIENT_ID}",
            "oauth.api.secret": "${SHOPIFY_CLIENT_SECRET}",
            "oauth.callback.url": "https://app.example.com/oauth/shopify",
            "shopify.site.address": "acme.myshopify.com",
            "oauth.scope": "read_orders,read_customers",
            "shopify.webhook.topics": "orders/create,customers/update",
            **_events("SHOPIFY", "webhook"),
        },
        providerData={"code": "${SHOPIFY_CODE}"},
    ),
    # employee (point of sale). docs/elements/clover/authenticate.md:136-143 (OAuth 2.0);
    # events.md:94-99 (timesheets).
    "clover": _body(
        "clover",
        "Clover production",
        {
            "oauth.api.key": "${CLOVER_CLIENT_ID}",
            "oauth.api.secret": "${CLOVER_CLIENT_SECRET}",
            "oauth.callback.url": "https://app.example.com/oauth/clover",
            "clover.sandbox": False,
            "merchantId": "${CLOVER_MERCHANT_ID}",
            **_events(
                "CLOVER",
                "polling",
                **{
                    "event.poller.configuration": _poller(
                        "timesheets",
                        "/hubs/employee/timesheets?where=modifiedTime>='${epoch}'",
                        "modifiedTime",
                        "createdTime",
                    )
                },
            ),
        },
        providerData={"code": "${CLOVER_CODE}"},
    ),
    # marketing. docs/elements/pardot/pardot-create-instance.md:47-50 (API key);
    # events.md:41 (event.poller.urls contacts|leads).
    "pardot": _body(
        "pardot",
        "Pardot production",
        {
            "apikey.user.name": "integration@example.com",
            "apikey.user.password": "${PARDOT_PASSWORD}",
            "apikey.user.key": "${PARDOT_USER_KEY}",
            "provider.version": "4",
            **_events("PARDOT", "polling", **{"event.poller.urls": "contacts|leads"}),
        },
    ),
    # payment. docs/elements/zuora/authenticate.md:130-133 (basic); webhooks (events.md:34).
    "zuorav2": _body(
        "zuorav2",
        "Zuora production",
        {
            "zuorav2.sandbox": True,
            "authentication.type": "basic",
            "username": "integration@example.com",
            "password": "${ZUORA_PASSWORD}",
            **_events("ZUORA", "webhook"),
        },
    ),
    # humancapital. docs/elements/taleobusiness/includes/config-fields.md:1-3 via
    # authenticate.md:61; events.md:84-89 (requisitions).
    "taleobusiness": _body(
        "taleobusiness",
        "Taleo Business production",
        {
            "username": "integration",
            "password": "${TALEO_PASSWORD}",
            "taleo.company.code": "ACME",
            **_events(
                "TALEO",
                "polling",
                **{
                    "event.poller.configuration": _poller(
                        "requisitions",
                        "/hubs/humancapital/requisitions?where=lastUpdated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
                        "lastUpdated",
                        "creationDate",
                    )
                },
            ),
        },
    ),
}


# -- mutations ---------------------------------------------------------------------------------


def renamed(old: str, new: str, section: str = "configuration") -> Mutation:
    """The key ``old`` spelt ``new`` (same value, same place)."""

    def mutate(body: Body) -> Body:
        body[section] = {new if k == old else k: v for k, v in body[section].items()}
        return body

    return mutate


def added(**members: Any) -> Mutation:
    """Configuration members added (keys with dots are given as ``__`` here)."""

    def mutate(body: Body) -> Body:
        body["configuration"].update({k.replace("__", "."): v for k, v in members.items()})
        return body

    return mutate


def removed(*keys: str) -> Mutation:
    def mutate(body: Body) -> Body:
        for key in keys:
            del body["configuration"][key]
        return body

    return mutate


def webhook_instead(body: Body) -> Body:
    """Webhooks chosen, the poller keys gone (so only the event type is in question)."""
    configuration = body["configuration"]
    for key in [k for k in configuration if k.startswith("event.poller.")]:
        del configuration[key]
    configuration["event.vendor.type"] = "webhook"
    return body


def polling_through(key: str, value: Any) -> Mutation:
    """The resources named in ``key`` instead of the element's documented polling key."""

    def mutate(body: Body) -> Body:
        configuration = body["configuration"]
        for documented in ("event.poller.configuration", "event.poller.urls"):
            configuration.pop(documented, None)
        configuration["event.vendor.type"] = "polling"
        configuration.setdefault("event.poller.refresh_interval", 15)
        configuration[key] = value
        return body

    return mutate


def _config(key: str) -> str:
    return f"/configuration/{key}"


POLLING_ONLY = "describe polling only and do not say whether it supports webhooks"

#: element -> three (mutation, (code, severity, pointer, message)).
MUTATIONS: dict[str, list[tuple[Mutation, tuple[str, str, str, str]]]] = {
    "zendesk": [
        (
            renamed("zendesk.subdomain", "zendesk.subdomian"),
            (
                "CE306",
                "warning",
                _config("zendesk.subdomian"),
                "'zendesk.subdomian' is not a configuration key that 'zendesk' documents for the "
                "oauth2 flow; did you mean 'zendesk.subdomain'?",
            ),
        ),
        (
            renamed("code", "Code", "providerData"),
            (
                "CE306",
                "warning",
                "/providerData/Code",
                "'Code' is not a providerData key that 'zendesk' documents for the oauth2 flow; "
                "did you mean 'code'?",
            ),
        ),
        (
            polling_through("event.poller.urls", "users"),
            (
                "CE310",
                "warning",
                _config("event.poller.urls"),
                "the 'zendesk' docs poll through 'event.poller.configuration' (one entry per "
                "resource), not 'event.poller.urls'; name the resources there",
            ),
        ),
    ],
    "netsuiteerpv2": [
        (
            removed("netsuite.appId"),
            (
                "CE308",
                "error",
                _config("netsuite.appId"),
                "'netsuite.appId' is missing; 'netsuiteerpv2' requires it for the basic flow",
            ),
        ),
        (
            # Switched to the token-based flow (authenticate.md:85-94), the password left over.
            lambda body: added(
                authentication__type="custom",
                consumer_key="${NETSUITE_CONSUMER_KEY}",
                consumer_secret="${NETSUITE_CONSUMER_SECRET}",
                token_id="${NETSUITE_TOKEN_ID}",
                token_secret="${NETSUITE_TOKEN_SECRET}",
            )(removed("user.username", "netsuite.appId")(body)),
            (
                "CE307",
                "warning",
                _config("user.password"),
                "'user.password' is a configuration key of the basic flow of 'netsuiteerpv2', but "
                "this body uses the custom flow; remove it, or set 'authentication.type' to "
                "'Basic'",
            ),
        ),
        (
            webhook_instead,
            (
                "CE309",
                "info",
                _config("event.vendor.type"),
                f"the 'netsuiteerpv2' docs {POLLING_ONLY}; check that it does, or use 'polling'",
            ),
        ),
    ],
    "googlecalendar": [
        (
            renamed("oauth.callback.url", "oauth.callbak.url"),
            (
                "CE306",
                "warning",
                _config("oauth.callbak.url"),
                "'oauth.callbak.url' is not a configuration key that 'googlecalendar' documents "
                "for the oauth2 flow; did you mean 'oauth.callback.url'?",
            ),
        ),
        (
            webhook_instead,
            (
                "CE309",
                "info",
                _config("event.vendor.type"),
                f"the 'googlecalendar' docs {POLLING_ONLY}; check that it does, or use 'polling'",
            ),
        ),
        (
            polling_through("event.poller.urls", "calendars/primary/changed-events"),
            (
                "CE310",
                "warning",
                _config("event.poller.urls"),
                "the 'googlecalendar' docs poll through 'event.poller.configuration' (one entry "
                "per resource), not 'event.poller.urls'; name the resources there",
            ),
        ),
    ],
    "dynamicscrmadfs": [
        (
            added(oauth__api__key="${DYNAMICS_CLIENT_ID}"),
            (
                "CE307",
                "warning",
                _config("oauth.api.key"),
                "'oauth.api.key' is a configuration key of the oauth2 flow of 'dynamicscrmadfs', "
                "but this body uses the custom flow; remove it, or set 'authentication.type' to "
                "'oauth2'",
            ),
        ),
        (
            renamed("dynamics.tenant", "dynamics.tennant"),
            (
                "CE306",
                "warning",
                _config("dynamics.tennant"),
                "'dynamics.tennant' is not a configuration key that 'dynamicscrmadfs' documents "
                "for the custom flow; did you mean 'dynamics.tenant'?",
            ),
        ),
        (
            polling_through("event.objects", "accounts"),
            (
                "CE310",
                "warning",
                _config("event.objects"),
                "the 'dynamicscrmadfs' docs poll through 'event.poller.configuration' (one entry "
                "per resource), not 'event.objects'; name the resources there",
            ),
        ),
    ],
    "sharefile": [
        (
            renamed("sharefile.subdomain", "sharefile.subdomian"),
            (
                "CE306",
                "warning",
                _config("sharefile.subdomian"),
                "'sharefile.subdomian' is not a configuration key that 'sharefile' documents for "
                "the oauth2 flow; did you mean 'sharefile.subdomain'?",
            ),
        ),
        (
            renamed("document.root.folder.name", "document.root.folder"),
            (
                "CE306",
                "warning",
                _config("document.root.folder"),
                "'document.root.folder' is not a configuration key that 'sharefile' documents for "
                "the oauth2 flow; did you mean 'document.root.folder.name'?",
            ),
        ),
        (
            polling_through("event.objects", "documents"),
            (
                "CE310",
                "warning",
                _config("event.objects"),
                "the 'sharefile' docs poll through 'event.poller.configuration' (one entry per "
                "resource) or 'event.poller.urls' (resources separated by '|'), not "
                "'event.objects'; name the resources there",
            ),
        ),
    ],
    "shopify": [
        (
            renamed("shopify.site.address", "shopify.site.adress"),
            (
                "CE306",
                "warning",
                _config("shopify.site.adress"),
                "'shopify.site.adress' is not a configuration key that 'shopify' documents for "
                "the oauth2 flow; did you mean 'shopify.site.address'?",
            ),
        ),
        (
            renamed("oauth.scope", "oauth.scopes"),
            (
                "CE306",
                "warning",
                _config("oauth.scopes"),
                "'oauth.scopes' is not a configuration key that 'shopify' documents for the "
                "oauth2 flow; did you mean 'oauth.scope'?",
            ),
        ),
        (
            polling_through("event.poller.urls", "orders"),
            (
                "CE309",
                "info",
                _config("event.vendor.type"),
                "the 'shopify' docs describe webhooks only and do not say whether it supports "
                "polling; check that it does, or use 'webhook'",
            ),
        ),
    ],
    "clover": [
        (
            renamed("merchantId", "merchantID"),
            (
                "CE306",
                "warning",
                _config("merchantID"),
                "'merchantID' is not a configuration key that 'clover' documents for the oauth2 "
                "flow; did you mean 'merchantId'?",
            ),
        ),
        (
            webhook_instead,
            (
                "CE309",
                "info",
                _config("event.vendor.type"),
                f"the 'clover' docs {POLLING_ONLY}; check that it does, or use 'polling'",
            ),
        ),
        (
            polling_through("event.poller.urls", "employees|payments"),
            (
                "CE310",
                "warning",
                _config("event.poller.urls"),
                "the 'clover' docs poll through 'event.poller.configuration' (one entry per "
                "resource), not 'event.poller.urls'; name the resources there",
            ),
        ),
    ],
    "pardot": [
        (
            renamed("apikey.user.password", "apikey.user.passwd"),
            (
                "CE306",
                "warning",
                _config("apikey.user.passwd"),
                "'apikey.user.passwd' is not a configuration key that 'pardot' documents for the "
                "apiKey flow; did you mean 'apikey.user.password'?",
            ),
        ),
        (
            webhook_instead,
            (
                "CE309",
                "info",
                _config("event.vendor.type"),
                f"the 'pardot' docs {POLLING_ONLY}; check that it does, or use 'polling'",
            ),
        ),
        (
            polling_through("event.objects", "contacts,leads"),
            (
                "CE310",
                "warning",
                _config("event.objects"),
                "the 'pardot' docs poll through 'event.poller.urls' (resources separated by '|'), "
                "not 'event.objects'; name the resources there",
            ),
        ),
    ],
    "zuorav2": [
        (
            added(clientSecret="${ZUORA_CLIENT_SECRET}"),
            (
                "CE307",
                "warning",
                _config("clientSecret"),
                "'clientSecret' is a configuration key of the custom flow of 'zuorav2', but this "
                "body uses the basic flow; remove it, or set 'authentication.type' to 'custom'",
            ),
        ),
        (
            renamed("zuorav2.sandbox", "zuorav2.sandbx"),
            (
                "CE306",
                "warning",
                _config("zuorav2.sandbx"),
                "'zuorav2.sandbx' is not a configuration key that 'zuorav2' documents for the "
                "basic flow; did you mean 'zuorav2.sandbox'?",
            ),
        ),
        (
            polling_through("event.poller.urls", "subscriptions"),
            (
                "CE309",
                "info",
                _config("event.vendor.type"),
                "the 'zuorav2' docs describe webhooks only and do not say whether it supports "
                "polling; check that it does, or use 'webhook'",
            ),
        ),
    ],
    "taleobusiness": [
        (
            # The docs' own table typo (includes/parameters.md:2), which overrides.yaml renames.
            renamed("password", "pasword"),
            (
                "CE306",
                "warning",
                _config("pasword"),
                "'pasword' is not a configuration key that 'taleobusiness' documents for the "
                "basic flow; did you mean 'password'?",
            ),
        ),
        (
            webhook_instead,
            (
                "CE309",
                "info",
                _config("event.vendor.type"),
                f"the 'taleobusiness' docs {POLLING_ONLY}; check that it does, or use 'polling'",
            ),
        ),
        (
            polling_through("event.poller.urls", "requisitions"),
            (
                "CE310",
                "warning",
                _config("event.poller.urls"),
                "the 'taleobusiness' docs poll through 'event.poller.configuration' (one entry per "
                "resource), not 'event.poller.urls'; name the resources there",
            ),
        ),
    ],
}


@pytest.fixture(scope="module")
def linted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, ...]]]:
    """Every good and mutated body written as a file, linted by one ``celint check`` run:
    file name -> its findings (code, severity, pointer, message)."""
    folder = tmp_path_factory.mktemp("documented")
    for element, body in GOOD.items():
        (folder / f"{element}.json").write_text(json.dumps(body, indent=2), encoding="utf-8")
        for number, (mutate, _) in enumerate(MUTATIONS[element], 1):
            mutated = mutate(copy.deepcopy(body))
            path = folder / f"{element}-{number}.json"
            path.write_text(json.dumps(mutated, indent=2), encoding="utf-8")
    result = run_celint("check", "--format", "json", "--fail-on", "info", str(folder))
    report = json.loads(result.stdout)
    assert report["files_checked"] == 40
    found: dict[str, list[tuple[str, ...]]] = {f"{e}.json": [] for e in GOOD}
    for d in report["diagnostics"]:
        found.setdefault(Path(d["path"]).name, []).append(
            (d["code"], d["severity"], d["pointer"], d["message"])
        )
    return found


def test_ten_elements_across_hubs() -> None:
    from celint.elements.profiles import profiles

    known = profiles()
    hubs = {known[element].hub for element in GOOD}
    assert len(GOOD) == 10 and len(hubs) == 10


@pytest.mark.parametrize("element", sorted(GOOD))
def test_the_documented_example_passes_clean(
    linted: dict[str, list[tuple[str, ...]]], element: str
) -> None:
    assert linted[f"{element}.json"] == []


@pytest.mark.parametrize(
    ("element", "number"), [(element, n) for element in sorted(GOOD) for n in (1, 2, 3)]
)
def test_each_mutation_gives_its_finding(
    linted: dict[str, list[tuple[str, ...]]], element: str, number: int
) -> None:
    _, expected = MUTATIONS[element][number - 1]
    assert linted.get(f"{element}-{number}.json", []) == [expected]
