"""The catalogue rules (CE306-CE310) and the severity rule they follow: a finding is never surer
than the fact it rests on, an unmarked fact never gives an error, and a reviewed override is
what turns a warning into an error. ``-v`` and ``celint explain`` say where a finding's fact
comes from; ``celint init`` follows the docs' event support; the README's element table is the
catalogue's.

Bodies are linted by the installed ``celint`` where the command line is the point (``-v``,
``explain``, ``init``, a profile built by the generator), else by the library, over every
profile celint ships.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clirun import run_celint
from generator import ROOT, gen

import celint
from celint.config.options import LintOptions
from celint.elements import store
from celint.elements.profiles import profiles
from celint.schema import registry
from celint.schema.keys import PLATFORM_KEYS

ELEMENTS = ROOT / "schemas" / "elements"
PROFILES: dict[str, Any] = json.loads((ELEMENTS / "catalogue.json").read_text(encoding="utf-8"))
KEY_RULES = ("CE306", "CE307", "CE308")


def _found(body: dict[str, Any], *codes: str) -> list[tuple[str, str, str, str]]:
    return [
        (d.code, d.severity.label, d.pointer, d.message)
        for d in celint.lint_data(body)
        if not codes or d.code in codes
    ]


def _flows() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every flow of every element celint ships a profile for (QuickBooks' hand-made one)."""
    for key, document in store.all_documents():
        for name, flow in document["authentication"]["flows"].items():
            yield key, name, flow


def _init_body(key: str, flow: dict[str, Any]) -> dict[str, Any]:
    """What ``celint init`` writes for the flow, without events."""
    return {"element": {"key": key}, "name": f"{key} production", **copy.deepcopy(flow["init"])}


# -- -v and explain ---------------------------------------------------------------------------

ZENDESK: dict[str, Any] = {
    "element": {"key": "zendesk"},
    "name": "Zendesk production",
    "providerData": {"code": "${ZENDESK_CODE}"},
    "configuration": {
        "oauth.callback.url": "https://app.example.com/oauth/zendesk",
        "oauth.api.key": "${ZENDESK_CLIENT_ID}",
        "oauth.api.secret": "${ZENDESK_CLIENT_SECRET}",
        "zendesk.subdomian": "acme",
    },
}


def test_verbose_names_the_doc_line_a_catalogue_finding_rests_on(tmp_path: Path) -> None:
    (tmp_path / "zendesk.json").write_text(json.dumps(ZENDESK, indent=2), encoding="utf-8")
    finding = (
        "zendesk.json:13:5: CE306 [warning] 'zendesk.subdomian' is not a configuration key that "
        "'zendesk' documents for the oauth2 flow; did you mean 'zendesk.subdomain'?"
    )
    evidence = "    = evidence: documented, docs/elements/zendesk/authenticate.md:127"
    verbose = run_celint("check", "-v", "zendesk.json", cwd=tmp_path)
    assert verbose.stdout.splitlines()[:2] == [finding, evidence]
    plain = run_celint("check", "zendesk.json", cwd=tmp_path)
    assert plain.stdout.splitlines()[0] == finding
    assert "evidence" not in plain.stdout
    # The JSON contract is unchanged: no evidence field.
    as_json = json.loads(run_celint("check", "-v", "--format", "json", str(tmp_path)).stdout)
    assert set(as_json["diagnostics"][0]) == {
        "path", "line", "column", "end_line", "end_column", "code", "rule", "severity",
        "message", "pointer", "suggestion", "fixable",
    }  # fmt: skip
    # The README shows this very run, on examples/broken/zendesk.json (tests/test_readme.py
    # runs it).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = f"examples/broken/{finding}\n{evidence}\n"
    assert "$ celint check -v examples/broken/zendesk.json\n" in readme and shown in readme
    example = json.loads((ROOT / "examples" / "broken" / "zendesk.json").read_text())
    assert example == ZENDESK


def test_full_format_shows_the_evidence_under_the_source_line(tmp_path: Path) -> None:
    (tmp_path / "zendesk.json").write_text(json.dumps(ZENDESK, indent=2), encoding="utf-8")
    result = run_celint(
        "check", "-v", "--format", "full", "--no-color", "zendesk.json", cwd=tmp_path
    )
    rows = result.stdout.splitlines()
    assert rows[1:5] == [
        '   13 |     "zendesk.subdomian": "acme"',
        "      |     ^^^^^^^^^^^^^^^^^^^",
        "      = help: did you mean: zendesk.subdomain",
        "    = evidence: documented, docs/elements/zendesk/authenticate.md:127",
    ]


