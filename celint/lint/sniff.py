"""Which documents are instance bodies: pre-commit hands celint every staged JSON/YAML file."""

from __future__ import annotations

import re
from typing import Any

_ELEMENT_KEY = re.compile(r"""(?m)(?:"element"\s*:\s*\{|^\s*['"]?element['"]?\s*:\s*(?:$|\{))""")
_CONFIG_KEY = re.compile(r"""(?m)(?:"configuration"\s*:\s*\{|^\s*['"]?configuration['"]?\s*:)""")
_COMPANION_KEY = re.compile(
    r"""(?m)(?:"(?:name|providerData)"\s*:|^\s*['"]?(?:name|providerData)['"]?\s*:)"""
)


def is_instance_body(value: Any) -> bool:
    """A mapping with an ``element`` mapping, or a ``configuration`` mapping next to
    ``name`` or ``providerData``."""
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("element"), dict):
        return True
    return isinstance(value.get("configuration"), dict) and (
        "name" in value or "providerData" in value
    )


def is_exported_array(value: Any) -> bool:
    """An array of instances as ``GET /instances`` returns them: at least one item is an
    instance body (so one broken item is reported with the others rather than hiding the
    whole file)."""
    return isinstance(value, list) and any(is_instance_body(item) for item in value)


def is_instance_document(value: Any) -> bool:
    """A document celint lints: one instance body, or an exported array of them."""
    return is_instance_body(value) or is_exported_array(value)


def looks_like_instance_text(text: str) -> bool:
    """The same test on raw text, for files that do not parse (so a broken body is still reported
    while a tsconfig with comments or a Helm template is left alone)."""
    if _ELEMENT_KEY.search(text):
        return True
    return bool(_CONFIG_KEY.search(text) and _COMPANION_KEY.search(text))
