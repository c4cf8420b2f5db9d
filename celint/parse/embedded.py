"""Documents inside string values, with positions that point into the enclosing file.

``event.poller.configuration`` may hold a whole JSON document as a string (the platform returns
it that way). A finding inside it must name the characters in the file, and those differ from
the decoded text wherever the source escapes a character (``\\"``, ``\\n``, ``\\u00e9``) or, in
YAML, folds or indents lines. So the map from decoded offsets to file offsets is built by decoding
the raw token once more, character by character, remembering where each character came from.
JSON strings and YAML double-quoted, single-quoted and literal block (``|``) scalars are mapped
exactly; if the decoding does not reproduce the parsed value (a folded or plain YAML scalar, a
value rewritten by ``--env``), every position falls back to the string token itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from celint import pointer as jp
from celint.model import LINE_BREAK, Span
from celint.parse.document import Document, LineIndex

#: A decoded character with the file offsets of its raw form (start, end).
Mapped = list[tuple[str, int, int]]

_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    # YAML double-quoted only (never in valid JSON, so harmless for JSON strings):
    "0": "\0",
    "a": "\a",
    "v": "\v",
    "e": "\x1b",
    " ": " ",
    "\t": "\t",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_BREAKS = "\r\n"
_BLANKS = " \t"


def _line_break(text: str, at: int) -> int:
    """The offset after the line break at ``at`` (``\\r\\n`` counts as one break)."""
    return at + 2 if text.startswith("\r\n", at) else at + 1


def _fold(text: str, at: int, out: Mapped) -> int:
    """Fold the line breaks of a flow scalar starting at ``at``, as YAML does: trailing blanks
    go, one break becomes a space, n breaks become n - 1 newlines, the next line's indentation
    goes. Returns where the next line's content starts."""
    while out and out[-1][0] in _BLANKS and out[-1][2] - out[-1][1] == 1:
        out.pop()
    breaks, position = 0, at
    while position < len(text) and text[position] in _BREAKS:
        breaks += 1
        position = _line_break(text, position)
        while position < len(text) and text[position] in _BLANKS:
            position += 1
    if breaks == 1:
        out.append((" ", at, position))
    else:
        out.extend(("\n", at, position) for _ in range(breaks - 1))
    return position


def _hex_escape(text: str, at: int) -> tuple[str, int]:
    """The character of a ``\\xXX``/``\\uXXXX``/``\\UXXXXXXXX`` escape at ``at`` and where it
    ends; a UTF-16 surrogate pair written as two ``\\u`` escapes is one character."""
    size = _HEX_DIGITS[text[at + 1]]
    end = at + 2 + size
    code = int(text[at + 2 : end], 16)
    if 0xD800 <= code < 0xDC00 and text.startswith("\\u", end):
        low = int(text[end + 2 : end + 6], 16)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), end + 6
    return chr(code), end


def _escape(text: str, at: int, out: Mapped) -> int:
    """Decode the escape at ``at`` (a backslash in a double-quoted string) into ``out``;
    returns where the text goes on, or -1 for an escape this module does not know."""
    escape = text[at + 1]
    if escape in _ESCAPES:
        out.append((_ESCAPES[escape], at, at + 2))
        return at + 2
    if escape in _HEX_DIGITS:
        decoded, after = _hex_escape(text, at)
        out.append((decoded, at, after))
        return after
    if escape in _BREAKS:  # an escaped line break joins the lines with nothing between
        position = _line_break(text, at + 1)
        while text[position] in _BLANKS:
            position += 1
        return position
    return -1


def _quoted(text: str, start: int, end: int) -> Mapped | None:
    """A JSON string, or a YAML double-quoted (escapes) or single-quoted (``''`` is a quote)
    scalar; in YAML, line breaks inside the quotes fold."""
    quote = text[start]
    out: Mapped = []
    position = start + 1
    while position < end - 1:
        char = text[position]
        if quote == "'" and char == "'":
            out.append(("'", position, position + 2))
            position += 2
        elif quote == '"' and char == "\\":
            position = _escape(text, position, out)
            if position < 0:
                return None
        elif char in _BREAKS:
            position = _fold(text, position, out)
        else:
            out.append((char, position, position + 1))
            position += 1
    return out


