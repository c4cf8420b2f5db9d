"""Editor-ready schemas: one self-contained Draft 2020-12 document per entry schema.

The shipped schemas (``schemas/``) are written for celint's own validator, which resolves their
``$ref``s through a registry keyed by ``$id``. Editor engines resolve ``$ref``s their own way and
get them wrong for this layout: a ``$ref`` between files becomes a fetch (over the network once an
``$id`` has made it absolute), an embedded resource with its own ``$id`` is not found, and
``x-message`` is ignored. :func:`editor_schema` turns the loaded documents into one document that
yaml-language-server and VS Code's JSON service load offline as it is:

* every ``$ref`` points into the document's own ``$defs`` (``#/$defs/...``); no nested ``$id``,
  nothing unreferenced, no ``x-`` keys;
* messages the engines show: ``errorMessage`` (yaml-language-server reads it for every keyword,
  VS Code's JSON service for type, enum and pattern), ``markdownDescription`` and ``description``
  for hover, ``deprecationMessage`` for the ``webhooks`` alias;
* checks that celint makes with rules and a schema can state: a URL ``pattern`` that catches
  ``https;//``, and an ``if``/``then`` so that polling requires an interval and resources.

Element facts (resources, separator, vendor types) are read from the element schema's data
(``x-celint``, ``$defs/resource``), so any element schema of the shipped shape works. The platform's
own key names (``event.*``, ``oauth.callback.url``) are the only facts written here. The caller
passes the loaded documents (:func:`celint.schema.registry.load_all`), so a test can pass others.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any, NamedTuple
from urllib.parse import unquote, urldefrag, urljoin

from celint import pointer as jp
from celint.schema.keys import (
    ENABLED,
    POLLER_CONFIGURATION,
    POLLER_URLS,
    REFRESH_INTERVAL,
    URL_KEYS,
    VENDOR_TYPE,
    VENDOR_TYPE_ALIASES,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
INSTANCE = "instance.schema.json"

#: Base URI for a document without ``$id``: only there so that relative ``$ref``s join; the
#: reserved ``.invalid`` domain makes sure nothing ever treats it as a place to fetch from.
_FALLBACK_BASE = "https://schemas.invalid/"

# Keywords whose values are schemas (the rest hold data: enum, const, examples, default, ...).
_ONE_SCHEMA = frozenset(
    {
        "additionalItems",
        "additionalProperties",
        "contains",
        "contentSchema",
        "else",
        "if",
        "items",
        "not",
        "propertyNames",
        "then",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)
_SCHEMA_LIST = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_MAP = frozenset({"dependentSchemas", "patternProperties", "properties"})
_DEFS = ("$defs", "definitions")

INTERVAL = REFRESH_INTERVAL
_URL_DESCRIPTIONS = {
    "oauth.callback.url": "Where the provider redirects after the OAuth authorization: your "
    "app's callback, an absolute http(s) URL.",
}

#: An absolute http(s) URL with a host, as celint's CE212 wants it, or a whole-value environment
#: reference (``${EVENTS_URL}``), which celint leaves alone. Written for both regex dialects the
#: consumers use: ECMAScript with the ``u`` flag (the editors) and Python's ``re`` (jsonschema).
URL_PATTERN = (
    r"^\s*[Hh][Tt][Tt][Pp][Ss]?://"  # the scheme, in any case, and exactly "://"
    r"(?:[^\s/?#@]*@)?"  # user information
    r"(?:\[[0-9A-Fa-f:.]+\]|[^\s/?#@:\[\]]+)"  # the host: a name, an address, [an IPv6 literal]
    r"(?::[0-9]*)?"  # the port
    r"(?:[/?#]\S*)?\s*$"  # path, query, fragment
    r"|^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-[^}]*)?\}$|^\$[A-Za-z_][A-Za-z0-9_]*$"
)
URL_MESSAGE = "expected an absolute http(s) URL with a host, such as https://app.example.com/events"
INTERVAL_MESSAGE = (
    f"polling needs {INTERVAL}: the minutes between polls, a positive whole number such as 15"
)
RESOURCES_MESSAGE = f"polling needs the resources to poll: {POLLER_URLS} or {POLLER_CONFIGURATION}"


class EditorSchemaError(ValueError):
    """The source schemas cannot be made into an editor schema (a ``$ref`` that leads nowhere)."""


class ElementFacts(NamedTuple):
    """What the editor schema needs to know of one element (from its profile)."""

    key: str
    resources: tuple[str, ...]
    separator: str
    vendor_types: tuple[str, ...] | None


def editor_schema(
    schemas: Mapping[str, Mapping[str, Any]], path: str, facts: ElementFacts | None = None
) -> dict[str, Any]:
    """One self-contained Draft 2020-12 document for the entry schema ``path``.

    ``schemas`` maps each schema's path relative to the schema folder (``events.schema.json``,
    ``elements/<key>.schema.json``) to its document; ``path`` is one of those keys; ``facts``
    are the element's, from its profile (None for the generic body). The documents are not
    changed.
    """
    if path not in schemas:
        raise EditorSchemaError(f"no schema {path!r} among {sorted(schemas)}")
    documents = {name: copy.deepcopy(dict(document)) for name, document in schemas.items()}
    if facts is not None and not _annotate_resource_lists(documents[path], facts):
        for document in documents.values():  # no list of its own: the events schema's list
            _annotate_resource_lists(document, facts)
    bundled = _Bundler(documents, path).bundle()
    schemas_in_bundle = list(_walk(bundled))
    for schema in schemas_in_bundle:
        _promote_message(schema)
        properties = schema.get("properties")
        if isinstance(properties, dict) and VENDOR_TYPE in properties:
            _configuration(schema, facts)
    for schema in list(_walk(bundled)):
        _known_keys(schema.get("propertyNames"))
        _url_keys(schema)
        _hover(schema)
        for key in [key for key in schema if key.startswith("x-")]:
            del schema[key]
    return bundled


def render(schema: Mapping[str, Any]) -> str:
    """The text of a generated file: stable, so that a stale file shows as a plain diff."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


