"""A compiled yes/no check of a bundled schema, so that valid bodies never need jsonschema.

Most bodies in a repository are valid, and for them the schema stage has nothing to say. Importing
jsonschema (with referencing, attrs and rpds) costs more than the rest of a one-file run, and its
validator walks the schema through generic, evolving validator objects (≈ 200 µs a body). This
module compiles a schema once into nested closures that answer only "valid or not" (a few µs),
for the Draft 2020-12 keywords the bundled schemas use. A body it passes has no schema issues;
a body it fails goes to jsonschema, which finds and explains the errors as before.

Soundness rests on two rules: every supported keyword is implemented with jsonschema's own
semantics (``format`` is an annotation, as for celint's validator; ``integer`` accepts 2.0), and
a schema that uses any other keyword does not compile (:class:`Unsupported`), so it always goes
through jsonschema. The tests compare this check with jsonschema on generated bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urldefrag, urljoin

Check = Callable[[Any], bool]

# Keywords that never make a value invalid for celint's validator (no format checker).
_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$comment",
        "$defs",
        "title",
        "description",
        "default",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "format",
    }
)
_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


class Unsupported(ValueError):
    """The schema uses a keyword (or a ``$ref``) this module does not implement."""


def _always(_: Any) -> bool:
    return True


def _never(_: Any) -> bool:
    return False


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _only(kind: type | tuple[type, ...], check: Check) -> Check:
    """``check`` applies to values of ``kind``; any other value passes the keyword."""
    return lambda value: not isinstance(value, kind) or check(value)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _literals(values: list[Any]) -> Check:
    """``enum``/``const`` over strings, booleans and null: exact membership, so ``1`` never
    equals ``true``. Other literals (numbers, containers) need jsonschema's equality."""
    if not all(value is None or isinstance(value, str | bool) for value in values):
        raise Unsupported("enum/const of numbers or containers")
    allowed = frozenset((type(value), value) for value in values)
    return lambda value: (type(value), value) in allowed if _hashable(value) else False


def _hashable(value: Any) -> bool:
    return not isinstance(value, dict | list)


class Compiler:
    """Compiles the schemas of one registry (URI → schema); ``$ref``s resolve inside it."""

    def __init__(self, resources: Mapping[str, Any]) -> None:
        self.resources = resources
        self.compiled: dict[tuple[str, str], Check] = {}

    def resource(self, uri: str) -> Check:
        """The check for the whole schema at ``uri``."""
        return self.reference(uri, "")

    def reference(self, uri: str, fragment: str) -> Check:
        """A compiled ``$ref`` target; cycles are tied through a forwarding cell."""
        key = (uri, fragment)
        if key not in self.compiled:
            cell: list[Check] = []
            self.compiled[key] = lambda value: cell[0](value)
            cell.append(self.compile(self._target(uri, fragment), uri))
            self.compiled[key] = cell[0]
        return self.compiled[key]

    def _target(self, uri: str, fragment: str) -> Any:
        if uri not in self.resources:
            raise Unsupported(f"$ref to an unknown resource {uri!r}")
        node = self.resources[uri]
        for token in fragment.split("/")[1:] if fragment else ():
            token = token.replace("~1", "/").replace("~0", "~")
            try:
                node = node[int(token)] if isinstance(node, list) else node[token]
            except (KeyError, IndexError, ValueError) as exc:
                raise Unsupported(f"$ref to a missing pointer {fragment!r}") from exc
        return node

    def compile(self, schema: Any, base: str) -> Check:
        """The check for one (sub)schema whose ``$ref``s resolve against ``base``."""
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise Unsupported("a schema must be an object or a boolean")
        if "$id" in schema:
            base = urljoin(base, schema["$id"])
        checks = []
        for keyword, argument in schema.items():
            if keyword in _ANNOTATIONS or keyword.startswith("x-"):
                continue
            if keyword in ("then", "else", "additionalProperties"):
                continue  # compiled with "if" (alone they do nothing) and "properties"
            build = _KEYWORDS.get(keyword)
            if build is None:
                raise Unsupported(f"keyword {keyword!r}")
            checks.append(build(self, schema, argument, base))
        if "additionalProperties" in schema and "properties" not in schema:
            checks.append(_properties(self, schema, {}, base))
        return _all(checks)


