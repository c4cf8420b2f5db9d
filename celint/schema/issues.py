"""The schema stage: validate a body against its element's schema and classify each error.

Each schema error (from the compiled schema, or from jsonschema) becomes one :class:`SchemaIssue`
of a kind (required, type, unknown, value) with a pointer and a message that says what is
expected. Rules CE101–CE104 turn the issues of their kind into findings; specific rules later
replace a generic issue on the same value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from celint import pointer as jp
from celint.schema import registry as schemas
from celint.secrets import holds_secret, is_env_reference, is_secret_pointer

if TYPE_CHECKING:
    from celint.schema.compiled import SchemaError

_CREDENTIALS = re.compile(r"(//)[^/@\s\"]+@")
_JSON_TYPES = {
    dict: "an object",
    list: "a list",
    str: "a string",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    type(None): "null",
}
_TYPE_WORDS = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "boolean": "a boolean (true or false)",
    "integer": "a whole number",
    "number": "a number",
    "null": "null",
}


class SchemaIssue(NamedTuple):
    """One schema violation: ``kind`` is required, type, unknown or value."""

    kind: str
    pointer: str
    message: str
    on_key: bool = False


def describe(value: Any) -> str:
    """A short, human name for a value's JSON type."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def shown(pointer: str, value: Any) -> str:
    """The value for a message, or a neutral word when it is a secret (never printed).

    Credentials written into a URL (``https://user:pass@host``) are masked too.
    """
    if is_secret_pointer(pointer):
        return "a secret value"
    if holds_secret(pointer, value):
        return f"{describe(value)} that holds a secret value"
    text = _CREDENTIALS.sub(r"\1***@", json.dumps(value, ensure_ascii=False))
    return text if len(text) <= 60 else text[:57] + "..."


def _expected_types(expected: Any) -> str:
    words = [_TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
    words = [w for w in words if w != "null"] or words
    return " or ".join(words)


def _issues(error: SchemaError) -> list[SchemaIssue]:
    pointer = jp.from_path(error.absolute_path)
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    validator = error.validator
    if "propertyNames" in error.absolute_schema_path:
        name = error.instance
        return [SchemaIssue("unknown", jp.join(pointer, name), f"unknown key {name!r}", True)]
    if validator == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        return [
            SchemaIssue("required", jp.join(pointer, key), f"required key {key!r} is missing")
            for key in error.validator_value
            if key not in present
        ]
    if validator == "additionalProperties" and error.validator_value is False:
        extra = [key for key in error.instance if key not in error.schema.get("properties", {})]
        return [
            SchemaIssue("unknown", jp.join(pointer, k), f"unknown key {k!r}", True) for k in extra
        ]
    if validator == "type":
        expected = custom or f"expected {_expected_types(error.validator_value)}"
        found = describe(error.instance)
        return [SchemaIssue("type", pointer, f"{expected}, found {found}")]
    if validator in ("enum", "const"):
        allowed = error.validator_value if validator == "enum" else [error.validator_value]
        names = ", ".join(json.dumps(v) for v in allowed if v is not None)
        return [
            SchemaIssue(
                "value", pointer, f"expected {names}, found {shown(pointer, error.instance)}"
            )
        ]
    if validator == "minLength" and error.validator_value == 1:
        return [SchemaIssue("value", pointer, custom or "must not be empty")]
    if custom:
        kind = "type" if validator in ("oneOf", "anyOf") and _type_mismatch(error) else "value"
        return [SchemaIssue(kind, pointer, f"{custom}, found {shown(pointer, error.instance)}")]
    return [SchemaIssue("value", pointer, _worded(error, shown(pointer, error.instance)))]


#: celint's own wording of the keywords no specific branch above explains, so the output never
#: depends on how a jsonschema release words its errors. ``{found}`` is the shown value,
#: ``{limit}`` the keyword's argument.
_WORDING = {
    "pattern": "expected a value of the documented form, found {found}",
    "minimum": "expected at least {limit}, found {found}",
    "maximum": "expected at most {limit}, found {found}",
    "exclusiveMinimum": "expected more than {limit}, found {found}",
    "exclusiveMaximum": "expected less than {limit}, found {found}",
    "minLength": "expected at least {limit} characters, found {found}",
    "maxLength": "expected at most {limit} characters, found {found}",
    "minItems": "expected at least {limit} items, found {found}",
    "maxItems": "expected at most {limit} items, found {found}",
    "minProperties": "expected at least {limit} keys, found {found}",
    "maxProperties": "expected at most {limit} keys, found {found}",
    "uniqueItems": "expected items that are all different, found {found}",
    "not": "{found} is not allowed here",
    "anyOf": "{found} matches none of the allowed forms",
    "oneOf": "{found} does not match exactly one of the allowed forms",
    "additionalProperties": "{found} has a key the schema does not allow",
}


def _worded(error: SchemaError, found: str) -> str:
    """A keyword's error in celint's words (any keyword without its own: a neutral sentence)."""
    template = _WORDING.get(error.validator, "{found} is not valid here ({keyword})")
    limit = error.validator_value if _scalar(error.validator_value) else "the limit"
    return template.format(found=found, limit=limit, keyword=error.validator)


def _scalar(value: Any) -> bool:
    return isinstance(value, int | float | str) and not isinstance(value, bool)


def _type_mismatch(error: SchemaError) -> bool:
    """True when every alternative of a oneOf/anyOf failed on type alone."""
    return bool(error.context) and all(sub.validator == "type" for sub in error.context)


def _judged_elsewhere(error: SchemaError) -> bool:
    """True when the schema leaves this value to a rule, or the value is not known yet.

    A subschema annotated ``x-celint-judged-by`` (the poller list, realmId, scope) is checked by
    rules that know more than a pattern can say (configured resources, placeholders); an
    environment reference such as ``${EVENTS_ON}`` has no type until it is substituted.
    """
    if isinstance(error.schema, dict) and "x-celint-judged-by" in error.schema:
        return True
    return error.validator != "required" and is_env_reference(error.instance)


def check(body: Any, schema_path: str = schemas.INSTANCE) -> list[SchemaIssue]:
    """All schema issues of one body (see :func:`issues`).

    The bundled schemas are compiled (:mod:`celint.schema.compiled`): a valid body costs one
    yes/no check, an invalid one is explained by the compiled reporter, and jsonschema is not
    even imported. A schema that does not compile is validated by jsonschema.
    """
    return issues(schemas.errors(body, schema_path))


def issues(errors: Iterable[SchemaError]) -> list[SchemaIssue]:
    """The issues of ``errors`` (compiled records or jsonschema's ``ValidationError``s, which
    carry the same attributes), one per pointer and kind: the first error's, in their order."""
    seen: set[tuple[str, str]] = set()
    result: list[SchemaIssue] = []
    for error in errors:
        if _judged_elsewhere(error):
            continue
        for issue in _issues(error):
            if (issue.kind, issue.pointer) not in seen:
                seen.add((issue.kind, issue.pointer))
                result.append(issue)
    return result
