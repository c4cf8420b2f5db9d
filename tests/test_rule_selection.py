"""A rule is skipped only when it cannot fire: linting with the selected rules finds exactly what
linting with every rule finds.

The registry runs a rule on a body only when the body's configuration holds a key the rule
``requires`` (:func:`celint.rules.checks_for`), and imports the rule's module only then. Here
every text is linted both ways, with the selection and with every rule forced on, and the two
results must be identical, finding for finding (positions, messages, fixes): on the examples,
the fixtures, every rule's documented Example and Fix, the benchmark corpus, and bodies made by
changing configuration keys at random.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from bodies import VALID, valid_body
from hypothesis import given
from hypothesis import strategies as st
from rule_examples import example_input, fix_input

import celint
from celint import rules
from celint.config.options import LintOptions
from celint.elements.profiles import profiles
from celint.model import CheckFunction, Diagnostic, Rule
from celint.rules.events import ce217_boolean_as_string
from celint.schema.keys import EVENT_PREFIX

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (the benchmark's generator: bodies with one defect in ten)

DEFAULT = LintOptions()
ENV = LintOptions(environment={"QBO_CLIENT_SECRET": "rendered"})


def every_check(configuration: object) -> tuple[tuple[Rule, CheckFunction], ...]:
    """What the engine would run with no selection at all."""
    return tuple((r, r.check) for r in rules.all_rules() if r.check is not None)


def findings(path: str, text: str, options: LintOptions) -> list[tuple[Diagnostic, str]]:
    found = celint.lint_text(text, path=path, options=options)
    return [(d, repr(d.fix)) for d in found]


def both_ways(path: str, text: str, options: LintOptions = DEFAULT) -> set[str]:
    """Lint ``text`` with the selection and with every rule; assert they agree and return the
    codes found."""
    selected = findings(path, text, options)
    with mock.patch.object(rules, "checks_for", every_check):
        everything = findings(path, text, options)
    assert selected == everything, path
    return {d.code for d, _ in selected}


def fixed_inputs() -> Iterator[tuple[str, str, LintOptions]]:
    """The examples, the fixtures, every rule's Example and Fix and 400 bench bodies."""
    files = [*sorted((ROOT / "examples").iterdir()), *sorted((ROOT / "tests/fixtures").rglob("*"))]
    for path in files:
        if path.suffix in (".json", ".yaml", ".yml"):
            text = path.read_text(encoding="utf-8")
            yield path.name, text, DEFAULT
            yield path.name, text, ENV
    for rule in rules.all_rules():
        for made in (example_input(rule), fix_input(rule)):
            yield made.path, made.text, made.options
    for number in range(400):
        yield corpus.file_name(number), corpus.text(number), DEFAULT


def test_the_selection_finds_what_every_rule_finds_on_the_fixed_inputs() -> None:
    seen: set[str] = set()
    for path, text, options in fixed_inputs():
        seen |= both_ways(path, text, options)
    # Not vacuous: every rule that can be skipped fires somewhere above.
    skippable = {code for code, *_, requires in rules.table.RULES if requires}
    assert skippable <= seen, sorted(skippable - seen)


def test_the_boolean_keys_of_ce217_are_what_it_requires() -> None:
    """CE217 reads its keys from the events schema; the table must know each of them."""
    required = ce217_boolean_as_string.RULE.requires
    assert all(key in required for key in ce217_boolean_as_string._boolean_keys())


# Values a configuration key may hold, good and bad, for the random bodies below.
VALUES = st.sampled_from(
    [
        True,
        False,
        "true",
        "False",
        None,
        "",
        " ",
        0,
        15,
        -5,
        2.5,
        "15",
        "15m",
        "polling",
        "webhook",
        "webhooks",
        "Polling",
        "bills|invoices|customers",
        "billsinvoicescustomers",
        "bills, invoices",
        "bills|bills",
        "https://myapp.example.com/events",
        " https://myapp.example.com/events",
        "https://user:pa55word@myapp.example.com/x",
        "http://localhost:8080/events",
        "https;//myapp.example.com",
        "https://api.cloud-elements.com/elements/api-v2/events",
        "<CALLBACK_URL>",
        "xxxxxxxx",
        "${EVENTS_VALUE}",
        "short",
        "S3cr3t-Value-42",
        {"bills": {"url": "/hubs/finance/bills", "idField": "id"}},
        '{"bills": {"url": "/hubs/finance/bills?where=x=\'${gmtDate:yyyy-MM-dd}\'"}}',
        '{"bills": {"url": "/x", "idField": "id", "datesConfiguration": '
        '{"updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX", "updatedDateTimezone": "PST"}}}',
        "{not json",
        ["a", "b"],
    ]
)
KEYS = st.sampled_from(
    sorted(
        {
            *(key for *_, requires in rules.table.RULES for key in requires),
            *VALID["configuration"],
            "event.notification.subscription.id",
            "event.objects",
            "event.metadata",
            "event.unknown.key",
            "authentication.type",
            "api.password",
            "base.url",
            "baseUrl",
            "crm.server.url",
            "helpdesk.token",
            *(
                key
                for flow in profiles()["quickbooks"].flows.values()
                for key in flow.configuration
            ),
        }
        - {EVENT_PREFIX}
    )
)
ELEMENTS = st.sampled_from([{"key": "quickbooks"}, {"key": "hubspot"}, {"key": "quickbook"}, None])


