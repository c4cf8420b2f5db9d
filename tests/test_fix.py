"""Autofix as a library: whole-file byte equality with expected fixtures, idempotence, style."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import celint
from celint import rules
from celint.fix.diff import unified_diff
from celint.fix.engine import MAX_PASSES, fix_bytes, fix_text
from celint.fix.values import render
from celint.model import Finding, Rule, Severity, rule
from celint.rules.api import RuleContext

FIXTURES = Path(__file__).parent / "fixtures" / "fix"
INPUTS = sorted(p for p in FIXTURES.iterdir() if ".expected." not in p.name)


def expected_of(path: Path) -> Path:
    return path.with_name(f"{path.stem}.expected{path.suffix}")


def fixed_bytes(path: Path) -> bytes:
    result = fix_bytes(path.name, path.read_bytes())
    assert result is not None
    return result.encoded()


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_fixture_fixes_to_expected_bytes(path: Path) -> None:
    assert fixed_bytes(path) == expected_of(path).read_bytes()


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_fixture_fix_is_idempotent(path: Path) -> None:
    expected = expected_of(path)
    assert fixed_bytes(expected) == expected.read_bytes()
    result = fix_bytes(expected.name, expected.read_bytes())
    assert result is not None and result.applied == []
    assert [d.code for d in result.remaining if d.fixable] == []


@pytest.mark.parametrize("rule", [r for r in rules.all_rules() if r.fixable], ids=lambda r: r.code)
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_every_fixable_rule_has_a_fixture(rule: Rule, suffix: str) -> None:
    """A fixable rule needs ``<code>*.json`` and ``<code>*.yaml`` here whose fix applies it."""
    mine = [p for p in INPUTS if p.name.startswith(rule.code.lower()) and p.suffix == suffix]
    assert mine, f"add tests/fixtures/fix/{rule.code.lower()}{suffix} and its .expected file"
    for path in mine:
        result = fix_bytes(path.name, path.read_bytes())
        assert result is not None and rule.code in {d.code for d in result.applied}


def test_fix_text_returns_applied_and_remaining() -> None:
    text = (FIXTURES / "ce219.yaml").read_text(encoding="utf-8")
    new, applied, remaining = celint.fix_text(text, path="bodies.yaml")
    assert new == (FIXTURES / "ce219.expected.yaml").read_text(encoding="utf-8")
    assert [(d.code, d.document, d.line) for d in applied] == [
        ("CE219", 0, 9),
        # Case variants of the alias are not known to be accepted: invalid, with the same fix.
        ("CE201", 1, 16),
        ("CE201", 2, 28),
    ]
    assert remaining == []


def test_parse_error_is_never_fixed() -> None:
    text = '{"element": {"key": "quickbooks"}, "name": "x",\n "configuration": {"a": "webhooks"}\n'
    new, applied, remaining = fix_text(text, path="broken.json")
    assert (new, applied) == (text, [])
    assert [d.code for d in remaining] == ["CE001"]


WEBHOOK_BODY = """\
element: {{key: quickbooks}}
name: x
configuration:
  event.notification.enabled: true
  event.vendor.type: {value}
  event.notification.callback.url: https://app.example.com/events
