"""``check --env``: references substituted from the environment, CE405, secrets never printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import run_celint

import celint
from celint.lint.env import render
from celint.report import FORMATS

MARKER = "MARKERs3cr3tVALUE"
SHORT_MARKER = "MRKsig7"  # a short signature key: CE403 judges it, and must not echo it

BODY = """\
element:
  key: quickbooks
providerData:
  code: ${QBO_CODE}
  realmId: ${QBO_REALM_ID:-123146096291789}
configuration:
  oauth.callback.url: https://app.example.com/oauth
  oauth.api.key: ${QBO_CLIENT_ID}
  oauth.api.secret: ${QBO_CLIENT_SECRET}
  authentication.type: oauth2
  scope: com.intuit.quickbooks.accounting
  event.notification.enabled: true
  event.vendor.type: $EVENT_TYPE
  event.notification.callback.url: https://${EVENTS_HOST}/events
  event.notification.signature.key: ${QBO_SIGNATURE_KEY}
name: QuickBooks
"""

ENVIRONMENT = {
    "QBO_CODE": "code-" + MARKER,
    "QBO_CLIENT_ID": "client-id",
    "QBO_CLIENT_SECRET": MARKER,
    "EVENT_TYPE": "webhook",
    "EVENTS_HOST": "app.example.com",
    "QBO_SIGNATURE_KEY": MARKER + MARKER,
}


def lint(environment: dict[str, str], text: str = BODY) -> list[tuple[str, int, int, str]]:
    options = celint.LintOptions(environment=environment)
    return [
        (d.code, d.line or 0, d.column or 0, d.message)
        for d in celint.lint_text(text, "b.yaml", options)
    ]


def test_render_substitutes_values_not_keys() -> None:
    body = {
        "${KEY}": "${A}",
        "b": ["x-${A}-y", "$A", "pre $A", "${gmtDate:yyyy}", "${epoch}", "$$"],
        "c": {"d": "${MISSING:-fallback}", "e": "${EMPTY:-fallback}", "f": "${EMPTY-kept}"},
        "g": 15,
    }
    rendering = render(body, {"A": "one", "EMPTY": ""}, "/2")
    assert rendering.body == {
        "${KEY}": "one",
        "b": ["x-one-y", "one", "pre $A", "${gmtDate:yyyy}", "${epoch}", "$$"],
        "c": {"d": "fallback", "e": "fallback", "f": ""},
        "g": 15,
    }
    assert rendering.substituted == {"/2/${KEY}", "/2/b/0", "/2/b/1", "/2/c/d", "/2/c/e", "/2/c/f"}
    assert rendering.missing == []


def test_the_platform_placeholders_of_every_element_doc_are_left_alone() -> None:
    urls = [
        "/hubs/social/updates?where=timestamp>'${milliseconds}'",
        "/hubs/employee/employees?where=updated_date__gte='${DateTimeZone:PST:yyyy-MM-dd}'",
        "/hubs/crm/contacts?where=modified>'${dateTimeZone:UTC:yyyy}'&t=${date}&e=${epoch:ms}",
    ]
    rendering = render({"urls": urls}, {})
    assert rendering.body == {"urls": urls}
    assert rendering.missing == []


def test_render_records_missing_variables() -> None:
    rendering = render({"a": "${X}/${Y}", "b": "$Z"}, {"Y": "y"})
    assert rendering.body == {"a": "${X}/y", "b": "$Z"}
    assert rendering.missing == [("/a", "X"), ("/b", "Z")]


def test_a_complete_environment_is_clean() -> None:
    assert lint(ENVIRONMENT) == []


def test_missing_variables_are_ce405_at_their_values() -> None:
    environment = {k: v for k, v in ENVIRONMENT.items() if k not in ("QBO_CODE", "EVENTS_HOST")}
    assert lint(environment) == [
        (
            "CE405",
            4,
            9,
            "environment variable 'QBO_CODE' is not set (referenced by 'code'); set it, or give "
            "the reference a default such as ${QBO_CODE:-value}",
        ),
        (
            "CE405",
            14,
            36,
            "environment variable 'EVENTS_HOST' is not set (referenced by "
            "'event.notification.callback.url'); set it, or give the reference a default such "
            "as ${EVENTS_HOST:-value}",
        ),
    ]


def test_without_env_references_are_left_alone() -> None:
    assert celint.lint_text(BODY, "b.yaml") == []


def test_rendered_values_are_judged_and_not_fixed() -> None:
    found = celint.lint_text(
        BODY, "b.yaml", celint.LintOptions(environment={**ENVIRONMENT, "EVENT_TYPE": "webhooks"})
    )
    assert [(d.code, d.line, d.column, d.fixable) for d in found] == [("CE219", 13, 22, False)]


# The signature key is also (wrongly) part of two URLs, whose rules quote the URL they judge.
SECRET_FINDINGS = BODY.replace(
    "https://${EVENTS_HOST}/events", "http://app.example.com/events/${QBO_SIGNATURE_KEY}"
).replace("https://app.example.com/oauth", "https;//app.example.com/${QBO_SIGNATURE_KEY}")


@pytest.mark.parametrize("output", sorted(FORMATS))
def test_secrets_from_the_environment_are_never_printed(tmp_path: Path, output: str) -> None:
    path = tmp_path / "qbo.yaml"
    path.write_text(SECRET_FINDINGS, encoding="utf-8")
    environment = {**ENVIRONMENT, "QBO_SIGNATURE_KEY": SHORT_MARKER, "EVENT_TYPE": "webhooks"}
    result = run_celint("check", "--env", "--format", output, str(path), env=environment)
    assert result.returncode == 1, result.stderr
    for code in ("CE212", "CE213", "CE219", "CE403"):
        assert code in result.stdout
    for marker in (MARKER, SHORT_MARKER):
        assert marker not in result.stdout + result.stderr


def test_fix_never_writes_a_rendered_value(tmp_path: Path) -> None:
    path = tmp_path / "qbo.yaml"
    path.write_text(BODY, encoding="utf-8")
    environment = {**ENVIRONMENT, "EVENT_TYPE": "webhooks"}
    result = run_celint("check", "--env", "--fix", str(path), env=environment)
    assert result.returncode == 1
    assert path.read_text(encoding="utf-8") == BODY