def test_explain_gives_the_evidence_levels_of_a_catalogue_rule() -> None:
    explained = run_celint("explain", "CE308").stdout
    assert (
        "| trust | meaning | at most |\n"
        "|---|---|---|\n"
        "| confirmed | a reviewed decision (`schemas/elements/overrides.yaml`, a hand-made "
        "profile, or your own `elements.<key>` configuration) | error |\n"
        "| stated | stated by the docs, closed and uncontradicted | error |\n"
        "| documented | documented, but open-ended or without a required/optional marker "
        "| warning |\n"
        "| contradicted | the docs disagree with themselves | warning |\n"
        "| inferred | only inferred, from the shape of example bodies | info |\n"
        "| unstated | the docs say nothing | info |\n"
    ) in explained
    assert "`celint check -v` prints under each such finding the fact's trust" in explained
    assert "## Evidence" not in run_celint("explain", "CE201").stdout


# -- the severity rule ------------------------------------------------------------------------


def test_an_unmarked_fact_never_produces_an_error() -> None:
    """Every flow's body, with each of its keys left out, misspelt, or swapped for another
    flow's: the only errors from the key rules are the keys the docs mark required (at the
    error level), and every one of those is reported when it is left out."""
    errors, expected, warnings = [], [], 0
    for key, name, flow in _flows():
        body = _init_body(key, flow)
        configuration = body["configuration"]
        kept = {k: v for k, v in configuration.items() if k in PLATFORM_KEYS}
        misspelt = {k + "x": v for k, v in configuration.items() if k not in PLATFORM_KEYS}
        others = {
            k: "x"
            for other, fact in _flows_of(key)
            if other != name
            for k in fact["configuration"]
            if k not in configuration
        }
        body["configuration"] = {**kept, **misspelt, **others}
        for found in _found(body, *KEY_RULES):
            if found[1] == "error":
                errors.append((key, name, found[2].rsplit("/", 1)[1]))
            else:
                warnings += 1
        expected += [
            (key, name, k)
            for k, fact in flow["configuration"].items()
            if fact["required"] == "required"
            and fact["trust"] in ("stated", "confirmed")
            and k not in kept
        ]
    assert sorted(errors) == sorted(expected)
    assert len(expected) == 44  # the NetSuite family's Required column: 4 elements, 2 flows
    assert warnings > 600  # the misspelt keys: warnings, never errors


