"""Hiding secret values in printed source lines (the ``full`` format shows the lines it cites)."""

from __future__ import annotations

import re

from celint.io.read import Source
from celint.lint.engine import parse
from celint.model import Span
from celint.secrets import is_secret_pointer, secret_pointers

MASK = "*"


# A ``key: value`` or ``"key": value`` line, for text that does not parse.
_MEMBER = re.compile(r"""(?m)^[ \t-]*["']?([^"':\n]+)["']?[ \t]*:[ \t]*(\S[^\n]*)$""")


def _guessed_spans(text: str) -> list[Span]:
    """Where a file that does not parse has no positions, every value of a member whose key
    names a secret is masked: over-masking a broken line beats printing a secret."""
    return [
        Span(0, 0, 0, 0, match.start(2), match.end(2))
        for match in _MEMBER.finditer(text)
        if is_secret_pointer(f"/configuration/{match.group(1).strip()}")
        or is_secret_pointer(f"/providerData/{match.group(1).strip()}")
        or is_secret_pointer(f"/0/{match.group(1).strip()}")
    ]


def secret_spans(source: Source) -> list[Span]:
    """Spans of every secret value in a source (guessed by key when it does not parse)."""
    parsed = parse(source)
    if parsed.failed:
        return _guessed_spans(source.text)
    spans: list[Span] = []
    for document in parsed.documents:
        for pointer in secret_pointers(document.value):
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