"""


def test_alias_shared_with_another_key_is_not_rewritten() -> None:
    """Rewriting the anchored scalar would also change ``other``: the edit is refused."""
    text = WEBHOOK_BODY.format(value="&t webhooks\n  other: *t")
    new, applied, remaining = fix_text(text, path="a.yaml")
    assert (new, applied) == (text, [])
    assert [d.code for d in remaining if d.fixable] == ["CE219"]


def test_block_scalar_becomes_quoted_and_keeps_its_comment_and_lines() -> None:
    text = WEBHOOK_BODY.format(value="|  # why\n    webhooks\n\n")
    new, _, _ = fix_text(text, path="a.yaml")
    assert new == WEBHOOK_BODY.format(value='"webhook"  # why\n\n')


def test_yaml_bom_and_crlf_survive_fix_text() -> None:
    text = WEBHOOK_BODY.format(value="webhooks").replace("\n", "\r\n")
    new, _, _ = fix_text("\ufeff" + text, path="a.yaml")
    assert new == WEBHOOK_BODY.format(value="webhook").replace("\n", "\r\n")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_fix_bytes_writes_back_bom_and_encoding(encoding: str) -> None:
    data = WEBHOOK_BODY.format(value="webhooks").encode(encoding)
    result = fix_bytes("a.yaml", data)
    assert result is not None
    assert result.encoded() == WEBHOOK_BODY.format(value="webhook").encode(encoding)


def test_undecodable_bytes_are_not_fixed() -> None:
    assert fix_bytes("a.yaml", b"name: \xff\n") is None


@pytest.mark.parametrize(
    ("value", "original", "written"),
    [
        ("webhook", "webhooks", ("webhook", '"webhook"')),
        ("it's fine", "x", ("it's fine", '"it\'s fine"')),
        ("15", "x", ('"15"',)),
        ("true", "x", ('"true"',)),
        ("null", "x", ('"null"',)),
        ("2024-01-01", "x", ('"2024-01-01"',)),
        ("a: b", "x", ('"a: b"',)),
        ("a #b", "x", ('"a #b"',)),
        ("[x]", "x", ('"[x]"',)),
        ("- x", "x", ('"- x"',)),
        (" x", "x", ('" x"',)),
        ("", "x", ('""',)),
        ("tab\there", "x", ('"tab\\there"',)),
        ("it's", "'x'", ("'it''s'",)),
        ("new\nline", "'x'", ('"new\\nline"',)),
        ("webhook", '"x"', ('"webhook"',)),
        ("webhook", "&anchor x", ("&anchor webhook", '&anchor "webhook"')),
        ("webhook", "!!str 'x'", ("!!str 'webhook'",)),
        (True, "'true'", ("true",)),
        (False, '"false"', ("false",)),
        (15, '"15"', ("15",)),
        (None, "x", ("null",)),
        (1.5, "x", ()),
    ],
)
def test_render_yaml_keeps_style_unless_meaning_changes(
    value: object, original: str, written: tuple[str, ...]
) -> None:
    assert render(value, original, json_style=False) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [("webhook", '"webhook"'), ('café "x"', '"café \\"x\\""'), (True, "true"), (7, "7")],
)
def test_render_json(value: object, written: str) -> None:
    assert render(value, '"old"', json_style=True) == (written,)


def test_plain_that_breaks_a_flow_mapping_falls_back_to_quotes() -> None:
    """``https://x`` is a fine plain scalar in a block mapping, a syntax error inside ``{}``."""
    text = (
        "element: {key: quickbooks}\nname: x\nconfiguration: {oauth.callback.url: https;//a.io}\n"
    )
    new, applied, _ = fix_text(text, path="a.yaml")
    assert new == text.replace("https;//a.io", '"https://a.io"')
    assert [d.code for d in applied] == ["CE212"]


def _toggling_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule whose fix never settles (``a`` → ``b`` → ``a`` …), to show the loop is bounded."""

    def check(context: RuleContext) -> Iterator[Finding]:
        value = context.body.get("name")
        yield Finding("/name", "flip", fix="b" if value == "a" else "a")

    flip = rule("CE999", "flip", Severity.INFO, "flip", "", check, fixable=True)
    monkeypatch.setattr(rules, "checks_for", lambda configuration: ((flip, check),))


def test_fix_loop_stops_after_max_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    _toggling_rule(monkeypatch)
    new, applied, remaining = fix_text("element: {key: k}\nname: a\n", path="a.yaml")
    assert len(applied) == MAX_PASSES
    assert new == "element: {key: k}\nname: a\n"  # an even number of flips
    assert [d.code for d in remaining] == ["CE999"]


def test_unified_diff_marks_missing_final_newline_and_keeps_crlf() -> None:
    before = "a: 1\r\nb: webhooks"
    after = "a: 1\r\nb: webhook"
    assert unified_diff("f.yaml", before, after) == (
        "--- f.yaml\n+++ f.yaml\n@@ -1,2 +1,2 @@\n a: 1\r\n"
        "-b: webhooks\n\\ No newline at end of file\n"
        "+b: webhook\n\\ No newline at end of file\n"
    )
    assert unified_diff("f.yaml", before, before) == ""


QBO_RESOURCES = [
    "bill-payments",
    "bills",
    "classes",
    "credit-memos",
    "credit-terms",
    "currencies",
    "customers",
    "employees",
    "invoices",
    "journal-entries",
    "ledger-accounts",
    "payment-methods",
    "payments",
    "products",
    "purchase-orders",
    "refund-receipts",
    "sales-receipts",
    "tax-codes",
    "tax-rates",
    "time-activities",
    "vendor-credits",
    "vendors",
]


def test_reference_polling_body_gets_its_22_resources_separated() -> None:
    path = FIXTURES.parent / "reference" / "polling-body.json"
    original = path.read_bytes()
    result = fix_bytes(path.name, original)
    assert result is not None
    assert [d.code for d in result.applied] == ["CE208"]
    concatenated = "".join(QBO_RESOURCES).encode()
    assert original.count(concatenated) == 1
    assert result.encoded() == original.replace(concatenated, "|".join(QBO_RESOURCES).encode())
    assert [d.code for d in result.remaining if d.fixable] == []
