"""Which documents are instance bodies: pre-commit hands celint every staged JSON/YAML file.

A document is linted when it is sure to be ours (SPEC 5): a mapping with an ``element``
mapping, or with ``providerData``, or whose ``configuration`` holds a platform key; an array
of such bodies (``GET /instances``); or a configuration fragment, a mapping made only of
platform configuration keys. An application's own ``app-config.yaml`` or a formula instance
(``name`` and a ``configuration`` of other keys) is not. Every verdict says why, for ``-v``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple, TypeGuard

from celint.elements import store
from celint.schema.keys import (
    AUTH_TYPE,
    CONFIGURATION,
    ELEMENT,
    EVENT_PREFIX,
    EXPORT_MARKERS,
    OAUTH_PREFIX,
    PROVIDER_DATA,
)

BODY, FRAGMENT = "body", "fragment"
#: Why a document is linted under ``--all``, whatever it holds.
LINTED_BY_ALL = "linted as an instance body (--all)"

_ELEMENT_KEY = re.compile(r"""(?m)(?:"element"\s*:\s*\{|^\s*['"]?element['"]?\s*:\s*(?:$|\{))""")
_PROVIDER_KEY = re.compile(r"""(?m)(?:"providerData"\s*:|^\s*['"]?providerData['"]?\s*:)""")
_PLATFORM_KEY = re.compile(
    r"""(?m)(?:"(?:event|oauth)\.[\w.]+"\s*:|"authentication\.type"\s*:"""
    r"""|^[ \t-]*['"]?(?:(?:event|oauth)\.[\w.]+|authentication\.type)['"]?[ \t]*:)"""
)


class Verdict(NamedTuple):
    """What a document is (``BODY``, ``FRAGMENT``, or None when it is skipped) and why."""

    kind: str | None
    reason: str


def is_platform_key(key: object) -> TypeGuard[str]:
    """A key that only the platform's configuration uses: ``event.*``, ``oauth.*``,
    ``authentication.type``, or a documented key that names its element
    (``zendesk.subdomain``). The profiles' index is read only when the cheap tests fail."""
    if not isinstance(key, str):
        return False
    if key.startswith((EVENT_PREFIX, OAUTH_PREFIX)) or key == AUTH_TYPE:
        return True
    return "." in key and key in store.specific_keys()


def _first_platform_key(keys: Iterable[object]) -> str | None:
    return next((key for key in keys if is_platform_key(key)), None)


def _body_reason(value: dict[Any, Any]) -> str | None:
    """Why a mapping is an instance body, or None when it is not one."""
    marker = next((key for key in value if key in EXPORT_MARKERS), None)
    if marker is not None and isinstance(value.get(ELEMENT), dict):
        return f"an exported instance: it has an {ELEMENT!r} mapping and {marker!r}"
    if isinstance(value.get(ELEMENT), dict):
        return f"an instance body: it has an {ELEMENT!r} mapping"
    if PROVIDER_DATA in value:
        return f"an instance body: it has {PROVIDER_DATA!r}"
    configuration = value.get(CONFIGURATION)
    found = _first_platform_key(configuration) if isinstance(configuration, dict) else None
    if found is not None:
        return f"an instance body: its {CONFIGURATION!r} holds the platform key {found!r}"
    return None


def is_instance_body(value: Any) -> bool:
    """A mapping with an ``element`` mapping, with ``providerData``, or whose
    ``configuration`` holds a platform key."""
    return isinstance(value, dict) and _body_reason(value) is not None


def is_fragment(value: Any) -> bool:
    """A configuration fragment (the body of a configuration update): a non-empty mapping,
    not an instance body, whose every key is a configuration key (a platform key or one an
    element documents) and at least one a platform key."""
    if not isinstance(value, dict) or not value or is_instance_body(value):
        return False
    documented = store.configuration_keys()
    return _first_platform_key(value) is not None and all(
        is_platform_key(key) or key in documented for key in value
    )


def is_exported_array(value: Any) -> bool:
    """An array of instances as ``GET /instances`` returns them: at least one item is an
    instance body (so one broken item is reported with the others rather than hiding the
    whole file)."""
    return isinstance(value, list) and any(is_instance_body(item) for item in value)


def verdict(value: Any) -> Verdict:
    """Whether celint lints a parsed document, and why (``-v`` prints the reason)."""
    if isinstance(value, dict):
        reason = _body_reason(value)
        if reason is not None:
            return Verdict(BODY, reason)
        if is_fragment(value):
            found = _first_platform_key(value)
            return Verdict(
                FRAGMENT, f"a configuration fragment: only configuration keys, such as {found!r}"
            )
        return Verdict(None, _not_a_body(value))
    if is_exported_array(value):
        return Verdict(BODY, "an array of instance bodies, as GET /instances returns them")
    if isinstance(value, list):
        return Verdict(None, "not an instance body: an array without instance bodies")
    kind = "an empty document" if value is None else f"a {type(value).__name__} value"
    return Verdict(None, f"not an instance body: {kind}")


def _not_a_body(value: dict[Any, Any]) -> str:
    """Why a mapping is skipped, in the terms of the sniffing rule."""
    if isinstance(value.get(CONFIGURATION), dict):
        return (
            f"not an instance body: no {ELEMENT!r} mapping or {PROVIDER_DATA!r}, and its "
            f"{CONFIGURATION!r} holds no platform key (event.*, oauth.*, {AUTH_TYPE} or a "
            "key of a known element)"
        )
    return (
        f"not an instance body: no {ELEMENT!r} mapping, {PROVIDER_DATA!r} or "
        f"{CONFIGURATION!r}, and not only configuration keys"
    )


def is_instance_document(value: Any) -> bool:
    """A document celint lints: an instance body, an exported array of them, or a fragment."""
    return verdict(value).kind is not None


def looks_like_instance_text(text: str) -> bool:
    """The same test on raw text, for files that do not parse (so a broken body is still reported
    while a tsconfig with comments or a Helm template is left alone): an ``element`` mapping,
    ``providerData``, or a platform key (``event.*``, ``oauth.*``, ``authentication.type``)."""
    return any(pattern.search(text) for pattern in (_ELEMENT_KEY, _PROVIDER_KEY, _PLATFORM_KEY))