def _flows_of(key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    document = store.read(key)
    assert document is not None
    yield from document["authentication"]["flows"].items()


def _catalogue() -> dict[str, Any]:
    """One element as the catalogue writes it: a Required column whose row the example body
    leaves out (so the docs disagree), and polling documented as not supported on a page that
    also shows a polling example (so they disagree again); webhooks supported."""
    page = "docs/elements/tiny/index.md"
    return {
        "source": {"repository": "example", "commit": "0"},
        "elements": {
            "tiny": {
                "key": "tiny",
                "key_evidence": [{"kind": "front matter elementKey", "src": f"{page}:9"}],
                "name": {
                    "value": "Tiny",
                    "evidence": [{"kind": "front matter", "src": f"{page}:2"}],
                },
                "authentication": {
                    "documented": {
                        "basic": [{"kind": "overview Authentication row", "src": f"{page}:30"}]
                    },
                    "types": {
                        "basic": {
                            "configuration": [
                                {"api": "tiny.user", "src": f"{page}:40", "required": "required"},
                                {"api": "tiny.site", "src": f"{page}:41", "required": "required"},
                            ],
                            "providerData": [],
                            "example_configuration_keys": [
                                {"api": "tiny.user", "src": f"{page}:50"}
                            ],
                        }
                    },
                },
                "events": {
                    "polling": False,
                    "webhooks": True,
                    "evidence": {
                        "polling": [{"kind": "example event.vendor.type", "src": f"{page}:70"}],
                        "webhooks": [{"kind": "overview Events row", "src": f"{page}:26"}],
                        "none": [{"kind": "overview Events row", "src": f"{page}:25"}],
                    },
                },
            }
        },
    }  # fmt: skip


#: Two reviewed decisions: the Required column is right, and polling is not supported.
DECISIONS = [
    {
        "elements": ["tiny"],
        "pointer": "/authentication/flows/basic/configuration/tiny.site",
        "reason": "the Required column is right: the example body's page says to add tiny.site",
        "src": ["docs/elements/tiny/index.md:55"],
    },
    {
        "elements": ["tiny"],
        "pointer": "/events/polling",
        "reason": "the overview says no polling; the polling example is copied from another page",
        "src": ["docs/elements/tiny/index.md:25"],
    },
]

TINY_BODY: dict[str, Any] = {
    "element": {"key": "tiny"},
    "name": "Tiny production",
    "configuration": {
        "tiny.user": "integration",
        "event.notification.enabled": True,
        "event.vendor.type": "polling",
        "event.notification.callback.url": "https://app.example.com/events",
        "event.notification.signature.key": "${TINY_SIGNATURE_KEY}",
        "event.poller.refresh_interval": 15,
        "event.poller.configuration": {
            "items": {"url": "/hubs/x/items?where=updated>='${epoch}'", "idField": "id"}
        },
    },
}


def _lint_with(profile: dict[str, Any], folder: Path, body: Path) -> list[tuple[str, ...]]:
    """``body`` linted by celint with ``profile`` as the tiny element's (in a copy of the
    schema folder, as a profile file)."""
    shutil.copytree(ROOT / "schemas", folder, ignore=shutil.ignore_patterns("dist"))
    (folder / "elements" / "tiny.profile.json").write_text(json.dumps(profile), encoding="utf-8")
    result = run_celint(
        "check", "--format", "json", str(body), env={registry.SCHEMA_DIR_VARIABLE: str(folder)}
    )
    return [
        (d["code"], d["severity"], d["pointer"], d["message"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]


def test_removing_an_override_entry_turns_its_error_into_a_warning(tmp_path: Path) -> None:
    reviewed = gen.build_profiles(_catalogue(), {"decisions": DECISIONS})["tiny"]
    unreviewed = gen.build_profiles(_catalogue(), {})["tiny"]
    body = tmp_path / "tiny.json"
    body.write_text(json.dumps(TINY_BODY, indent=2), encoding="utf-8")
    missing = (
        "CE308", "/configuration/tiny.site",
        "'tiny.site' is missing; 'tiny' requires it for the basic flow",
    )  # fmt: skip
    polling = (
        "CE309", "/configuration/event.vendor.type",
        "'tiny' is documented as not supporting polling; use 'webhook'",
    )  # fmt: skip
    assert _lint_with(reviewed, tmp_path / "reviewed", body) == [
        (missing[0], "error", *missing[1:]),
        (polling[0], "error", *polling[1:]),
    ]
    assert _lint_with(unreviewed, tmp_path / "unreviewed", body) == [
        (missing[0], "warning", *missing[1:]),
        (polling[0], "warning", *polling[1:]),
    ]


# -- which flow, which keys -------------------------------------------------------------------


def test_platform_keys_are_never_a_flow_s_keys() -> None:
    """``event.*``, ``authentication.type`` and ``filter.response.nulls`` in any element's body,
    under any of its flows: never unknown, never another flow's."""
    events = registry.load_all()["events.schema.json"]["properties"]
    platform = {key: "x" for key in [*events, *PLATFORM_KEYS] if key != "authentication.type"}
    found = []
    for key, _, flow in _flows():
        body = _init_body(key, flow)
        body["configuration"].update(platform)
        found += [(key, code, pointer) for code, _, pointer, _ in _found(body, *KEY_RULES)]
    assert found == []


QUICKBOOKS_OAUTH1: dict[str, Any] = {
    "element": {"key": "quickbooks"},
    "name": "QuickBooks",
    "providerData": {
        "oauth_token": "${QBO_TOKEN}",
        "oauth_verifier": "${QBO_VERIFIER}",
        "secret": "${QBO_TOKEN_SECRET}",
        "realmId": "123146096291789",
        "state": "quickbooks",
        "dataSource": "QBO",
    },
    "configuration": {
        "oauth.api.key": "${QBO_ID}",
        "oauth.api.secret": "${QBO_SECRET}",
        "oauth.callback.url": "https://app.example.com/oauth",
        "scope": "com.intuit.quickbooks.accounting",
    },
}


def test_a_sure_default_flow_decides_for_a_body_without_a_type() -> None:
    """QuickBooks' default (OAuth 1.0, confirmed) is the platform's: the OAuth 2.0 scope is
    another flow's key, though no other key says which flow the body is for."""
    assert _found(QUICKBOOKS_OAUTH1) == [
        (
            "CE307", "warning", "/configuration/scope",
            "'scope' is a configuration key of the oauth2 flow of 'quickbooks', but this body "
            "uses the default oauth1 flow (no authentication.type is set); remove it, or set "
            "'authentication.type' to 'oauth2'",
        )
    ]  # fmt: skip


def test_without_a_type_the_keys_choose_the_flow_and_mixed_keys_fall_to_the_default() -> None:
    """The docs' OAuth 2.0 example for Dynamics leaves the type out; its keys fit that flow
    only. A HubSpot body with both flows' keys gets the documented default, OAuth 2.0."""
    dynamics = _init_body("dynamicscrmadfs", dict(_flows_of("dynamicscrmadfs"))["oauth2"])
    assert "authentication.type" not in dynamics["configuration"]
    assert _found(dynamics) == []
    hubspot = {
        "element": {"key": "hubspot"},
        "name": "HubSpot",
        "providerData": {"code": "${HUBSPOT_CODE}"},
        "configuration": {
            "oauth.api.key": "${HUBSPOT_ID}",
            "oauth.api.secret": "${HUBSPOT_SECRET}",
            "oauth.callback.url": "https://app.example.com/oauth",
            "hubspot.authorization.apikey": "${HUBSPOT_API_KEY}",
        },
    }
    assert _found(hubspot) == [
        (
            "CE307", "warning", "/configuration/hubspot.authorization.apikey",
            "'hubspot.authorization.apikey' is a configuration key of the apiKey flow of "
            "'hubspot', but this body uses the default oauth2 flow (no authentication.type is "
            "set); remove it, or set 'authentication.type' to 'apiKey'",
        )
    ]  # fmt: skip


def test_with_no_flow_told_only_what_every_flow_requires_is_missing() -> None:
    body = {
        "element": {"key": "netsuiteerpv2"},
        "name": "NetSuite",
        "configuration": {"netsuite.accountId": "${NETSUITE_ACCOUNT}", "netsuite.sandbox": True},
    }
    assert _found(body) == [
        (
            "CE308", "error", "/configuration/authentication.type",
            "'authentication.type' is missing; 'netsuiteerpv2' requires it for every one of "
            "its flows",
        )
    ]  # fmt: skip


def test_a_key_close_to_none_is_left_alone() -> None:
    """The docs do not list every key an element takes: only a near miss is reported."""
    body = copy.deepcopy(ZENDESK)
    body["configuration"]["zendesk.subdomain"] = body["configuration"].pop("zendesk.subdomian")
    body["configuration"]["bulk.add_metadata"] = True
    assert _found(body) == []


# -- events -----------------------------------------------------------------------------------

EVERNOTE: dict[str, Any] = {
    "element": {"key": "evernote"},
    "name": "Evernote",
    "configuration": {
        "oauth.api.key": "${EVERNOTE_ID}",
        "oauth.api.secret": "${EVERNOTE_SECRET}",
        "oauth.callback.url": "https://app.example.com/oauth",
        "event.notification.enabled": True,
        "event.notification.callback.url": "https://app.example.com/events",
        "event.notification.signature.key": "${EVERNOTE_SIGNATURE_KEY}",
    },
}


def test_events_on_an_element_documented_without_events() -> None:
    assert _found(EVERNOTE) == [
        (
            "CE309", "error", "/configuration/event.notification.enabled",
            "'evernote' is documented as supporting no events (neither polling nor webhooks); "
            "set 'event.notification.enabled' to false",
        )
    ]  # fmt: skip
    polling = copy.deepcopy(EVERNOTE)
    polling["configuration"].update(
        {"event.vendor.type": "Polling", "event.poller.refresh_interval": 15,
         "event.poller.urls": "notes"}
    )  # fmt: skip
    # A misspelt type is CE201's (the word); the element's support is CE309's (the fact).
    assert [(code, pointer) for code, _, pointer, _ in _found(polling)] == [
        ("CE201", "/configuration/event.vendor.type"),
        ("CE309", "/configuration/event.vendor.type"),
    ]
    off = copy.deepcopy(EVERNOTE)
    off["configuration"] = {k: v for k, v in off["configuration"].items() if "event" not in k}
    assert _found(off) == []


def test_the_salesforce_family_polls_through_event_objects() -> None:
    body = _init_body("sfdc", dict(_flows_of("sfdc"))["oauth2"])
    body["configuration"].update(
        {
            "event.notification.enabled": True,
            "event.vendor.type": "polling",
            "event.notification.callback.url": "https://app.example.com/events",
            "event.notification.signature.key": "${SFDC_SIGNATURE_KEY}",
            "event.poller.refresh_interval": 15,
            "event.objects": "Account,Contact",
        }
    )
    assert _found(body) == []  # no CE206: event.objects names the resources
    del body["configuration"]["event.objects"]
    body["configuration"]["event.poller.urls"] = "Account|Contact"
    assert [(code, severity) for code, severity, _, _ in _found(body)] == [("CE310", "warning")]
    body["configuration"]["event.vendor.type"] = "webhook"
    assert "CE310" not in {code for code, *_ in _found(body)}  # CE216's: polling is off


def test_the_platform_poller_configuration_is_never_an_undocumented_key() -> None:
    """QuickBooks' docs poll through event.poller.urls; the per-resource configuration is the
    platform's own poller, so a body that uses it gets no CE310."""
    body = copy.deepcopy(QUICKBOOKS_OAUTH1)
    del body["configuration"]["scope"]
    body["configuration"].update(
        {
            "event.notification.enabled": True,
            "event.vendor.type": "polling",
            "event.notification.callback.url": "https://app.example.com/events",
            "event.notification.signature.key": "${QBO_SIGNATURE_KEY}",
            "event.poller.refresh_interval": 15,
            "event.poller.configuration": {
                "bills": {"url": "/hubs/finance/bills?where=updated>='${epoch}'", "idField": "id"}
            },
        }
    )
    assert [code for code, *_ in _found(body) if code == "CE310"] == []


def test_init_lists_the_resources_in_the_key_the_element_polls_through() -> None:
    sfdc = json.loads(run_celint("init", "--element", "sfdc", "--format", "json").stdout)
    assert sfdc["configuration"]["event.objects"] == "Account,Contact,Lead,Opportunity"
    unknown = json.loads(
        run_celint("init", "--element", "sfdclibraries", "--format", "json").stdout
    )
    assert unknown["configuration"]["event.objects"] == "${SFDCLIBRARIES_EVENT_OBJECTS}"
    netsuite = json.loads(
        run_celint("init", "--element", "netsuiteerpv2", "--format", "json").stdout
    )
    assert "event.poller.urls" not in netsuite["configuration"]
    assert "event.poller.configuration" in netsuite["configuration"]


def test_every_element_s_init_passes_check() -> None:
    """Whatever event type the docs lead init to, for every element: no finding at all."""
    from celint.elements import scaffold

    found = [
        (key, d.code)
        for key in profiles().elements()
        for d in celint.lint_text(scaffold.body(key, None, "yaml"), "body.yaml")
    ]
    assert found == []


# -- speed ------------------------------------------------------------------------------------


def test_a_body_reads_its_own_element_s_profile_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """158 profiles, and a run that touches one element reads one: the did-you-mean of a
    misspelt element key needs the keys only."""
    read: list[str] = []
    real = store.read

    def recording(key: str) -> Any:
        read.append(key)
        return real(key)

    monkeypatch.setattr(store, "read", recording)
    body = json.dumps(ZENDESK)
    assert [d.code for d in celint.lint_text(body, "z.json", LintOptions())] == ["CE306"]
    misspelt = body.replace('"zendesk"}', '"zendesks"}')
    assert [d.code for d in celint.lint_text(misspelt, "z.json", LintOptions())] == ["CE301"]
    assert read == ["zendesk", "zendesks"]


# -- the README -------------------------------------------------------------------------------


def test_the_readme_element_table_is_the_catalogue_s() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- elements:start -->\n(.*?)<!-- elements:end -->", readme, re.DOTALL)
    assert section is not None
    assert section.group(1) == gen.committed_summary(), (
        "README element table is stale: run `python scripts/sync_readme.py`"
    )
    assert section.group(1).startswith("| fact | elements | confirmed | stated |")
    assert "| events documented as not supported | 10 |" in section.group(1)
