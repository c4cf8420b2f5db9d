"""The rule docs are run and published: every rule's Example gives a finding of that rule and
its Fix does not, and ``docs/rules/`` holds the current page of every rule at a stable URL.

How an Example or a Fix (often a fragment) becomes a whole text to lint is the convention of
tests/rule_examples.py; the tests below pin that convention too, so that a change to it is a
visible decision rather than a side effect.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rule_examples import (
    BASE,
    POLLING_EVENTS,
    WEBHOOK_EVENTS,
    LintInput,
    Snippet,
    apply_change,
    complete,
    dump,
    example_input,
    fix_input,
    fix_snippet,
    normal_form,
)
from samples import ROOT

from celint import LintOptions, Rule
from celint.model import Severity, rule
from celint.report.rule_docs import DOCS_FOLDER, doc_url, rule_pages
from celint.rules import all_rules

SCRIPT = ROOT / "scripts" / "build_rule_docs.py"
DOCS = ROOT / DOCS_FOLDER


def _codes(found: LintInput) -> list[str]:
    return sorted({d.code for d in found.lint()})


# --- every rule's docs, run ----------------------------------------------------------------------


@pytest.mark.parametrize("documented", all_rules(), ids=lambda r: r.code)
def test_the_example_gives_a_finding_of_its_rule(documented: Rule) -> None:
    found = example_input(documented)
    codes = _codes(found)
    assert documented.code in codes, (
        f"{documented.code}'s Example gives {codes}; linted {found.path}:\n{found.text}"
    )


@pytest.mark.parametrize("documented", all_rules(), ids=lambda r: r.code)
def test_the_fix_gives_no_finding_of_its_rule(documented: Rule) -> None:
    found = fix_input(documented)
    codes = _codes(found)
    assert documented.code not in codes, (
        f"{documented.code}'s Fix still gives it; linted {found.path}:\n{found.text}"
    )


# --- the completion convention (tests/rule_examples.py) ------------------------------------------


def test_the_base_and_its_events_are_valid() -> None:
    for events in ({}, POLLING_EVENTS, WEBHOOK_EVENTS):
        body = {**BASE, "configuration": {**BASE["configuration"], **events}}
        for language in ("json", "yaml"):
            assert LintInput(f"x.{language}", dump(body, language), LintOptions()).lint() == []


def test_a_configuration_fragment_that_turns_events_on_states_them_in_full() -> None:
    body = complete(normal_form({"event.notification.enabled": True}))
    events = {k for k in body["configuration"] if k.startswith("event.")}
    assert events == {"event.notification.enabled"}


@pytest.mark.parametrize(
    ("vendor_type", "expected"),
    [(None, POLLING_EVENTS), ("polling", POLLING_EVENTS), ("webhooks", WEBHOOK_EVENTS)],
)
def test_any_other_configuration_fragment_sits_inside_working_events(
    vendor_type: str | None, expected: dict[str, object]
) -> None:
    fragment = {"event.vendor.type": vendor_type} if vendor_type else {}
    configuration = complete(normal_form(fragment))["configuration"]
    assert {k: v for k, v in configuration.items() if k.startswith("event.")} == {
        **expected,
        **fragment,
    }


def test_a_poller_configuration_replaces_the_polling_bodys_resource_list() -> None:
    fragment = {"event.poller.configuration": {"bills": {"url": "/bills", "idField": "id"}}}
    configuration = complete(normal_form(fragment))["configuration"]
    assert "event.poller.urls" not in configuration
    assert configuration["event.poller.refresh_interval"] == 15


def test_a_body_fragment_merges_configuration_and_replaces_the_other_keys() -> None:
    body = complete(
        normal_form({"providerData": {"code": "c"}, "configuration": {"scope": "openid"}})
    )
    assert body["providerData"] == {"code": "c"}
    assert body["configuration"]["scope"] == "openid"
    assert body["configuration"]["oauth.api.key"] == BASE["configuration"]["oauth.api.key"]
    assert body["element"] == {"key": "quickbooks"}


def test_a_fragment_with_an_element_is_a_whole_body() -> None:
    assert complete(normal_form({"element": {"key": "x"}})) == {"element": {"key": "x"}}


def test_an_inline_fix_replaces_the_member_with_its_key_or_adds_it_where_it_belongs() -> None:
    example = normal_form({"providerData": {"realmId": 1}})
    assert apply_change(example, {"realmId": "1"}) == {"providerData": {"realmId": "1"}}
    assert apply_change(example, {"name": "n"})["name"] == "n"
    assert apply_change(example, {"scope": "s"})["configuration"] == {"scope": "s"}


def test_the_fix_is_the_first_fenced_block_else_the_first_mapping_span() -> None:
    def fix_of(text: str) -> Snippet:
        doc = f"## What it does\nx\n## Why is this bad?\nx\n## Example\nx\n## Fix\n{text}"
        return fix_snippet(rule("CE999", "x", Severity.INFO, "x", doc))

    inline = fix_of('Use `--fix`, or `event.poller.urls`, or `"event.poller.urls": "bills"`.')
    assert (inline.text, inline.fenced) == ('"event.poller.urls": "bills"', False)
    assert fix_of("Write `tags: [production]`.").mapping() == {"tags": ["production"]}
    fenced = fix_of('Like `"a": 1`:\n```yaml\nb: 2\n```\n')
    assert (fenced.mapping(), fenced.language, fenced.fenced) == ({"b": 2}, "yaml", True)


# --- the published pages -------------------------------------------------------------------------


def test_a_rule_page_has_a_stable_url() -> None:
    assert doc_url("CE201") == "https://github.com/celint/celint/blob/main/docs/rules/CE201.md"


@pytest.mark.skipif(not SCRIPT.is_file(), reason="scripts/ and docs/ are not in the sdist")
def test_the_rule_pages_are_up_to_date() -> None:
    """Edit a rule's docstring and forget the rebuild: this fails, naming the command."""
    wanted = rule_pages(all_rules())
    for name, text in wanted.items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, (
            f"{DOCS_FOLDER}/{name} is stale: run python scripts/build_rule_docs.py"
        )
    assert sorted(path.name for path in DOCS.iterdir()) == sorted(wanted)
    for found in all_rules():
        assert doc_url(found.code).endswith(f"/{DOCS_FOLDER}/{found.code}.md")
        page = wanted[f"{found.code}.md"]
        assert page.startswith(f"# {found.code} {found.name}\n")
        assert f"Severity: **{found.severity.label}**" in page and found.doc in page


@pytest.mark.skipif(not SCRIPT.is_file(), reason="scripts/ is not in the sdist")
def test_the_check_mode_exits_1_on_a_stale_page_and_the_build_repairs_it(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "rules"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(SCRIPT), "--out", str(folder), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    assert run("--check").returncode == 1  # nothing built yet
    assert run().returncode == 0
    assert run("--check").returncode == 0
    (folder / "CE201.md").write_text("# edited by hand\n", encoding="utf-8")
    (folder / "CE999.md").write_text("# a rule that is gone\n", encoding="utf-8")
    (folder / "CE219.md").unlink()
    stale = run("--check")
    assert stale.returncode == 1
    for name in ("CE201.md", "CE219.md", "CE999.md"):
        assert f"{name} is stale" in stale.stdout
    assert run().returncode == 0
    assert run("--check").returncode == 0
    assert not (folder / "CE999.md").exists()
