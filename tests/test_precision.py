"""Precision on real bodies (issue 11): no false error on correct bodies, no broken body passes.

Each case of the issue has its tests here, with exact codes, positions and messages; the
corpus of ``tests/fixtures/corpus`` (bodies in the shapes found in public repositories and in
the platform's own responses) is checked end to end at the bottom.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bodies import DROP, make_body, valid_body
from clirun import run_celint
from jsonschema import Draft202012Validator

import celint
from celint import Diagnostic, LintOptions, Severity
from celint.elements import store
from celint.lint import sniff
from celint.report import FORMATS
from celint.schema import registry as schemas

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
WEBHOOK = {"event.poller.urls": DROP, "event.poller.refresh_interval": DROP}
TOKEN = "kJ8sQ2mB0xJqL7sV2nT9wR4yZ8cF1dK6gP5aE0uI3oS="


def lint(text: str, path: str = "x.json", **options: Any) -> list[Diagnostic]:
    return celint.lint_text(text, path, LintOptions(**options))


def found(
    text: str, path: str = "x.json", **options: Any
) -> list[tuple[str, int | None, int | None]]:
    return [(d.code, d.line, d.column) for d in lint(text, path, **options)]


def messages(text: str, code: str, path: str = "x.json") -> list[str]:
    return [d.message for d in lint(text, path) if d.code == code]


def position(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of the ``occurrence``-th ``needle`` in ``text``."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


# -- 1. exported instances ---------------------------------------------------------------------


def test_a_single_instance_response_gives_only_its_token() -> None:
    text = corpus("qbo-instance-response.json")
    assert found(text, "r.json") == [("CE401", *position(text, f'"{TOKEN}"'))]


@pytest.mark.parametrize("output", sorted(FORMATS))
def test_the_token_of_a_single_instance_is_never_printed(output: str) -> None:
    result = run_celint("check", "--format", output, str(CORPUS / "qbo-instance-response.json"))
    assert result.returncode == 1, result.stderr
    assert "CE401" in result.stdout or "hardcoded-secret" in result.stdout
    assert TOKEN not in result.stdout + result.stderr
    assert TOKEN[:12] not in result.stdout + result.stderr


def test_an_export_array_with_nulls_and_the_platform_false() -> None:
    text = corpus("instances-export.json")
    assert found(text) == [("CE217", *position(text, '"true"'))]


def test_every_top_level_field_of_an_export_is_the_platform_s() -> None:
    body = json.loads(corpus("qbo-instance-response.json"))
    body.update(token="${TOKEN}", validationDate="2024-05-02T08:30:00Z", channelName=None)
    assert lint(json.dumps(body)) == []
    written = make_body(validationDate="2024-05-02T08:30:00Z")  # a body a user writes
    assert [d.code for d in lint(written)] == ["CE104"]


def test_the_platform_false_is_a_url_problem_when_events_are_on() -> None:
    body = json.loads(corpus("instances-export.json"))[0]
    body["configuration"]["event.notification.callback.url"] = "false"
    assert [d.code for d in lint(json.dumps(body)) if d.severity is Severity.ERROR] == ["CE212"]


def test_a_post_body_keeps_its_null_checks() -> None:
    """``null`` is forgiven in what the platform returns, not in a body a user writes."""
    text = make_body(providerData=None)
    assert [(d.code, d.message) for d in lint(text)] == [
        ("CE303", "'providerData' is missing; the oauth2 flow needs code, realmId")
    ]
    assert [d.code for d in lint(make_body(tags=None))] == ["CE102"]


# -- 2. sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({"name": "app", "configuration": {"port": 8080, "username": "svc"}}, None),
        ({"name": "flow", "active": True, "configuration": {"batch.size": "100"}}, None),
        ({"name": "x", "configuration": {"base.url": "https://x", "db.host": "h"}}, None),
        ({"name": "x", "configuration": {"zendesk.subdomain": "acme"}}, sniff.BODY),
        ({"configuration": {"event.vendor.type": "polling"}}, sniff.BODY),
        ({"configuration": {"authentication.type": "oauth2"}}, sniff.BODY),
        ({"providerData": {"code": "x"}}, sniff.BODY),
        ({"element": {"key": "quickbooks"}}, sniff.BODY),
        ({"event.notification.enabled": True, "scope": "a"}, sniff.FRAGMENT),
        ({"oauth.api.key": "${K}", "username": "u"}, sniff.FRAGMENT),
        ({"username": "u", "password": "p"}, None),
        ({"event.notification.enabled": True, "replicas": 3}, None),
        ({}, None),
        ([{"name": "a"}], None),
    ],
)
def test_what_sniffing_lints(value: Any, kind: str | None) -> None:
    assert sniff.verdict(value).kind == kind


def test_only_keys_that_name_their_element_mark_a_body() -> None:
    specific = store.specific_keys()
    assert {"zendesk.subdomain", "crm.autotask.password", "dynamics.tenant"} <= specific
    assert not {"username", "base.url", "db.host", "api.key", "oauth.api.key"} & specific
    assert {"username", "base.url", "scope"} <= store.configuration_keys()


def test_verbose_says_why_each_file_is_linted_or_skipped() -> None:
    names = ["app-config.yaml", "configuration-update.json", "qbo-instance-response.json"]
    result = run_celint("check", "-v", "--select", "CE1", *(str(CORPUS / n) for n in names))
    assert result.stderr.splitlines() == [
        f"celint: skipped {CORPUS / 'app-config.yaml'}: not an instance body: no 'element' "
        "mapping or 'providerData', and its 'configuration' holds no platform key (event.*, "
        "oauth.*, authentication.type or a key of a known element)",
        f"celint: linted {CORPUS / 'configuration-update.json'}: a configuration fragment: "
        "only configuration keys, such as 'event.notification.enabled'",
        f"celint: linted {CORPUS / 'qbo-instance-response.json'}: an exported instance: it has "
        "an 'element' mapping and 'id'",
    ]
    assert result.stdout == "All checks passed (2 files checked).\n"


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ('{"name": "flow", "configuration": {"batch.size": 1}\n', False),
        ('{"event.vendor.type": "polling" "event.notification.enabled": true}\n', True),
        ("name: x\nconfiguration:\n  oauth.api.key: [\n", True),
    ],
)
def test_a_broken_file_is_reported_only_when_it_looks_like_ours(text: str, reported: bool) -> None:
    assert bool(lint(text, "f.json" if text.startswith("{") else "f.yaml")) is reported


# -- 3. one finding for an invalid auth type ---------------------------------------------------


def test_an_invalid_auth_type_with_oauth2_data_is_one_finding() -> None:
    text = make_body({"authentication.type": "OAuth2"})
    assert [(d.code, d.message) for d in lint(text)] == [
        (
            "CE302",
            "authentication type \"OAuth2\" is not supported by 'quickbooks': expected 'oauth1' "
            "or 'oauth2'; did you mean 'oauth2'?",
        )
    ]


def test_an_invalid_auth_type_is_judged_by_the_flow_the_data_names() -> None:
    named = make_body({"authentication.type": "xyz"}, providerData={"code": "${CODE}"})
    assert [(d.code, d.pointer) for d in lint(named)] == [
        ("CE303", "/providerData/realmId"),
        ("CE302", "/configuration/authentication.type"),
    ]
    either = make_body({"authentication.type": "xyz"}, providerData={"realmId": "1"})
    assert [d.code for d in lint(either)] == ["CE302"]


def test_oauth1_data_under_oauth2_is_one_finding() -> None:
    data = {
        "oauth_token": "${T}",
        "oauth_verifier": "${V}",
        "secret": "${S}",
        "realmId": "1",
        "state": "s",
        "dataSource": "QBO",
    }
    text = make_body(providerData=data)
    assert [(d.code, d.pointer, d.message) for d in lint(text)] == [
        (
            "CE303",
            "/providerData",
            "'providerData' holds what the oauth1 flow needs (oauth_token, oauth_verifier, "
            "secret, state, dataSource, realmId), but authentication.type 'oauth2' runs the "
            "oauth2 flow, which needs code: the data fits authentication.type 'oauth1'",
        )
    ]


# -- 4. time zones Java accepts, 5. interval readings --------------------------------------


def poller_body(dates: dict[str, Any], url: str = "/hubs/crm/contacts?since=${epoch}") -> str:
    entry = {"url": url, "idField": "id", "datesConfiguration": dates}
    return make_body(
        {"event.poller.configuration": {"contacts": entry}, "event.poller.urls": DROP},
        element={"key": "hubspot"},
        providerData=DROP,
    )


@pytest.mark.parametrize(
    ("zone", "severity", "message"),
    [
        (
            "PST",
            Severity.WARNING,
            "'updatedDateTimezone' 'PST' is a deprecated three-letter ID that Java reads as "
            "'America/Los_Angeles'; write the IANA zone 'America/Los_Angeles'",
        ),
        (
            "IST",
            Severity.WARNING,
            "'updatedDateTimezone' 'IST' is a deprecated three-letter ID that Java reads as "
            "'Asia/Kolkata'; write the IANA zone 'Asia/Kolkata'",
        ),
        (
            "EST",
            Severity.WARNING,
            "'updatedDateTimezone' 'EST' is a deprecated three-letter ID that Java reads as the "
            "fixed offset -05:00, with no daylight saving time; write the IANA zone "
            "'America/New_York' if the vendor's dates follow local time there",
        ),
        (
            "pst",
            Severity.ERROR,
            "'updatedDateTimezone' 'pst' is not a known time zone; did you mean "
            "'America/Los_Angeles'?",
        ),
        (
            "Mountain Time",
            Severity.ERROR,
            "'updatedDateTimezone' 'Mountain Time' is not a known time zone; use GMT, UTC or an "
            "IANA name such as 'America/Denver'",
        ),
        (
            "GMT+24:00",
            Severity.ERROR,
            "'updatedDateTimezone' 'GMT+24:00' is not a known time zone; use GMT, UTC or an IANA "
            "name such as 'America/Denver'",
        ),
    ],
)
def test_time_zones(zone: str, severity: Severity, message: str) -> None:
    result = [d for d in lint(poller_body({"updatedDateTimezone": zone})) if d.code == "CE224"]
    assert [(d.severity, d.message) for d in result] == [(severity, message)]


@pytest.mark.parametrize("zone", ["GMT+05:30", "GMT-8", "GMT+0530", "UTC", "America/Denver"])
def test_zones_java_reads_as_written_pass(zone: str) -> None:
    assert "CE224" not in [d.code for d in lint(poller_body({"createdDateTimezone": zone}))]


@pytest.mark.parametrize(
    ("value", "severity", "fix"),
    [("015", Severity.INFO, "15"), ("+15", Severity.INFO, "15"), (15.0, Severity.ERROR, 15)],
)
def test_intervals_the_platform_reads(value: Any, severity: Severity, fix: Any) -> None:
    text = make_body({"event.poller.refresh_interval": value})
    (finding,) = lint(text)
    assert (finding.code, finding.severity, finding.fixable) == ("CE204", severity, True)
    fixed, applied, remaining = celint.fix_text(text, "x.json")
    assert [d.code for d in applied] == ["CE204"] and remaining == []
    assert json.loads(fixed)["configuration"]["event.poller.refresh_interval"] == fix


def test_a_leading_zero_says_how_the_platform_reads_it() -> None:
    text = make_body({"event.poller.refresh_interval": "015"})
    assert messages(text, "CE204") == [
        'refresh interval "015" is read as 15 minutes by the platform (Java\'s '
        'Integer.parseInt), but is not the plain number the docs write; write "15"'
    ]


@pytest.mark.parametrize("value", [15, "15", "015", "+15", 15.0, "15m", 0, "0", 2.5, " 15"])
def test_the_schema_and_the_linter_agree_or_say_so(value: Any) -> None:
    """An editor (the shipped schema) and ``celint check`` do not contradict each other
    silently: where the schema accepts what the linter calls an error, the schema says so."""
    schema = schemas.load_all()["events.schema.json"]
    interval = schema["properties"]["event.poller.refresh_interval"]
    editor_ok = Draft202012Validator(interval).is_valid(value)
    errors = [
        d
        for d in lint(make_body({"event.poller.refresh_interval": value}))
        if d.severity is Severity.ERROR
    ]
    if editor_ok and errors:
        assert "celint check is stricter" in interval["description"]
        assert json.dumps(value) in interval["description"]
    assert editor_ok or errors


# -- 6. whitespace at the ends of values ---------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "where"),
    [
        ("event.notification.callback.url", "https://hooks.example.com/qbo/events ", "trailing"),
        ("event.notification.callback.url", "https://hooks.example.com/qbo/events\t", "trailing"),
        ("oauth.callback.url", " https://myapp.example.com/oauth/callback", "leading"),
        ("base.url", " https://sandbox.example.com/api ", "leading and trailing"),
    ],
)
def test_whitespace_at_the_ends_of_a_url(key: str, value: str, where: str) -> None:
    text = make_body({key: value})
    (finding,) = lint(text)
    stripped = value.strip()
    assert (finding.code, finding.severity, finding.fixable) == ("CE212", Severity.ERROR, True)
    assert (finding.line, finding.column) == position(text, json.dumps(value))
    assert finding.message.startswith(f"{json.dumps(value)} has {where} whitespace")
    assert finding.message.endswith(f"did you mean {json.dumps(stripped)}?")
    fixed, _, remaining = celint.fix_text(text, "x.json")
    assert json.loads(fixed)["configuration"][key] == stripped and remaining == []


def test_a_padded_url_with_a_scheme_typo_is_one_fix() -> None:
    text = make_body({"oauth.callback.url": "https;//myapp.example.com/oauth "})
    (finding,) = lint(text)
    assert (finding.code, finding.fix) == ("CE212", "https://myapp.example.com/oauth")


@pytest.mark.parametrize(
    ("changes", "top", "code", "message", "fix"),
    [
        (
            {"event.vendor.type": "polling\t"},
            {},
            "CE201",
            'event type "polling\\t" has trailing whitespace, and the platform compares it as '
            "written; did you mean 'polling'?",
            "polling",
        ),
        (
            {"event.vendor.type": " webhooks", **WEBHOOK},
            {},
            "CE201",
            'event type " webhooks" has leading whitespace, and the platform compares it as '
            "written; did you mean 'webhook'?",
            "webhook",
        ),
        (
            {"event.poller.urls": "bills|invoices "},
            {},
            "CE209",
            "'event.poller.urls' has trailing whitespace, which the platform reads as part of a "
            "resource name: 'bills|invoices'",
            "bills|invoices",
        ),
        (
            {},
            {"element": {"key": "quickbooks "}},
            "CE301",
            "element key 'quickbooks ' has trailing whitespace, and the platform looks element "
            "keys up as written; did you mean 'quickbooks'?",
            None,
        ),
        (
            {},
            {"providerData": {"code": "${QBO_AUTH_CODE}", "realmId": "123145825528279 "}},
            "CE305",
            'realmId "123145825528279 " is not a string of digits (the company id); it has '
            "trailing whitespace: write '123145825528279'",
            None,
        ),
    ],
)
def test_whitespace_at_the_ends_of_other_values(
    changes: dict[str, Any], top: dict[str, Any], code: str, message: str, fix: Any
) -> None:
    result = lint(make_body(changes, **top))
    assert [(d.code, d.message) for d in result] == [(code, message)]
    assert result[0].fix == fix


# -- 9. comments in JSON -----------------------------------------------------------------------


def test_a_json_comment_meant_as_a_suppression() -> None:
    text = corpus("formula-events.json").replace(
        '"webhook",', '"webhook", // celint: disable=CE211,CE218'
    )
    (finding,) = lint(text)
    assert (finding.code, finding.line, finding.column) == ("CE001", *position(text, "// celint"))
    assert finding.message == (
        "invalid JSON: JSON has no comments, so a celint comment cannot silence a finding in a "
        "JSON file; remove it and list the codes under per-file-ignores in the configuration, "
        'such as [tool.celint.per-file-ignores] "path/to/file.json" = ["CE211", "CE218"]'
    )


def test_any_other_json_comment() -> None:
    text = '/* staging */\n{"element": {"key": "quickbooks"}, "name": "x"}\n'
    assert [(d.code, d.line, d.column, d.message) for d in lint(text)] == [
        ("CE001", 1, 1, "invalid JSON: JSON has no comments; remove the comment")
    ]


# -- 14. event.objects, 15. events for a formula, 16. change filters, 17. poller keys ---------


def test_event_objects_is_the_salesforce_resource_list() -> None:
    text = corpus("sfdc-polling.json")
    assert lint(text) == []
    body = json.loads(text)
    body["configuration"]["event.objects"] = " "
    assert [(d.code, d.message) for d in lint(json.dumps(body))] == [
        (
            "CE206",
            "polling is enabled but no resources are listed; set 'event.objects' to the "
            "resources to poll, separated by ',', such as 'Account,Contact,Lead'",
        )
    ]


def test_event_objects_counts_for_any_element() -> None:
    text = make_body(
        {"event.poller.urls": DROP, "event.objects": "Contact,Account"},
        element={"key": "someelement"},
        providerData=DROP,
    )
    assert "CE206" not in [d.code for d in lint(text)]


def test_events_without_a_callback_may_feed_a_formula() -> None:
    text = corpus("formula-events.json")
    assert [(d.code, d.severity, d.message) for d in lint(text)] == [
        (
            "CE211",
            Severity.WARNING,
            "events are enabled without 'event.notification.callback.url': unless they only "
            "trigger a formula, set it to your app's endpoint, such as "
            "https://myapp.example.com/events",
        )
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/hubs/crm/contacts?where=lastmodifieddate>'${date}'",
        "/hubs/crm/accounts?where=fetchChanges='true'",
        "/hubs/crm/contacts?since=${epoch:ms}",
        "/hubs/crm/contacts?since=${milliseconds}",
        "/hubs/crm/contacts?where=modified>'${DateTimeZone:PST:yyyy-MM-dd'T'HH:mm:ss.SSS}'",
        "/hubs/payment/customers?where=direction = 'desc'",
        "/hubs/scheduling/calendars/primary/changed-events",
        "/hubs/fsa/changes",
        "/hubs/documents/events",
        "/hubs/crm/contacts?updatedSince=2020-01-01",
    ],
)
def test_change_filters_and_feeds_need_no_time_placeholder(url: str) -> None:
    assert "CE222" not in [d.code for d in lint(poller_body({}, url))]


def test_a_plain_listing_still_needs_a_time_filter() -> None:
    text = poller_body({}, "/hubs/crm/contacts?pageSize=200")
    assert [d.code for d in lint(text)] == ["CE222"]


@pytest.mark.parametrize("encoded", [False, True], ids=["object", "string"])
def test_unknown_keys_in_poller_entries(encoded: bool) -> None:
    entry = {
        "url": "/hubs/crm/contacts?since=${epoch}",
        "idField": "id",
        "pagesize": 100,
        "datesConfiguration": {
            "updatedDateTimezone": "UTC",
            "UpdatedDateTimezone": "America/Denver",
            "timeZone": "UTC",
        },
    }
    value: Any = {"contacts": entry}
    text = make_body(
        {
            "event.poller.configuration": json.dumps(value) if encoded else value,
            "event.poller.urls": DROP,
        },
        element={"key": "hubspot"},
        providerData=DROP,
    )
    result = [(d.code, d.severity, d.pointer, d.message) for d in lint(text)]
    base = "/configuration/event.poller.configuration/contacts"
    assert result == [
        (
            "CE104",
            Severity.WARNING,
            f"{base}/pagesize",
            "unknown key 'pagesize'; did you mean 'pageSize'?",
        ),
        (
            "CE104",
            Severity.WARNING,
            f"{base}/datesConfiguration/UpdatedDateTimezone",
            "unknown key 'UpdatedDateTimezone'; did you mean 'updatedDateTimezone'?",
        ),
        (
            "CE104",
            Severity.WARNING,
            f"{base}/datesConfiguration/timeZone",
            "unknown key 'timeZone'; the platform ignores it",
        ),
    ]
    placed = [d for d in lint(text) if d.code == "CE104"]
    quote = '\\"' if encoded else '"'
    assert (placed[1].line, placed[1].column) == position(text, f"{quote}UpdatedDateTimezone")


# -- 18. configuration fragments ---------------------------------------------------------------


FRAGMENT = """\
{
  "event.notification.enabled": true,
  "event.vendor.type": "Polling",
  "event.poller.urls": "bills, invoices",
  "event.notification.callback.url": "https;//myapp.example.com/events",
  "oauth.api.secret": "Zq7fragment-literal-secret"
}
"""


def test_a_fragment_gets_the_events_and_url_rules_only() -> None:
    """No element, so no resource list to judge the poller list by (as for an unknown
    element), and no whole-body finding: no missing element, name or callback."""
    assert [(d.code, d.line, d.column, d.pointer) for d in lint(FRAGMENT)] == [
        ("CE201", 3, 24, "/event.vendor.type"),
        ("CE212", 5, 38, "/event.notification.callback.url"),
        ("CE401", 6, 23, "/oauth.api.secret"),
    ]


def test_a_fragment_misses_nothing_it_leaves_out() -> None:
    """A configuration update changes some keys and keeps the others: no "missing" finding,
    and events are not "off" because the switch is not part of the update."""
    text = '{"event.vendor.type": "polling", "event.poller.refresh_interval": 15}'
    assert lint(text) == []
    off = '{"event.notification.enabled": false, "event.poller.urls": "bills"}'
    assert [d.code for d in lint(off)] == ["CE216"]


@pytest.mark.parametrize("flags", [[], ["-v"], ["--diff"], ["--env"]], ids=str)
@pytest.mark.parametrize("output", sorted(FORMATS))
def test_a_fragment_secret_is_never_printed(tmp_path: Path, output: str, flags: list[str]) -> None:
    path = tmp_path / "update.json"
    path.write_text(FRAGMENT, encoding="utf-8")
    result = run_celint("check", "--format", output, *flags, str(path))
    assert result.returncode == 1, result.stderr
    assert "fragment-literal" not in result.stdout + result.stderr


def test_a_fragment_is_fixed_in_place(tmp_path: Path) -> None:
    path = tmp_path / "update.yaml"
    path.write_text(
        "# update\nevent.vendor.type: Polling  # typo\nevent.poller.urls: bills|invoices\n",
        encoding="utf-8",
    )
    result = run_celint("check", "--fix", str(path))
    assert result.returncode == 0, result.stdout
    assert path.read_text(encoding="utf-8") == (
        "# update\nevent.vendor.type: polling  # typo\nevent.poller.urls: bills|invoices\n"
    )


# -- the corpus --------------------------------------------------------------------------------

#: Every finding on the corpus: (file, line, column, code, severity). Each is a true problem;
#: the errors are a literal instance token, an auth type the element does not have, and a
#: trailing space in a callback URL. Before issue 11 the same files gave 20 errors, 18 false.
CORPUS_FINDINGS = [
    ("configuration-update.json", 6, 38, "CE212", "error"),
    ("formula-events.json", 5, 3, "CE211", "warning"),
    ("hubspot-polling.yaml", 14, 34, "CE204", "info"),
    ("hubspot-polling.yaml", 22, 30, "CE224", "warning"),
    ("instances-export.json", 22, 37, "CE217", "info"),
    ("qbo-instance-response.json", 6, 12, "CE401", "error"),
    ("quickbooks-oauth2-spelling.json", 6, 28, "CE302", "error"),
]


def test_the_corpus_gives_only_true_findings() -> None:
    result = run_celint("check", "--format", "json", ".", cwd=CORPUS)
    report = json.loads(result.stdout)
    assert [
        (d["path"], d["line"], d["column"], d["code"], d["severity"]) for d in report["diagnostics"]
    ] == CORPUS_FINDINGS
    assert report["files_checked"] == 8 and result.returncode == 1


def test_the_valid_body_is_still_clean() -> None:
    assert lint(json.dumps(valid_body())) == []


# -- the README's JSON editor recipe -----------------------------------------------------------


def test_a_schema_key_for_the_editor_is_no_finding() -> None:
    """The README tells JSON users to name the editor schema with a ``"$schema"`` key: the
    recipe must not be a warning that fails the commit (the platform ignores the key)."""
    body = {"$schema": "../schemas/dist/quickbooks.schema.json", **valid_body()}
    assert lint(json.dumps(body, indent=2)) == []
    wrong = json.dumps({**body, "$schema": 5}, indent=2)
    assert found(wrong) == [("CE102", *position(wrong, "5"))]
    assert messages(wrong, "CE102") == ["expected a string, found a number"]
