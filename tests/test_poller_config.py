"""Poller configuration (CE220–CE224), as an object and as a JSON string, with exact positions."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import celint
from celint.model import Span
from celint.parse.embedded import offset_map
from celint.rules.support.java_dates import pattern_problem
from celint.schema import registry as schemas

POLLER_RULES = celint.LintOptions(select=("CE22",))
KEY = "/configuration/event.poller.configuration"
GOOD_URL = "/hubs/crm/contacts?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"


def entry(**changes: Any) -> dict[str, Any]:
    """A valid resource entry, with ``changes`` applied (None removes a member)."""
    value: dict[str, Any] = {
        "url": GOOD_URL,
        "idField": "id",
        "datesConfiguration": {
            "updatedDateField": "lastModifiedDate",
            "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ssXXX",
            "updatedDateTimezone": "America/Denver",
            "createdDateField": "createdDate",
            "createdDateFormat": "milliseconds",
            "createdDateTimezone": "GMT",
        },
        "filterByUpdatedDate": True,
        "createdCheckTolerance": 10,
        "pageSize": 200,
        "pollDelay": 0,
    }
    for name, change in changes.items():
        if change is None:
            value.pop(name)
        elif name == "dates":
            value["datesConfiguration"] = {**value["datesConfiguration"], **change}
        else:
            value[name] = change
    return value


def body(configuration: Any, urls: str | None = None) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.notification.callback.url": "https://app.example.com/events",
        "event.notification.signature.key": "${SIGNATURE_KEY}",
        "event.poller.refresh_interval": 15,
        "event.poller.configuration": configuration,
    }
    if urls is not None:
        settings["event.poller.urls"] = urls
    return {"element": {"key": "hubspot"}, "name": "HubSpot", "configuration": settings}


def findings(value: Any, *, encoded: bool = False) -> list[tuple[str, str, str]]:
    """(code, pointer, message) of the poller rules for a body holding ``value``."""
    document = body(json.dumps(value) if encoded else value)
    text = json.dumps(document, indent=2)
    return [(d.code, d.pointer, d.message) for d in celint.lint_text(text, "b.json", POLLER_RULES)]


@pytest.mark.parametrize("encoded", [False, True], ids=["object", "string"])
def test_a_complete_configuration_passes(encoded: bool) -> None:
    assert findings({"contacts": entry(), "deals": entry(url="/deals?since=${epoch}")}) == []
    assert findings({"contacts": entry(url="/c?d=${dateTimeZone:yyyy}")}, encoded=encoded) == []


@pytest.mark.parametrize("encoded", [False, True], ids=["object", "string"])
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            {"contacts": entry(idField=None)},
            [
                (
                    "/contacts/idField",
                    "resource 'contacts' has no 'idField'; add the field that "
                    'identifies a polled object, such as "id"',
                )
            ],
        ),
        (
            {"contacts": entry(url=None)},
            [
                (
                    "/contacts/url",
                    "resource 'contacts' has no 'url'; add the API path to poll, "
                    'such as "/hubs/crm/contacts"',
                )
            ],
        ),
        (
            {"contacts": entry(idField="  ")},
            [
                (
                    "/contacts/idField",
                    '\'idField\': expected the name of the id field, such as "id", found "  "',
                )
            ],
        ),
        (
            {"contacts": "/hubs/crm/contacts"},
            [
                (
                    "/contacts",
                    '\'contacts\': expected an object with "url" and "idField", found a string',
                )
            ],
        ),
        (
            {"contacts": entry(pageSize=0)},
            [
                (
                    "/contacts/pageSize",
                    "'pageSize': expected a positive whole number, such as 200, found 0",
                )
            ],
        ),
        (
            {},
            [
                (
                    "",
                    "'event.poller.configuration': expected an object with one entry per "
                    'resource, such as {"contacts": {"url": "/hubs/crm/contacts", "idField": '
                    '"id"}}, found {}',
                )
            ],
        ),
    ],
)
def test_ce220_entries(value: Any, expected: list[tuple[str, str]], encoded: bool) -> None:
    assert findings(value, encoded=encoded) == [
        ("CE220", KEY + pointer, message) for pointer, message in expected
    ]


def test_ce220_string_that_is_not_json() -> None:
    document = body('{"contacts": {"url": "/c", "idField": "id"}')
    text = json.dumps(document, indent=2)
    [found] = celint.lint_text(text, "b.json", POLLER_RULES)
    assert (found.code, found.line, found.column, found.pointer) == ("CE220", 12, 35, KEY)
    assert found.message == (
        "'event.poller.configuration' is a string but not JSON (Expecting ',' delimiter at "
        "character 44 of the string); write the configuration as an object, or as the JSON "
        "text of one"
    )


def test_ce220_string_holding_a_list() -> None:
    assert findings(["contacts"], encoded=True) == [
        (
            "CE220",
            KEY,
            "'event.poller.configuration': expected an object with one entry per "
            'resource, such as {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}, '
            "found a list",
        )
    ]


def test_ce220_replaces_the_generic_schema_findings() -> None:
    text = json.dumps(body({"contacts": entry(idField=None, pageSize="x")}), indent=2)
    codes = [(d.code, d.pointer) for d in celint.lint_text(text, "b.json")]
    assert ("CE220", KEY + "/contacts/idField") in codes
    assert ("CE220", KEY + "/contacts/pageSize") in codes
    assert not [code for code, _ in codes if code.startswith("CE10")]


@pytest.mark.parametrize("encoded", [False, True], ids=["object", "string"])
def test_ce221_mismatch_both_ways(encoded: bool) -> None:
    document = body({"contacts": entry(), "companies": entry()}, urls="contacts|deals")
    if encoded:
        configuration = document["configuration"]
        configuration["event.poller.configuration"] = json.dumps(
            configuration["event.poller.configuration"]
        )
    found = celint.lint_text(json.dumps(document, indent=2), "b.json", POLLER_RULES)
    assert sorted((d.code, d.pointer, d.message) for d in found) == [
        (
            "CE221",
            KEY + "/companies",
            "'companies' has an entry in 'event.poller.configuration' "
            "but is not listed in 'event.poller.urls'; add it to the list, or remove the entry",
        ),
        (
            "CE221",
            "/configuration/event.poller.urls",
            "'deals' is listed in 'event.poller.urls' "
            "but has no entry in 'event.poller.configuration'; add an entry for it, or remove it "
            "from the list",
        ),
    ]


def test_ce221_passes_when_both_agree() -> None:
    document = body({"contacts": entry(), "deals": entry()}, urls="contacts|deals")
    assert celint.lint_text(json.dumps(document), "b.json", POLLER_RULES) == []


@pytest.mark.parametrize("encoded", [False, True], ids=["object", "string"])
def test_ce222_url_without_time_placeholder(encoded: bool) -> None:
    assert findings({"contacts": entry(url="/hubs/crm/contacts")}, encoded=encoded) == [
        (
            "CE222",
            KEY + "/contacts/url",
            "the poll URL of 'contacts' has no time placeholder, "
            "so every poll fetches everything; filter on the updated date, such as "
            "?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
        )
    ]


@pytest.mark.parametrize("encoded", [False, True], ids=["object", "string"])
def test_ce223_unclosed_quote(encoded: bool) -> None:
    value = {"contacts": entry(dates={"updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z"})}
    assert findings(value, encoded=encoded) == [
        (
            "CE223",
            KEY + "/contacts/datesConfiguration/updatedDateFormat",
            "'updatedDateFormat' \"yyyy-MM-dd'T'HH:mm:ss'Z\" is not a Java date pattern: the "
            "quote at character 22 is never closed (quote literal text on both sides, such as "
            "'T'); use a pattern such as \"yyyy-MM-dd'T'HH:mm:ssXXX\", or 'milliseconds' for "
            "epoch milliseconds",
        )
    ]


@pytest.mark.parametrize("encoded", [False, True], ids=["object", "string"])
def test_ce224_unknown_zone(encoded: bool) -> None:
    value = {
        "contacts": entry(
            dates={"updatedDateTimezone": "america/denver", "createdDateTimezone": "Mars/Olympus"}
        )
    }
    dates = KEY + "/contacts/datesConfiguration"
    assert findings(value, encoded=encoded) == [
        (
            "CE224",
            dates + "/updatedDateTimezone",
            "'updatedDateTimezone' 'america/denver' is "
            "not a known time zone; did you mean 'America/Denver'?",
        ),
        (
            "CE224",
            dates + "/createdDateTimezone",
            "'createdDateTimezone' 'Mars/Olympus' is not "
            "a known time zone; use GMT, UTC or an IANA name such as 'America/Denver'",
        ),
    ]


@pytest.mark.parametrize("zone", ["GMT", "UTC", "America/Denver", "Europe/Paris", "Etc/UTC"])
def test_ce224_known_zones(zone: str) -> None:
    assert findings({"contacts": entry(dates={"createdDateTimezone": zone})}) == []


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("yyyy-MM-dd'T'HH:mm:ssXXX", None),
        ("yyyy-MM-dd'T'HH:mm:ss'Z'", None),
        ("yyyy-MM-dd'T'HH:mm:ss.SSSZ", None),
        ("EEE, d MMM yyyy HH:mm:ss z", None),
        ("h 'o''clock' a", None),
        ("''yyyy", None),
        ("milliseconds", None),
        (
            "yyyy-MM-dd'T'HH:mm:ss'Z",
            "the quote at character 22 is never closed (quote literal "
            "text on both sides, such as 'T')",
        ),
        (
            "yyyy-MM-ddTHH:mm:ss",
            "'T' at character 11 is not a pattern letter (quote literal text, such as 'T')",
        ),
        ("iso8601", "'i' at character 1 is not a pattern letter (quote literal text, such as 'T')"),
        (
            "Milliseconds",
            "'i' at character 2 is not a pattern letter (quote literal text, such as 'T')",
        ),
        ("'date'", "it has no pattern letters, so every date would read the same"),
        ("", "it has no pattern letters, so every date would read the same"),
    ],
)
def test_java_date_patterns(pattern: str, problem: str | None) -> None:
    assert pattern_problem(pattern) == problem


JSON_FILE = "\n".join(
    [
        "{",
        '  "element": {"key": "hubspot"},',
        '  "name": "HubSpot",',
        '  "configuration": {',
        r'    "event.poller.configuration": "{\"contacts\": {\"url\": \"/c?x=\u00e9\\n\",\n \"id'
        r'Field\": \"id\", \"datesConfiguration\": {\"updatedDateTimezone\": \"Mars/Olympus\"}}}"',
        "  }",
        "}",
        "",
    ]
)


def located(text: str, found: celint.Diagnostic) -> tuple[int, int, int, int, str]:
    """Line, column, end line, end column and the file text the finding points at."""
    assert found.span is not None
    raw = text[found.span.offset : found.span.end_offset]
    return found.line or 0, found.column or 0, found.end_line or 0, found.end_column or 0, raw


def test_finding_inside_a_json_string_is_placed_in_the_file() -> None:
    found = celint.lint_text(JSON_FILE, "b.json", POLLER_RULES)
    assert [d.code for d in found] == ["CE222", "CE224"]
    assert located(JSON_FILE, found[0]) == (5, 61, 5, 79, r"\"/c?x=\u00e9\\n\"")
    assert located(JSON_FILE, found[1]) == (5, 154, 5, 170, r"\"Mars/Olympus\"")


YAML_HEAD = """\
element: {key: hubspot}
name: HubSpot
configuration:
"""
# Each style puts the url after a line break (and, where the style has them, after escapes).
YAML_VALUES = {
    "double": (
        r"""  event.poller.configuration: "{\"contacts\": {\"idField\":\t\"id\",
    \"url\": \"/c\"}}"
