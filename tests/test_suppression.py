"""Suppression: per-file ignores (JSON and YAML), ``# celint:`` comments, CE005 for unused ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run_celint
from samples import PLACEHOLDER_JSON, WEBHOOKS_YAML

import celint
from celint.lint.comments import directives, disable_comment

POLLING = """\
# QuickBooks polling{header}
element:
  key: quickbooks
providerData:
  code: ${{QBO_CODE}}
  realmId: "123146096291789"
configuration:
  authentication.type: oauth2
  scope: com.intuit.quickbooks.accounting
  oauth.api.key: ${{QBO_ID}}
  oauth.api.secret: ${{QBO_SECRET}}
  oauth.callback.url: https://app.example.com/oauth
  event.notification.enabled: true
  event.vendor.type: polling
  event.notification.callback.url: https://app.example.com/events
  event.poller.refresh_interval: 15
  event.poller.urls: bills|invoicez|bills{comment}
name: QuickBooks
"""
CE218 = (
    "events are enabled without 'event.notification.signature.key', so your receiver cannot "
    "verify them; add a random key of 16 or more characters, such as ${EVENTS_SIGNATURE_KEY}"
)
CE207 = "CE207 [error] 'quickbooks' has no resource 'invoicez'; did you mean 'invoices'?"
CE210 = "CE210 [warning] 'bills' is listed 2 times; list each resource once"


def check(folder: Path, text: str, *args: str, name: str = "q.yaml") -> list[str]:
    (folder / name).write_text(text, encoding="utf-8")
    result = run_celint("check", "-q", "--no-color", *args, name, cwd=folder)
    assert result.stderr == ""
    return result.stdout.splitlines()


def test_without_suppression(tmp_path: Path) -> None:
    assert check(tmp_path, POLLING.format(header="", comment="")) == [
        f"q.yaml:7:1: CE218 [info] {CE218}",
        f"q.yaml:17:22: {CE207}",
        f"q.yaml:17:22: {CE210}",
    ]


@pytest.mark.parametrize(
    "comment",
    [
        "  # celint: disable=CE207,CE210",
        "  #celint:disable=CE207, poller-resource-duplicate",
        "  # celint: disable=CE2",
    ],
)
def test_line_comment_silences_that_line(tmp_path: Path, comment: str) -> None:
    assert check(tmp_path, POLLING.format(header="", comment=comment)) == [
        f"q.yaml:7:1: CE218 [info] {CE218}"
    ]


def test_line_comment_elsewhere_does_not_silence(tmp_path: Path) -> None:
    text = POLLING.format(header="", comment="").replace(
        "refresh_interval: 15", "refresh_interval: 15  # celint: disable=CE207"
    )
    assert check(tmp_path, text) == [
        f"q.yaml:7:1: CE218 [info] {CE218}",
        "q.yaml:16:56: CE005 [warning] unused suppression: no CE207 finding on this line",
        f"q.yaml:17:22: {CE207}",
        f"q.yaml:17:22: {CE210}",
    ]


def test_file_comment_at_the_top(tmp_path: Path) -> None:
    header = "\n\n# celint: disable-file=signature-key-missing,CE210"
    assert check(tmp_path, POLLING.format(header=header, comment="")) == [f"q.yaml:19:22: {CE207}"]


def test_unused_unknown_and_misplaced_comments_are_ce005(tmp_path: Path) -> None:
    header = "\n# celint: disable-file=CE218,CE402,CE2O7"
    text = POLLING.format(header=header, comment="  # celint: disabel=CE207").replace(
        "name: QuickBooks", "name: QuickBooks  # celint: disable-file=CE104"
    )
    assert check(tmp_path, text) == [
        "q.yaml:2:30: CE005 [warning] unused suppression: no CE402 finding in this file",
        "q.yaml:2:36: CE005 [warning] 'CE2O7' in a celint comment is not a rule",
        f"q.yaml:18:22: {CE207}",
        f"q.yaml:18:22: {CE210}",
        "q.yaml:18:44: CE005 [warning] unknown celint directive 'disabel'; did you mean 'disable'?",
        "q.yaml:19:19: CE005 [warning] 'celint: disable-file' must come among the comments at "
        "the top of the file, before the first line of data",
    ]


def test_comments_for_rules_that_did_not_run_are_not_unused(tmp_path: Path) -> None:
    text = POLLING.format(header="\n# celint: disable-file=CE402", comment="")
    assert check(tmp_path, text, "--select", "CE207") == [f"q.yaml:18:22: {CE207}"]
    assert check(tmp_path, text, "--ignore", "CE005,CE2") == []


def test_a_suppressed_finding_is_not_fixed(tmp_path: Path) -> None:
    text = WEBHOOKS_YAML.replace("webhooks", "webhooks  # celint: disable=CE219")
    path = tmp_path / "body.yaml"
    path.write_text(text)
    result = run_celint("check", "--fix", "body.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert path.read_text() == text


def test_library_honours_comments() -> None:
    text = WEBHOOKS_YAML.replace("webhooks", "webhooks  # celint: disable=vendor-type-alias")
    assert celint.lint_text(text, "body.yaml") == []


def test_per_file_ignores_for_json_and_yaml(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "old.json").write_text(PLACEHOLDER_JSON)
    (legacy / "old.yaml").write_text(WEBHOOKS_YAML)
    (tmp_path / "new.json").write_text(PLACEHOLDER_JSON)
    (tmp_path / "celint.toml").write_text(
        "[per-file-ignores]\n"
        '"legacy/*.json" = ["CE1", "placeholder-unreplaced", "CE304", "CE217"]\n'
        '"old.yaml" = ["vendor-type-alias"]\n'
    )
    result = run_celint("check", "--format", "json", ".", cwd=tmp_path)
    found = {(d["path"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert found == {
        ("new.json", "CE101"),
        ("new.json", "CE217"),
        ("new.json", "CE304"),
        ("new.json", "CE402"),
    }


def test_hash_inside_quotes_is_not_a_comment() -> None:
    text = (
        "a: 'it''s # celint: disable=CE101'\n"
        'b: "say \\" # celint: disable=CE102"\n'
        "c: [x, 'y # celint: disable=CE103']  # celint: disable=CE104\n"
        "d: x#celint: disable=CE105\n"
    )
    assert [(d.line, [w.text for w in d.words]) for d in directives(text)] == [(3, ["CE104"])]


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("  event.vendor.type: webhooks", "  event.vendor.type: webhooks  # celint: disable=CE219"),
        ("  event.vendor.type: webhooks ", "  event.vendor.type: webhooks # celint: disable=CE219"),
        ("  a: b # why", "  a: b # celint: disable=CE219 # why"),
        ("  a: b  # celint: disable=CE207 ", "  a: b  # celint: disable=CE207,CE219 "),
        ("  a: 'x # y'", "  a: 'x # y'  # celint: disable=CE219"),
    ],
)
def test_disable_comment_writes_what_silences_the_code(line: str, written: str) -> None:
    found = disable_comment(line, "CE219")
    assert found is not None
    at, text = found
    assert line[:at] + text + line[at:] == written
    (directive,) = directives(written)
    assert directive.problem is None and "CE219" in [w.text for w in directive.words]


@pytest.mark.parametrize(
    "line",
    [
        "# celint: disable-file=CE218",  # another directive: the new one would hide it
        "  a: b  # celint: disabel=CE207",  # a misspelt one, which CE005 reports
        "  a: b  # celint: disable=",  # names no rule: CE005 too
        '  a: x "y',  # the line ends in what the directive reader takes for an open quote
    ],
)
def test_disable_comment_refuses_where_it_would_not_work(line: str) -> None:
    assert disable_comment(line, "CE219") is None
