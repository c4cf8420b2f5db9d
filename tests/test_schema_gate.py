"""The compiled schema gate agrees with jsonschema on every body, so skipping jsonschema for the
bodies it passes changes no finding."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import celint
from celint.schema import issues as schema_check
from celint.schema import registry as schemas
from celint.schema.compiled import Compiler, Unsupported

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(schemas.load_all())
BASE = json.loads((ROOT / "examples" / "quickbooks-webhook.json").read_text(encoding="utf-8"))

# Values that sit on the edges of the bundled schemas' keywords.
EDGE_STRINGS = [
    "",
    "quickbooks",
    "webhook",
    "webhooks",
    "polling",
    "Polling",
    "true",
    "false",
    "15",
    "15m",
    "0",
    "oauth2",
    "oauth1",
    "bills|invoices",
    "bills|invoice",
    "bills,invoices",
    "com.intuit.quickbooks.accounting",
    "${QBO_SECRET}",
    "https://app.example.com/events",
    "event.unknown",
    "/hubs/finance/bills?where=updated>'${gmtDate:yyyy-MM-dd}'",
    " ",
    "id",
    "GMT",
    "yyyy-MM-dd",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.sampled_from([1.0, 2.5, -0.0, math.inf, math.nan]),
    st.sampled_from(EDGE_STRINGS),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["key", "id", "url", "idField", "bills", "datesConfiguration", "pageSize"]
            ),
            inner,
            max_size=3,
        )
    ),
    max_leaves=6,
)
PATHS = [
    ("element",),
    ("element", "key"),
    ("element", "id"),
    ("name",),
    ("tags",),
    ("providerData",),
    ("providerData", "code"),
    ("providerData", "realmId"),
    ("providerData", "oauth_token"),
    ("configuration",),
    ("configuration", "authentication.type"),
    ("configuration", "scope"),
    ("configuration", "event.vendor.type"),
    ("configuration", "event.notification.enabled"),
    ("configuration", "event.poller.refresh_interval"),
    ("configuration", "event.poller.urls"),
    ("configuration", "event.poller.configuration"),
    ("configuration", "event.poller.configuration", "bills"),
    ("configuration", "event.poller.configuration", "bills", "url"),
    ("configuration", "event.unknown"),
    ("unknownTopLevel",),
    ("id",),
]
EDITS = st.lists(
    st.tuples(st.sampled_from(PATHS), st.one_of(st.just(KeyError), VALUES)), max_size=4
)


def _apply(body: dict[str, Any], edits: list[tuple[tuple[str, ...], Any]]) -> dict[str, Any]:
    """Set (or delete, for ``KeyError``) each path whose parent is still an object."""
    result = copy.deepcopy(body)
    for path, value in edits:
        parent: Any = result
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(parent, dict):
            continue
        if value is KeyError:
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = value
    return result


@pytest.mark.parametrize("path", BUNDLED)
def test_every_bundled_schema_compiles(path: str) -> None:
    """A schema that stops compiling still works, but every body pays for jsonschema again:
    teach ``schema_gate`` the new keyword."""
    assert schemas.compiled(path) is not None


@pytest.mark.parametrize("path", BUNDLED)
@settings(max_examples=300, deadline=None)
@given(edits=EDITS)
def test_gate_agrees_with_jsonschema(path: str, edits: list[tuple[tuple[str, ...], Any]]) -> None:
    body = _apply(BASE, edits)
    compiled = schemas.compiled(path)
    assert compiled is not None
    assert compiled.check(body) == schemas.validator(path).is_valid(body)


def _check(schema: Any) -> Any:
    uri = "https://example.test/s.json"
    return Compiler({uri: schema}).resource(uri)


KEYWORD_CASES: list[tuple[Any, list[Any], list[Any]]] = [
    ({"type": "integer"}, [2, 2.0, -1], [True, 2.5, "2", None]),
    ({"type": "number"}, [1, 1.5, math.nan], [False, "1"]),
    ({"enum": ["a", True, None]}, ["a", True, None], [1, 1.0, False, "b", [], {}]),
    ({"const": False}, [False], [0, 0.0, None]),
    ({"minimum": 1}, [1, 5, math.nan, "0", True], [0, -0.5]),
    ({"maximum": 1}, [1, math.nan, False], [2]),
    ({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, [-1, 0.5, "x"], [1, 2.0]),
    ({"not": {"type": "string"}}, [1, None], ["s"]),
    ({"minProperties": 1, "maxProperties": 1}, [{"a": 1}, [], "s"], [{}, {"a": 1, "b": 2}]),
    ({"minItems": 1, "maxItems": 1}, [[1], {}, "s"], [[], [1, 2]]),
    ({"if": {"type": "string"}, "then": {"minLength": 2}}, ["ab", 1], ["a"]),
    ({"if": {"type": "string"}, "else": {"type": "integer"}}, ["a", 1], [1.5]),
    ({"additionalProperties": False}, [{}, []], [{"a": 1}]),
    ({"propertyNames": {"pattern": "^x"}}, [{"xa": 1}, "a"], [{"a": 1}]),
    ({"items": {"type": "string"}}, [["a"], [], "a"], [["a", 1]]),
    ({"$ref": "#/$defs/a", "$defs": {"a": {"type": "string"}}}, ["a"], [1]),
    ({"format": "uri"}, ["not a uri"], []),
    ({"enum": [1, 2.5]}, [1, 1.0, 2.5], [True, "1", 2, None]),
    ({"const": 0}, [0, 0.0, -0.0], [False, None, "0"]),
    (
        {"uniqueItems": True},
        [[1, True], [{"a": 1}, {"a": 2}], [], "x"],
        [[1, 1.0], [{"a": 1, "b": 2}, {"b": 2, "a": 1}]],
    ),
    ({"uniqueItems": False}, [[1, 1]], []),
    ({"x-message": "annotations never fail", "title": "t"}, [1], []),
]


@pytest.mark.parametrize(("schema", "valid", "invalid"), KEYWORD_CASES)
def test_keyword_semantics(schema: Any, valid: list[Any], invalid: list[Any]) -> None:
    from jsonschema import Draft202012Validator

    check = _check(schema)
    reference = Draft202012Validator(schema)
    for value in valid:
        assert check(value) and reference.is_valid(value), value
    for value in invalid:
        assert not check(value) and not reference.is_valid(value), value


def test_recursive_ref() -> None:
    tree = {"type": "object", "properties": {"child": {"$ref": "#"}}}
    check = _check(tree)
    assert check({"child": {"child": {}}})
    assert not check({"child": {"child": 1}})


@pytest.mark.parametrize(
    "schema",
    [
        {"patternProperties": {"^x": {}}},
        {"enum": [[1], {"a": 1}]},
        {"$ref": "other.json"},
        {"$ref": "#/$defs/missing"},
        {"type": "decimal"},
        {"prefixItems": [{}], "items": False},
        [],
    ],
)
def test_unsupported_schemas_do_not_compile(schema: Any) -> None:
    with pytest.raises(Unsupported):
        _check(schema)


# The compiled reporter: the same errors as jsonschema, so the schema stage's issues are the
# same whichever explains a body.

POLLER_SCHEMA = "events.schema.json#/$defs/pollerConfiguration"
POLLER_BASE = {
    "contacts": {
        "url": "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd}'",
        "idField": "id",
        "datesConfiguration": {"updatedDateField": "updated", "updatedDateFormat": "yyyy-MM-dd"},
        "filterByUpdatedDate": "true",
        "pageSize": 200,
    }
}
POLLER_PATHS = [
    ("contacts",),
    ("contacts", "url"),
    ("contacts", "idField"),
    ("contacts", "datesConfiguration"),
    ("contacts", "datesConfiguration", "updatedDateTimezone"),
    ("contacts", "filterByUpdatedDate"),
    ("contacts", "pageSize"),
    ("contacts", "pollDelay"),
    ("contacts", "createdCheckTolerance"),
    ("bills",),
]
# Every schema the stage validates against: the bundled ones, and the poller configuration
# that CE220 validates through a fragment.
TARGETS = {path: (BASE, PATHS) for path in BUNDLED} | {POLLER_SCHEMA: (POLLER_BASE, POLLER_PATHS)}


def _names(schema: Any) -> set[str]:
    """Every property name a schema mentions (``properties`` keys and ``required`` entries)."""
    if isinstance(schema, list):
        return set().union(*map(_names, schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = set(schema.get("properties", {})) | set(
        name for name in schema.get("required", []) if isinstance(name, str)
    )
    return found.union(*map(_names, schema.values()))


NAMES = sorted(set().union(*map(_names, schemas.load_all().values())) | {"unknown", "event.x"})
# Bodies made from scratch, shaped by the schemas' property names.
SHAPED = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(NAMES), inner),
    max_leaves=12,
)


def _records(errors: Any, ordered: bool = True) -> list[tuple[Any, ...]]:
    """What the schema stage may read off each error, comparable across both kinds: keyword,
    argument, value, subschema and both paths. Not the message: celint words its findings
    itself, so a jsonschema release that rewords its errors changes nothing here."""
    records = [
        (
            error.validator,
            error.validator_value,
            error.instance,
            error.schema,
            tuple(error.absolute_path),
            tuple(error.absolute_schema_path),
            tuple(_records(error.context, ordered)),
        )
        for error in errors
    ]
    return records if ordered else sorted(records, key=repr)


def _outside_extras(errors: list[Any]) -> list[Any]:
    """The errors whose order is jsonschema's in every process: not those found under an
    ``additionalProperties`` subschema, whose keys jsonschema visits in ``set`` order."""
    return [e for e in errors if "additionalProperties" not in tuple(e.absolute_schema_path)[:-1]]


def _agree(path: str, body: Any) -> None:
    """Both ways give the same check, the same errors and the same issues for ``body``."""
    compiled = schemas.compiled(path)
    assert compiled is not None
    reference = list(schemas.validator(path).iter_errors(body))
    errors = list(compiled.report(body, (), ()))
    assert compiled.check(body) == (not reference)
    assert _records(errors, ordered=False) == _records(reference, ordered=False)
    assert _records(_outside_extras(errors)) == _records(_outside_extras(reference))

    def by_place(issues: list[Any]) -> list[Any]:
        return sorted(issues, key=lambda issue: (issue.kind, issue.pointer))

    assert by_place(schema_check.issues(errors)) == by_place(schema_check.issues(reference))


@pytest.mark.parametrize("path", TARGETS)
@given(data=st.data())
def test_reporter_agrees_with_jsonschema_on_mutated_bodies(path: str, data: st.DataObject) -> None:
    base, paths = TARGETS[path]
    values = st.one_of(st.just(KeyError), VALUES, SHAPED)
    _agree(path, _apply(base, data.draw(st.lists(st.tuples(st.sampled_from(paths), values)))))


@pytest.mark.parametrize("path", TARGETS)
@given(body=SHAPED)
def test_reporter_agrees_with_jsonschema_on_generated_bodies(path: str, body: Any) -> None:
    _agree(path, body)


REPORT_CASES: list[tuple[Any, list[Any]]] = [
    ({"required": ["a", "b", "c"]}, [{}, {"b": 1}]),
    ({"type": ["string", "null"]}, [1, {}]),
    ({"minLength": 3, "maxLength": 4}, ["ab", "abcde"]),
    ({"maxLength": 0, "minItems": 2, "maxItems": 0}, ["a", [1]]),
    ({"minProperties": 2, "maxProperties": 0}, [{"a": 1}]),
    ({"anyOf": [{"required": ["key"]}, {"required": ["id"]}]}, [{}, {"key": 1}]),
    ({"oneOf": [{"type": "boolean"}, {"enum": ["true", "false"]}, {"type": "null"}]}, ["no", 1]),
    (
        {
            "properties": {"a": {"$ref": "#/$defs/n"}, "b": {"items": {"minimum": 0}}},
            "additionalProperties": {"type": "string"},
            "$defs": {"n": {"type": "integer"}},
        },
        [{"c": 1, "a": "x", "b": [1, -1, -2]}],
    ),
    (
        {"allOf": [{"type": "object"}, {"required": ["x"]}], "not": {"required": ["y"]}},
        [[], {"y": 1}],
    ),
    (
        {"propertyNames": {"if": {"pattern": "^event\\."}, "then": {"enum": ["event.a"]}}},
        [{"event.b": 1, "other": 2, "event.c": 3}],
    ),
    ({"additionalProperties": False, "properties": {"a": {}}}, [{"b": 1, "c": 2, "a": 0}]),
    ({"const": "x", "enum": ["x", "y", None]}, ["z", None]),
    ({"pattern": "^[0-9]+$"}, ["12a"]),
    (
        {"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"required": ["c"]}},
        [{"a": 1}, {}],
    ),
    ({"maximum": 1, "minimum": 0}, [2, -1, 0.5]),
]


@pytest.mark.parametrize(
    ("schema", "values"),
    [(schema, valid + invalid) for schema, valid, invalid in KEYWORD_CASES] + REPORT_CASES,
)
def test_keyword_errors_match_jsonschema(schema: Any, values: list[Any]) -> None:
    """Keyword by keyword: the same errors, with the same messages, in the same order."""
    from jsonschema import Draft202012Validator

    uri = "https://example.test/s.json"
    report = Compiler({uri: schema}).reference(uri, "").report
    reference = Draft202012Validator(schema)
    for value in values:
        assert _records(report(value, (), ())) == _records(reference.iter_errors(value)), value


def test_the_poller_configuration_fragment_compiles() -> None:
    assert schemas.compiled(POLLER_SCHEMA) is not None


def test_lint_output_is_the_same_through_jsonschema() -> None:
    """End to end, an exported array and a poller configuration held in a string included:
    the findings are identical when jsonschema explains the bodies."""
    bodies = [
        _apply(BASE, [(("name",), ""), (("configuration", "event.poller.urls"), 5)]),
        _apply(
            BASE,
            [
                (("element", "key"), ""),
                (("configuration", "event.poller.configuration"), json.dumps({"c": {"url": 1}})),
                (("unknownTopLevel",), 1),
            ],
        ),
        BASE,
    ]
    text = json.dumps(bodies, indent=2)
    compiled = celint.lint_text(text, path="export.json")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schemas, "compiled", lambda path: None)
        reference = celint.lint_text(text, path="export.json")
    assert len(compiled) > 4
    assert compiled == reference
