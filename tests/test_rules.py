"""Every rule (CE201-CE218, CE301-CE305, CE401-CE403): a failing and a passing
body each, built from one valid QuickBooks OAuth 2.0 polling body by changing a few keys.

Positions are asserted exactly: bodies are pretty-printed JSON (one key per line), so the
expected line and column are read from the text itself with :func:`value_at` / :func:`key_at`.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from bodies import DROP, make_body

import celint
from celint import Diagnostic, LintOptions, Severity
from celint.rules import all_rules

WEBHOOK = {
    "event.vendor.type": "webhook",
    "event.poller.urls": DROP,
    "event.poller.refresh_interval": DROP,
}
PLATFORM_URL = "https://api.cloud-elements.com/elements/api-v2/events/quickbooks/"


def lint(text: str, path: str = "x.json", **options: Any) -> list[Diagnostic]:
    return celint.lint_text(text, path=path, options=LintOptions(**options))


def codes(found: list[Diagnostic]) -> list[str]:
    return [d.code for d in found]


def one(found: list[Diagnostic], code: str) -> Diagnostic:
    matching = [d for d in found if d.code == code]
    assert len(matching) == 1, (code, found)
    return matching[0]


def value_at(text: str, key: str, occurrence: int = 0) -> tuple[int, int]:
    """Line and column of the value of ``"key": value`` in pretty-printed JSON."""
    marker = json.dumps(key) + ": "
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(marker, start + 1)
    offset = start + len(marker)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def key_at(text: str, key: str) -> tuple[int, int]:
    """Line and column of ``"key"`` itself (where a missing member's finding is placed)."""
    offset = text.index(json.dumps(key) + ": ")
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_valid_body_has_no_findings() -> None:
    assert lint(make_body()) == []


def test_every_spec_rule_is_registered_once() -> None:
    registered = {r.code: r for r in all_rules()}
    expected = {
        "CE201": ("vendor-type-invalid", Severity.ERROR, True),
        "CE202": ("vendor-type-missing", Severity.WARNING, False),
        "CE203": ("polling-interval-missing", Severity.ERROR, False),
        "CE204": ("polling-interval-invalid", Severity.ERROR, True),
        "CE205": ("polling-interval-range", Severity.WARNING, False),
        "CE206": ("poller-urls-missing", Severity.ERROR, False),
        "CE207": ("poller-resource-unknown", Severity.ERROR, True),
        "CE208": ("poller-urls-concatenated", Severity.ERROR, True),
        "CE209": ("poller-urls-separator", Severity.ERROR, True),
        "CE210": ("poller-resource-duplicate", Severity.WARNING, True),
        "CE211": ("callback-url-missing", Severity.WARNING, False),
        "CE212": ("url-malformed", Severity.ERROR, True),
        "CE213": ("url-insecure", Severity.WARNING, False),
        "CE214": ("url-not-public", Severity.WARNING, False),
        "CE215": ("callback-url-is-platform", Severity.WARNING, False),
        "CE216": ("events-settings-ignored", Severity.WARNING, False),
        "CE217": ("boolean-as-string", Severity.INFO, True),
        "CE218": ("signature-key-missing", Severity.INFO, False),
        "CE301": ("element-unknown", Severity.WARNING, False),
        "CE302": ("auth-type-invalid", Severity.ERROR, False),
        "CE303": ("provider-data-incomplete", Severity.ERROR, False),
        "CE304": ("scope-missing-accounting", Severity.WARNING, False),
        "CE305": ("realm-id-invalid", Severity.WARNING, True),
        "CE306": ("configuration-key-unknown", Severity.WARNING, False),
        "CE307": ("configuration-key-other-flow", Severity.WARNING, False),
        "CE308": ("configuration-key-missing", Severity.ERROR, False),
        "CE309": ("event-type-unsupported", Severity.ERROR, False),
        "CE310": ("poll-key-undocumented", Severity.WARNING, False),
        "CE401": ("hardcoded-secret", Severity.ERROR, False),
        "CE403": ("weak-signature-key", Severity.WARNING, False),
    }
    for code, (name, severity, fixable) in expected.items():
        found = registered[code]
        assert (found.name, found.severity, found.fixable) == (name, severity, fixable), code


#: The rules that judge a body by element catalogue facts: their docs end with the evidence
#: levels (what each trust level allows), which `celint explain` prints too.
CATALOGUE_RULES = {"CE207", "CE208", "CE302", "CE303", "CE306", "CE307", "CE308", "CE309", "CE310"}


@pytest.mark.parametrize("found", all_rules(), ids=lambda r: r.code)
def test_rule_docs_have_the_four_sections(found: celint.Rule) -> None:
    evidence = ["evidence"] if found.code in CATALOGUE_RULES else []
    assert list(found.sections) == ["what it does", "why is this bad?", "example", "fix", *evidence]
    assert "```" in found.sections["example"]


# One row per failing case: configuration changes, the code, the configuration key the
# finding must sit on (its value, or the parent key for a missing key), a message fragment,
# the suggestion and whether it is fixable.
# fmt: off
FAILING = [
    ("CE201", {"event.vendor.type": "Polling"}, "event.vendor.type", "did you mean 'polling'",
     "polling", True),
    ("CE201", {"event.vendor.type": "webhok"}, "event.vendor.type", "did you mean 'webhook'",
     "webhook", True),
    ("CE201", {"event.vendor.type": "push"}, "event.vendor.type",
     "expected 'polling' or 'webhook'", None, False),
    ("CE202",
     {"event.vendor.type": DROP, "event.poller.refresh_interval": DROP, "event.poller.urls": DROP},
     "event.vendor.type", "no event type is chosen", None, False),
    ("CE203", {"event.poller.refresh_interval": DROP}, "event.poller.refresh_interval",
     "without 'event.poller.refresh_interval'", None, False),
    ("CE204", {"event.poller.refresh_interval": "15m"}, "event.poller.refresh_interval",
     "not a positive whole number of minutes; did you mean 15?", "15", False),
    ("CE204", {"event.poller.refresh_interval": 0}, "event.poller.refresh_interval", "such as 15",
     None, False),
    ("CE204", {"event.poller.refresh_interval": -5}, "event.poller.refresh_interval",
     "not a positive whole number", None, False),
    ("CE204", {"event.poller.refresh_interval": 2.5}, "event.poller.refresh_interval",
     "2.5 is not a positive whole number", None, False),
    ("CE204", {"event.poller.refresh_interval": True}, "event.poller.refresh_interval",
     "true is not a positive whole number", None, False),
    ("CE205", {"event.poller.refresh_interval": 3600}, "event.poller.refresh_interval",
     "3600 minutes is outside the expected range; use 1 to 1440", None, False),
    ("CE206", {"event.poller.urls": DROP}, "event.poller.urls", "no resources are listed", None,
     False),
    ("CE206", {"event.poller.urls": " "}, "event.poller.urls",
     "separated by '|', such as 'bill-payments|bills|classes'", None, False),
    ("CE207", {"event.poller.urls": "bills|invoces"}, "event.poller.urls",
     "no resource 'invoces'; did you mean 'invoices'?", "bills|invoices", True),
    ("CE207", {"event.poller.urls": "bills|Invoices"}, "event.poller.urls",
     "did you mean 'invoices'", "bills|invoices", True),
    ("CE207", {"event.poller.urls": "bills|widgets"}, "event.poller.urls",
     "known resources: bill-payments, bills", None, False),
    ("CE207", {"event.poller.urls": "bills||invoices|"}, "event.poller.urls", "an empty resource",
     "bills|invoices", True),
    ("CE208", {"event.poller.urls": "billsinvoices|customers"}, "event.poller.urls",
     "2 resources are run together in 'billsinvoices'", "bills|invoices|customers", True),
    ("CE209", {"event.poller.urls": "bills, invoices;customers"}, "event.poller.urls",
     "separated by commas and spaces and semicolons", "bills|invoices|customers", True),
    ("CE210", {"event.poller.urls": "bills|invoices|bills|customers"}, "event.poller.urls",
     "'bills' is listed 2 times", "bills|invoices|customers", True),
    ("CE211", {"event.notification.callback.url": DROP}, "event.notification.callback.url",
     "without 'event.notification.callback.url'", None, False),
    ("CE212", {"event.notification.callback.url": "https:/myapp.example.com/events"},
     "event.notification.callback.url", "misspelt scheme", "https://myapp.example.com/events",
     True),
    ("CE212", {"oauth.callback.url": "http//myapp.example.com"}, "oauth.callback.url",
     "did you mean 'http://myapp.example.com'", "http://myapp.example.com", True),
    ("CE212", {"oauth.callback.url": "myapp.example.com/callback"}, "oauth.callback.url",
     "it has no scheme", None, False),
    ("CE212", {"event.notification.callback.url": "ftp://myapp.example.com"},
     "event.notification.callback.url", "its scheme is 'ftp', not http or https", None, False),
    ("CE212", {"event.notification.callback.url": "https://"}, "event.notification.callback.url",
     "it has no host", None, False),
    ("CE213", {"event.notification.callback.url": "http://myapp.example.com/events"},
     "event.notification.callback.url", "plain http", None, False),
    ("CE214", {"event.notification.callback.url": "https://127.0.0.1:8080/events"},
     "event.notification.callback.url", "'127.0.0.1' is a loopback address", None, False),
    ("CE214", {"event.notification.callback.url": "https://10.1.2.3/events"},
     "event.notification.callback.url", "a private address", None, False),
    ("CE214", {"event.notification.callback.url": "https://[fe80::1]/events"},
     "event.notification.callback.url", "a link-local address", None, False),
    ("CE214", {"event.notification.callback.url": "https://hooks.corp.internal/events"},
     "event.notification.callback.url", "resolves only on your machine", None, False),
    ("CE215",
     {"event.notification.callback.url": PLATFORM_URL},
     "event.notification.callback.url", "points at the Cloud Elements API", None, False),
    ("CE217", {"event.notification.enabled": "true"}, "event.notification.enabled",
     "write the boolean true", "true", True),
    ("CE218", {"event.notification.signature.key": DROP}, "event.notification.signature.key",
     "cannot verify them", None, False),
    ("CE302", {"authentication.type": "OAuth2"}, "authentication.type", "did you mean 'oauth2'",
     "oauth2", False),
    ("CE302", {"authentication.type": "oauth3"}, "authentication.type",
     "expected 'oauth1' or 'oauth2'", None, False),
    ("CE304", {"scope": "openid profile"}, "scope", "lacks 'com.intuit.quickbooks.accounting'",
     None, False),
    ("CE304", {"scope": "com.intuit.quickbooks.accounting,openid"}, "scope",
     "separate scopes with spaces", None, False),
    ("CE304", {"scope": DROP}, "scope", "OAuth 2.0 without a scope", None, False),
    ("CE401", {"oauth.api.secret": "S3cr3t-Value-42"}, "oauth.api.secret",
     "'oauth.api.secret' holds a literal secret (not shown)", None, False),
    ("CE401", {"quickbooks.admin.password": "hunter2-really"}, "quickbooks.admin.password",
     "${QUICKBOOKS_ADMIN_PASSWORD}", None, False),
]
# fmt: on


@pytest.mark.parametrize(
    ("code", "changes", "key", "fragment", "suggestion", "fixable"),
    FAILING,
    ids=lambda value: value if isinstance(value, str) and value.startswith("CE") else "",
)
def test_failing_case(
    code: str,
    changes: dict[str, Any],
    key: str,
    fragment: str,
    suggestion: str | None,
    fixable: bool,
) -> None:
    text = make_body(changes)
    found = one(lint(text), code)
    present = key in json.loads(text)["configuration"]
    assert (found.line, found.column) == (
        value_at(text, key) if present else key_at(text, "configuration")
    )
    assert found.pointer == "/configuration/" + key
    assert fragment in found.message
    assert found.suggestion == suggestion
    assert found.fixable is fixable


# Bodies that are fine for a rule, often close to the failing ones.
# fmt: off
PASSING = [
    ("CE201",
     WEBHOOK),
    ("CE201", {"event.vendor.type": "<EVENT_TYPE>"}),
    ("CE202", {"event.vendor.type": DROP, "event.notification.enabled": False}),
    ("CE203",
     WEBHOOK),
    ("CE204", {"event.poller.refresh_interval": "15"}),
    ("CE204", {"event.poller.refresh_interval": "${POLL_MINUTES}"}),
    ("CE205", {"event.poller.refresh_interval": 1440}),
    ("CE206", {"event.poller.urls": DROP, "event.poller.configuration": {"bills": {}}}),
    ("CE207", {"event.poller.urls": "bill-payments|tax-rates|vendors"}),
    ("CE208", {"event.poller.urls": "payments|bill-payments"}),
    ("CE209", {"event.poller.urls": "<RESOURCES, COMMA SEPARATED>"}),
    ("CE210", {"event.poller.urls": "bills|bill-payments"}),
    ("CE211", {"event.notification.enabled": False, "event.notification.callback.url": DROP}),
    ("CE212", {"oauth.callback.url": "<CALLBACK_URL>"}),
    ("CE212", {"event.notification.callback.url": "${EVENTS_URL}"}),
    ("CE213", {"event.notification.callback.url": "https://myapp.example.com/events"}),
    ("CE214", {"event.notification.callback.url": "https://93.184.216.34/events"}),
    ("CE215", {"event.notification.callback.url": "https://cloud-elements.example.com/x"}),
    ("CE216",
     WEBHOOK),
    ("CE216", {"event.notification.enabled": "${EVENTS_ON}"}),
    ("CE217", {"event.notification.enabled": True}),
    ("CE218", {"event.notification.enabled": False, "event.notification.signature.key": DROP}),
    ("CE302", {"authentication.type": "oauth1"}),
    ("CE304", {"scope": "openid com.intuit.quickbooks.accounting"}),
    ("CE401", {"oauth.api.secret": "${QBO_CLIENT_SECRET}"}),
    ("CE401", {"oauth.api.secret": "$QBO_CLIENT_SECRET"}),
    ("CE403", {"event.notification.signature.key": "${SIG}"}),
    ("CE403", {"event.notification.signature.key": "k" * 16}),
]
# fmt: on


@pytest.mark.parametrize(
    ("code", "changes"), PASSING, ids=lambda v: v if isinstance(v, str) else ""
)
def test_passing_case(code: str, changes: dict[str, Any]) -> None:
    assert code not in codes(lint(make_body(changes)))


def test_specific_rules_replace_the_generic_schema_finding() -> None:
    text = make_body(
        {
            "event.poller.urls": "billsinvoices",
            "event.vendor.type": "Polling",
            "event.poller.refresh_interval": True,
        }
    )
    found = codes(lint(text))
    assert "CE208" in found and "CE201" in found and "CE204" in found
    assert not {"CE101", "CE102", "CE103"} & set(found)


def test_ce205_range_comes_from_the_options() -> None:
    text = make_body({"event.poller.refresh_interval": 5})
    assert "CE205" not in codes(lint(text))
    found = one(lint(text, interval_min=10, interval_max=60), "CE205")
    assert "use 10 to 60 minutes" in found.message


def test_ce207_fixes_each_unknown_resource_in_place() -> None:
    text = make_body({"event.poller.urls": "bils|invoices|custmers"})
    found = [d for d in lint(text) if d.code == "CE207"]
    assert [d.suggestion for d in found] == ["bills|invoices|custmers", "bils|invoices|customers"]
    assert [d.fix for d in found] == [d.suggestion for d in found]


def test_ce208_ambiguous_split_has_no_fix() -> None:
    options: dict[str, Any] = {"elements": {"quickbooks": {"resources": ["ab", "a", "bc", "c"]}}}
    found = one(lint(make_body({"event.poller.urls": "abc"}), **options), "CE208")
    assert "more than one way" in found.message
    assert "'ab|c' or 'a|bc'" in found.message
    assert (found.suggestion, found.fixable, found.fix) == (None, False, None)


def test_ce208_uses_the_profile_separator() -> None:
    options: dict[str, Any] = {"elements": {"quickbooks": {"separator": ","}}}
    found = one(lint(make_body({"event.poller.urls": "billsinvoices"}), **options), "CE208")
    assert found.suggestion == "bills,invoices"


def test_ce209_keeps_the_items_and_reports_once() -> None:
    found = one(lint(make_body({"event.poller.urls": " bills | invoices "})), "CE209")
    assert found.suggestion == "bills|invoices"
    assert "spaces" in found.message


def test_ce210_keeps_the_first_occurrence_and_other_separators() -> None:
    text = make_body({"event.poller.urls": "bills|invoices|bills|invoices|bills"})
    found = [d for d in lint(text) if d.code == "CE210"]
    assert [d.suggestion for d in found] == [
        "bills|invoices|invoices",
        "bills|invoices|bills|bills",
    ]
    assert "'bills' is listed 3 times" in found[0].message


def test_ce216_reports_each_ignored_key_on_the_key() -> None:
    text = make_body({"event.notification.enabled": False})
    found = [d for d in lint(text) if d.code == "CE216"]
    keys = [
        "event.vendor.type",
        "event.notification.callback.url",
        "event.notification.signature.key",
        "event.poller.refresh_interval",
        "event.poller.urls",
    ]
    assert [d.pointer for d in found] == ["/configuration/" + k for k in keys]
    assert [(d.line, d.column) for d in found] == [key_at(text, k) for k in keys]
    assert "ignored while events are off" in found[0].message


def test_ce216_poller_settings_with_webhook() -> None:
    text = make_body({"event.vendor.type": "webhook"})
    found = [d for d in lint(text) if d.code == "CE216"]
    assert [d.pointer for d in found] == [
        "/configuration/event.poller.refresh_interval",
        "/configuration/event.poller.urls",
    ]
    assert "ignored with the webhook event type" in found[0].message


def test_ce217_fix_is_a_real_boolean() -> None:
    found = one(lint(make_body({"event.notification.enabled": "false"})), "CE217")
    assert (found.suggestion, found.fix) == ("false", False)
    assert found.severity is Severity.INFO


def test_ce217_in_yaml() -> None:
    text = "element: {key: quickbooks}\nname: x\nconfiguration:\n"
    text += "  event.notification.enabled: 'true'\n"
    found = one(lint(text, path="x.yaml"), "CE217")
    assert (found.line, found.column, found.fix) == (4, 31, True)


def test_ce301_close_key_is_a_warning_with_a_guess() -> None:
    text = make_body(element={"key": "quickbook"})
    found = one(lint(text), "CE301")
    assert (found.line, found.column) == value_at(text, "key")
    assert found.severity is Severity.WARNING
    assert found.suggestion == "quickbooks"
    assert "did you mean 'quickbooks'" in found.message
    assert "only the generic checks apply" in found.message


def test_ce301_far_key_is_info() -> None:
    found = one(lint(make_body(element={"key": "salesforce"})), "CE301")
    assert found.severity is Severity.INFO
    assert found.suggestion is None
    assert "only the generic checks apply" in found.message
    assert "CE207" not in codes(lint(make_body({"event.poller.urls": "x y"}, element={"key": "s"})))


def test_ce301_passes_known_elements_and_ids() -> None:
    assert "CE301" not in codes(lint(make_body()))
    assert "CE301" not in codes(lint(make_body(element={"id": 42})))


def test_ce303_missing_key_replaces_the_schema_finding() -> None:
    text = make_body(providerData={"code": "${QBO_AUTH_CODE}"})
    found = lint(text)
    ce303 = one(found, "CE303")
    assert ce303.pointer == "/providerData/realmId"
    assert (ce303.line, ce303.column) == key_at(text, "providerData")
    assert "lacks 'realmId', which the oauth2 flow needs (code, realmId)" in ce303.message
    assert "CE101" not in codes(found)


def test_ce303_default_flow_with_the_data_of_another_is_one_finding() -> None:
    text = make_body({"authentication.type": DROP, "scope": DROP})
    found = one(lint(text), "CE303")
    assert (found.pointer, found.line, found.column) == (
        "/providerData",
        *value_at(text, "providerData"),
    )
    assert found.message == (
        "'providerData' holds what the oauth2 flow needs (code, realmId), but without "
        "authentication.type the oauth1 flow runs, which needs oauth_token, oauth_verifier, "
        "secret, state, dataSource: the data fits authentication.type 'oauth2'"
    )


def test_ce303_passes_complete_data_and_exported_instances() -> None:
    assert "CE303" not in codes(lint(make_body()))
    exported = make_body(providerData=DROP, id=12345, token="${TOKEN}")
    assert "CE303" not in codes(lint(exported))
    found = one(lint(make_body(providerData=DROP)), "CE303")
    assert found.pointer == "/providerData"


def test_ce305_realm_id_not_digits() -> None:
    text = make_body(providerData={"code": "${QBO_AUTH_CODE}", "realmId": 123145825528279})
    found = one(lint(text), "CE305")
    assert (found.line, found.column) == value_at(text, "realmId")
    assert 'write it as a string: "123145825528279"' in found.message
    assert "CE102" not in codes(lint(text))
    assert "CE305" not in codes(lint(make_body()))
    named = make_body(providerData={"code": "${QBO_AUTH_CODE}", "realmId": "acme-co"})
    assert "not a string of digits" in one(lint(named), "CE305").message


def test_ce401_never_shows_the_secret() -> None:
    secret = "Zq8-very-secret-value"
    text = make_body(providerData={"code": secret, "realmId": "1"})
    found = one(lint(text), "CE401")
    assert found.pointer == "/providerData/code"
    assert secret not in found.message and found.suggestion is None
    assert all(secret not in d.message for d in lint(text))


def test_ce401_exported_token_and_placeholder_is_ce402_only() -> None:
    assert one(lint(make_body(id=1, token="abc123token")), "CE401").pointer == "/token"
    found = codes(lint(make_body({"oauth.api.secret": "<CONSUMER_SECRET>"})))
    assert "CE402" in found and "CE401" not in found


def test_ce403_short_literal_key_is_weak_and_never_printed() -> None:
    key = "short-key"
    text = make_body({"event.notification.signature.key": key})
    found = one(lint(text), "CE403")
    assert (found.line, found.column) == value_at(text, "event.notification.signature.key")
    assert "shorter than 16 characters" in found.message
    assert key not in found.message
    assert "CE401" in codes(lint(text))  # a literal key is also a committed secret


def test_ce402_names_list_items() -> None:
    text = make_body(tags=["production", "<Add_Your_Tag>"])
    found = one(lint(text), "CE402")
    assert found.pointer == "/tags/1"
    assert "'tags[1]' still holds a template placeholder" in found.message


def test_yaml_positions_for_a_poller_finding() -> None:
    text = (
        "element:\n  key: quickbooks\nname: x\nproviderData: {code: $CODE, realmId: '1'}\n"
        "configuration:\n  authentication.type: oauth2\n"
        "  scope: com.intuit.quickbooks.accounting\n"
        "  event.notification.enabled: true\n  event.vendor.type: polling\n"
        "  event.notification.callback.url: https://myapp.example.com/e\n"
        "  event.notification.signature.key: ${SIG}\n"
        "  event.poller.refresh_interval: 15\n"
        "  event.poller.urls: bills,invoices  # comma separated\n"
    )
    found = lint(text, path="x.yaml")
    assert codes(found) == ["CE209"]
    assert (found[0].line, found[0].column, found[0].suggestion) == (13, 22, "bills|invoices")


def test_ce207_one_finding_per_distinct_resource() -> None:
    found = lint(make_body({"event.poller.urls": "bils|invoices|bils"}))
    unknown = one(found, "CE207")
    assert unknown.suggestion == "bills|invoices|bills"
    assert one(found, "CE210").suggestion == "bils|invoices"