def _literal_block(text: str, start: int, end: int) -> Mapped | None:
    """A YAML literal block scalar (``|``, ``|-``, ``|+``): lines kept, indentation removed.

    Trailing line breaks are all kept here; the caller keeps as many as the chomping left in
    the value. An explicit indentation indicator (``|2``) is not mapped.
    """
    breaks = list(LINE_BREAK.finditer(text, start, end))
    if not breaks or any(c.isdigit() for c in text[start : breaks[0].start()].split("#")[0]):
        return None
    lines: list[tuple[int, int, int]] = []  # content start, content end, end of its break
    position = breaks[0].end()
    for line_break in breaks[1:]:
        lines.append((position, line_break.start(), line_break.end()))
        position = line_break.end()
    if position < end:
        lines.append((position, end, end))
    content = [(s, e) for s, e, _ in lines if text[s:e].strip(_BLANKS)]
    if not content:
        return None
    first = text[content[0][0] : content[0][1]]
    indent = len(first) - len(first.lstrip(" "))
    out: Mapped = []
    for line_start, line_end, break_end in lines:
        out.extend((text[i], i, i + 1) for i in range(line_start + indent, line_end))
        if break_end > line_end:
            out.append(("\n", line_end, break_end))
    return out


class OffsetMap(NamedTuple):
    """Decoded offsets of a string value → offsets in the file; ``token`` is the fallback."""

    token: tuple[int, int]
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def offsets(self, start: int, end: int) -> tuple[int, int]:
        """The file range of the decoded range ``start:end``."""
        if not self.starts:
            return self.token
        count = len(self.starts)
        file_start = self.starts[start] if start < count else self.ends[-1]
        file_end = self.ends[min(end, count) - 1] if end > start else file_start
        return file_start, file_end


def offset_map(text: str, token: Span, value: str) -> OffsetMap:
    """Map ``value`` (the decoded string) onto its raw ``token`` in ``text``."""
    start, end = token.offset, token.end_offset
    decoders = {'"': _quoted, "'": _quoted, "|": _literal_block}
    decoder = decoders.get(text[start : start + 1])
    try:
        mapped = decoder(text, start, end) if decoder else None
    except (ValueError, IndexError):
        mapped = None
    if mapped is None or len(mapped) < len(value) or not value:
        return OffsetMap((start, end))
    kept = mapped[: len(value)]
    if "".join(char for char, _, _ in kept) != value:
        return OffsetMap((start, end))
    return OffsetMap((start, end), tuple(s for _, s, _ in kept), tuple(e for _, _, e in kept))


def _string_ancestor(value: object, pointer: str) -> str | None:
    """The pointer of the string value that ``pointer`` goes on inside, if it does."""
    tokens = jp.split(pointer)
    for depth, token in enumerate(tokens):
        if isinstance(value, str):
            return jp.from_path(tokens[:depth])
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
    return None


def nest_json_strings(document: Document, text: str, pointers: Iterable[str]) -> None:
    """Let ``document`` place ``pointers`` that go on inside a string holding JSON.

    For each such string, the JSON it holds is parsed and nested in ``document`` with its spans
    translated into ``text``, so a finding inside the string gets its true line and column.
    """
    bases = {b for p in pointers if (b := _string_ancestor(document.value, p)) is not None}
    if bases:
        lines = LineIndex(text)
        for base in sorted(bases):
            _nest(document, text, lines, base)


def _nest(document: Document, text: str, lines: LineIndex, base: str) -> None:
    from celint.parse.json_reader import load_json

    value = jp.resolve(document.value, base)
    token = document.span(base)
    parsed = load_json(value)
    if token is None or parsed.failed or not parsed.documents:
        return
    mapping = offset_map(text, token, value)

    def convert(span: Span) -> Span:
        return lines.span(*mapping.offsets(span.offset, span.end_offset))

    document.nest(base, parsed.documents[0].translated(convert))