# --- bundling ------------------------------------------------------------------------------------


def _children(schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """``(pointer suffix, subschema)`` for each subschema directly inside ``schema``."""
    for key, value in schema.items():
        if key in _ONE_SCHEMA or key in _SCHEMA_LIST:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield f"/{jp.escape(key)}/{index}", item
            else:
                yield f"/{jp.escape(key)}", value
        elif (key in _SCHEMA_MAP or key in _DEFS) and isinstance(value, dict):
            for name, item in value.items():
                yield f"/{jp.escape(key)}/{jp.escape(name)}", item


def _walk(schema: Any) -> Iterator[dict[str, Any]]:
    """Every schema object in ``schema``, itself included, parents before children."""
    if not isinstance(schema, dict):
        return
    yield schema
    for _, child in _children(schema):
        yield from _walk(child)


class _Bundler:
    """Copies the entry document and everything it references into one document.

    Each ``$ref`` target becomes one entry of the result's ``$defs``, named after its own
    ``$defs`` name (``pollerResource``) or its file (``events``), whichever document it came
    from; the entry document's root stays the root, and a ``$ref`` to it becomes ``#``.
    """

    def __init__(self, documents: Mapping[str, dict[str, Any]], entry: str) -> None:
        self._documents = documents
        self._entry = entry
        self._resources: dict[str, tuple[str, str]] = {}  # URI -> (path, pointer of its root)
        self._names: dict[tuple[str, str], str] = {}
        self._queue: list[tuple[str, str]] = []
        for path, document in documents.items():
            self._index(path, document, "", urljoin(_FALLBACK_BASE, path))

    def _index(self, path: str, schema: Any, pointer: str, base: str) -> None:
        if not isinstance(schema, dict):
            return
        if isinstance(schema.get("$id"), str):
            base = urldefrag(urljoin(base, schema["$id"]))[0]
            self._resources.setdefault(base, (path, pointer))
        if pointer == "":
            self._resources.setdefault(urljoin(_FALLBACK_BASE, path), (path, ""))
        for suffix, child in _children(schema):
            self._index(path, child, pointer + suffix, base)

    def _base_at(self, path: str, pointer: str) -> str:
        """The base URI in force at ``pointer``: the innermost ``$id`` on the way there."""
        node: Any = self._documents[path]
        base = urljoin(_FALLBACK_BASE, path)
        for token in ["", *jp.split(pointer)]:
            if token:
                node = node[int(token)] if isinstance(node, list) else node[token]
            if isinstance(node, dict) and isinstance(node.get("$id"), str):
                base = urljoin(base, node["$id"])
        return base

    def bundle(self) -> dict[str, Any]:
        document = self._documents[self._entry]
        root = self._copy(document, self._base_at(self._entry, ""))
        defs: dict[str, Any] = {}
        while self._queue:
            path, pointer = self._queue.pop(0)
            target = jp.resolve(self._documents[path], pointer)
            defs[self._names[path, pointer]] = self._copy(target, self._base_at(path, pointer))
        head = {
            "$schema": DRAFT,
            "$comment": f"Generated from schemas/{self._entry} by scripts/build_editor_schemas.py"
            " for editors: self-contained, every $ref local. Edit the source schemas, not this.",
        }
        return {**head, **root, **({"$defs": dict(sorted(defs.items()))} if defs else {})}

    def _copy(self, schema: Any, base: str) -> Any:
        if not isinstance(schema, dict):
            return copy.deepcopy(schema)
        if isinstance(schema.get("$id"), str):
            base = urljoin(base, schema["$id"])
        result: dict[str, Any] = {}
        for key, value in schema.items():
            if key in ("$id", "$schema", *_DEFS):
                continue  # the root gets its own $schema; referenced $defs come back as ours
            if key == "$ref" and isinstance(value, str):
                result[key] = self._local(base, value)
            elif key in _ONE_SCHEMA or key in _SCHEMA_LIST:
                if isinstance(value, list):
                    result[key] = [self._copy(item, base) for item in value]
                else:
                    result[key] = self._copy(value, base)
            elif key in _SCHEMA_MAP and isinstance(value, dict):
                result[key] = {name: self._copy(item, base) for name, item in value.items()}
            else:
                result[key] = copy.deepcopy(value)
        return result

    def _local(self, base: str, ref: str) -> str:
        """The ``#/$defs/...`` reference that replaces ``ref``, queueing its target."""
        absolute = urljoin(base, ref)
        uri, fragment = urldefrag(absolute)
        if uri not in self._resources:
            raise EditorSchemaError(f"$ref {ref!r} ({absolute}) names no loaded schema")
        path, root = self._resources[uri]
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            raise EditorSchemaError(f"$ref {ref!r}: only JSON Pointer fragments are supported")
        pointer = root + fragment
        try:
            jp.resolve(self._documents[path], pointer)
        except KeyError:
            raise EditorSchemaError(f"$ref {ref!r}: {path} has nothing at {pointer!r}") from None
        if (path, pointer) == (self._entry, ""):
            return "#"
        if (path, pointer) not in self._names:
            self._names[path, pointer] = self._name(path, pointer)
            self._queue.append((path, pointer))
        return "#/$defs/" + jp.escape(self._names[path, pointer])

    def _name(self, path: str, pointer: str) -> str:
        stem = PurePosixPath(path).name.removesuffix(".json").removesuffix(".schema")
        tokens = jp.split(pointer)
        if not tokens:
            preferred = stem
        elif len(tokens) == 2 and tokens[0] in _DEFS:
            preferred = tokens[1]
        else:
            preferred = "-".join([stem, *tokens])
        preferred = re.sub(r"[^A-Za-z0-9_.-]", "_", preferred)
        taken = set(self._names.values())
        candidates = [preferred, f"{stem}-{preferred}"]
        candidates += (f"{stem}-{preferred}-{n}" for n in range(2, len(taken) + 3))
        return next(name for name in candidates if name not in taken)


# --- messages and checks the engines show ----------------------------------------------------


def _quoted(values: Any) -> str:
    words = [json.dumps(value) for value in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _local_target(document: dict[str, Any], schema: Any) -> Any:
    """``schema`` with same-document ``$ref``s followed, to the schema that holds the keywords."""
    seen: set[str] = set()
    while isinstance(schema, dict) and str(schema.get("$ref", "")).startswith("#"):
        ref = schema["$ref"]
        if ref in seen:
            break
        seen.add(ref)
        schema = jp.resolve(document, unquote(ref[1:]))
    return schema


def _list_pattern(resources: tuple[str, ...], separator: str) -> str:
    """A regex for resources joined by ``separator``, for an element schema without its own.

    Escapes only the characters that are special in both dialects, because ECMAScript's ``u``
    flag rejects the escapes Python's ``re.escape`` adds (``\\-``).
    """

    def escape(text: str) -> str:
        return re.sub(r"([\\^$.|?*+()\[\]{}/])", r"\\\1", text)

    one = "(?:" + "|".join(escape(resource) for resource in resources) + ")"
    return f"^{one}(?:{escape(separator)}{one})*$"


def _annotate_resource_lists(document: dict[str, Any], facts: ElementFacts) -> bool:
    """Give the element's resource-list schema a message that names the allowed resources, so an
    editor shows that rather than the regex the list compiles to. True when ``document`` has
    such a list."""
    if not facts.resources:
        return True
    found = False
    for schema in list(_walk(document)):
        properties = schema.get("properties")
        if not isinstance(properties, dict) or POLLER_URLS not in properties:
            continue
        target = _local_target(document, properties[POLLER_URLS])
        if not isinstance(target, dict) or "errorMessage" in target:
            continue
        found = True
        separator, resources = facts.separator, facts.resources
        lead = target.get("x-message") or (
            f"expected {facts.key} resources separated by {json.dumps(separator)}, "
            f"such as {separator.join(resources[:3])}"
        )
        target["errorMessage"] = f"{lead}. Resources: {', '.join(resources)}"
        target.setdefault("pattern", _list_pattern(resources, separator))
        listed = ", ".join(f"`{resource}`" for resource in resources)
        description = _markdown(str(target.get("description", "")))
        target["markdownDescription"] = (
            f"{description}\n\nResources, separated by `{separator}`: {listed}".lstrip()
        )
    return found


def _promote_message(schema: dict[str, Any]) -> None:
    """``x-message`` -> ``errorMessage``, also on the alternatives of a ``oneOf``/``anyOf``:
    the engines report the failing alternative's own problem, with that alternative's message."""
    message = schema.get("x-message")
    if not isinstance(message, str):
        return
    schema.setdefault("errorMessage", message)
    for keyword in ("oneOf", "anyOf"):
        for branch in schema.get(keyword, ()):
            if isinstance(branch, dict):
                branch.setdefault("errorMessage", message)


def _configuration(schema: dict[str, Any], facts: ElementFacts | None) -> None:
    """The configuration object's schema: vendor-type message (and, for an element, its types),
    the alias's deprecation, the polling requirements, and the URL keys."""
    properties: dict[str, Any] = schema["properties"]
    vendor = properties[VENDOR_TYPE]
    enum = list(vendor.get("enum", ())) if isinstance(vendor, dict) else []
    documented = [value for value in enum if isinstance(value, str)]
    allowed = [value for value in documented if value not in VENDOR_TYPE_ALIASES]
    if facts is not None and facts.vendor_types is not None:
        allowed = [value for value in facts.vendor_types if not enum or value in enum]
    aliases = [
        alias
        for alias, value in VENDOR_TYPE_ALIASES.items()
        if value in allowed and (alias in documented or not enum)
    ]
    conditions: list[dict[str, Any]] = []
    if isinstance(vendor, dict) and allowed:
        if enum:
            vendor["enum"] = [v for v in enum if v is None or v in allowed or v in aliases]
        vendor["errorMessage"] = f"expected {_quoted(allowed)}"
        for alias in aliases:
            conditions.append(_alias_condition(alias, VENDOR_TYPE_ALIASES[alias]))
    if "polling" in allowed:
        conditions.append(_polling_condition())
    for key in URL_KEYS:
        if key not in properties:
            properties[key] = {"description": _URL_DESCRIPTIONS[key], "type": ["string", "null"]}
    if conditions:
        schema["allOf"] = [*schema.get("allOf", ()), *conditions]


def _alias_condition(alias: str, documented: str) -> dict[str, Any]:
    message = f"{json.dumps(alias)} is an accepted alias; the documented value is "
    message += json.dumps(documented)
    return {
        "if": {"required": [VENDOR_TYPE], "properties": {VENDOR_TYPE: {"const": alias}}},
        "then": {"properties": {VENDOR_TYPE: {"deprecationMessage": message}}},
    }


def _polling_condition() -> dict[str, Any]:
    """Events on and ``polling``: an interval and the resources are required (CE203, CE206)."""
    return {
        "if": {
            "required": [ENABLED, VENDOR_TYPE],
            "properties": {ENABLED: {"enum": [True, "true"]}, VENDOR_TYPE: {"const": "polling"}},
        },
        "then": {
            "allOf": [
                {"required": [INTERVAL], "errorMessage": INTERVAL_MESSAGE},
                {
                    "anyOf": [
                        {"required": [POLLER_URLS], "errorMessage": RESOURCES_MESSAGE},
                        {"required": [POLLER_CONFIGURATION], "errorMessage": RESOURCES_MESSAGE},
                    ]
                },
            ]
        },
    }


def _url_keys(schema: dict[str, Any]) -> None:
    """The URL keys get a pattern that wants an absolute http(s) URL, instead of ``format: uri``,
    which the engines take for any string with a scheme-like prefix (and ``https;//x`` passes)."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    for key in URL_KEYS:
        target = properties.get(key)
        if isinstance(target, dict) and "pattern" not in target:
            if target.get("format") == "uri":
                del target["format"]
            target["pattern"] = URL_PATTERN
            target.setdefault("errorMessage", URL_MESSAGE)


def _known_keys(names: Any) -> None:
    """An unknown key (the ``propertyNames`` enum of the configuration's ``event.*`` keys) is
    reported as an unknown key, where the engines would say "Value is not accepted"."""
    for schema in _walk(names):
        values = [value for value in schema.get("enum", ()) if isinstance(value, str)]
        if not values or "errorMessage" in schema:
            continue
        common: list[str] = []  # the dotted segments every key starts with: "event"
        for segments in zip(*(value.split(".")[:-1] for value in values), strict=False):
            if len(set(segments)) > 1:
                break
            common.append(segments[0])
        family = ".".join([*common, "* "]) if common else ""
        schema["errorMessage"] = f"unknown {family}key; the known ones are {', '.join(values)}"


def _markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def _hover(schema: dict[str, Any]) -> None:
    """A ``markdownDescription`` (what the engines show on hover in place of ``description``) where
    the editor schema checks more than the description says: the URL keys. The resource list
    gets its own (:func:`_annotate_resource_lists`); an ``enum``'s values the engines list
    themselves, and elsewhere the plain description is all there is to show."""
    description = schema.get("description")
    if isinstance(description, str) and schema.get("pattern") == URL_PATTERN:
        schema.setdefault(
            "markdownDescription",
            f"{_markdown(description)}\n\nAn absolute `http://` or `https://` URL with a host, "
            "such as `https://app.example.com/events`, or a `${VARIABLE}` reference.",
        )
