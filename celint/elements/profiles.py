"""Element profiles: what the rules need to know of an element, read from its schema.

Adding an element is adding ``schemas/elements/<key>.schema.json`` (or an ``elements.<key>``
entry in the configuration); no rule names an element.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from celint.schema import registry as schemas

DEFAULT_SEPARATOR = "|"


@dataclass(frozen=True)
class ElementProfile:
    """The resource list, separator, event types and auth shapes of one element."""

    key: str
    resources: tuple[str, ...] = ()
    separator: str = DEFAULT_SEPARATOR
    vendor_types: tuple[str, ...] = ("polling", "webhook")
    auth_types: tuple[str, ...] = ()
    default_auth: str | None = None
    provider_data: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    required_scope: str | None = None
    schema: str = schemas.INSTANCE


def _from_schema(path: str, schema: dict[str, Any]) -> ElementProfile:
    meta = schema["x-celint"]
    defs = schema.get("$defs", {})
    auth = [value for value in defs.get("authenticationType", {}).get("enum", []) if value]
    return ElementProfile(
        key=meta["element"],
        resources=tuple(defs.get("resource", {}).get("enum", ())),
        separator=meta.get("separator", DEFAULT_SEPARATOR),
        vendor_types=tuple(meta.get("vendorTypes", ("polling", "webhook"))),
        auth_types=tuple(auth),
        default_auth=meta.get("defaultAuthentication"),
        provider_data={
            flow: tuple(defs[name].get("required", ()))
            for flow, name in meta.get("providerData", {}).items()
        },
        required_scope=meta.get("requiredScope"),
        schema=path,
    )


@functools.cache
def bundled_profiles() -> dict[str, ElementProfile]:
    """Profiles of every element that ships a schema."""
    all_schemas = schemas.load_all()
    return {
        key: _from_schema(path, all_schemas[path])
        for key, path in schemas.element_schemas().items()
    }


def element_key(body: Mapping[str, Any]) -> str | None:
    """The body's ``element.key`` when it is a string (an element given by ``id`` has none)."""
    element = body.get("element")
    key = element.get("key") if isinstance(element, dict) else None
    return key if isinstance(key, str) else None


def profiles(extra: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, ElementProfile]:
    """Bundled profiles extended or added to by configuration (``elements.<key>``)."""
    result = dict(bundled_profiles())
    for key, settings in (extra or {}).items():
        base = result.get(key, ElementProfile(key=key))
        changes: dict[str, Any] = {}
        if "resources" in settings:
            changes["resources"] = tuple(settings["resources"])
        if "separator" in settings:
            changes["separator"] = str(settings["separator"])
        result[key] = replace(base, **changes)
    return result