""",
        (5, 14, 5, 20, r"\"/c\""),
    ),
    "single": (
        """  event.poller.configuration: '{"contacts": {"x": "it''s",

    "idField": "id", "url": "/c"}}'
""",
        (6, 29, 6, 33, '"/c"'),
    ),
    "literal": (
        """  event.poller.configuration: |
    {"contacts":
       {"idField": "id", "url": "/c"}}
""",
        (6, 33, 6, 37, '"/c"'),
    ),
    "folded": (
        """  event.poller.configuration: >
    {"contacts":
       {"idField": "id", "url": "/c"}}
""",
        (4, 31, 7, 1, '>\n    {"contacts":\n       {"idField": "id", "url": "/c"}}\n'),
    ),
}


@pytest.mark.parametrize("style", sorted(YAML_VALUES))
def test_finding_inside_a_yaml_string_is_placed_in_the_file(style: str) -> None:
    raw, place = YAML_VALUES[style]
    text = YAML_HEAD + raw
    [found] = celint.lint_text(text, "b.yaml", POLLER_RULES)
    assert (found.code, found.pointer) == ("CE222", KEY + "/contacts/url")
    assert located(text, found) == place


def test_offset_map_falls_back_to_the_token() -> None:
    text = "k: plain"
    token = Span(1, 4, 1, 9, 3, 8)
    assert offset_map(text, token, "plain").offsets(1, 3) == (3, 8)
    assert offset_map('"a\\"b"', Span(1, 1, 1, 7, 0, 6), 'a"b').offsets(1, 3) == (2, 5)
    assert offset_map('"\\ud83d\\ude00x"', Span(1, 1, 1, 16, 0, 16), "\U0001f600x").offsets(
        1, 2
    ) == (13, 14)


def test_events_schema_is_valid_2020_12() -> None:
    Draft202012Validator.check_schema(schemas.load_all()["events.schema.json"])