def _type(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    names = [argument] if isinstance(argument, str) else list(argument)
    if any(name not in _TYPES for name in names):
        raise Unsupported(f"type {argument!r}")
    tests = [_TYPES[name] for name in names]
    return lambda value: any(test(value) for test in tests)


def _enum(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    return _literals(list(argument))


def _const(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    return _literals([argument])


def _required(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    keys = tuple(argument)
    return _only(dict, lambda value: all(key in value for key in keys))


def _properties(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    """``properties`` with the same object's ``additionalProperties`` (extra keys)."""
    known = {key: c.compile(sub, base) for key, sub in argument.items()}
    extra = c.compile(s.get("additionalProperties", True), base)
    if extra is _always:
        return _only(dict, lambda value: all(known[k](v) for k, v in value.items() if k in known))

    def check(value: dict[str, Any]) -> bool:
        for key, item in value.items():
            test = known.get(key, extra)
            if not test(item):
                return False
        return True

    return _only(dict, check)


def _property_names(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    names = c.compile(argument, base)
    return _only(dict, lambda value: all(names(key) for key in value))


def _items(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    if "prefixItems" in s:
        raise Unsupported("prefixItems")
    item = c.compile(argument, base)
    return _only(list, lambda value: all(item(entry) for entry in value))


def _pattern(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    search = re.compile(argument).search
    return _only(str, lambda value: search(value) is not None)


def _min_length(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    return _only(str, lambda value: len(value) >= argument)


def _max_length(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    return _only(str, lambda value: len(value) <= argument)


def _min_count(kind: type) -> Callable[[Compiler, dict[str, Any], Any, str], Check]:
    """``minProperties`` (objects) or ``minItems`` (arrays)."""

    def build(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
        return _only(kind, lambda value: len(value) >= argument)

    return build


def _max_count(kind: type) -> Callable[[Compiler, dict[str, Any], Any, str], Check]:
    """``maxProperties`` (objects) or ``maxItems`` (arrays)."""

    def build(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
        return _only(kind, lambda value: len(value) <= argument)

    return build


def _minimum(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    return lambda value: not _number(value) or not value < argument  # NaN passes, as there


def _maximum(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    return lambda value: not _number(value) or not value > argument


def _all_of(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    return _all([c.compile(sub, base) for sub in argument])


def _any_of(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    subs = [c.compile(sub, base) for sub in argument]
    return lambda value: any(sub(value) for sub in subs)


def _one_of(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    subs = [c.compile(sub, base) for sub in argument]
    return lambda value: sum(1 for sub in subs if sub(value)) == 1


def _not(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    sub = c.compile(argument, base)
    return lambda value: not sub(value)


def _if(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    condition = c.compile(argument, base)
    then = c.compile(s.get("then", True), base)
    otherwise = c.compile(s.get("else", True), base)
    return lambda value: then(value) if condition(value) else otherwise(value)


def _ref(c: Compiler, s: dict[str, Any], argument: Any, base: str) -> Check:
    uri, fragment = urldefrag(urljoin(base, argument))
    return c.reference(uri, fragment)


_KEYWORDS: dict[str, Callable[[Compiler, dict[str, Any], Any, str], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "required": _required,
    "properties": _properties,
    "propertyNames": _property_names,
    "items": _items,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minProperties": _min_count(dict),
    "maxProperties": _max_count(dict),
    "minItems": _min_count(list),
    "maxItems": _max_count(list),
    "minimum": _minimum,
    "maximum": _maximum,
    "allOf": _all_of,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
    "if": _if,
    "$ref": _ref,
}
