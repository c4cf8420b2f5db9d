"""Writing a fixed value back as source text, in the style of the value it replaces.

A fix must change only the bytes of one value, so the new text follows the old one's form: JSON
gets JSON; in YAML a plain scalar stays plain, a single- or double-quoted one keeps its quotes,
and anchors or tags in front of the scalar stay where they are. A plain scalar is offered plain
only when YAML reads it as the very same string (``15``, ``true``, ``a: b`` or ``x # y`` would
change meaning), and always with a double-quoted fallback: whether the plain form also holds in
its place (``https://x`` is fine in a block mapping, an error inside ``{...}``) is decided by
re-reading the edited file, in :mod:`celint.fix.engine`.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

# Anchors (``&name``) and tags (``!!str``) that precede a YAML scalar's token in its span.
_PROPERTIES = re.compile(r"(?:[&!]\S*[ \t]+)*")
# A block scalar's header: indicator, chomping/indentation digits, optional comment.
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*(?P<comment>[ \t]+#[^\r\n]*)?")
_STR_TAG = "tag:yaml.org,2002:str"
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def render(value: Any, original: str, *, json_style: bool) -> tuple[str, ...]:
    """Source texts for ``value`` replacing ``original``, preferred first; () if none fits."""
    if json_style:
        return (_json(value),)
    prefix = _PROPERTIES.match(original)
    properties = original[: prefix.end()] if prefix else ""
    token = original[len(properties) :]
    return tuple(properties + scalar for scalar in _yaml_scalars(value, token))


def _yaml_scalars(value: Any, token: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        plain = _yaml_plain_data(value)
        return (plain,) if plain is not None else ()
    quoted = _json(value)
    if token.startswith(("|", ">")):
        block = _replace_block(quoted, token)
        return (block,) if block is not None else ()
    if token.startswith("'") and value.isprintable():
        return ("'" + value.replace("'", "''") + "'",)
    if token.startswith(("'", '"')) or not is_plain_safe(value):
        return (quoted,)
    return (value, quoted)


def _json(value: Any) -> str:
    """``value`` as JSON text (also a YAML double-quoted scalar), characters as they are but a
    lone surrogate (from a ``\\udc00`` escape in the file) written as that escape again: the
    file's encoding cannot carry it raw."""
    text = json.dumps(value, ensure_ascii=False)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _yaml_plain_data(value: Any) -> str | None:
    """Booleans, numbers and null are written plain (quoting would make them strings)."""
    if value is None or isinstance(value, bool | int):
        return json.dumps(value)
    return None


def _replace_block(quoted: str, token: str) -> str | None:
    """A block scalar (``|``/``>``) becomes a double-quoted one on the header's line.

    The header's comment and the line breaks after the content stay, so the lines that follow
    keep their place; only the scalar's own text changes.
    """
    header = _BLOCK_HEADER.match(token)
    if header is None:  # not a block scalar's text after all: no safe rendering
        return None
    breaks = token[len(token.rstrip()) :].lstrip(" \t")
    return quoted + (header["comment"] or "") + breaks


@functools.lru_cache(maxsize=256)
def is_plain_safe(value: str) -> bool:
    """True when ``value`` written as a plain YAML scalar reads back as this exact string (with
    the string tag: not a number, boolean, null or timestamp)."""
    if not value or value != value.strip() or not value.isprintable():
        return False
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        root = YAML(typ="safe").compose(f"- {value}\n")
    except YAMLError:
        return False
    node = root.value[0]
    return bool(node.id == "scalar" and node.tag == _STR_TAG and node.value == value)
