"""The example bodies of the QuickBooks Online events reference, exactly as printed there.

The reference contains the mistakes users make (a missing comma, a stray brace,
`webhooks`, `https;//`, run-together poller resources, a callback at the platform's own API,
placeholders), and the linter must catch every one, at the exact place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import celint
from celint import Diagnostic

FIXTURES = Path(__file__).parent / "fixtures" / "reference"
REFERENCE = Path("/work/shared/reference/quickbooks-online-events.txt")

RESOURCES = [
    "bill-payments", "bills", "classes", "credit-memos", "credit-terms", "currencies",
    "customers", "employees", "invoices", "journal-entries", "ledger-accounts",
    "payment-methods", "payments", "products", "purchase-orders", "refund-receipts",
    "sales-receipts", "tax-codes", "tax-rates", "time-activities", "vendor-credits", "vendors",
]  # fmt: skip


def lint_fixture(name: str) -> list[Diagnostic]:
    return celint.lint_path(FIXTURES / name)


def by_code(found: list[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in found if d.code == code]


def fixed_curl(name: str) -> str:
    """A curl payload with its one syntax error (the missing comma) repaired."""
    text = (FIXTURES / name).read_text()
    broken = '"oauth.api.secret": "xxxxxxxxxxxxxxxxxxxxxxxx"\n'
    assert text.count(broken) == 1
    return text.replace(broken, broken.rstrip("\n") + ",\n")


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the reference document is not available")
@pytest.mark.parametrize(
    ("name", "first", "last", "strip_curl"),
    [
        ("polling-body.json", 40, 40, False),
        ("polling-body-stray-brace.json", 40, 41, False),
        ("webhook-body.json", 102, 102, False),
        ("curl-polling-payload.json", 53, 78, True),
        ("curl-webhook-payload.json", 114, 137, True),
    ],
)
def test_fixtures_are_the_reference_text(
    name: str, first: int, last: int, strip_curl: bool
) -> None:
    lines = REFERENCE.read_text().splitlines(keepends=True)[first - 1 : last]
    expected = "".join(lines)
    if strip_curl:
        expected = expected.removeprefix("-d '").replace("}'\n", "}\n")
    assert (FIXTURES / name).read_text() == expected


def test_polling_body() -> None:
    found = lint_fixture("polling-body.json")
    concatenated = by_code(found, "CE208")[0]
    assert (concatenated.line, concatenated.column) == (1, 682)
    assert concatenated.pointer == "/configuration/event.poller.urls"
    assert concatenated.suggestion == "|".join(RESOURCES)
    assert concatenated.fixable and concatenated.fix == "|".join(RESOURCES)
    assert "22 resources are run together" in concatenated.message

    platform = by_code(found, "CE215")[0]
    assert (platform.line, platform.column) == (1, 489)
    assert platform.pointer == "/configuration/event.notification.callback.url"

    placeholders = {d.pointer: d.column for d in by_code(found, "CE402")}
    assert placeholders == {
        "/providerData/code": 62,
        "/providerData/realmId": 103,
        "/configuration/oauth.callback.url": 177,
        "/configuration/oauth.api.key": 212,
        "/configuration/oauth.api.secret": 250,
        "/configuration/event.notification.signature.key": 594,
        "/tags/0": 941,
        "/name": 968,
    }
    # Nothing else: the placeholders are passed over by the value rules (no CE401, CE212,
    # CE305), and the specific rules replace the schema's generic finding (no CE103).
    assert sorted({d.code for d in found}) == ["CE208", "CE215", "CE402"]


def test_polling_body_with_the_stray_brace() -> None:
    found = lint_fixture("polling-body-stray-brace.json")
    assert [(d.code, d.line, d.column) for d in found] == [("CE001", 2, 1)]
    assert "stray closing brace" in found[0].message


def test_webhook_body() -> None:
    found = lint_fixture("webhook-body.json")
    alias = by_code(found, "CE219")[0]
    assert (alias.line, alias.column, alias.suggestion, alias.fixable) == (1, 443, "webhook", True)
    assert (by_code(found, "CE215")[0].line, by_code(found, "CE215")[0].column) == (1, 490)
    assert len(by_code(found, "CE402")) == 8
    assert sorted({d.code for d in found}) == ["CE215", "CE219", "CE402"]


@pytest.mark.parametrize("name", ["curl-polling-payload.json", "curl-webhook-payload.json"])
def test_curl_payload_missing_comma(name: str) -> None:
    found = lint_fixture(name)
    # The loader places the error right after the value that lacks its comma: the end of the
    # "oauth.api.secret" line (line 12; the value ends at column 46).
    assert [(d.code, d.line, d.column) for d in found] == [("CE001", 12, 47)]
    assert "missing ','" in found[0].message


@pytest.mark.parametrize("name", ["curl-polling-payload.json", "curl-webhook-payload.json"])
def test_oauth_callback_scheme_typo(name: str) -> None:
    found = celint.lint_text(fixed_curl(name), path=name)
    typo = by_code(found, "CE212")
    assert [(d.line, d.column, d.pointer) for d in typo] == [
        (10, 23, "/configuration/oauth.callback.url")
    ]
    assert typo[0].suggestion == "https://mycoolapp.com"
    assert typo[0].fixable and typo[0].fix == "https://mycoolapp.com"
    assert "misspelt scheme" in typo[0].message


def test_curl_polling_payload_other_findings() -> None:
    found = celint.lint_text(fixed_curl("curl-polling-payload.json"), path="x.json")
    concatenated = by_code(found, "CE208")[0]
    assert (concatenated.line, concatenated.column) == (20, 22)
    assert concatenated.suggestion == "|".join(RESOURCES)
    assert (by_code(found, "CE215")[0].line, by_code(found, "CE215")[0].column) == (17, 36)
    # xxxx placeholders: CE402 once each, never CE401 or CE305.
    assert {d.line for d in by_code(found, "CE402")} == {6, 7, 11, 12, 18}
    assert not by_code(found, "CE401") and not by_code(found, "CE305")


def test_literal_api_secret_is_reported_and_never_shown() -> None:
    secret = "q8Zr-literal-client-secret-42"
    text = fixed_curl("curl-webhook-payload.json").replace("xxxxxxxxxxxxxxxxxxxxxxxx", secret)
    found = celint.lint_text(text, path="x.json")
    hardcoded = by_code(found, "CE401")
    assert [(d.line, d.column, d.pointer) for d in hardcoded] == [
        (12, 21, "/configuration/oauth.api.secret")
    ]
    assert "holds a literal secret" in hardcoded[0].message
    for d in found:
        assert secret not in d.message
        assert secret not in (d.suggestion or "")
