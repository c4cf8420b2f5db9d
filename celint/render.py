"""Writing a fixed value back as source text, in the style of the value it replaces.

A fix must change only the bytes of one value, so the new text follows the old one's form: JSON
gets JSON; in YAML a plain scalar stays plain, a single- or double-quoted one keeps its quotes,
and anchors or tags in front of the scalar stay where they are. A plain scalar is written plain
only when YAML reads it back as the very same string, in block and in flow context alike;
otherwise it is quoted, because ``on``, ``15``, ``a: b`` or ``x # y`` would change meaning.
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


def render(value: Any, original: str, *, json_style: bool) -> str | None:
    """The source text for ``value`` replacing ``original``; None when it cannot be written."""
    if json_style:
        return json.dumps(value, ensure_ascii=False)
    prefix = _PROPERTIES.match(original)
    properties = original[: prefix.end()] if prefix else ""
    token = original[len(properties) :]
    scalar = _yaml_scalar(value, token)
    return None if scalar is None else properties + scalar


def _yaml_scalar(value: Any, token: str) -> str | None:
    if not isinstance(value, str):
        return _yaml_plain_data(value)
    if token.startswith(("|", ">")):
        return _replace_block(value, token)
    if token.startswith("'") and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    if token.startswith(("'", '"')) or not is_plain_safe(value):
        return json.dumps(value, ensure_ascii=False)
    return value


def _yaml_plain_data(value: Any) -> str | None:
    """Booleans, numbers and null are written plain (quoting would make them strings)."""
    if value is None or isinstance(value, bool | int):
        return json.dumps(value)
    return None


def _replace_block(value: str, token: str) -> str:
    """A block scalar (``|``/``>``) becomes a double-quoted one on the header's line.

    The header's comment and the line breaks after the content stay, so the lines that follow
    keep their place; only the scalar's own text changes.
    """
    header = _BLOCK_HEADER.match(token)
    assert header is not None, "a block scalar's token starts with its header"
    breaks = token[len(token.rstrip()) :].lstrip(" \t")
    return json.dumps(value, ensure_ascii=False) + (header["comment"] or "") + breaks


@functools.lru_cache(maxsize=256)
def is_plain_safe(value: str) -> bool:
    """True when ``value`` written as a plain YAML scalar reads back as this exact string,
    both as a block value and inside a flow collection."""
    if not value or value != value.strip() or not value.isprintable():
        return False
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        root = YAML(typ="safe").compose(f"- {value}\n- [{value}]\n")
    except YAMLError:
        return False
    block, flow = root.value
    if flow.id != "sequence" or len(flow.value) != 1:
        return False
    return all(
        node.id == "scalar" and node.tag == _STR_TAG and node.value == value
        for node in (block, flow.value[0])
    )