@given(
    changes=st.dictionaries(KEYS, st.one_of(VALUES, st.just("DROP")), max_size=8),
    element=ELEMENTS,
    language=st.sampled_from(["json", "yaml"]),
    fragment=st.booleans(),
)
def test_the_selection_finds_what_every_rule_finds_on_changed_bodies(
    changes: dict[str, Any], element: dict[str, str] | None, language: str, fragment: bool
) -> None:
    body = valid_body()
    if element is None:
        body.pop("element")
    else:
        body["element"] = element
    for key, value in changes.items():
        if value == "DROP":
            body["configuration"].pop(key, None)
        else:
            body["configuration"][key] = value
    document = body["configuration"] if fragment else body
    text = json.dumps(document, indent=2) if language == "json" else _yaml(document)
    both_ways(f"body.{language}", text)


def _requires(requires: tuple[str, ...], key: str) -> bool:
    return any(
        key == wanted or (wanted.endswith(".") and key.startswith(wanted)) for wanted in requires
    )


SKIPPABLE = [(code, requires) for code, *_, requires in rules.table.RULES if requires]


@pytest.mark.parametrize(("code", "requires"), SKIPPABLE, ids=[code for code, _ in SKIPPABLE])
@given(
    changes=st.dictionaries(KEYS, VALUES, max_size=10),
    element=ELEMENTS,
    drop=st.sets(st.sampled_from(sorted(VALID["configuration"]))),
    fragment=st.booleans(),
)
def test_a_rule_finds_nothing_in_a_body_without_what_it_requires(
    code: str,
    requires: tuple[str, ...],
    changes: dict[str, Any],
    element: dict[str, str] | None,
    drop: set[str],
    fragment: bool,
) -> None:
    """Where the selection skips a rule: every rule forced on, the rule reports nothing, in a
    whole body or in a configuration fragment (the configuration alone)."""
    body = valid_body()
    if element is None:
        body.pop("element")
    else:
        body["element"] = element
    configuration = {**body["configuration"], **changes}
    body["configuration"] = {
        key: value
        for key, value in configuration.items()
        if key not in drop and not _requires(requires, key)
    }
    assert code not in {rule.code for rule, _ in rules.checks_for(body["configuration"])}
    document = body["configuration"] if fragment else body
    with mock.patch.object(rules, "checks_for", every_check):
        found = celint.lint_text(json.dumps(document, indent=2), path="body.json")
    assert code not in {d.code for d in found}


def _yaml(body: dict[str, Any]) -> str:
    from io import StringIO

    from ruamel.yaml import YAML

    stream = StringIO()
    YAML().dump(body, stream)
    return stream.getvalue()


@pytest.mark.parametrize(
    ("text", "loaded", "not_loaded"),
    [
        # A webhook body: no poller rule, no time-zone database.
        (
            json.dumps(
                {
                    **VALID,
                    "configuration": {
                        k: v
                        for k, v in VALID["configuration"].items()
                        if not k.startswith("event.poller.")
                    }
                    | {"event.vendor.type": "webhook"},
                }
            ),
            [
                "celint.rules.events.ce213_url_insecure",
                "celint.rules.secrets.ce401_hardcoded_secret",
            ],
            [
                "celint.rules.events.ce207_poller_resource_unknown",
                "celint.rules.events.ce224_poller_timezone_invalid",
                "zoneinfo",
            ],
        ),
        # No configuration at all: none of the events rules.
        (
            '{"element": {"key": "quickbooks"}, "name": "x", "providerData": {"code": "${C}"}}',
            ["celint.rules.element.ce303_provider_data_incomplete"],
            [
                "celint.rules.events.ce201_vendor_type_invalid",
                "celint.rules.events.ce224_poller_timezone_invalid",
            ],
        ),
    ],
    ids=["webhook", "no-configuration"],
)
def test_a_rule_that_cannot_fire_is_not_imported(
    text: str, loaded: list[str], not_loaded: list[str]
) -> None:
    code = (
        "import sys, celint\n"
        f"celint.lint_text(sys.stdin.read(), path='body.json')\n"
        f"print([m for m in {loaded + not_loaded!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    )
    assert result.stdout == f"{loaded!r}\n"
