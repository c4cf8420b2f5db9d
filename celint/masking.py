"""Hiding secret values in printed source lines (the ``full`` format shows the lines it cites)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from celint import pointer as jp
from celint.diagnostic import Span
from celint.linter import parse
from celint.source import Source
from celint.values import is_secret_pointer

MASK = "*"


def _secret_pointers(value: Any, pointer: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, item in items:
        child = jp.join(pointer, key)
        if is_secret_pointer(child) and item is not None:
            yield child
        else:
            yield from _secret_pointers(item, child)


def secret_spans(source: Source) -> list[Span]:
    """Spans of every secret value in a source (none when it does not parse)."""
    spans: list[Span] = []
    for document in parse(source).documents:
        for pointer in _secret_pointers(document.value):
            span = document.span(pointer)
            if span is not None:
                spans.append(span)
    return spans


def masked_text(source: Source) -> str:
    """The source text with every secret value's characters replaced, line breaks kept."""
    chars = list(source.text)
    for span in secret_spans(source):
        for index in range(span.offset, span.end_offset):
            if chars[index] not in "\r\n":
                chars[index] = MASK
    return "".join(chars)
