"""A bundled schema compiled once into a yes/no check and a reporter, so jsonschema is not needed.

Importing jsonschema (with referencing, attrs and rpds) costs more than the rest of a short run,
and its validator walks the schema through generic, evolving validator objects (≈ 200 µs a
body). This module compiles a schema once, for the Draft 2020-12 keywords the bundled schemas
use, into nested closures of two kinds built from the same keywords:

- a *check* that answers only "valid or not" (tens of µs), run on every body: a body it passes
  has no schema issues;
- a *reporter*, run only on a body the check fails, that yields the errors jsonschema's
  ``iter_errors`` yields, as :class:`SchemaError` records carrying what the schema stage reads
  off a ``ValidationError`` (keyword, its value, the instance, the subschema, both paths and,
  for ``anyOf``/``oneOf``, the alternatives' errors), in jsonschema's order. No message: the
  schema stage words every finding itself, so jsonschema's wording never reaches the output.

Soundness rests on two rules: every supported keyword is implemented with jsonschema's own
semantics (``format`` is an annotation, as for celint's validator; ``integer``
accepts 2.0), and a schema that uses any other keyword does not compile (:class:`Unsupported`),
so it goes through jsonschema. The tests compare both closures with jsonschema on generated
bodies. One difference is deliberate: jsonschema visits the keys that ``additionalProperties``
applies to in ``set`` order, which changes from process to process; the reporter visits them in
the body's order (the schema stage's result is the same either way, its findings are sorted).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple
from urllib.parse import urldefrag, urljoin

from celint import pointer as jp

Check = Callable[[Any], bool]
Path = tuple[str | int, ...]


class SchemaError(NamedTuple):
    """One failed keyword, with the attributes of jsonschema's ``ValidationError`` that the
    schema stage reads (so both kinds of error go through the same code there)."""

    validator: str
    validator_value: Any
    instance: Any
    schema: dict[str, Any]
    absolute_path: Path
    absolute_schema_path: Path
    context: tuple[SchemaError, ...] = ()


# ``report(value, path, schema_path)``: the errors of ``value``, found at ``path`` in the body,
# against the subschema found at ``schema_path`` (jsonschema's ``absolute_schema_path``).
Report = Callable[[Any, Path, Path], Iterator[SchemaError]]


class Compiled(NamedTuple):
    """A compiled (sub)schema or keyword: the fast check, and the reporter for failed bodies."""

    check: Check
    report: Report


class Unsupported(ValueError):
    """The schema uses a keyword (or a ``$ref``) this module does not implement."""


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


def _always(_: Any) -> bool:
    return True


def _nothing(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
    return iter(())


_VALID = Compiled(_always, _nothing)


def _all(parts: list[Compiled]) -> Compiled:
    """Every part applies; errors come part after part (jsonschema's keyword order)."""
    if not parts:
        return _VALID
    if len(parts) == 1:
        return parts[0]
    checks = [part.check for part in parts]
    reports = [part.report for part in parts]

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        for each in reports:
            yield from each(value, path, at)

    return Compiled(lambda value: all(check(value) for check in checks), report)


def _only(kind: type | tuple[type, ...], check: Check) -> Check:
    """``check`` applies to values of ``kind``; any other value passes the keyword."""
    return lambda value: not isinstance(value, kind) or check(value)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _hashable(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _one(_: Any) -> int:
    return 1


def _assertion(
    schema: dict[str, Any], keyword: str, check: Check, count: Callable[[Any], int] = _one
) -> Compiled:
    """A keyword that judges the value itself: ``count(value)`` errors when ``check`` fails
    (``required`` gives one per missing key, as jsonschema does; every other keyword one)."""
    argument = schema[keyword]

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        if not check(value):
            where = (*at, keyword)
            for _ in range(count(value)):
                yield SchemaError(keyword, argument, value, schema, path, where)

    return Compiled(check, report)


def _error(
    schema: dict[str, Any],
    keyword: str,
    value: Any,
    path: Path,
    at: Path,
    context: tuple[SchemaError, ...] = (),
) -> SchemaError:
    """An error raised by an applicator itself (``anyOf``, ``oneOf``, ``not``)."""
    return SchemaError(keyword, schema[keyword], value, schema, path, (*at, keyword), context)


class Compiler:
    """Compiles the schemas of one registry (URI → schema); ``$ref``s resolve inside it."""

    def __init__(self, resources: Mapping[str, Any]) -> None:
        self.resources = resources
        self.compiled: dict[tuple[str, str], Compiled] = {}

    def resource(self, uri: str) -> Check:
        """The yes/no check of the whole schema at ``uri``."""
        return self.reference(uri, "").check

    def reference(self, uri: str, fragment: str) -> Compiled:
        """A compiled ``$ref`` target; cycles are tied through a forwarding cell."""
        key = (uri, fragment)
        if key not in self.compiled:
            cell: list[Compiled] = []
            self.compiled[key] = Compiled(
                lambda value: cell[0].check(value),
                lambda value, path, at: cell[0].report(value, path, at),
            )
            cell.append(self.compile(self._target(uri, fragment), uri))
            self.compiled[key] = cell[0]
        return self.compiled[key]

    def _target(self, uri: str, fragment: str) -> Any:
        if uri not in self.resources:
            raise Unsupported(f"$ref to an unknown resource {uri!r}")
        node = self.resources[uri]
        for token in jp.split(fragment):
            try:
                node = node[int(token)] if isinstance(node, list) else node[token]
            except (KeyError, IndexError, ValueError) as exc:
                raise Unsupported(f"$ref to a missing pointer {fragment!r}") from exc
        return node

    def compile(self, schema: Any, base: str) -> Compiled:
        """One (sub)schema whose ``$ref``s resolve against ``base``.

        ``false`` as a subschema is not supported: jsonschema reports it at its parent's path
        rather than its own, which is not worth mimicking (``additionalProperties: false`` is
        the keyword's own error, and supported).
        """
        if schema is True:
            return _VALID
        if not isinstance(schema, dict):
            raise Unsupported("a schema must be an object or true")
        if "$id" in schema:
            base = urljoin(base, schema["$id"])
        parts = []
        for keyword in schema:
            if keyword in _ANNOTATIONS or keyword.startswith("x-"):
                continue
            if keyword in ("then", "else"):
                continue  # compiled with "if" (alone they do nothing)
            build = _KEYWORDS.get(keyword)
            if build is None:
                raise Unsupported(f"keyword {keyword!r}")
            parts.append(build(self, schema, keyword, base))
        return _all(parts)


Builder = Callable[[Compiler, dict[str, Any], str, str], Compiled]


def _type(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    argument = s[keyword]
    names = [argument] if isinstance(argument, str) else list(argument)
    if any(name not in _TYPES for name in names):
        raise Unsupported(f"type {argument!r}")
    tests = [_TYPES[name] for name in names]
    return _assertion(s, keyword, lambda value: any(test(value) for test in tests))


def _literals(values: list[Any]) -> Check:
    """``enum``/``const`` over strings, booleans, null and numbers: exact membership, so ``1``
    never equals ``true``, while ``1`` equals ``1.0`` (JSON has one number type). Containers
    need jsonschema's deep equality."""
    if not all(value is None or isinstance(value, str | bool | int | float) for value in values):
        raise Unsupported("enum/const of containers")
    allowed = frozenset((type(value), value) for value in values if not _number(value))
    numbers = frozenset(value for value in values if _number(value))

    def check(value: Any) -> bool:
        if _number(value):
            return value in numbers
        return (type(value), value) in allowed if _hashable(value) else False

    return check


def _enum(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    return _assertion(s, keyword, _literals(list(s[keyword])))


def _const(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    return _assertion(s, keyword, _literals([s[keyword]]))


def _required(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    keys = tuple(s[keyword])
    return _assertion(
        s,
        keyword,
        _only(dict, lambda value: all(key in value for key in keys)),
        lambda value: sum(1 for key in keys if key not in value),
    )


def _pattern(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    search = re.compile(s[keyword]).search
    return _assertion(s, keyword, _only(str, lambda value: search(value) is not None))


def _size(kind: type, least: bool) -> Builder:
    """``minLength``/``maxLength``, ``minItems``/``maxItems``, ``minProperties``/
    ``maxProperties``: the length of values of ``kind`` against the argument."""

    def build(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
        limit = s[keyword]
        fits = (lambda v: len(v) >= limit) if least else (lambda v: len(v) <= limit)
        return _assertion(s, keyword, _only(kind, fits))

    return build


def _canonical(value: Any) -> Any:
    """A hashable form of a JSON value under JSON equality: ``1`` and ``1.0`` alike, ``true``
    and ``1`` not, objects equal whatever their key order."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if _number(value):
        return ("number", value)  # 1 == 1.0 and hash(1) == hash(1.0)
    if isinstance(value, list):
        return ("array", tuple(_canonical(item) for item in value))
    if isinstance(value, dict):
        return ("object", frozenset((key, _canonical(item)) for key, item in value.items()))
    return ("other", repr(value))


def _unique_items(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    if s[keyword] is not True:
        return Compiled(lambda value: True, lambda value, path, at: iter(()))

    def unique(value: list[Any]) -> bool:
        return len({_canonical(item) for item in value}) == len(value)

    return _assertion(s, keyword, _only(list, unique))


def _bound(least: bool) -> Builder:
    """``minimum`` or ``maximum`` (numbers only; NaN passes, as in jsonschema)."""

    def build(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
        limit = s[keyword]
        beyond: Check = (lambda v: v < limit) if least else (lambda v: v > limit)
        return _assertion(s, keyword, lambda v: not _number(v) or not beyond(v))

    return build


def _properties(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    known = {key: c.compile(sub, base) for key, sub in s[keyword].items()}
    checks = {key: part.check for key, part in known.items()}

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        if isinstance(value, dict):
            for key, part in known.items():  # the schema's order, as jsonschema
                if key in value:
                    yield from part.report(value[key], (*path, key), (*at, keyword, key))

    return Compiled(
        _only(dict, lambda value: all(checks[k](v) for k, v in value.items() if k in checks)),
        report,
    )


def _additional_properties(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    """The keys that ``properties`` of the same object does not name."""
    known = frozenset(s.get("properties", ()))
    argument = s[keyword]
    if argument is False:
        return _assertion(s, keyword, _only(dict, lambda value: all(key in known for key in value)))
    extra = c.compile(argument, base)

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in known:
                    yield from extra.report(item, (*path, key), (*at, keyword))

    return Compiled(
        _only(dict, lambda value: all(extra.check(v) for k, v in value.items() if k not in known)),
        report,
    )


def _property_names(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    names = c.compile(s[keyword], base)

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        if isinstance(value, dict):
            for key in value:  # a name's errors sit at the object's path, as in jsonschema
                yield from names.report(key, path, (*at, keyword))

    return Compiled(_only(dict, lambda value: all(names.check(key) for key in value)), report)


def _items(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    if "prefixItems" in s:
        raise Unsupported("prefixItems")
    item = c.compile(s[keyword], base)

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        if isinstance(value, list):
            for index, entry in enumerate(value):
                yield from item.report(entry, (*path, index), (*at, keyword))

    return Compiled(_only(list, lambda value: all(item.check(entry) for entry in value)), report)


def _all_of(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    subs = [c.compile(sub, base) for sub in s[keyword]]

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        for index, sub in enumerate(subs):
            yield from sub.report(value, path, (*at, keyword, index))

    return Compiled(lambda value: all(sub.check(value) for sub in subs), report)


def _any_of(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    subs = [c.compile(sub, base) for sub in s[keyword]]

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        context: list[SchemaError] = []
        for index, sub in enumerate(subs):
            found = list(sub.report(value, path, (*at, keyword, index)))
            if not found:
                return
            context.extend(found)
        yield _error(s, keyword, value, path, at, tuple(context))

    return Compiled(lambda value: any(sub.check(value) for sub in subs), report)


def _one_of(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    subs = [c.compile(sub, base) for sub in s[keyword]]

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        context: list[SchemaError] = []
        remaining = iter(enumerate(subs))
        for index, sub in remaining:
            found = list(sub.report(value, path, (*at, keyword, index)))
            if not found:
                break
            context.extend(found)
        else:
            yield _error(s, keyword, value, path, at, tuple(context))
            return
        if any(sub.check(value) for _, sub in remaining):
            yield _error(s, keyword, value, path, at)

    return Compiled(lambda value: sum(1 for sub in subs if sub.check(value)) == 1, report)


def _not(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    argument = s[keyword]
    sub = c.compile(argument, base)

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        if sub.check(value):
            yield _error(s, keyword, value, path, at)

    return Compiled(lambda value: not sub.check(value), report)


def _if(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    """``if`` with the same object's ``then`` and ``else``; their errors are placed under
    ``then``/``else`` (not ``if``), as jsonschema places them."""
    condition = c.compile(s[keyword], base).check
    then = c.compile(s.get("then", True), base)
    otherwise = c.compile(s.get("else", True), base)

    def report(value: Any, path: Path, at: Path) -> Iterator[SchemaError]:
        if condition(value):
            yield from then.report(value, path, (*at, "then"))
        else:
            yield from otherwise.report(value, path, (*at, "else"))

    return Compiled(
        lambda value: then.check(value) if condition(value) else otherwise.check(value), report
    )


def _ref(c: Compiler, s: dict[str, Any], keyword: str, base: str) -> Compiled:
    """The target's errors, with no ``$ref`` in their schema path (as in jsonschema)."""
    uri, fragment = urldefrag(urljoin(base, s[keyword]))
    return c.reference(uri, fragment)


_KEYWORDS: dict[str, Builder] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "propertyNames": _property_names,
    "items": _items,
    "pattern": _pattern,
    "minLength": _size(str, True),
    "maxLength": _size(str, False),
    "minItems": _size(list, True),
    "maxItems": _size(list, False),
    "minProperties": _size(dict, True),
    "maxProperties": _size(dict, False),
    "uniqueItems": _unique_items,
    "minimum": _bound(least=True),
    "maximum": _bound(least=False),
    "allOf": _all_of,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
    "if": _if,
    "$ref": _ref,
}
