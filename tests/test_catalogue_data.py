"""The element catalogue is data celint trusts no further than its evidence: every profile
validates against ``schemas/elements/profile.format.json``, the generated files are fresh, the
overrides are what lifts a fact to ``confirmed``, and an unmarked row never reaches the error
level. CI has no ``../shared`` folder: the tests that rebuild from the catalogue skip there, the
others read the committed files, which are what CI ships."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from generator import CATALOGUE, ROOT, gen
from jsonschema import Draft202012Validator

import celint

ELEMENTS = ROOT / "schemas" / "elements"
ERROR_LEVEL = {"stated", "confirmed"}


SCHEMA = json.loads((ELEMENTS / "profile.format.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
DATA_BYTES = (ELEMENTS / "catalogue.json").read_bytes()
PROFILES: dict[str, Any] = json.loads(DATA_BYTES)
INDEX = json.loads((ELEMENTS / "catalogue.index.json").read_text(encoding="utf-8"))
QUICKBOOKS = json.loads((ELEMENTS / "quickbooks.profile.json").read_text(encoding="utf-8"))
QB_SCHEMA = json.loads((ELEMENTS / "quickbooks.schema.json").read_text(encoding="utf-8"))
OVERRIDES = gen.load_overrides(ELEMENTS / "overrides.yaml")

needs_catalogue = pytest.mark.skipif(
    not CATALOGUE.is_file(), reason="no ../shared/catalogue/catalogue.json (CI): committed files"
)


def _errors(profile: Any) -> list[tuple[str, str]]:
    return sorted(
        ("/" + "/".join(map(str, error.absolute_path)), error.message)
        for error in VALIDATOR.iter_errors(profile)
    )


def _at(document: Any, pointer: str) -> Any:
    for part in pointer[1:].split("/"):
        document = document[part.replace("~1", "/").replace("~0", "~")]
    return document


def _keys(profile: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for flow, flow_fact in profile["authentication"]["flows"].items():
        for section in ("configuration", "providerData"):
            for key, fact in flow_fact[section].items():
                yield flow, section, key, fact


# -- the format -------------------------------------------------------------------------------


def test_profile_schema_is_a_2020_12_schema_with_severities() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$id"] == "https://celint.dev/schemas/elements/profile.format.json"
    assert (
        SCHEMA["$defs"]["trust"]["x-celint-severity"]
        == gen.TRUST_SEVERITY
        == {
            "confirmed": "error",
            "stated": "error",
            "documented": "warning",
            "contradicted": "warning",
            "inferred": "info",
            "unstated": "info",
        }
    )


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_every_object_of_the_format_refuses_unknown_keys() -> None:
    objects = list(_objects(SCHEMA))
    fixed = [o for o in objects if o.get("type") == "object" and "additionalProperties" not in o]
    assert len(objects) == 26
    assert fixed == []


def test_every_generated_profile_validates() -> None:
    assert len(PROFILES) == 158
    invalid = {key: _errors(profile) for key, profile in PROFILES.items() if _errors(profile)}
    assert invalid == {}


def test_the_quickbooks_profile_validates() -> None:
    assert _errors(QUICKBOOKS) == []
    assert QUICKBOOKS["origin"] == "handmade"


def test_a_misspelt_profile_key_is_rejected() -> None:
    profile = copy.deepcopy(QUICKBOOKS)
    profile["authentification"] = profile.pop("authentication")
    oauth2 = profile["authentification"]["flows"]["oauth2"]
    oauth2["providerData"]["code"]["requierd"] = "required"
    profile["events"]["resources"]["clossed"] = True
    assert _errors(profile) == [
        ("/", "'authentication' is a required property"),
        ("/", "Additional properties are not allowed ('authentification' was unexpected)"),
        ("/events/resources", "Additional properties are not allowed ('clossed' was unexpected)"),
    ]
    profile["authentication"] = profile.pop("authentification")
    assert _errors(profile) == [
        (
            "/authentication/flows/oauth2/providerData/code",
            "Additional properties are not allowed ('requierd' was unexpected)",
        ),
        ("/events/resources", "Additional properties are not allowed ('clossed' was unexpected)"),
    ]


def test_the_format_itself_refuses_an_unmarked_key_at_error_level() -> None:
    profile = copy.deepcopy(QUICKBOOKS)
    scope = profile["authentication"]["flows"]["oauth2"]["configuration"]["scope"]
    assert (scope["required"], scope["trust"]) == ("unmarked", "documented")
    scope["trust"] = "stated"
    assert _errors(profile) == [
        (
            "/authentication/flows/oauth2/configuration/scope/trust",
            "'stated' should not be valid under {'enum': ['stated', 'confirmed']}",
        )
    ]


def test_an_open_resource_list_is_never_stated() -> None:
    profile = copy.deepcopy(QUICKBOOKS)
    profile["events"]["resources"].update(closed=False, trust="stated")
    assert _errors(profile) == [
        ("/events/resources/trust", "'stated' should not be valid under {'const': 'stated'}")
    ]


# -- the severity rule's data side ------------------------------------------------------------


def test_an_unmarked_row_is_never_at_the_error_level() -> None:
    unmarked = [
        (element, flow, key, fact["trust"])
        for element, profile in [*PROFILES.items(), ("quickbooks.profile", QUICKBOOKS)]
        for flow, _, key, fact in _keys(profile)
        if fact["required"] == "unmarked"
    ]
    assert len(unmarked) > 600
    assert [row for row in unmarked if row[3] in ERROR_LEVEL] == []


def _tiny_catalogue() -> dict[str, Any]:
    """One element as the catalogue writes it: a closed list the docs contradict (a case
    variant), an unmarked table row and a typo, just enough of each to be built."""
    page = "docs/elements/tiny/events.md"
    return {
        "source": {"repository": "example", "commit": "0"},
        "elements": {
            "tiny": {
                "key": "tiny",
                "key_evidence": [{"kind": "front matter elementKey", "src": f"{page}:9"}],
                "elementId": {
                    "value": 7,
                    "evidence": [{"kind": "front matter", "src": f"{page}:8"}],
                },
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
                                {"api": "user", "src": f"{page}:40", "required": "unmarked"},
                                {"api": "pasword", "src": f"{page}:41", "required": "unmarked"},
                            ],
                            "providerData": [],
                            "example_configuration_keys": [
                                {"api": "user", "src": f"{page}:50"},
                                {"api": "password", "src": f"{page}:51"},
                            ],
                        }
                    },
                },
                "events": {
                    "polling": True,
                    "webhooks": None,
                    "evidence": {
                        "polling": [{"kind": "overview Events row", "src": f"{page}:12"}],
                        "webhooks": [],
                        "none": [],
                    },
                    "resources": [
                        {
                            "name": "Orders",
                            "sources": [{"kind": "resource list bullet", "src": f"{page}:20"}],
                        },
                        {
                            "name": "orders",
                            "sources": [
                                {"kind": "event.poller.configuration key", "src": f"{page}:60"}
                            ],
                        },
                    ],
                    "resource_flags": ["the same resource is spelled with different case: orders"],
                },
                "profile": {"poll_resources_closed_list": True},
            }
        },
    }


TINY_DECISIONS: list[dict[str, Any]] = [
    {
        "elements": ["tiny"],
        "pointer": "/events/resources",
        "set": {"caseSensitive": False},
        "reason": "the list is closed; bullets are prose, the example writes orders",
        "src": ["docs/elements/tiny/events.md:60"],
    },
    {
        "elements": ["tiny"],
        "pointer": "/authentication/flows/basic/configuration/pasword",
        "rename": "password",
        "reason": "doc typo",
    },
    {
        "elements": ["tiny"],
        "pointer": "/authentication/flows/basic/configuration/user",
        "reason": "an attempt to confirm an unmarked row",
    },
]


def test_an_override_confirms_and_removing_it_lowers_the_trust() -> None:
    with_it = gen.build_profiles(_tiny_catalogue(), {"decisions": TINY_DECISIONS})["tiny"]
    without = gen.build_profiles(_tiny_catalogue(), {"decisions": TINY_DECISIONS[1:]})["tiny"]
    assert with_it["events"]["resources"] == {
        "caseSensitive": False,
        "closed": True,
        "items": {
            "orders": {
                "spellings": ["Orders"],
                "src": ["docs/elements/tiny/events.md:20", "docs/elements/tiny/events.md:60"],
            }
        },
        "reason": "the list is closed; bullets are prose, the example writes orders",
        "src": ["docs/elements/tiny/events.md:20", "docs/elements/tiny/events.md:60"],
        "trust": "confirmed",
    }
    assert without["events"]["resources"]["trust"] == "contradicted"
    assert "reason" not in without["events"]["resources"]
    assert _errors(with_it) == _errors(without) == []


def test_an_override_never_lifts_an_unmarked_row_to_the_error_level() -> None:
    built = gen.build_profiles(_tiny_catalogue(), {"decisions": TINY_DECISIONS})["tiny"]
    configuration = built["authentication"]["flows"]["basic"]["configuration"]
    assert configuration == {
        "password": {
            "reason": "doc typo",
            "renamedFrom": "pasword",
            "required": "unmarked",
            "seen": "both",
            "src": ["docs/elements/tiny/events.md:41", "docs/elements/tiny/events.md:51"],
            "trust": "documented",
        },
        "user": {
            "reason": "an attempt to confirm an unmarked row",
            "required": "unmarked",
            "seen": "both",
            "src": ["docs/elements/tiny/events.md:40", "docs/elements/tiny/events.md:50"],
            "trust": "documented",
        },
    }
    bare = gen.build_profiles(_tiny_catalogue(), {})["tiny"]
    typo = bare["authentication"]["flows"]["basic"]["configuration"]["pasword"]
    assert (typo["seen"], typo["trust"]) == ("table", "contradicted")
    assert built["authentication"]["flows"]["basic"]["init"] == {
        "configuration": {"password": "${TINY_PASSWORD}", "user": "${TINY_USER}"}
    }


def test_a_malformed_override_is_refused() -> None:
    decision = {**TINY_DECISIONS[0], "reasons": "misspelt"}
    with pytest.raises(gen.OverrideError, match=r"unknown \['reasons'\]"):
        gen.build_profiles(_tiny_catalogue(), {"decisions": [decision]})
    missing = {**TINY_DECISIONS[0], "pointer": "/events/resources/nothing/here"}
    with pytest.raises(gen.OverrideError, match="no 'nothing'"):
        gen.build_profiles(_tiny_catalogue(), {"decisions": [missing]})
    two_lines = {**TINY_DECISIONS[0], "reason": "one\ntwo"}
    with pytest.raises(gen.OverrideError, match="reason must be one line"):
        gen.build_profiles(_tiny_catalogue(), {"decisions": [two_lines]})


@needs_catalogue
def test_every_reviewed_decision_raises_its_fact_above_what_the_docs_give() -> None:
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    bare = gen.build_profiles(catalogue, {})
    order = gen.TRUST_ORDER
    for decision in OVERRIDES["decisions"]:
        for element in decision["elements"]:
            pointer = decision["pointer"].replace("/pasword", "/password")
            reviewed = _at(PROFILES[element], pointer)
            assert reviewed["reason"] == decision["reason"].strip()
            if decision.get("create"):
                with pytest.raises(KeyError):
                    _at(bare[element], pointer)
                continue
            before = _at(bare[element], decision["pointer"])["trust"]
            wanted = decision.get("trust", "confirmed")
            if reviewed.get("required") == "unmarked":
                wanted = "documented"
            assert reviewed["trust"] == wanted, (element, pointer)
            assert order.index(reviewed["trust"]) <= order.index(before), (element, pointer)


# -- freshness --------------------------------------------------------------------------------


@needs_catalogue
def test_the_committed_files_are_fresh() -> None:
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    data, index = gen.render(gen.build_profiles(catalogue, OVERRIDES), catalogue)
    assert data == DATA_BYTES
    assert index == (ELEMENTS / "catalogue.index.json").read_bytes()
    assert gen.main(["--check"]) == 0


def test_check_mode_fails_on_stale_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "shared-catalogue.json"
    catalogue.write_text(json.dumps(_tiny_catalogue()), encoding="utf-8")
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text("decisions: []\n", encoding="utf-8")
    out = tmp_path / "elements"
    out.mkdir()
    common = ["--catalogue", str(catalogue), "--overrides", str(overrides), "--out", str(out)]
    assert gen.main([*common, "--check"]) == 1
    assert gen.main(common) == 0
    assert gen.main([*common, "--check"]) == 0
    data = out / "catalogue.json"
    first = data.read_bytes()
    assert gen.main(common) == 0 and data.read_bytes() == first  # deterministic
    capsys.readouterr()
    (out / "catalogue.index.json").write_text("{}\n", encoding="utf-8")
    assert gen.main([*common, "--check"]) == 1
    assert capsys.readouterr().err == (
        f"{out / 'catalogue.index.json'} is stale: run python scripts/build_elements.py\n"
    )


# -- the index and lazy reading ---------------------------------------------------------------


def test_the_index_slices_each_profile_out_of_the_data_file() -> None:
    assert sorted(INDEX["elements"]) == sorted(PROFILES)
    for key, entry in INDEX["elements"].items():
        start, length = entry["at"]
        assert json.loads(DATA_BYTES[start : start + length]) == PROFILES[key]
        assert entry["name"] == PROFILES[key]["identity"]["name"]["value"]
    assert DATA_BYTES.count(b"\n") == len(PROFILES)  # one element per line, compact


def test_reading_one_profile_resolves_aliases_and_prefers_the_handmade_one() -> None:
    assert INDEX["handmade"] == {"quickbooks": "quickbooks.profile.json"}
    assert INDEX["aliases"] == {"basecrm": "base", "sfdcmarketingcloud": "salesforcemarketingcloud"}
    assert gen.read_profile("quickbooks") == QUICKBOOKS
    assert gen.read_profile("sfdcmarketingcloud") == PROFILES["salesforcemarketingcloud"]
    assert gen.read_profile("zendesk") == PROFILES["zendesk"]
    assert gen.read_profile("quickbook") is None


# -- the hand-made QuickBooks profile says what quickbooks.schema.json says -------------------


def _required(flow: str) -> list[str]:
    keys = QUICKBOOKS["authentication"]["flows"][flow]["providerData"]
    return sorted(k for k, fact in keys.items() if fact["required"] == "required")


def test_the_quickbooks_profile_agrees_with_its_body_schema() -> None:
    """The facts both state (auth types, each flow's providerData, scope, realmId) agree; the
    resource list and separator exist only in the profile."""
    defs = QB_SCHEMA["$defs"]
    auth, events = QUICKBOOKS["authentication"], QUICKBOOKS["events"]
    assert QUICKBOOKS["identity"]["key"]["value"] == "quickbooks"
    assert "resource" not in defs and "x-celint" not in QB_SCHEMA
    assert len(events["resources"]["items"]) == 22
    assert (events["resources"]["closed"], events["resources"]["trust"]) == (True, "confirmed")
    assert events["separator"]["value"] == "|"
    assert (events["polling"]["value"], events["webhooks"]["value"]) == ("supported", "supported")
    assert (
        sorted(auth["types"]["value"])
        == sorted(v for v in defs["authenticationType"]["enum"] if v)
        == ["oauth1", "oauth2"]
    )
    assert auth["types"]["nullable"] is (None in defs["authenticationType"]["enum"])
    assert auth["default"]["value"] == "oauth1"
    for flow, name in (("oauth2", "providerDataOAuth2"), ("oauth1", "providerDataOAuth1")):
        assert _required(flow) == sorted(defs[name]["required"])
    assert _required("oauth2") == ["code", "realmId"]
    assert _required("oauth1") == [
        "dataSource",
        "oauth_token",
        "oauth_verifier",
        "realmId",
        "secret",
        "state",
    ]
    scope = auth["flows"]["oauth2"]["requiredScope"]["value"]
    assert scope == "com.intuit.quickbooks.accounting"
    assert re.search(defs["scope"]["pattern"], scope)
    for flow in ("oauth1", "oauth2"):
        realm = auth["flows"][flow]["providerData"]["realmId"]
        assert (realm["type"], realm["pattern"]) == ("string", defs["realmId"]["pattern"])


def test_celint_init_writes_the_quickbooks_profile_init() -> None:
    from celint.elements.scaffold import body

    written = json.loads(body("quickbooks", "none", "json"))
    init = QUICKBOOKS["authentication"]["flows"]["oauth2"]["init"]
    assert written["providerData"] == init["providerData"]
    assert {k: v for k, v in written["configuration"].items() if not k.startswith("event.")} == (
        init["configuration"]
    )


def test_the_generated_quickbooks_profile_agrees_where_the_handmade_one_wins() -> None:
    generated = PROFILES["quickbooks"]
    assert generated["events"]["resources"]["items"].keys() == (
        QUICKBOOKS["events"]["resources"]["items"].keys()
    )
    assert generated["events"]["resources"]["trust"] == "stated"
    assert generated["authentication"]["default"]["value"] == "oauth1"
    for flow in ("oauth1", "oauth2"):
        assert (
            generated["authentication"]["flows"][flow]["providerData"].keys()
            == QUICKBOOKS["authentication"]["flows"][flow]["providerData"].keys()
        )


# -- the catalogue's traps, as the profiles now state them ------------------------------------


def test_the_reviewed_traps() -> None:
    flows = PROFILES["taleobusiness"]["authentication"]["flows"]["basic"]["configuration"]
    assert "pasword" not in flows
    assert (flows["password"]["renamedFrom"], flows["password"]["trust"]) == (
        "pasword",
        "documented",
    )
    salesforce = PROFILES["sfdc"]["events"]["pollKeys"]["event.objects"]
    assert (salesforce["trust"], salesforce["separator"]["value"]) == ("confirmed", ",")
    assert salesforce["separator"]["trust"] == "confirmed"
    for pairs in ("docusign", "sharefile"):
        urls = PROFILES[pairs]["events"]["pollKeys"]["event.poller.urls"]
        assert (urls["items"], urls["trust"]) == ("name-url-pairs", "confirmed")
    erp = PROFILES["netsuiteerpv2"]["events"]["resources"]
    assert (erp["closed"], erp["caseSensitive"], erp["trust"]) == (True, False, "confirmed")
    assert erp["items"]["customers"]["spellings"] == ["Customers"]
    assert PROFILES["sapc4chd"]["events"]["resources"]["trust"] == "contradicted"
    enum = PROFILES["netsuiteerpv2"]["authentication"]["flows"]["basic"]["configuration"][
        "authentication.type"
    ]
    assert (enum["enum"], enum["required"], enum["trust"]) == (
        ["Basic", "basic", "custom"],
        "required",
        "confirmed",
    )
    zendesk = PROFILES["zendesk"]["identity"]["key"]
    assert (zendesk["value"], zendesk["trust"]) == ("zendesk", "confirmed")
    marketing = PROFILES["salesforcemarketingcloud"]["identity"]
    assert marketing["key"]["trust"] == "contradicted"
    assert marketing["otherKeys"]["sfdcmarketingcloud"]["relation"] == "alias"
    assert PROFILES["sfdcdocuments"]["identity"]["otherKeys"]["sfdcmarketingcloud"] == {
        "relation": "copied",
        "src": ["docs/elements/salesforce-files/salesforce-documents-create-instance.md:165"],
        "trust": "inferred",
    }


def test_silence_is_not_unsupported() -> None:
    assert PROFILES["abbyy"]["events"]["polling"] == {
        "src": [],
        "trust": "unstated",
        "value": "unstated",
    }
    brighttalk = PROFILES["brighttalk"]["events"]
    assert (brighttalk["polling"]["value"], brighttalk["polling"]["trust"]) == (
        "unsupported",
        "stated",
    )
    assert "separator" not in brighttalk
    assert [
        k for k, p in PROFILES.items() if p["events"]["webhooks"]["value"] == "unsupported"
    ] == [k for k, p in PROFILES.items() if p["events"]["polling"]["value"] == "unsupported"]


def test_a_copied_example_response_is_not_evidence() -> None:
    # netsuite-erp-create-instance.md:85 is NetSuite CRM's response: its hub (crm) is dropped,
    # the poller URLs' hub path (erp) is what is left.
    hub = PROFILES["netsuiteerp"]["identity"]["hub"]
    assert hub == {
        "src": [
            "docs/elements/netsuite-erp/events.md:45",
            "docs/elements/netsuite-erp/events.md:56",
        ],
        "trust": "stated",
        "value": "erp",
    }


def test_a_placeholder_resource_segment_gets_a_pattern() -> None:
    calendar = PROFILES["googlecalendar"]["events"]["resources"]
    assert calendar["trust"] == "stated"
    assert calendar["items"]["calendars/{calendarId}/changed-events"]["pattern"] == (
        "^calendars/[^/]+/changed\\-events$"
    )


def test_init_bodies_pass_celint_check() -> None:
    """What celint init would write for each documented flow lints clean, but for the unknown
    element (celint does not read these profiles yet) and generated QuickBooks, which the
    hand-made profile replaces."""
    findings = []
    for element, profile in [*PROFILES.items(), ("quickbooks", QUICKBOOKS)]:
        if profile is PROFILES.get("quickbooks"):
            continue
        for flow, flow_fact in profile["authentication"]["flows"].items():
            body = {
                "element": {"key": element},
                "name": f"{element} production",
                **flow_fact["init"],
            }
            findings += [
                (element, flow, d.code) for d in celint.lint_data(body) if d.code != "CE301"
            ]
    assert findings == []


def test_the_summary_table() -> None:
    table = gen.summary(gen.with_handmade(PROFILES), OVERRIDES).splitlines()
    assert table[:2] == [
        "| fact | elements | confirmed | stated | documented | contradicted | inferred"
        " | unstated |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = {line.split(" | ")[0][2:]: line for line in table[2:] if line.startswith("| ")}
    assert rows["element key"] == "| element key | 158 | 3 | 153 | 0 | 2 | 0 | 0 |"
    assert (
        rows["a closed resource list"] == "| a closed resource list | 7 | 2 | 4 | 0 | 1 | 0 | 0 |"
    )
    assert rows["events documented as not supported"] == (
        "| events documented as not supported | 10 | 0 | 10 | 0 | 0 | 0 | 0 |"
    )
    assert rows["events not stated"] == "| events not stated | 26 | 0 | 0 | 0 | 0 | 0 | 26 |"
