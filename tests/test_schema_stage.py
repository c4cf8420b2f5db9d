"""The schema stage: what it leaves to rules, and what it never prints."""

from __future__ import annotations

from bodies import make_body

import celint


def codes(text: str, options: celint.LintOptions | None = None) -> list[tuple[str, str]]:
    found = celint.lint_text(text, path="body.json", options=options or celint.LintOptions())
    return [(d.code, d.pointer) for d in found]


def test_environment_references_have_no_type_until_substituted() -> None:
    text = make_body(
        {
            "event.notification.enabled": "${EVENTS_ON}",
            "event.poller.refresh_interval": "${POLL_MINUTES}",
            "event.poller.urls": "${QBO_RESOURCES}",
        }
    )
    assert codes(text) == []


def test_a_wrong_type_that_is_not_a_reference_is_still_reported() -> None:
    text = make_body({"event.notification.enabled": "yes"})
    assert ("CE103", "/configuration/event.notification.enabled") in codes(text)


def test_resources_added_by_configuration_are_not_a_schema_error() -> None:
    options = celint.LintOptions(
        elements={"quickbooks": {"resources": ["bills", "invoices", "customers", "estimates"]}}
    )
    text = make_body({"event.poller.urls": "bills|estimates"})
    assert codes(text, options) == []
    assert codes(text) == [("CE207", "/configuration/event.poller.urls")]


def test_credentials_in_a_url_never_reach_a_message() -> None:
    text = make_body(
        {"event.notification.callback.url": "https://bob:hunter2@app.example.com:99999/"}
    )
    finding, password = celint.lint_text(text, path="body.json")
    assert (finding.code, password.code) == ("CE212", "CE401")
    assert "hunter2" not in password.message + finding.message
    assert '"https://***@app.example.com:99999/"' in finding.message
