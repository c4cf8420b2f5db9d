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

from celint import schemas
from celint.schema_gate import Compiler, Unsupported

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
    assert schemas.gate(path) is not None


@pytest.mark.parametrize("path", BUNDLED)
@settings(max_examples=300, deadline=None)
@given(edits=EDITS)
def test_gate_agrees_with_jsonschema(path: str, edits: list[tuple[tuple[str, ...], Any]]) -> None:
    body = _apply(BASE, edits)
    gate = schemas.gate(path)
    assert gate is not None
    assert gate(body) == schemas.validator(path).is_valid(body)


def _check(schema: Any) -> Any:
    uri = "https://example.test/s.json"
    return Compiler({uri: schema}).resource(uri)


@pytest.mark.parametrize(
    ("schema", "valid", "invalid"),
    [
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
        ({"x-message": "annotations never fail", "title": "t"}, [1], []),
    ],
)
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
        {"enum": [1, 2]},
        {"uniqueItems": True},
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
