"""The editor schemas: one self-contained document per entry schema, built by
:mod:`celint.schema.editor`, committed in ``schemas/dist/``.

These tests need no editor: they check the document's shape (every ``$ref`` local, no nested
``$id``, nothing unreferenced, no ``x-`` keys), that it says what celint's rules say (checked with
jsonschema), that element facts come from the element schema's data (a second, made-up element),
and that the committed files are not stale. tests/test_editor_engines.py runs the real engines.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bodies import valid_body
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from samples import EXAMPLES, ROOT

from celint.elements.schemas import dist_files, document
from celint.rules.support import urls
from celint.schema import editor
from celint.schema import registry as schemas

DIST = ROOT / "schemas" / "dist"
SCRIPT = ROOT / "scripts" / "build_editor_schemas.py"
ENTRIES = ["instance.schema.json", "elements/quickbooks.schema.json"]
QUICKBOOKS = "elements/quickbooks.schema.json"


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    return []


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {key for value in node.values() for key in _keys(value)}
    if isinstance(node, list):
        return {key for value in node for key in _keys(value)}
    return set()


def _errors(schema: dict[str, Any], body: Any) -> list[tuple[str, str]]:
    """``(pointer, validator)`` of each jsonschema error, sorted."""
    found = Draft202012Validator(schema).iter_errors(body)
    return sorted(("/" + "/".join(map(str, e.absolute_path)), str(e.validator)) for e in found)


@pytest.fixture(scope="module")
def built() -> dict[str, dict[str, Any]]:
    """The editor schemas by entry schema: the generic one, and QuickBooks' with its profile."""
    return {"instance.schema.json": document(None), QUICKBOOKS: document("quickbooks")}


# --- the committed files -----------------------------------------------------------------------


def test_the_dist_files_are_up_to_date() -> None:
    """Edit a source schema and forget the rebuild: this fails, naming the command."""
    wanted = dist_files()
    assert sorted(wanted) == ["instance.schema.json", "quickbooks.schema.json"]
    for name, text in wanted.items():
        assert (DIST / name).read_text(encoding="utf-8") == text, (
            f"schemas/dist/{name} is stale: run python scripts/build_editor_schemas.py"
        )
    assert sorted(path.name for path in DIST.iterdir()) == sorted(wanted)


