"""Exported instances: a JSON array as GET /instances returns it, linted item by item."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint

import celint
from celint.lint import sniff
from celint.report import FORMATS

TOKEN = "TOKEN-MARKER-d41d8cd98f00b204"


def exported(index: int, vendor_type: str) -> dict[str, Any]:
    """One instance as GET /instances returns it: extra fields, nulls, a literal token."""
    return {
        "id": 1000 + index,
        "name": f"QuickBooks {index}",
        "token": f"{TOKEN}-{index}",
        "element": {"id": 3, "key": "quickbooks", "name": "QuickBooks Online"},
        "eventsEnabled": True,
        "traceLoggingEnabled": False,
        "cachingEnabled": False,
        "externalAuthentication": "none",
        "user": {"id": 7, "emailAddress": "ops@example.com"},
        "valid": True,
        "disabled": False,
        "createdDate": "2024-05-01T10:00:00Z",
        "tags": ["production"],
        "description": None,
        "configuration": {
            "authentication.type": "oauth2",
            "oauth.callback.url": "https://app.example.com/oauth",
            "oauth.api.key": "${QBO_CLIENT_ID}",
            "oauth.api.secret": "${QBO_CLIENT_SECRET}",
            "scope": "com.intuit.quickbooks.accounting",
            "event.notification.enabled": True,
            "event.vendor.type": vendor_type,
            "event.notification.callback.url": "https://app.example.com/events",
            "event.notification.signature.key": "${QBO_SIGNATURE_KEY}",
            "event.notification.subscription.id": None,
            "event.poller.refresh_interval": None,
            "event.poller.urls": None,
            "event.poller.configuration": None,
            "event.metadata": None,
            "filter.response.nulls": None,
            "pagination.max": None,
        },
    }


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    path = tmp_path / "instances.json"
    items = [exported(0, "webhook"), exported(1, "webhok"), exported(2, "webhook")]
    path.write_text(json.dumps(items, indent=2) + "\n", encoding="utf-8")
    return path


def vendor_line(path: Path) -> int:
    """The line of the second instance's vendor type (the wrong one)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [n for n, text in enumerate(lines, 1) if '"event.vendor.type": "webhok"' in text]
    assert len(hits) == 1
    return hits[0]


def test_three_instances_one_wrong_vendor_type(export_file: Path) -> None:
    found = celint.lint_path(export_file, celint.LintOptions(ignore=("CE401",)))
    line = vendor_line(export_file)
    assert [(d.code, d.line, d.column, d.pointer) for d in found] == [
        ("CE201", line, 28, "/1/configuration/event.vendor.type")
    ]
    assert found[0].message == (
        "event type \"webhok\" is not valid: expected 'polling' or 'webhook'; did you mean "
        "'webhook'?"
    )


def test_each_token_is_a_secret(export_file: Path) -> None:
    found = [d for d in celint.lint_path(export_file) if d.code == "CE401"]
    assert [d.pointer for d in found] == ["/0/token", "/1/token", "/2/token"]
    assert all(TOKEN not in d.message for d in found)


@pytest.mark.parametrize("output", sorted(FORMATS))
def test_the_token_is_never_printed(export_file: Path, output: str) -> None:
    result = run_celint("check", "--format", output, str(export_file))
    assert result.returncode == 1, result.stderr
    assert "CE201" in result.stdout
    assert TOKEN not in result.stdout + result.stderr


def test_text_output_of_an_export(export_file: Path) -> None:
    result = run_celint("check", "--ignore", "CE401", str(export_file))
    line = vendor_line(export_file)
    assert result.stdout.splitlines() == [
        f'{export_file}:{line}:28: CE201 [error] event type "webhok" is not valid: expected '
        "'polling' or 'webhook'; did you mean 'webhook'?",
        "Found 1 problem (1 error) in 1 of 1 file; 1 fixable with --fix.",
    ]
    assert result.returncode == 1


def test_an_item_that_is_not_an_object() -> None:
    text = json.dumps([exported(0, "webhook"), 5], indent=2)
    found = celint.lint_text(text, "x.json", celint.LintOptions(ignore=("CE401",)))
    line = text.splitlines().index("  5") + 1
    assert [(d.code, d.pointer, d.line, d.column, d.message) for d in found] == [
        ("CE003", "/1", line, 3, "an instance body must be an object (a mapping), found a number")
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([{"element": {"key": "quickbooks"}, "name": "a"}], True),
        ([{"element": {"key": "quickbooks"}, "name": "a"}, {"name": "broken"}], True),
        ([{"name": "a"}, {"name": "b"}], False),
        ([{"element": {"key": "quickbooks"}}, "text"], True),
        ([], False),
        ({"element": {"key": "quickbooks"}}, True),
    ],
)
def test_sniffing_recognises_exported_arrays(value: Any, expected: bool) -> None:
    assert sniff.is_instance_document(value) is expected


def test_other_arrays_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"name": "a"}, {"name": "b"}]\n', encoding="utf-8")
    result = run_celint("check", "-v", str(path))
    assert result.returncode == 0
    assert result.stdout == "No instance bodies found among 1 file.\n"
    assert result.stderr == (
        f"celint: skipped {path}: not an instance body: an array without instance bodies\n"
    )