@pytest.mark.skipif(not SCRIPT.is_file(), reason="scripts/ is not in the sdist")
def test_the_check_mode_exits_1_on_a_stale_file_and_the_build_repairs_it(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", folder)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(SCRIPT), "--schemas", str(folder), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    assert run("--check").returncode == 0
    events = folder / "events.schema.json"
    events.write_text(events.read_text().replace("Events on or off", "Events on/off"))
    (folder / "dist" / "left-over.schema.json").write_text("{}")
    stale = run("--check")
    assert stale.returncode == 1
    assert "instance.schema.json is stale" in stale.stdout
    assert "quickbooks.schema.json is stale" in stale.stdout
    assert "left-over.schema.json is stale" in stale.stdout
    assert run().returncode == 0
    assert run("--check").returncode == 0
    assert "Events on/off" in (folder / "dist" / "quickbooks.schema.json").read_text()
    assert not (folder / "dist" / "left-over.schema.json").exists()


def test_celint_does_not_load_the_dist_files_as_sources() -> None:
    assert not [path for path in schemas.load_all() if path.startswith("dist/")]


# --- shape ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ENTRIES)
def test_the_document_is_self_contained(built: dict[str, dict[str, Any]], path: str) -> None:
    schema = built[path]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == editor.DRAFT
    refs = _refs(schema)
    assert refs and all(ref == "#" or ref.startswith("#/$defs/") for ref in refs)
    for ref in refs:  # each resolves inside the document
        node: Any = schema
        for token in ref.removeprefix("#").split("/")[1:]:
            node = node[token.replace("~1", "/").replace("~0", "~")]
    keys = _keys(schema)
    assert "$id" not in keys  # no nested $id, and none at the top: editors load it by path
    assert not {key for key in keys if key.startswith("x-")}  # x-celint, x-message, ...
    # Nothing unreferenced: every $defs entry is the target of some $ref.
    assert set(schema["$defs"]) == {ref.removeprefix("#/$defs/") for ref in refs if ref != "#"}


def test_the_element_document_holds_what_it_needs(built: dict[str, dict[str, Any]]) -> None:
    defs = built[QUICKBOOKS]["$defs"]
    assert {"instance", "events", "pollerUrls", "pollerResource", "providerDataOAuth2"} <= set(defs)
    assert "resource" not in defs  # the element's resource enum is data, no $ref reaches it
    assert "pollerConfiguration" not in defs  # celint's own, for JSON strings; unreferenced
    assert built["instance.schema.json"]["$defs"].keys() == {
        "events",
        "pollerResource",
        "datesConfiguration",
        "dateFormat",
        "timezone",
    }


def test_the_sources_are_not_changed() -> None:
    before = copy.deepcopy(schemas.load_all())
    editor.editor_schema(schemas.load_all(), QUICKBOOKS)
    assert schemas.load_all() == before


def test_a_ref_that_leads_nowhere_is_an_error() -> None:
    documents = copy.deepcopy(schemas.load_all())
    documents["instance.schema.json"]["properties"]["configuration"] = {"$ref": "nowhere.json"}
    with pytest.raises(editor.EditorSchemaError, match=r"nowhere\.json"):
        editor.editor_schema(documents, "instance.schema.json")
    documents["instance.schema.json"]["properties"]["configuration"] = {
        "$ref": "events.schema.json#/$defs/missing"
    }
    with pytest.raises(editor.EditorSchemaError, match="nothing at '/\\$defs/missing'"):
        editor.editor_schema(documents, "instance.schema.json")


# --- what it says --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ENTRIES)
@pytest.mark.parametrize("example", ["quickbooks-polling.yaml", "quickbooks-webhook.json"])
def test_the_examples_are_valid(built: dict[str, dict[str, Any]], path: str, example: str) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    body = json.loads(text) if example.endswith(".json") else YAML(typ="safe").load(text)
    assert _errors(built[path], body) == []


def _configured(changes: dict[str, Any]) -> dict[str, Any]:
    """The valid polling body with configuration keys changed (None removes one)."""
    body = valid_body()
    for key, value in changes.items():
        if value is None:
            del body["configuration"][key]
        else:
            body["configuration"][key] = value
    return body


C = "/configuration"
VENDOR, INTERVAL, URLS = "event.vendor.type", "event.poller.refresh_interval", "event.poller.urls"
ENABLED, CALLBACK = "event.notification.enabled", "event.notification.callback.url"
JUDGED = [
    ({VENDOR: "poling"}, [(f"{C}/{VENDOR}", "enum")]),
    ({INTERVAL: None}, [(C, "required")]),
    ({URLS: None}, [(C, "anyOf")]),
    ({URLS: None, "event.poller.configuration": {"x": {"url": "/x"}}},
     [(f"{C}/event.poller.configuration/x", "required")]),
    ({CALLBACK: "https;//mycoolapp.com"}, [(f"{C}/{CALLBACK}", "pattern")]),
    ({"oauth.callback.url": "https//mycoolapp.com"}, [(f"{C}/oauth.callback.url", "pattern")]),
    ({URLS: "bills,invoices"}, [(f"{C}/{URLS}", "pattern")]),
    ({URLS: "bills|invoicez"}, [(f"{C}/{URLS}", "pattern")]),
    # Events off, or webhooks: polling's requirements do not apply.
    ({ENABLED: False, INTERVAL: None}, []),
    ({VENDOR: "webhook", INTERVAL: None}, []),
    ({ENABLED: "true", URLS: None}, [(C, "anyOf")]),
    ({VENDOR: "webhooks"}, []),  # an alias: a deprecation in the editor, not an error
]  # fmt: skip


@pytest.mark.parametrize(("changes", "expected"), JUDGED)
def test_the_element_schema_judges_like_celint(
    built: dict[str, dict[str, Any]], changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert _errors(built[QUICKBOOKS], _configured(changes)) == expected


def test_the_generic_schema_knows_no_resources(built: dict[str, dict[str, Any]]) -> None:
    generic = built["instance.schema.json"]
    assert _errors(generic, _configured({URLS: "anything,at|all"})) == []
    assert _errors(generic, _configured({INTERVAL: None})) == [("/configuration", "required")]


def _defs(schema: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = schema["$defs"][name]
    return found


def test_the_messages_an_editor_shows(built: dict[str, dict[str, Any]]) -> None:
    events = _defs(built[QUICKBOOKS], "events")
    properties = events["properties"]
    assert properties["event.vendor.type"]["errorMessage"] == 'expected "polling" or "webhook"'
    url = properties["event.notification.callback.url"]
    assert "format" not in url  # "format: uri" lets https;//x through in the editors
    assert url["errorMessage"].startswith("expected an absolute http(s) URL")
    assert "https://app.example.com" in url["markdownDescription"]
    resources = _defs(built[QUICKBOOKS], "pollerUrls")
    assert resources["errorMessage"].startswith('expected QuickBooks resources separated by "|"')
    assert "Resources: bill-payments, bills, classes" in resources["errorMessage"]
    assert "`time-activities`" in resources["markdownDescription"]
    conditions = json.dumps(events["allOf"])
    assert "polling needs event.poller.refresh_interval" in conditions
    assert '"deprecationMessage": "\\"webhooks\\" is an accepted alias' in conditions
    assert properties["event.notification.enabled"]["oneOf"][0]["errorMessage"] == (
        "expected true or false"  # x-message reaches the alternative that fails
    )
    assert events["propertyNames"]["then"]["errorMessage"].startswith("unknown event.* key")
    instance = _defs(built[QUICKBOOKS], "instance")
    assert instance["properties"]["$schema"]["type"] == "string"  # the JSON $schema recipe
    generic = _defs(built["instance.schema.json"], "events")["properties"]
    assert generic["event.vendor.type"]["errorMessage"] == 'expected "webhook" or "polling"'


# --- URLs: the pattern agrees with celint's CE212 -------------------------------------------------

URL_SAMPLES = [
    "https://app.example.com/events",
    "http://app.example.com",
    "HTTPS://APP.EXAMPLE.COM/x?y=1#z",
    "https://user:pass@app.example.com:8443/x",
    "https://[2001:db8::1]/events",
    "  https://app.example.com  ",
    "https;//mycoolapp.com",
    "https:/mycoolapp.com",
    "https//mycoolapp.com",
    "https:///path",
    "https://",
    "ftp://app.example.com",
    "mycoolapp.com",
    "https://app example.com",
    "",
]


@pytest.mark.parametrize("url", URL_SAMPLES)
def test_the_url_pattern_agrees_with_celint(url: str) -> None:
    accepted = re.search(editor.URL_PATTERN, url) is not None
    assert accepted == (urls.malformed_reason(url) is None)


@pytest.mark.parametrize("url", ["${EVENTS_URL}", "$EVENTS_URL", "${EVENTS_URL:-https://x.io}"])
def test_the_url_pattern_leaves_environment_references_alone(url: str) -> None:
    assert re.search(editor.URL_PATTERN, url)


# --- element facts are data ----------------------------------------------------------------------


ACME = editor.ElementFacts("acmecrm", ("contacts", "deals", "lead.sources"), ",", ("webhook",))


def _acme(tmp_path: Path, *, pattern: bool) -> dict[str, dict[str, Any]]:
    """The shipped generic schemas and a made-up element's body schema, loaded from a folder;
    its facts (:data:`ACME`: other resources, another separator, webhooks only) are what its
    profile would give."""
    folder = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", folder, ignore=shutil.ignore_patterns("dist", "elements"))
    element: dict[str, Any] = {
        "$schema": editor.DRAFT,
        "$id": "https://celint.dev/schemas/elements/acme.schema.json",
        "title": "Acme CRM element instance body",
        "allOf": [{"$ref": "../instance.schema.json"}],
        "properties": {
            "configuration": {"properties": {"event.poller.urls": {"$ref": "#/$defs/urls"}}}
        },
        "$defs": {"urls": {"description": "Acme resources.", "type": ["string", "null"]}},
    }
    if pattern:
        element["$defs"]["urls"]["pattern"] = (
            "^(contacts|deals|lead\\.sources)(,(contacts|deals|lead\\.sources))*$"
        )
        element["$defs"]["urls"]["x-message"] = "expected Acme resources separated by commas"
    (folder / "elements").mkdir()
    (folder / "elements" / "acme.schema.json").write_text(json.dumps(element), encoding="utf-8")
    return {
        path.relative_to(folder).as_posix(): json.loads(path.read_text(encoding="utf-8"))
        for path in folder.rglob("*.schema.json")
    }  # fmt: skip


@pytest.mark.parametrize("pattern", [True, False], ids=["own-pattern", "no-pattern"])
def test_another_element_gets_its_own_facts(tmp_path: Path, pattern: bool) -> None:
    documents = _acme(tmp_path, pattern=pattern)
    schema = editor.editor_schema(documents, "elements/acme.schema.json", ACME)
    Draft202012Validator.check_schema(schema)
    urls_def = schema["$defs"]["urls"]
    lead = "expected Acme resources separated by commas" if pattern else (
        'expected acmecrm resources separated by ",", such as contacts,deals,lead.sources'
    )  # fmt: skip
    assert urls_def["errorMessage"] == f"{lead}. Resources: contacts, deals, lead.sources"
    assert "separated by `,`" in urls_def["markdownDescription"]
    events = schema["$defs"]["events"]
    vendor = events["properties"]["event.vendor.type"]
    assert vendor["enum"] == ["webhook", "webhooks", None]  # webhook only, as its facts say
    assert vendor["errorMessage"] == 'expected "webhook"'
    assert "polling needs" not in json.dumps(events)  # no polling: no polling requirements

    configuration: dict[str, Any] = {}
    body = {"element": {"key": "acmecrm"}, "name": "x", "configuration": configuration}
    assert _errors(schema, body) == []
    configuration["event.poller.urls"] = "contacts,lead.sources"
    assert _errors(schema, body) == []
    for wrong in ("contacts|deals", "contacts,leadXsources", "bills"):
        configuration["event.poller.urls"] = wrong
        assert _errors(schema, body) == [("/configuration/event.poller.urls", "pattern")]
    configuration["event.poller.urls"] = "deals"
    configuration["event.vendor.type"] = "polling"
    assert _errors(schema, body) == [("/configuration/event.vendor.type", "enum")]


def test_the_module_names_no_element() -> None:
    """Every element fact comes from a profile: the module's text names none of QuickBooks'."""
    text = Path(editor.__file__).read_text(encoding="utf-8").lower()
    for fact in ("quickbooks", "bill-payments", "invoices", "intuit"):
        assert fact not in text
